import { describe, expect, it } from 'vitest';
import { reconnectDelay, socketUrl } from './liveSocket';

describe('live socket', () => {
  it('puts the token in the query string with the page scheme', () => {
    expect(socketUrl('/ws/operator', 'a b+c', { protocol: 'http:', host: 'crm:8080' })).toBe('ws://crm:8080/ws/operator?token=a%20b%2Bc');
    expect(socketUrl('/ws/supervisor', 't', { protocol: 'https:', host: 'crm' })).toBe('wss://crm/ws/supervisor?token=t');
  });

  it('backs off from 1 s to at most 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
