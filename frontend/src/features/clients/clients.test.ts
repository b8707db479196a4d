import { describe, expect, it } from 'vitest';
import { entryLink, parseTags } from './clients';

describe('client card helpers', () => {
  it('opens every timeline entry on its own screen', () => {
    expect(entryLink({ kind: 'call', id: 7 })).toBe('/calls/7');
    expect(entryLink({ kind: 'chat', id: 3 })).toBe('/conversations/3');
    expect(entryLink({ kind: 'order', id: 12 })).toBe('/orders/12');
    expect(entryLink({ kind: 'task', id: 4 })).toBe('/tasks');
    expect(entryLink({ kind: 'note', id: 1 })).toBeNull();
  });

  it('reads tags typed in one field, dropping blanks and repeats', () => {
    expect(parseTags('опт, VIP-заказчик ,,опт')).toEqual(['опт', 'VIP-заказчик']);
    expect(parseTags('  ')).toEqual([]);
  });
});
