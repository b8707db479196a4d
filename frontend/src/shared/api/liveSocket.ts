import { useEffect, useRef, useState } from 'react';
import { getSession, onSessionChange } from './session';
import { refreshSession } from './client';

export type SocketState = 'connecting' | 'open' | 'closed';

/** Close code the server uses for a missing, forged or expired token (and for a wrong role). */
export const POLICY_VIOLATION = 1008;

/** How long to wait before reconnect attempt `attempt` (0-based): 1 s doubling, at most 30 s. */
export function reconnectDelay(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
}

export function socketUrl(path: string, token: string, location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${path}?token=${encodeURIComponent(token)}`;
}

/**
 * Keeps a WebSocket to `path` open while the component is mounted. The token goes in the query
 * string (a browser cannot set headers on a WebSocket); when the server closes with 1008 because the
 * token expired, the session is refreshed and the socket reopened with the new token.
 */
export function useLiveSocket(path: string, onMessage: (message: any) => void): SocketState {
  const [state, setState] = useState<SocketState>('connecting');
  const handler = useRef(onMessage);
  handler.current = onMessage;

  useEffect(() => {
    let socket: WebSocket | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const open = () => {
      const session = getSession();
      if (stopped || !session) return;
      setState('connecting');
      const token = session.accessToken;
      socket = new WebSocket(socketUrl(path, token, window.location));
      socket.onmessage = (event) => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          return; // a message that is not JSON is not ours to show
        }
        // the server says "connected" once it has admitted the token and registered the socket:
        // only from then on can pushes arrive, so only then is the socket shown as live
        if (message?.type === 'connected') {
          attempt = 0;
          setState('open');
        }
        handler.current(message);
      };
      socket.onclose = async (event) => {
        setState('closed');
        if (stopped) return;
        // refused for its token: refresh, unless a request has already renewed the token meanwhile
        const renewed = getSession()?.accessToken !== token;
        if (event.code === POLICY_VIOLATION && !renewed && !(await refreshSession())) return;
        timer = setTimeout(open, event.code === POLICY_VIOLATION ? 0 : reconnectDelay(attempt++));
      };
    };
    open();
    const unsubscribe = onSessionChange((session, reason) => {
      if (!session || reason === 'signed-in') socket?.close();
    });
    return () => {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      socket?.close();
    };
  }, [path]);
  return state;
}
