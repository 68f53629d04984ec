/**
 * The one request the widget makes: `GET {apiBase}/api/public/sessions`. Pure of the DOM: the
 * caller passes the page's URL (to resolve a relative `api-base`) and an `AbortSignal`.
 *
 * Every failure becomes an `ApiError` whose message a person can act on. Messages never contain
 * the token: it only ever goes into the `Authorization` header.
 */
import { clampDelay, DEFAULT_TIMEOUT_MS, RETRY_AFTER_CAP_MS } from '../model/delay.js';
import { parseSessionsPage, SchemaError, type ParsedPage } from './schema.js';
import { serverSaid } from './server-said.js';

export { DEFAULT_TIMEOUT_MS };

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
  | 'config' // api-base is not an http(s) URL: nothing was sent, and trying again can't help
  | 'unsupported'; // the browser lacks what the widget needs (README, "Browser support")

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    /** From `Retry-After`, when the server sent one that could be read; an hour at most. */
    readonly retryAfterMs: number | null = null,
    /** The server asked for a longer wait than `retryAfterMs`, which is the cap (the message says so). */
    readonly retryAfterCapped = false,
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

/** A page, with what a conditional request learnt (feed-share.ts asks them; each field only when it applies). */
export interface FetchedPage extends ParsedPage {
  /** The page's `ETag`, when the server sent (and exposed) one. */
  etag?: string;
  /** 304, or the ETag asked about: nothing changed, and the body was not read (`sessions` is empty). */
  unchanged?: true;
}

const PROJECT_ID = /^proj_/;
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Throws an ApiError (`config`) when api-base is not an http(s) URL: `new URL`'s TypeError says nothing useful. */
export function sessionsUrl(apiBase: string, project: string, cursor: string | null | undefined, pageUrl: string): URL {
  let base: URL | undefined;
  try {
    base = new URL(apiBase || '/', pageUrl);
  } catch {
    // Unparsable: reported below, as a `javascript:` or `data:` one is.
  }
  if (base?.protocol !== 'https:' && base?.protocol !== 'http:') throw notHttp(false);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const url = new URL('api/public/sessions', base);
  const slug = project.trim();
  if (slug) url.searchParams.set(PROJECT_ID.test(slug) ? 'projectId' : 'project', slug);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url;
}

const HTTPS_ONLY = 'api-base must use HTTPS (plain HTTP is allowed only for localhost).';
const WHICH_API = 'is api-base pointing at the Rensei API?';

/** The value is not quoted: a host may have put anything in it. */
function notHttp(withKey: boolean): ApiError {
  return new ApiError(
    'config',
    `api-base is not a valid http(s) URL${withKey ? `. Refusing to send the API key to it: ${HTTPS_ONLY}` : ': set it to where the Rensei API lives, e.g. https://app.rensei.ai.'}`,
  );
}

/** A key may travel only over HTTPS, or to this machine. */
export function isSafeForToken(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOST.test(url.hostname));
}

/**
 * `Retry-After` as the server asked for it (ms, maybe Infinity); null when absent or unreadable.
 * An HTTP date starts with a day's name: `Date.parse` alone would read "-5" or "1" as a year.
 */
function askedRetryAfter(value: string | null, now: number): number | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(+trimmed * 1000);
  const date = /^[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  return isNaN(date) ? null : Math.max(0, date - now);
}

/** `Retry-After` as seconds or an HTTP date, capped at RETRY_AFTER_CAP_MS; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  const asked = askedRetryAfter(value, now);
  return asked === null ? null : Math.min(asked, RETRY_AFTER_CAP_MS);
}

/** "45 s", "3 min", "2 h", "9 days": a wait in words, never a number a person can't read. */
function describeWait(ms: number, round: (x: number) => number = Math.round): string {
  const [size, unit] =
    ms < 60_000
      ? [1000, 's']
      : ms < 3_600_000
        ? [60_000, 'min']
        : ms < 172_800_000
          ? [3_600_000, 'h']
          : [86_400_000, 'days'];
  const amount = Math.max(1, round(ms / size));
  return amount > 999 ? `more than 999 ${unit}` : `${amount} ${unit}`;
}

function httpError(response: Response, body: string, project: string, token: string): ApiError {
  const { status } = response;
  const said = serverSaid(body, token);
  // Untrusted like the rest: obeyed up to an hour, and the message says when it asked for more.
  const asked = askedRetryAfter(response.headers.get('Retry-After'), Date.now());
  const retryAfterMs = asked === null ? null : Math.min(asked, RETRY_AFTER_CAP_MS);
  const capped = retryAfterMs !== asked;
  const wait = capped ? ` It asked to wait ${describeWait(asked!, Math.ceil)}; waiting 1 h at most.` : '';
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
    return new ApiError(
      'rate-limited',
      `The Rensei API ${why} (${status}).${wait}${said}`,
      status,
      retryAfterMs,
      capped,
    );
  }
  if (status >= 500) {
    return new ApiError(
      'server',
      `The Rensei API had a problem (${status}). Try again in a moment.${wait}${said}`,
      status,
      retryAfterMs,
      capped,
    );
  }
  return new ApiError('http', `The Rensei API answered ${status}.${said}`, status);
}

function describeBody(body: string): string {
  return /^\s*</.test(body) ? `it looks like an HTML page: ${WHICH_API}` : 'it may have been cut off';
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
  let url: URL;
  try {
    url = sessionsUrl(request.apiBase, request.project, request.cursor, request.pageUrl);
  } catch {
    // Its only failure: api-base is not http(s). With a key, say too that the key stays here.
    throw notHttp(Boolean(request.token));
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (request.token) {
    if (!isSafeForToken(url)) {
      throw new ApiError('insecure', `Refusing to send the API key to ${url.origin}: ${HTTPS_ONLY}`);
    }
    headers.Authorization = `Bearer ${request.token}`;
  }
  // A timer of our own, cleared once the body is in: AbortSignal.timeout() would keep every
  // request's signal alive for the whole limit (300 of them at a 100 ms refresh).
  // Not a positive number (NaN included): the default; past what setTimeout can wait: that.
  const timeoutMs = request.timeoutMs! > 0 ? clampDelay(request.timeoutMs!) : DEFAULT_TIMEOUT_MS;
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
      throw new ApiError('timeout', `The Rensei API did not answer within ${describeWait(timeoutMs)}.`);
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
  if (!body.trim()) {
    // A 204, or a 200 with nothing in it: nothing was cut off, there was nothing to cut.
    throw new ApiError(
      'not-json',
      `The server answered ${response.status} with no content where a session list was expected: ${WHICH_API}`,
      response.status,
    );
  }
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
