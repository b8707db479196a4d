import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent, formatPhone } from './format';

describe('formatting', () => {
  it('writes durations as m:ss, and h:mm:ss from an hour', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3700)).toBe('1:01:40');
    expect(formatDuration(12.6)).toBe('0:13');
    expect(formatDuration(null)).toBe('—');
  });

  it('groups Russian numbers and leaves others alone', () => {
    expect(formatPhone('+79161234567')).toBe('+7 916 123-45-67');
    expect(formatPhone('+4930123456')).toBe('+4930123456');
    expect(formatPhone(null)).toBe('—');
  });

  it('writes percentages with one decimal', () => {
    expect(formatPercent(87.25)).toBe('87.3 %');
    expect(formatPercent(null)).toBe('—');
  });
});
