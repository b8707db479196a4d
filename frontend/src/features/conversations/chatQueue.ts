import type { ChatSla, Conversation } from './conversation';

/** What /ws/operator pushes when a chat changes: the event and the chat as it is now. */
export interface ChatPush {
  type: 'chat';
  event: 'queued' | 'message' | 'assigned' | 'replied' | 'closed';
  conversation: Conversation;
}

/**
 * The operators' queue after a pushed chat change, oldest waiting first: a chat that waits for a
 * person is added or updated in place (its owner shown), any other one leaves the queue. `arrived`
 * says the chat joined the queue just now — the moment to ring.
 */
export function applyChatPush(queue: Conversation[], push: ChatPush): { queue: Conversation[]; arrived: boolean } {
  const chat = push.conversation;
  const known = queue.some((c) => c.id === chat.id);
  if (chat.status !== 'queued') return { queue: known ? queue.filter((c) => c.id !== chat.id) : queue, arrived: false };
  const next = known ? queue.map((c) => (c.id === chat.id ? chat : c)) : [...queue, chat];
  next.sort((a, b) => (a.queuedAt ?? '').localeCompare(b.queuedAt ?? '') || a.id - b.id);
  return { queue: next, arrived: !known };
}

/** Chats in the queue nobody has taken yet: the number on the badge. */
export function unowned(queue: Conversation[]): number {
  return queue.filter((c) => c.assigneeId == null).length;
}

/** The deadline a chat is working towards now and whether it is (or was) missed; null when no clock runs. */
export interface SlaView { clock: 'firstResponse' | 'resolution'; due: string; breached: boolean }

export function slaView(sla: ChatSla | undefined, now: number): SlaView | null {
  if (!sla?.waitingSince || sla.resolvedAt) return null;
  const missed = (due: string) => Date.parse(due) <= now;
  if (!sla.firstResponseAt && sla.firstResponseDue) {
    return { clock: 'firstResponse', due: sla.firstResponseDue, breached: sla.firstResponseBreached || missed(sla.firstResponseDue) };
  }
  if (sla.resolutionDue) {
    return { clock: 'resolution', due: sla.resolutionDue, breached: sla.resolutionBreached || missed(sla.resolutionDue) };
  }
  return null;
}
