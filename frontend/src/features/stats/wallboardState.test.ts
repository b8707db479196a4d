import { describe, expect, it } from 'vitest';
import type { ChatFigures } from './chatFigures';
import { applySupervisorMessage, type OperatorLive, type Wallboard, type WallboardState } from './wallboardState';

const kpi = { inbound: 0, answered: 0, missed: 0, abandoned: 0, shortAbandoned: 0, answeredWithinThreshold: 0, serviceLevel: 0, serviceLevel2: 0,
  abandonmentRate: 0, asaSeconds: 0, ahtSeconds: 0, handled: 0, handlingSeconds: 0, workingSeconds: 0, occupancy: null };
const chats: ChatFigures = { chats: 0, aiOnly: 0, byPeople: 0, messages: 0, messagesPerChat: 0, rounds: 0, firstResponses: 0,
  averageFirstResponseSeconds: 0, resolved: 0, averageResolutionSeconds: 0, firstResponseBreaches: 0, resolutionBreaches: 0 };
const board = (at: string, callsWaiting: number): Wallboard => ({ type: 'wallboard', at, callsWaiting, longestWaitSeconds: 0, operatorsByState: {}, chatsWaiting: 0, chatsOverdue: 0, today: kpi, chatsToday: chats });
const operator = (operatorId: number, name: string, liveState: string): OperatorLive & { type: string } =>
  ({ type: 'operator-state', operatorId, name, sipAddress: null, city: null, statusWork: 'working', liveState, since: null, callId: null });
const empty: WallboardState = { board: null, roster: [] };

describe('wallboard state', () => {
  it('takes newer figures and keeps them against an older answer', () => {
    const pushed = applySupervisorMessage(empty, board('2026-11-24T10:00:05Z', 3) as never);
    expect(pushed.board?.callsWaiting).toBe(3);
    const stale = applySupervisorMessage(pushed, board('2026-11-24T10:00:01Z', 0) as never);
    expect(stale.board?.callsWaiting).toBe(3);
    expect(applySupervisorMessage(pushed, board('2026-11-24T10:00:09Z', 1) as never).board?.callsWaiting).toBe(1);
  });

  it('replaces an operator row, adds new ones, keeps them by name and drops the message type', () => {
    let state = applySupervisorMessage(empty, operator(2, 'Павел', 'available') as never);
    state = applySupervisorMessage(state, operator(1, 'Ольга', 'available') as never);
    state = applySupervisorMessage(state, operator(2, 'Павел', 'on_call') as never);
    expect(state.roster.map((r) => [r.name, r.liveState])).toEqual([['Ольга', 'available'], ['Павел', 'on_call']]);
    expect('type' in state.roster[0]).toBe(false);
  });

  it('ignores other messages', () => {
    expect(applySupervisorMessage(empty, { type: 'telephony-gap' })).toBe(empty);
  });
});
