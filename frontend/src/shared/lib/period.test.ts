import { describe, expect, it } from 'vitest';
import { periodProblem, presetPeriod } from './period';

describe('periods', () => {
  const today = new Date(2026, 2, 1); // 1 March: the week and month reach back into February

  it('counts both ends: a week is today and the 6 days before', () => {
    expect(presetPeriod('today', today)).toEqual({ startDate: '2026-03-01', endDate: '2026-03-01' });
    expect(presetPeriod('yesterday', today)).toEqual({ startDate: '2026-02-28', endDate: '2026-02-28' });
    expect(presetPeriod('week', today)).toEqual({ startDate: '2026-02-23', endDate: '2026-03-01' });
    expect(presetPeriod('month', today)).toEqual({ startDate: '2026-01-31', endDate: '2026-03-01' });
  });

  it('names what is wrong with a custom range', () => {
    expect(periodProblem({ startDate: '2026-03-02', endDate: '2026-03-01' })).toBe('reversed');
    expect(periodProblem({ startDate: '', endDate: '2026-03-01' })).toBe('missing');
    expect(periodProblem({ startDate: '2026-03-01', endDate: '2026-03-01' })).toBeNull();
  });
});
