import { useEffect, useState } from 'react';
import { getSession, onSessionChange, type Session } from './session';

export function useSession(): Session | null {
  const [session, setState] = useState(getSession());
  useEffect(() => onSessionChange((s) => setState(s)), []);
  return session;
}
