import { describe, expect, it } from 'vitest';
import { applyChatPush, unowned, type ChatPush } from './chatQueue';
import type { Conversation } from './conversation';

const chat = (id: number, over: Partial<Conversation> = {}): Conversation => ({
  id, channel: 'avito', accountId: 1, externalChatId: `c-${id}`, city: 'Казань', rk: null, itemId: null, adTitle: null,
  clientPhone: null, clientId: null, orderId: null, status: 'queued', queueReason: 'handoff', queuedAt: `2026-12-07T10:0${id}:00Z`,
  lastMessageAt: null, createdAt: '2026-12-07T10:00:00Z', assigneeId: null, assignee: null, assignedAt: null, ...over,
});
const push = (event: ChatPush['event'], conversation: Conversation): ChatPush => ({ type: 'chat', event, conversation });

describe('the chat queue kept from pushes', () => {
  it('a newly queued chat joins in order of waiting and rings once', () => {
    const first = applyChatPush([chat(3)], push('queued', chat(1)));
    expect(first.queue.map((c) => c.id)).toEqual([1, 3]);
    expect(first.arrived).toBe(true);
    const again = applyChatPush(first.queue, push('message', chat(1, { lastMessageAt: '2026-12-07T10:09:00Z' })));
    expect(again.arrived).toBe(false);
    expect(again.queue.find((c) => c.id === 1)?.lastMessageAt).toBe('2026-12-07T10:09:00Z');
  });

  it('a taken chat stays with its owner shown and leaves the badge count', () => {
    const taken = applyChatPush([chat(1), chat(2)], push('assigned', chat(1, { assigneeId: 7, assignee: 'Ольга' })));
    expect(taken.queue.find((c) => c.id === 1)?.assignee).toBe('Ольга');
    expect(unowned(taken.queue)).toBe(1);
  });

  it('a chat answered or closed leaves the queue; one that never was in it changes nothing', () => {
    const queue = [chat(1), chat(2)];
    expect(applyChatPush(queue, push('replied', chat(1, { status: 'open' }))).queue.map((c) => c.id)).toEqual([2]);
    expect(applyChatPush(queue, push('closed', chat(5, { status: 'closed' }))).queue).toBe(queue);
  });
});
