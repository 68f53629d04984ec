/**
 * What travels between tabs on a feed's BroadcastChannel, and back: the codec. Only the fields
 * named here are sent (never a token, never a setting), and what arrives is checked, the page
 * parsed again like an answer from the API: another tab may run another version of the widget.
 */
import type { ApiErrorKind } from '../api/client.js';
import { parseSessionsPage } from '../api/forgiving.js';
import type { ParsedPage } from '../api/schema.js';

/** Bumped when the messages change: tabs of different versions then use different channels. */
export const PROTOCOL = 1;

export interface SharedError {
  kind: ApiErrorKind;
  message: string;
  status: number | null;
  retryAfterMs: number | null;
}

/** One refresh's outcome, as every widget of the feed merges it. */
export interface SharedAnswer {
  /** When the request was sent (epoch ms): an answer older than one merged is dropped. */
  at: number;
  /** The first page; on `unchanged`, the page it confirms. */
  page: ParsedPage | null;
  etag: string | null;
  /** A 304 or the same ETag: `page` is the last one sent. */
  unchanged: boolean;
  error: SharedError | null;
  /** When the fetching widget tries again (ms after `at`), or null for not by itself. */
  retryInMs: number | null;
}

export type FeedMessage = { type: 'hello' } | ({ type: 'answer' } & SharedAnswer);

export function encodeAnswer(answer: SharedAnswer): FeedMessage & { v: number } {
  const { at, page, etag, unchanged, error, retryInMs } = answer;
  return {
    v: PROTOCOL,
    type: 'answer',
    at,
    page: page && {
      sessions: page.sessions,
      rejected: page.rejected,
      cursor: page.cursor,
      unreadable: page.unreadable,
    },
    etag,
    unchanged,
    error: error && {
      kind: error.kind,
      message: error.message,
      status: error.status,
      retryAfterMs: error.retryAfterMs,
    },
    retryInMs,
  };
}

export const HELLO = { v: PROTOCOL, type: 'hello' } as const;

const orNull = <T>(value: unknown, is: (value: unknown) => value is T): T | null => (is(value) ? value : null);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';

/** A message from another tab, or null when it is not one this version reads. */
export function decodeMessage(data: unknown): FeedMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Record<string, unknown>;
  if (message.v !== PROTOCOL) return null;
  if (message.type === 'hello') return { type: 'hello' };
  if (message.type !== 'answer' || !isNumber(message.at)) return null;
  let page: ParsedPage | null = null;
  let error: SharedError | null = null;
  try {
    if (message.page) page = parseSessionsPage(message.page);
  } catch {
    return null;
  }
  const e = message.error as Record<string, unknown> | null;
  if (e && typeof e === 'object') {
    if (!isString(e.kind) || !isString(e.message)) return null;
    error = {
      kind: e.kind as ApiErrorKind,
      message: e.message,
      status: orNull(e.status, isNumber),
      retryAfterMs: orNull(e.retryAfterMs, isNumber),
    };
  }
  if (!page && !error) return null;
  const rejected = Array.isArray((message.page as { rejected?: unknown } | null)?.rejected);
  if (page && rejected) page.rejected = (message.page as ParsedPage).rejected.filter((row) => isString(row?.reason));
  // The fields the sender could not read are gone from its sessions: its count says how many.
  const unreadable = (message.page as { unreadable?: unknown } | null)?.unreadable;
  if (page && isNumber(unreadable)) page.unreadable = unreadable;
  return {
    type: 'answer',
    at: message.at,
    page,
    etag: orNull(message.etag, isString),
    unchanged: message.unchanged === true,
    error,
    retryInMs: orNull(message.retryInMs, isNumber),
  };
}
