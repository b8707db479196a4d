/** What a new task is about: the screen it is made from fills in what it knows. */
export interface TaskAbout {
  clientId?: number | null;
  phone?: string | null;
  callId?: number | null;
  orderId?: number | null;
  conversationId?: number | null;
}

/** The new-task form's address for a call-back about this (the form lets the user make it a plain task). */
export function newCallBackLink(about: TaskAbout): string {
  const params = new URLSearchParams({ kind: 'callback' });
  for (const [key, value] of Object.entries(about)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  return `/tasks/new?${params}`;
}
