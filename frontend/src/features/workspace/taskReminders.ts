/** A task that came due, as `{"type":"task-reminder","task":{…}}` and `/api/tasks/reminders` give it. */
export interface DueTask {
  id: number;
  kind: 'task' | 'callback';
  title: string;
  note: string | null;
  clientId: number | null;
  clientName: string | null;
  phone: string | null;
  dueAt: string;
  /** How it reached this page: pushed on the socket, or asked for on connecting. */
  via?: 'push' | 'connect';
}

/** The reminders on screen after new ones arrived: one card per task, the newest due first. */
export function addReminders(shown: DueTask[], arrived: DueTask[]): DueTask[] {
  const byId = new Map(shown.map((task) => [task.id, task]));
  for (const task of arrived) byId.set(task.id, task);
  return [...byId.values()].sort((a, b) => b.dueAt.localeCompare(a.dueAt) || b.id - a.id);
}
