import { describe, expect, it } from 'vitest';
import { applyChatPush, slaView, unowned, type ChatPush } from './chatQueue';
import type { Conversation } from './conversation';

const chat = (id: number, over: Partial<Conversation> = {}): Conversation => ({
  id, channel: 'avito', accountId: 1, externalChatId: `c-${id}`, city: 'Казань', rk: null, itemId: null, adTitle: null,
  clientPhone: null, clientId: null, orderId: null, status: 'queued', queueReason: 'handoff', queuedAt: `2026-12-07T10:0${id}:00Z`,
  lastMessageAt: null, createdAt: '2026-12-07T10:00:00Z', assigneeId: null, assignee: null, assignedAt: null,
  sla: { waitingSince: null, firstResponseDue: null, firstResponseAt: null, firstResponseBreached: false, resolutionDue: null, resolvedAt: null,
    resolutionBreached: false }, ...over,
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

describe('the SLA deadline shown on a chat', () => {
  const sla = { waitingSince: '2026-12-07T10:00:00Z', firstResponseDue: '2026-12-07T10:00:05Z', firstResponseAt: null, firstResponseBreached: false,
    resolutionDue: '2026-12-07T11:00:00Z', resolvedAt: null, resolutionBreached: false };
  const at = (iso: string) => Date.parse(iso);

  it('counts to the first response, and turns red the moment it passes', () => {
    expect(slaView(sla, at('2026-12-07T10:00:04Z'))).toEqual({ clock: 'firstResponse', due: sla.firstResponseDue, breached: false });
    expect(slaView(sla, at('2026-12-07T10:00:05Z'))?.breached).toBe(true);
  });

  it('after the reply counts to the resolution, a missed first response stays missed on the server only', () => {
    const replied = { ...sla, firstResponseAt: '2026-12-07T10:00:09Z', firstResponseBreached: true };
    expect(slaView(replied, at('2026-12-07T10:01:00Z'))).toEqual({ clock: 'resolution', due: sla.resolutionDue, breached: false });
  });

  it('shows nothing for a closed chat, one never handed to people, or a city without targets', () => {
    expect(slaView({ ...sla, resolvedAt: '2026-12-07T10:30:00Z' }, at('2026-12-07T12:00:00Z'))).toBeNull();
    expect(slaView({ ...sla, waitingSince: null }, at('2026-12-07T12:00:00Z'))).toBeNull();
    expect(slaView({ ...sla, firstResponseDue: null, resolutionDue: null }, at('2026-12-07T12:00:00Z'))).toBeNull();
  });
});
