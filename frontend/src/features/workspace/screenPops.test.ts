import { describe, expect, it } from 'vitest';
import type { Call } from '../../shared/api/types';
import { applyLiveMessage, dismissPop, MAX_POPS, orderDraftOf, type ScreenPop } from './screenPops';

function call(id: number, over: Partial<Call> = {}): Call {
  return {
    id, source: 'mango', externalId: `e${id}`, rk: null, city: null, cityId: null, phoneClient: '+79161234567', phoneAts: '+78432507713',
    direction: 'inbound', status: 'ringing', missedReason: null, operator: null, operatorId: null, operatorExtension: '101', clientId: 7,
    clientName: null, orderId: null, dateCreate: '2026-11-24T10:00:00Z', answeredAt: null, endedAt: null, waitSeconds: 0, holdSeconds: 0,
    talkSeconds: 0, disconnectReason: null, disposition: null, dispositionId: null, note: null, recordingRef: null, ...over,
  };
}

function pop(id: number, over: Partial<ScreenPop> = {}): ScreenPop {
  return { type: 'screen-pop', call: call(id), client: null, campaign: null, openOrders: [], recentCalls: [], ...over };
}

describe('screen-pop cards', () => {
  it('puts a new pop first and replaces a repeated pop of the same call', () => {
    let cards = applyLiveMessage([], pop(1));
    cards = applyLiveMessage(cards, pop(2));
    expect(cards.map((c) => c.call.id)).toEqual([2, 1]);
    cards = applyLiveMessage(cards, pop(1, { client: { id: 7, name: 'Анна', phones: [], tags: [], vip: false, doNotServe: false, notes: [] } }));
    expect(cards.map((c) => c.call.id)).toEqual([1, 2]);
    expect(cards[0].client?.name).toBe('Анна');
  });

  it('keeps at most the newest cards', () => {
    let cards: ScreenPop[] = [];
    for (let id = 1; id <= MAX_POPS + 2; id++) cards = applyLiveMessage(cards, pop(id));
    expect(cards).toHaveLength(MAX_POPS);
    expect(cards[0].call.id).toBe(MAX_POPS + 2);
  });

  it('refreshes the call on its card and ignores updates of calls without a card', () => {
    const cards = [pop(1)];
    const answered = applyLiveMessage(cards, { type: 'call-updated', call: call(1, { status: 'answered' }) } as never);
    expect(answered[0].call.status).toBe('answered');
    expect(applyLiveMessage(cards, { type: 'call-updated', call: call(9) } as never)).toBe(cards);
    expect(applyLiveMessage(cards, { type: 'connected' })).toBe(cards);
  });

  it('dismisses one card', () => {
    expect(dismissPop([pop(1), pop(2)], 1).map((c) => c.call.id)).toEqual([2]);
  });

  it('fills the order draft from the campaign first, then the call', () => {
    const withCampaign = pop(5, {
      campaign: { rk: 'avito-kzn', city: 'Казань', source: 'Avito' },
      client: { id: 7, name: 'Анна', phones: [], tags: [], vip: false, doNotServe: false, notes: [] },
    });
    const draft = new URLSearchParams(orderDraftOf(withCampaign));
    expect(Object.fromEntries(draft)).toEqual({ phone: '+79161234567', city: 'Казань', rk: 'avito-kzn', clientName: 'Анна', callId: '5' });

    const bare = new URLSearchParams(orderDraftOf(pop(6, { call: call(6, { city: 'Самара', rk: 'site', clientName: 'Олег' }) })));
    expect(Object.fromEntries(bare)).toEqual({ phone: '+79161234567', city: 'Самара', rk: 'site', clientName: 'Олег', callId: '6' });
  });
});
