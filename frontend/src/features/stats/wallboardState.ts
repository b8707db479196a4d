import type { ChatFigures } from './chatFigures';

export interface Kpi {
  inbound: number;
  answered: number;
  missed: number;
  abandoned: number;
  shortAbandoned: number;
  answeredWithinThreshold: number;
  serviceLevel: number;
  serviceLevel2: number;
  abandonmentRate: number;
  asaSeconds: number;
  ahtSeconds: number;
  handled: number;
  handlingSeconds: number;
  workingSeconds: number;
  occupancy: number | null;
}

/** `GET /api/stats/wallboard`, and the `wallboard` message of /ws/supervisor. */
export interface Wallboard {
  type: 'wallboard';
  at: string;
  callsWaiting: number;
  longestWaitSeconds: number;
  operatorsByState: Record<string, number>;
  /** chats handed to people nobody has taken; open chats past their SLA deadline */
  chatsWaiting: number;
  chatsOverdue: number;
  today: Kpi;
  /** today's chats of every city */
  chatsToday: ChatFigures;
}

/** A row of `GET /api/operators/live`, and the `operator-state` message. */
export interface OperatorLive {
  operatorId: number;
  name: string;
  sipAddress: string | null;
  city: string | null;
  statusWork: string;
  liveState: string;
  since: string | null;
  callId: number | null;
}

export interface WallboardState {
  board: Wallboard | null;
  roster: OperatorLive[];
}

/**
 * The wallboard after a /ws/supervisor message: a `wallboard` replaces the figures unless it is
 * older than the ones shown (a REST answer may arrive after a push), an `operator-state` replaces
 * that operator's row (or adds it); other messages change nothing.
 */
export function applySupervisorMessage(state: WallboardState, message: { type: string } & Record<string, unknown>): WallboardState {
  if (message.type === 'wallboard') {
    const board = message as unknown as Wallboard;
    if (state.board && state.board.at > board.at) return state;
    return { ...state, board };
  }
  if (message.type === 'operator-state') {
    const row = message as unknown as OperatorLive & { type?: string };
    const { type: _type, ...operator } = row;
    const exists = state.roster.some((r) => r.operatorId === operator.operatorId);
    const roster = exists ? state.roster.map((r) => (r.operatorId === operator.operatorId ? operator : r)) : [...state.roster, operator];
    return { ...state, roster: roster.sort((a, b) => a.name.localeCompare(b.name)) };
  }
  return state;
}

/** Live states in the order the wallboard shows them. */
export const LIVE_STATES = ['available', 'ringing', 'on_call', 'wrap_up', 'break', 'offline'] as const;
