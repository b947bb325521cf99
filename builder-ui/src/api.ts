// Tiny fetch client for the Trellis API: bearer auth or the session cookie (with its CSRF token on
// unsafe requests), JSON in and out, and one error type that carries the API's
// `{ error: { code, message, details } }` body so pages can show it verbatim.
import type { ApiErrorBody, ApiErrorDetail, CookieSession, DevSession } from './api-types';

const TOKEN_STORAGE_KEY = 'trellis.apiToken';

let bearerToken: string | null = null;
/** The signed-in session's CSRF token (GET /api/auth/me); sent on unsafe requests when there is no bearer token. */
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function setBearerToken(token: string | null): void {
  bearerToken = token;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export function readStoredToken(): string | null {
  return window.localStorage.getItem(TOKEN_STORAGE_KEY);
}

export function storeToken(token: string | null): void {
  if (token) window.localStorage.setItem(TOKEN_STORAGE_KEY, token);
  else window.localStorage.removeItem(TOKEN_STORAGE_KEY);
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'message' in error;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function credentialHeaders(method: string): Record<string, string> {
  if (bearerToken) return { Authorization: `Bearer ${bearerToken}` };
  if (csrfToken && !['GET', 'HEAD'].includes(method)) return { 'X-CSRF-Token': csrfToken };
  return {};
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : { contentType: 'application/json', data: JSON.stringify(body) });
}

/** Posts a multipart form (file uploads: imports); the browser writes the boundary into the Content-Type. */
export const apiPostForm = <T>(path: string, form: FormData) => send<T>('POST', path, { data: form });

async function send<T>(method: string, path: string, body?: { contentType?: string; data: BodyInit }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...credentialHeaders(method) };
  if (body?.contentType) headers['Content-Type'] = body.contentType;

  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: body?.data });
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(0, 'NETWORK_ERROR', `Could not reach the Trellis API (${reason}).`);
  }

  const payload = await readBody(response);
  if (response.ok) return payload as T;

  if (response.status === 401) onUnauthorized?.();
  if (isApiErrorBody(payload)) {
    const { code, message, details } = payload.error;
    throw new ApiError(response.status, code ?? 'ERROR', message, details ?? []);
  }
  const fallback = typeof payload === 'string' && payload.length < 300 ? payload : response.statusText;
  throw new ApiError(response.status, 'HTTP_ERROR', `${response.status} ${fallback || 'Request failed'}`);
}

export const apiGet = <T>(path: string) => apiRequest<T>('GET', path);
export const apiPost = <T>(path: string, body: unknown) => apiRequest<T>('POST', path, body);
export const apiPut = <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body);
export const apiDelete = <T>(path: string) => apiRequest<T>('DELETE', path);

/** Downloads a file the API serves as an attachment (resumes), with the same credentials as API calls. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(path, { headers: credentialHeaders('GET'), credentials: 'same-origin' });
  if (!response.ok) {
    const payload = await readBody(response);
    if (isApiErrorBody(payload)) throw new ApiError(response.status, payload.error.code ?? 'ERROR', payload.error.message, payload.error.details ?? []);
    throw new ApiError(response.status, 'HTTP_ERROR', `${response.status} ${response.statusText || 'Download failed'}`);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The embedded dev setup hands out a ready session; anywhere else this answers non-200. */
export async function fetchDevSession(): Promise<DevSession | null> {
  try {
    const response = await fetch('/api/dev/session', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const session = (await response.json()) as DevSession;
    return typeof session?.token === 'string' ? session : null;
  } catch {
    return null;
  }
}

/** The cookie session of this browser, if it is signed in. */
export async function fetchCookieSession(): Promise<CookieSession | null> {
  try {
    const response = await fetch('/api/auth/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return null;
    const me = (await response.json()) as CookieSession & { via?: string };
    return me?.via === 'session' && typeof me.csrfToken === 'string' ? me : null;
  } catch {
    return null;
  }
}

/** Email and password sign-in: the server sets the session cookie and returns the CSRF token. */
export const signIn = (email: string, password: string) => apiPost<CookieSession>('/api/auth/login', { email, password });

export async function signOutSession(): Promise<void> {
  await apiPost<void>('/api/auth/logout', {}).catch(() => undefined);
  csrfToken = null;
}
