/** A range of local days, both ends inclusive, as the statistics and report endpoints take it. */
export type Period = {
  startDate: string;
  endDate: string;
};

export type PeriodPreset = 'today' | 'yesterday' | 'week' | 'month';

export function isoDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function daysBefore(date: Date, days: number): Date {
  const copy = new Date(date);
  copy.setDate(copy.getDate() - days);
  return copy;
}

/** "week" and "month" are the last 7 and 30 days up to today. */
export function presetPeriod(preset: PeriodPreset, today: Date = new Date()): Period {
  switch (preset) {
    case 'today':
      return { startDate: isoDay(today), endDate: isoDay(today) };
    case 'yesterday': {
      const day = isoDay(daysBefore(today, 1));
      return { startDate: day, endDate: day };
    }
    case 'week':
      return { startDate: isoDay(daysBefore(today, 6)), endDate: isoDay(today) };
    case 'month':
      return { startDate: isoDay(daysBefore(today, 29)), endDate: isoDay(today) };
  }
}

/** What is wrong with a custom range, or null; the server checks the same and answers 400. */
export function periodProblem(period: Period): 'missing' | 'reversed' | null {
  if (!period.startDate || !period.endDate) return 'missing';
  return period.startDate > period.endDate ? 'reversed' : null;
}
