/**
 * The one request the widget makes: `GET {apiBase}/api/public/sessions`. Pure of the DOM: the
 * caller passes the page's URL (to resolve a relative `api-base`) and an `AbortSignal`.
 *
 * Every failure becomes an `ApiError` whose message a person can act on. Messages never contain
 * the token: it only ever goes into the `Authorization` header.
 */
import { parseSessionsPage, SchemaError, type ParsedPage } from './schema.js';

export type ApiErrorKind =
  | 'network' // no answer at all: offline, DNS, or a CORS refusal the browser won't detail
  | 'timeout'
  | 'auth' // 401, 403
  | 'not-found' // 404
  | 'rate-limited' // 429, 503: retried by itself after Retry-After
  | 'server' // other 5xx
  | 'http' // any other non-2xx
  | 'not-json'
  | 'invalid' // JSON, but not a session list
  | 'insecure' // refused to send a token over plain HTTP
  | 'unsupported'; // the browser lacks what the widget needs (README, "Browser support")

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From `Retry-After`, when the server sent one that could be read. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export interface SessionsRequest {
  apiBase: string;
  project: string;
  token: string;
  cursor?: string | null;
  /** Resolves a relative `apiBase` (a same-origin proxy such as `/rensei`). */
  pageUrl: string;
  signal: AbortSignal;
  /** A request that gets no answer within this long is given up (ms). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

const PROJECT_ID = /^proj_/;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

export function sessionsUrl(apiBase: string, project: string, cursor: string | null | undefined, pageUrl: string): URL {
  const base = new URL(apiBase || '/', pageUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const url = new URL('api/public/sessions', base);
  const slug = project.trim();
  if (slug) url.searchParams.set(PROJECT_ID.test(slug) ? 'projectId' : 'project', slug);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url;
}

/** A key may travel only over HTTPS, or to this machine. */
export function isSafeForToken(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname));
}

/** `Retry-After` as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(+trimmed * 1000);
  const date = Date.parse(trimmed);
  return isNaN(date) ? null : Math.max(0, date - now);
}

/** Runs this long of the key's secret part count as the key (a prefix or a piece a server echoes). */
const KEY_PIECE = 6;

/** A server (or proxy) that echoes the key back, whole or in part, must not get it onto the screen. */
function redact(text: string, token: string): string {
  if (!token) return text;
  const whole = text.replaceAll(token, 'rsk_…');
  const secret = token.replace(/^rsk_[a-z]+_/, '');
  if (secret.length < KEY_PIECE) return whole;
  // Each longest run of the secret's characters, in order, of KEY_PIECE or more, becomes "…".
  let out = '';
  for (let at = 0; at < whole.length;) {
    let length = 0;
    while (at + length < whole.length && secret.includes(whole.slice(at, at + length + 1))) length++;
    out += length >= KEY_PIECE ? '…' : whole[at];
    at += length >= KEY_PIECE ? length : 1;
  }
  return out;
}

function serverSaid(body: string, token: string): string {
  try {
    const error: unknown = (JSON.parse(body) as { error?: unknown } | null)?.error;
    if (typeof error === 'string') {
      // Redacted before it is cut, so a cut can't leave part of a key; bounded, so a hostile
      // server can't fill the widget with text.
      return ` The server said: “${redact(error.slice(0, 2000), token).slice(0, 200)}”.`;
    }
  } catch {
    // Not JSON (a proxy's HTML page, say): nothing to quote.
  }
  return '';
}

function httpError(response: Response, body: string, project: string, token: string): ApiError {
  const { status } = response;
  const said = serverSaid(body, token);
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  if (status === 401 || status === 403) {
    return new ApiError(
      'auth',
      `The Rensei API refused access (${status}): check the API key, or sign in to Rensei.${said}`,
      status,
    );
  }
  if (status === 404) {
    const what = project ? `Project “${project}” was not found (404)` : 'The sessions API was not found (404)';
    return new ApiError('not-found', `${what}: check the project slug or id, and the api-base.${said}`, status);
  }
  if (status === 429 || status === 503) {
    const why = status === 429 ? 'is rate-limiting this widget' : 'is temporarily unavailable';
    return new ApiError('rate-limited', `The Rensei API ${why} (${status}).${said}`, status, retryAfterMs);
  }
  if (status >= 500) {
    return new ApiError(
      'server',
      `The Rensei API had a problem (${status}). Try again in a moment.${said}`,
      status,
      retryAfterMs,
    );
  }
  return new ApiError('http', `The Rensei API answered ${status}.${said}`, status);
}

function describeBody(body: string): string {
  return /^\s*</.test(body)
    ? 'it looks like an HTML page: is api-base pointing at the Rensei API?'
    : 'it may have been cut off';
}

export async function fetchSessionsPage(
  request: SessionsRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<ParsedPage> {
  // Feature-detected, so an older browser hears why, not a wrong diagnosis (its TypeError would
  // read as "couldn't reach the API (CORS)").
  if (!AbortSignal.any) {
    throw new ApiError(
      'unsupported',
      'This browser is too old for this widget. It needs Chrome or Edge 123, Firefox 124 or Safari 17.5, or later.',
    );
  }
  const url = sessionsUrl(request.apiBase, request.project, request.cursor, request.pageUrl);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.token) {
    if (!isSafeForToken(url)) {
      throw new ApiError(
        'insecure',
        `Refusing to send the API key to ${url.origin}: api-base must use HTTPS (plain HTTP is allowed only for localhost).`,
      );
    }
    headers.Authorization = `Bearer ${request.token}`;
  }
  // A timer of our own, cleared once the body is in: AbortSignal.timeout() would keep every
  // request's signal alive for the whole limit (300 of them at a 100 ms refresh).
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  let response: Response | undefined;
  let body: string;
  try {
    response = await fetchImpl(url, {
      headers,
      signal: AbortSignal.any([request.signal, timeout.signal]),
      // The session cookie is the fallback credential; with a key, no cookie is needed.
      credentials: request.token ? 'same-origin' : 'include',
      cache: 'no-store',
    });
    body = await response.text();
  } catch {
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.signal.aborted) {
      const seconds = Math.max(1, Math.round(timeoutMs / 1000));
      throw new ApiError('timeout', `The Rensei API did not answer within ${seconds} s.`);
    }
    // With a response, the body is what failed to arrive.
    if (response) throw new ApiError('network', 'The connection to the Rensei API broke in the middle of its answer.');
    throw new ApiError(
      'network',
      `Couldn't reach the Rensei API at ${url.origin}. Check the network and the api-base; if the API is on another origin, it may be refusing this page (CORS).`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw httpError(response, body, request.project, request.token);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ApiError('not-json', `The server's answer is not JSON: ${describeBody(body)}`, response.status);
  }
  try {
    return parseSessionsPage(json);
  } catch (error) {
    if (error instanceof SchemaError) throw new ApiError('invalid', error.message, response.status);
    throw error;
  }
}
