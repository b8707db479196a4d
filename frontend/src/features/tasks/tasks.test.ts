import { describe, expect, it } from 'vitest';
import { localInputValue, withOffset } from './tasks';

describe('task times', () => {
  it('sends the wall time typed with this browser\'s offset', () => {
    const typed = '2026-03-01T18:00';
    const sent = withOffset(typed);
    expect(sent.startsWith('2026-03-01T18:00:00')).toBe(true);
    // whatever the zone the test runs in, the instant sent is the one the browser means by the wall time
    expect(new Date(sent).getTime()).toBe(new Date(typed).getTime());
    expect(withOffset('')).toBe('');
  });

  it('fills the time input with local minutes', () => {
    expect(localInputValue(new Date(2026, 2, 1, 9, 5, 59))).toBe('2026-03-01T09:05');
  });
});
