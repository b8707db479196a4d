export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** The API's week: a day absent or null is closed. */
export type WorkingHours = Partial<Record<Day, { from: string; to: string } | null>>;

/** The editor's rows: every day, open or not, with its hours kept while it is closed. */
export type WeekRows = Record<Day, { open: boolean; from: string; to: string }>;

export function rowsOf(hours: WorkingHours | null | undefined): WeekRows {
  return Object.fromEntries(
    DAYS.map((day) => {
      const h = hours?.[day];
      return [day, h ? { open: true, from: h.from, to: h.to } : { open: false, from: '09:00', to: '18:00' }];
    }),
  ) as WeekRows;
}

/** Back to the API's week: every day named, closed ones as null. */
export function hoursOf(rows: WeekRows): WorkingHours {
  return Object.fromEntries(DAYS.map((day) => [day, rows[day].open ? { from: rows[day].from, to: rows[day].to } : null])) as WorkingHours;
}

/** Mon–Fri 09:00–18:00, weekends closed: what a new city starts with. */
export const DEFAULT_WEEK: WorkingHours = hoursOf(
  Object.fromEntries(DAYS.map((day) => [day, { open: day !== 'sat' && day !== 'sun', from: '09:00', to: '18:00' }])) as WeekRows,
);

/** "Пн–Пт 09:00–18:00" style summary for the list: consecutive days with the same hours are joined. */
export function summary(hours: WorkingHours | null | undefined, dayLabel: (day: Day) => string, closed: string): string {
  const parts: string[] = [];
  let start = 0;
  const key = (day: Day) => (hours?.[day] ? `${hours[day]!.from}–${hours[day]!.to}` : null);
  for (let i = 1; i <= DAYS.length; i++) {
    if (i === DAYS.length || key(DAYS[i]) !== key(DAYS[start])) {
      const span = i - 1 === start ? dayLabel(DAYS[start]) : `${dayLabel(DAYS[start])}–${dayLabel(DAYS[i - 1])}`;
      parts.push(`${span} ${key(DAYS[start]) ?? closed}`);
      start = i;
    }
  }
  return parts.join(', ');
}
