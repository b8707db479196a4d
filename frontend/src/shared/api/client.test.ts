import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, apiCursorPage, apiPage, ApiError, buildQuery, login, setBaseUrl } from './client';
import { getSession, onSessionChange } from './session';

/**
 * A small HTTP server playing the CRM's auth rules: access tokens expire when the test says so,
 * and each refresh token works once (rotation); reusing one answers 401.
 */
class AuthServer {
  server!: Server;
  generation = 0;
  validAccess = new Set<string>();
  validRefresh = new Set<string>();
  refreshCalls = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  expireAccessTokens() {
    this.validAccess.clear();
  }

  private issue() {
    this.generation++;
    const tokens = { accessToken: `a${this.generation}`, refreshToken: `r${this.generation}` };
    this.validAccess.add(tokens.accessToken);
    this.validRefresh.add(tokens.refreshToken);
    return { ...tokens, user: { id: 1, login: 'olga', role: 'operator', name: 'Ольга', city: 'Казань' } };
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : {};
    const send = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/api/auth/login') {
      return body.password === 'right' ? send(200, this.issue()) : send(401, { success: false, error: { code: 'unauthorized', message: 'bad', fields: {} } });
    }
    if (url.pathname === '/api/auth/refresh') {
      this.refreshCalls++;
      if (!this.validRefresh.delete(body.refreshToken)) return send(401, { success: false, error: { code: 'unauthorized', message: 'reused', fields: {} } });
      await new Promise((r) => setTimeout(r, 30)); // long enough for concurrent requests to pile up
      return send(200, { success: true, data: this.issue() });
    }
    const token = (req.headers.authorization ?? '').replace('Bearer ', '');
    if (!this.validAccess.has(token)) {
      // /api/slow refuses the token as it arrives but answers late, after other requests refreshed
      if (url.pathname === '/api/slow') await new Promise((r) => setTimeout(r, 150));
      return send(401, { success: false, error: { code: 'unauthorized', message: 'expired', fields: {} } });
    }
    if (url.pathname === '/api/orders' && req.method === 'POST') {
      return send(400, { success: false, error: { code: 'validation_error', message: 'phone: not a phone number', fields: { phone: 'not a phone number' } } });
    }
    if (url.pathname === '/api/calls') {
      // the server's shape: the first page counted, a page after a cursor not, the last page without next
      const after = url.searchParams.get('after');
      if (after === null) return send(200, { success: true, data: [{ id: 3 }], pagination: { page: 1, limit: 1, total: 2, totalPages: 2, totalEstimated: false }, next: 'c3' });
      return send(200, { success: true, data: [{ id: after === 'c3' ? 2 : -1 }] });
    }
    if (url.pathname === '/api/orders') {
      return send(200, { success: true, data: [{ id: 1 }], pagination: { page: 1, limit: 100, total: 1, totalPages: 1, totalEstimated: false } });
    }
    return send(200, { success: true, data: { path: url.pathname, query: url.search, token } });
  }
}

const peer = new AuthServer();

beforeAll(async () => setBaseUrl(await peer.start()));
afterAll(() => peer.server.close());
beforeEach(async () => {
  await login('olga', 'right');
});

describe('API client', () => {
  it('sends the token and unwraps data and pages', async () => {
    const answer = await api<{ token: string; query: string }>('/api/me', { query: { a: 'б', empty: '', none: null } });
    expect(answer.token).toBe(getSession()!.accessToken);
    expect(answer.query).toBe('?a=%D0%B1');
    const page = await apiPage<{ id: number }>('/api/orders');
    expect(page.data).toEqual([{ id: 1 }]);
    expect(page.pagination.total).toBe(1);
  });

  it('pages by cursor: sends the previous next as after, keeps the first page total, ends without next', async () => {
    const first = await apiCursorPage<{ id: number }>('/api/calls', { query: { limit: 1, after: null } });
    expect(first.pagination?.total).toBe(2);
    expect(first.next).toBe('c3');
    const second = await apiCursorPage<{ id: number }>('/api/calls', { query: { limit: 1, after: first.next } });
    expect(second.data).toEqual([{ id: 2 }]);
    expect(second.pagination).toBeUndefined();
    expect(second.next).toBeUndefined();
  });

  it('refreshes an expired access token once for many requests at a time, then retries them', async () => {
    peer.expireAccessTokens();
    const before = peer.refreshCalls;
    const answers = await Promise.all([1, 2, 3, 4].map((n) => api<{ token: string }>(`/api/thing/${n}`)));
    expect(peer.refreshCalls - before).toBe(1);
    expect(new Set(answers.map((a) => a.token))).toEqual(new Set([getSession()!.accessToken]));
  });

  it('retries a request refused for a token that was refreshed meanwhile without refreshing again', async () => {
    peer.expireAccessTokens();
    const before = peer.refreshCalls;
    const [slow] = await Promise.all([api<{ token: string }>('/api/slow'), api('/api/fast')]);
    expect(peer.refreshCalls - before).toBe(1);
    expect(slow.token).toBe(getSession()!.accessToken);
  });

  it('ends the session as expired when the refresh token no longer works', async () => {
    peer.expireAccessTokens();
    peer.validRefresh.clear();
    const reasons: string[] = [];
    const stop = onSessionChange((_, reason) => reasons.push(reason));
    await expect(api('/api/thing')).rejects.toMatchObject({ status: 401 });
    stop();
    expect(reasons).toEqual(['expired']);
    expect(getSession()).toBeNull();
  });

  it('carries the fields a 400 names', async () => {
    const error: any = await api('/api/orders', { method: 'POST', body: { phone: 'x' } }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.fields).toEqual({ phone: 'not a phone number' });
  });

  it('rejects a wrong password without a session', async () => {
    await expect(login('olga', 'wrong')).rejects.toMatchObject({ status: 401 });
  });

  it('leaves empty filters out of the query string', () => {
    expect(buildQuery({ status: '', city: 'Казань', page: 2 })).toBe('?city=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C&page=2');
    expect(buildQuery({})).toBe('');
  });
});
