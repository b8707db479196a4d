import { describe, expect, it } from 'vitest';
import { deliveryOf, threadOf, type AiAnswer, type Message } from './conversation';

const message = (id: number, createdAt: string, over: Partial<Message> = {}): Message => ({
  id, conversationId: 1, sender: 'client', operatorId: null, text: `m${id}`, externalId: null, deliveryStatus: 'received',
  attempts: 0, nextAttemptAt: null, lastError: null, sentAt: null, createdAt, image: false, ...over,
});

describe('message delivery', () => {
  it('tells a failure that will be retried from one given up', () => {
    expect(deliveryOf({ deliveryStatus: 'failed', nextAttemptAt: '2026-11-24T10:00:00Z' })).toBe('retrying');
    expect(deliveryOf({ deliveryStatus: 'failed', nextAttemptAt: null })).toBe('given_up');
    expect(deliveryOf({ deliveryStatus: 'sent', nextAttemptAt: null })).toBe('sent');
    expect(deliveryOf({ deliveryStatus: 'received', nextAttemptAt: null })).toBe('received');
  });
});

describe('conversation thread', () => {
  it('orders messages oldest first and puts each AI answer beside the message it became', () => {
    const answer = { id: 9, messageId: 3 } as AiAnswer;
    const thread = threadOf(
      [message(3, '2026-11-24T10:02:00Z', { sender: 'ai', deliveryStatus: 'sent' }), message(1, '2026-11-24T10:00:00Z'), message(2, '2026-11-24T10:00:00Z')],
      [answer, { id: 10, messageId: null } as AiAnswer],
    );
    expect(thread.map((e) => e.message.id)).toEqual([1, 2, 3]);
    expect(thread.map((e) => e.answer?.id)).toEqual([undefined, undefined, 9]);
  });
});
