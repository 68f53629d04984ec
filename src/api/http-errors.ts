/**
 * An error answer of the sessions API in words a person can act on: what it means, what its
 * `Retry-After` asks (obeyed up to an hour), and what the server said (server-said.ts). A chunk of
 * its own (client.ts loads it when an error answer comes), so pages that never see one don't carry it.
 */
import { RETRY_AFTER_CAP_MS } from '../model/delay.js';
import { ApiError, describeWait, type ApiErrorKind } from './client.js';
import { serverSaid } from './server-said.js';

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

/** What an error status means. */
function errorKind(status: number): ApiErrorKind {
  return status === 401 || status === 403
    ? 'auth'
    : status === 404
      ? 'not-found'
      : status === 429 || status === 503
        ? 'rate-limited'
        : status >= 500
          ? 'server'
          : 'http';
}

/** The ApiError for an error answer: its kind (`errorKind`), its words, and for a retry, its wait. */
export function httpError(response: Response, body: string, project: string, token: string): ApiError {
  const { status } = response;
  const kind = errorKind(status);
  // Untrusted like the rest: obeyed up to an hour, and the message says when it asked for more.
  const asked = askedRetryAfter(response.headers.get('Retry-After'), Date.now());
  const retryAfterMs = asked === null ? null : Math.min(asked, RETRY_AFTER_CAP_MS);
  const capped = retryAfterMs !== asked;
  const wait = capped ? ` It asked to wait ${describeWait(asked!, Math.ceil)}; waiting 1 h at most.` : '';
  const words =
    kind === 'auth'
      ? `The Rensei API refused access (${status}): check the API key, or sign in to Rensei.`
      : kind === 'not-found'
        ? `${project ? `Project “${project}” was not found (404)` : 'The sessions API was not found (404)'}: check the project slug or id, and the api-base.`
        : kind === 'rate-limited'
          ? `The Rensei API ${status === 429 ? 'is rate-limiting this widget' : 'is temporarily unavailable'} (${status}).${wait}`
          : kind === 'server'
            ? `The Rensei API had a problem (${status}). Try again in a moment.${wait}`
            : `The Rensei API answered ${status}.`;
  // Only a wait to retry after is obeyed (429, 5xx); an auth or a 404 is not retried by itself.
  const retries = kind === 'rate-limited' || kind === 'server';
  return new ApiError(kind, words + serverSaid(body, token), status, retries ? retryAfterMs : null, retries && capped);
}

/** An answer that is not JSON: empty (a 204, say), an HTML page, or cut off. */
export function notJson(body: string, status: number): ApiError {
  const which = 'is api-base pointing at the Rensei API?';
  return new ApiError(
    'not-json',
    !body.trim()
      ? // Nothing was cut off: there was nothing to cut.
        `The server answered ${status} with no content where a session list was expected: ${which}`
      : `The server's answer is not JSON: ${/^\s*</.test(body) ? `it looks like an HTML page: ${which}` : 'it may have been cut off'}`,
    status,
  );
}
