import { describe, expect, it } from 'vitest';
import { slashSearch } from './ReplyAssist';

describe('the reply box', () => {
  it('searches templates only for text that starts with a slash', () => {
    expect(slashSearch('/адрес ')).toBe('адрес');
    expect(slashSearch('/')).toBe('');
    expect(slashSearch('Здравствуйте / добрый день')).toBeNull();
  });
});
