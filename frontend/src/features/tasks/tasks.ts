/** A task as `/api/tasks` gives it (see tasks.Task). */
export interface Task {
  id: number;
  kind: 'task' | 'callback';
  title: string;
  note: string | null;
  cityId: number | null;
  city: string | null;
  assigneeId: number | null;
  assignee: string | null;
  createdBy: string | null;
  clientId: number | null;
  clientName: string | null;
  phone: string | null;
  callId: number | null;
  orderId: number | null;
  conversationId: number | null;
  priority: 'low' | 'normal' | 'high';
  status: 'open' | 'done' | 'cancelled';
  dueAt: string;
  overdue: boolean;
  doneAt: string | null;
  /** opened by missed calls (`missedCount` of them) rather than scheduled by a person */
  missed: boolean;
  missedCount: number;
}

export const PRIORITIES = ['low', 'normal', 'high'] as const;
export const TASK_STATUSES = ['open', 'done', 'cancelled', 'all'] as const;

/** The value of an `<input type="datetime-local">` (local wall time, minutes) for an instant. */
export function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * What the API takes for a `datetime-local` value: the same wall time with this browser's offset,
 * e.g. "2026-03-01T18:00" in Moscow → "2026-03-01T18:00:00+03:00". Empty stays empty (the API says it is required).
 */
export function withOffset(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
