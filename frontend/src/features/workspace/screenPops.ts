import type { Call } from '../../shared/api/types';

export interface PopClient {
  id: number;
  name: string | null;
  phones: string[];
  tags: string[];
  vip: boolean;
  doNotServe: boolean;
  notes: { id: number; text: string; authorLogin: string | null; createdAt: string }[];
}

export interface PopOrder {
  id: number;
  rk: string | null;
  city: string;
  status: string;
  typeOrder: string;
  typeEquipment: string | null;
  problem: string | null;
  address: string | null;
  dateMeeting: string | null;
  createdAt: string;
}

export interface RecentCall {
  id: number;
  createdAt: string;
  direction: string;
  status: string;
  operatorId: number | null;
  talkSeconds: number;
}

/** `{"type":"screen-pop",…}` from /ws/operator (see screenpop.ScreenPop). */
export interface ScreenPop {
  type: 'screen-pop';
  call: Call;
  client: PopClient | null;
  campaign: { rk: string; city: string; source: string | null } | null;
  openOrders: PopOrder[];
  recentCalls: RecentCall[];
  /** the Avito ad the caller's number last called from, as Avito's call tracking reported it (a call is reported after it ends) */
  avitoAd?: { id: string; title: string | null; url: string | null; calledAt: string; thisCall: boolean } | null;
}

export type LiveMessage = ScreenPop | { type: 'call-updated'; call: Call } | { type: 'connected' } | { type: string };

/** Cards kept on screen at most; an operator rarely has more than one call ringing. */
export const MAX_POPS = 5;

/**
 * The cards on screen after a message: a pop puts its call's card first (a repeated pop for the same
 * call replaces it), a call update refreshes the call on its card, anything else changes nothing.
 */
export function applyLiveMessage(pops: ScreenPop[], message: LiveMessage): ScreenPop[] {
  if (message.type === 'screen-pop') {
    const pop = message as ScreenPop;
    return [pop, ...pops.filter((p) => p.call.id !== pop.call.id)].slice(0, MAX_POPS);
  }
  if (message.type === 'call-updated') {
    const call = (message as { call: Call }).call;
    return pops.some((p) => p.call.id === call.id) ? pops.map((p) => (p.call.id === call.id ? { ...p, call } : p)) : pops;
  }
  return pops;
}

export function dismissPop(pops: ScreenPop[], callId: number): ScreenPop[] {
  return pops.filter((p) => p.call.id !== callId);
}

/**
 * The new-order form's query string, filled from the call: the caller's number, the campaign's city
 * and RK (else the call's), the client's name. Hook: once calls carry a transcript summary (the ASR
 * work), its text belongs in `problem` here.
 */
export function orderDraftOf(pop: ScreenPop): string {
  const params = new URLSearchParams();
  const set = (key: string, value: string | null | undefined) => {
    if (value) params.set(key, value);
  };
  set('phone', pop.call.phoneClient);
  set('city', pop.campaign?.city ?? pop.call.city);
  set('rk', pop.campaign?.rk ?? pop.call.rk);
  set('clientName', pop.client?.name ?? pop.call.clientName);
  set('callId', String(pop.call.id));
  return params.toString();
}
