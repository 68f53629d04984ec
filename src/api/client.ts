/**
 * The one request the widget makes: `GET {apiBase}/api/public/sessions`. Pure of the DOM: the
 * caller passes the page's URL (to resolve a relative `api-base`) and an `AbortSignal`.
 *
 * Every failure becomes an `ApiError` whose message a person can act on. Messages never contain
 * the token: it only ever goes into the `Authorization` header.
 */
import { clampDelay, DEFAULT_TIMEOUT_MS } from '../model/delay.js';
import { parseValidPage, type ParsedPage } from './schema.js';

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

/** "45 s", "3 min", "2 h", "9 days": a wait in words, never a number a person can't read. */
export function describeWait(ms: number, round: (x: number) => number = Math.round): string {
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
  if (!response.ok) throw await httpError(response, body, request);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw (await import('./http-errors.js')).notJson(body, response.status);
  }
  return parseValidPage(json) ?? parseRowByRow(json, response.status);
}

/*
 * What only a failed or partly unreadable answer needs (its words, Retry-After, the row-by-row
 * parse) is in chunks of their own, fetched when such an answer comes: most pages never see one.
 * A chunk that can't be loaded fails the request like the network would, naming the file.
 */

/** An error answer as an ApiError (http-errors.ts): what it means, its Retry-After, what the server said. */
async function httpError(response: Response, body: string, request: SessionsRequest): Promise<ApiError> {
  return (await import('./http-errors.js')).httpError(response, body, request.project, request.token);
}

/** A page with something unreadable in it, row by row (forgiving.ts): the good rows kept. */
async function parseRowByRow(json: unknown, status: number): Promise<ParsedPage> {
  const { parseRows, SchemaError } = await import('./forgiving.js');
  try {
    return parseRows(json);
  } catch (error) {
    if (error instanceof SchemaError) throw new ApiError('invalid', error.message, status);
    throw error;
  }
}
