import { getSession, setSession, type Session } from './session';

/** An error answer of the API: `{"success":false,"error":{"code","message","fields"}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
  totalEstimated: boolean;
}

export interface Page<T> {
  data: T[];
  pagination: Pagination;
}

/** A page of a list read by cursor: counted only when it is the first; `next` is absent on the last page. */
export interface CursorPage<T> {
  data: T[];
  pagination?: Pagination;
  next?: string;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sends `body` (a string) as it is under this type instead of as JSON (a CSV upload). */
  contentType?: string;
  query?: Query;
  /** Send no token and never try to refresh (login, refresh itself). */
  anonymous?: boolean;
}

let baseUrl = '';
let refreshing: Promise<boolean> | null = null;

/** Tests point the client at a server of their own; the app uses its own origin. */
export function setBaseUrl(url: string): void {
  baseUrl = url;
}

export function buildQuery(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(path: string, options: RequestOptions, token: string | undefined): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = options.contentType ?? 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(baseUrl + path + buildQuery(options.query), {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : options.contentType ? String(options.body) : JSON.stringify(options.body),
  });
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = await response.json();
    const error = body?.error ?? {};
    return new ApiError(response.status, error.code ?? 'error', error.message ?? response.statusText, error.fields ?? {});
  } catch {
    return new ApiError(response.status, 'error', response.statusText);
  }
}

/**
 * Trades the refresh token for a new pair (the server rotates it: the old one is spent). Concurrent
 * 401s share one refresh, since a second use of the same refresh token would end every session.
 */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const session = getSession();
      if (!session) return false;
      const response = await send('/api/auth/refresh', { method: 'POST', body: { refreshToken: session.refreshToken } }, undefined);
      if (!response.ok) {
        setSession(null, 'expired');
        return false;
      }
      const tokens = (await response.json()).data as Session;
      setSession({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user ?? session.user }, 'refreshed');
      return true;
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** A raw answer, refreshing the access token once when it has expired. */
export async function authorizedFetch(path: string, options: RequestOptions = {}): Promise<Response> {
  if (options.anonymous) return send(path, options, undefined);
  const token = getSession()?.accessToken;
  let response = await send(path, options, token);
  if (response.status === 401 && getSession()) {
    // refreshed by another request meanwhile: the new token is there to use, no second refresh
    const renewed = getSession()?.accessToken !== token || (await refreshSession());
    if (renewed && getSession()) {
      response = await send(path, options, getSession()?.accessToken);
    }
  }
  return response;
}

async function json(path: string, options: RequestOptions): Promise<any> {
  const response = await authorizedFetch(path, options);
  if (!response.ok) throw await errorOf(response);
  return response.status === 204 ? null : response.json();
}

/** The `data` of a `{"success":true,"data":…}` answer. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const body = await json(path, options);
  return (body && typeof body === 'object' && 'success' in body ? body.data : body) as T;
}

/** A page of a list endpoint, with its pagination. */
export async function apiPage<T>(path: string, options: RequestOptions = {}): Promise<Page<T>> {
  const body = await json(path, options);
  return { data: body.data as T[], pagination: body.pagination as Pagination };
}

/** A page of a list endpoint that pages by cursor (`after`), with the cursor of the page after it. */
export async function apiCursorPage<T>(path: string, options: RequestOptions = {}): Promise<CursorPage<T>> {
  const body = await json(path, options);
  return { data: body.data as T[], pagination: body.pagination ?? undefined, next: body.next ?? undefined };
}

/** Downloads a file answer (report export) with the token, under the server's file name. */
export async function download(path: string, query: Query): Promise<void> {
  const response = await authorizedFetch(path, { query });
  if (!response.ok) throw await errorOf(response);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? 'report';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export async function login(loginName: string, password: string): Promise<Session> {
  const response = await send('/api/auth/login', { method: 'POST', body: { login: loginName, password } }, undefined);
  if (!response.ok) throw await errorOf(response);
  const tokens = await response.json();
  const session: Session = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user };
  setSession(session, 'signed-in');
  return session;
}

export async function logout(): Promise<void> {
  const session = getSession();
  if (session) {
    await send('/api/auth/logout', { method: 'POST', body: { refreshToken: session.refreshToken } }, session.accessToken).catch(() => undefined);
  }
  setSession(null, 'signed-out');
}
