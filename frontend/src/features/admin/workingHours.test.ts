import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEK, hoursOf, rowsOf, summary } from './workingHours';

const label = (day: string) => day;

describe('working hours', () => {
  it('round-trips the API week, naming closed days as null', () => {
    const week = { mon: { from: '08:00', to: '20:00' }, sat: null };
    const back = hoursOf(rowsOf(week));
    expect(back.mon).toEqual({ from: '08:00', to: '20:00' });
    expect(back.sat).toBeNull();
    expect(back.tue).toBeNull();
    expect(Object.keys(back)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });

  it('keeps hours typed for a day while it is switched off', () => {
    const rows = rowsOf(DEFAULT_WEEK);
    rows.mon = { open: false, from: '10:00', to: '19:00' };
    expect(hoursOf(rows).mon).toBeNull();
    expect(rows.mon.from).toBe('10:00');
  });

  it('summarises runs of equal days', () => {
    expect(summary(DEFAULT_WEEK, label, 'closed')).toBe('mon–fri 09:00–18:00, sat–sun closed');
    expect(summary({ mon: { from: '09:00', to: '18:00' }, wed: { from: '09:00', to: '18:00' } }, label, 'x')).toBe(
      'mon 09:00–18:00, tue x, wed 09:00–18:00, thu–sun x',
    );
  });
});
