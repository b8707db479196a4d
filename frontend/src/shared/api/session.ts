/** The signed-in user and their tokens, kept in localStorage so a reload stays signed in. */
export type Role = 'admin' | 'supervisor' | 'operator';

export interface SessionUser {
  id: number;
  login: string;
  role: Role;
  name: string | null;
  city: string | null;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

const KEY = 'crm.session';
/** Why the session changed; the last three end it, and the login page says which. */
export type SessionChange = 'signed-in' | 'refreshed' | 'signed-out' | 'expired' | 'passwordChanged' | 'signedOutEverywhere';
type Listener = (session: Session | null, reason: SessionChange) => void;
const listeners = new Set<Listener>();
let current: Session | null = read();
let lastChange: SessionChange | null = null;

function read(): Session | null {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

/** Why the session last changed: the login page tells an expired session from a sign-out. */
export function lastSessionChange(): SessionChange | null {
  return lastChange;
}

export function setSession(session: Session | null, reason: SessionChange): void {
  current = session;
  lastChange = reason;
  if (session) {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(session));
  } else {
    globalThis.localStorage?.removeItem(KEY);
  }
  listeners.forEach((l) => l(session, reason));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
