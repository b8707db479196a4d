import { describe, expect, it } from 'vitest';
import { addReminders, type DueTask } from './taskReminders';

const task = (id: number, dueAt: string, title = `t${id}`): DueTask =>
  ({ id, kind: 'task', title, note: null, clientId: null, clientName: null, phone: null, dueAt });

describe('task reminders on the workspace', () => {
  it('shows each task once, the latest due first, a repeat replacing the card', () => {
    const shown = addReminders([], [task(1, '2026-03-01T10:00:00Z'), task(2, '2026-03-01T11:00:00Z')]);
    expect(shown.map((t) => t.id)).toEqual([2, 1]);
    const again = addReminders(shown, [task(1, '2026-03-01T12:00:00Z', 'moved')]);
    expect(again.map((t) => [t.id, t.title])).toEqual([[1, 'moved'], [2, 't2']]);
  });
});
