/** A chat with a client (`/api/conversations`). */
export interface Conversation {
  id: number; channel: string; accountId: number; externalChatId: string; city: string | null; rk: string | null;
  itemId: string | null; adTitle: string | null; clientPhone: string | null; clientId: number | null; orderId: number | null;
  status: 'open' | 'queued' | 'closed'; queueReason: string | null; queuedAt: string | null; lastMessageAt: string | null; createdAt: string;
  /** the operator who owns the chat, and their name */
  assigneeId: number | null; assignee: string | null; assignedAt: string | null;
  sla: ChatSla;
}
/** The SLA clocks since the chat was last handed to people; deadlines are null where the city sets no target. */
export interface ChatSla {
  waitingSince: string | null; firstResponseDue: string | null; firstResponseAt: string | null; firstResponseBreached: boolean;
  resolutionDue: string | null; resolvedAt: string | null; resolutionBreached: boolean;
}
export interface Message {
  id: number; conversationId: number; sender: 'client' | 'operator' | 'ai' | 'system'; operatorId: number | null; text: string;
  externalId: string | null; deliveryStatus: 'received' | 'pending' | 'sent' | 'failed'; attempts: number;
  nextAttemptAt: string | null; lastError: string | null; sentAt: string | null; createdAt: string;
  /** the client sent a picture: shown from `/api/conversations/{id}/messages/{messageId}/image` instead of the text "[image]" */
  image: boolean;
}
export interface ConversationDetail { conversation: Conversation; messages: Message[] }
export interface AnswerSource { entryId: number; title: string; category: string; confidence: number }
export interface AiAnswer {
  id: number; conversationId: number | null; messageId: number | null; question: string; answer: string | null; title: string | null;
  confidence: number; handoff: boolean; reason: string | null; sources: AnswerSource[]; writtenByLlm: boolean;
  averageRating: number | null; ratings: number; createdAt: string;
}

export const CONVERSATION_STATUSES = ['queued', 'open', 'closed'] as const;

/**
 * What a message's delivery means to the operator: a client's message was received; ours is on its
 * way, sent, failing but retried at `nextAttemptAt`, or given up (failed with no next attempt).
 */
export type Delivery = 'received' | 'pending' | 'sent' | 'retrying' | 'given_up';

export function deliveryOf(message: Pick<Message, 'deliveryStatus' | 'nextAttemptAt'>): Delivery {
  if (message.deliveryStatus === 'failed') return message.nextAttemptAt ? 'retrying' : 'given_up';
  return message.deliveryStatus;
}

/** Messages oldest first, with each AI answer beside the message it was sent as (by `messageId`). */
export function threadOf(messages: Message[], answers: AiAnswer[]): { message: Message; answer: AiAnswer | undefined }[] {
  const byMessage = new Map(answers.filter((a) => a.messageId != null).map((a) => [a.messageId, a]));
  return [...messages]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)
    .map((message) => ({ message, answer: byMessage.get(message.id) }));
}
