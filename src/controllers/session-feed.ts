/**
 * Loads and keeps a project's sessions: the first page, "load more", live refresh, retries.
 *
 * Each request gets an `AbortSignal` of its own and makes the feed pending (the host re-renders as
 * it starts and as it ends); at most one is in flight, and a new one aborts it. The rows live in a
 * `SessionStore`, so a pending or failed refresh never blanks them. A change of project, token or
 * api-base starts over: whatever was in flight is aborted (by the new request, or already by the
 * disconnect), and an answer to an aborted request is never merged.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, DEFAULT_TIMEOUT_MS, fetchSessionsPage } from '../api/client.js';
import type { ParsedPage, RejectedRow } from '../api/schema.js';
import { backoffDelay, jitter } from '../model/backoff.js';
import { SessionStore, type StoreChange } from '../model/session-store.js';

export type FeedRequestKind = 'refresh' | 'more';

export interface FeedSettings {
  apiBase: string;
  project: string;
  token: string;
  /** Seconds between refreshes; 0 = live refresh off. */
  refreshInterval: number;
  /** Seconds to wait for an answer before giving up; absent, 0 or not a number: the client's 30 s. */
  timeout?: number;
}

export interface FeedSource {
  /** Read at each request, so the feed always uses the element's current properties. */
  settings(): FeedSettings;
  /** True when new rows must be held back (the reader is away from the top). */
  isAwayFromTop(): boolean;
  onLoad(change: StoreChange, kind: FeedRequestKind): void;
  onError(error: ApiError, kind: FeedRequestKind, retryInMs: number | null): void;
}

/** Live refresh off, 429/503 are still retried by themselves this many times. */
export const MAX_AUTO_RETRIES = 4;
const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 5 * 60_000;
/** A refresh that finds only new rows fetches at most this many pages more, to reach the loaded ones. */
const GAP_PAGES = 5;
/** On becoming visible, refresh within this long, spread so widgets on one page don't fire together. */
const WAKE_SPREAD_MS = 1_000;

/** A setting in seconds as milliseconds; 0 when it is not a positive finite number. */
function toMs(seconds: unknown): number {
  const value = Number(seconds);
  return value > 0 && value < Infinity ? value * 1000 : 0;
}

export interface FeedFailure {
  error: ApiError;
  kind: FeedRequestKind;
  /** When the next automatic attempt is due (clock ms), or null when none is scheduled. */
  retryAt: number | null;
}

export class SessionFeedController implements ReactiveController {
  readonly store = new SessionStore();
  /** The last failure, until a request of the same kind succeeds. */
  failure: FeedFailure | null = null;
  /** Rows the last page could not show, with the first reason. */
  rejected: RejectedRow[] = [];
  /** Clock time of the last successful merge. */
  updatedAt: number | null = null;
  /** Set by a 401/403: live refresh waits for a new token or project, or `retry()`. */
  authStopped = false;

  #failures = 0;
  /** Only ever cleared: clearing a timer that already fired does nothing. */
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueWhileHidden?: boolean;
  #connected?: boolean;
  #started?: boolean;
  /** Set by each request as it starts; read only while one is pending. */
  #pendingKind!: FeedRequestKind;
  /** The request in flight, aborted by the next one. */
  #request?: AbortController;

  readonly #host: ReactiveControllerHost;
  readonly #source: FeedSource;

  constructor(host: ReactiveControllerHost, source: FeedSource) {
    this.#host = host;
    this.#source = source;
    host.addController(this);
  }

  get pending(): boolean {
    return !!this.#request;
  }

  get pendingKind(): FeedRequestKind | null {
    return this.pending ? this.#pendingKind : null;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    // Reconnected: bring the rows up to date. The first load waits for `reset()`, which the
    // element calls once its first properties are in.
    if (this.#started) this.#run('refresh', true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#request?.abort();
  }

  /** Project, token or api-base changed: start over. */
  reset(): void {
    this.#started = true;
    this.store.clear();
    this.failure = null;
    this.rejected = [];
    this.updatedAt = null;
    this.authStopped = false;
    this.#failures = 0;
    if (this.#connected) this.#run('refresh', true);
  }

  /** Fetches the first page now and merges it; skipped while another request is pending. */
  refresh(): Promise<void> {
    return this.#run('refresh');
  }

  /** Fetches the next page, when there is one. A pending refresh gives way to it. */
  async loadMore(): Promise<void> {
    if (this.store.nextCursor !== null && this.pendingKind !== 'more') return this.#run('more', true);
  }

  /** The person asked to try again: clears a stop after 401/403 too. */
  retry(): Promise<void> {
    this.authStopped = false;
    this.#failures = 0;
    return this.#run(this.failure?.kind ?? 'refresh', true);
  }

  /** The refresh interval changed: re-plan the next tick. */
  reschedule(): void {
    if (!this.#connected || this.pending || this.authStopped) return;
    const interval = this.#intervalMs();
    if (interval > 0) this.#scheduleRefresh(interval);
    // Off now means off now: the refresh already planned goes too (a planned retry stays).
    else if (!this.failure?.retryAt) clearTimeout(this.#timer);
  }

  /** The page goes on (a cursor) and holds no loaded row: the loaded rows are further down. */
  #endsAbove(page: ParsedPage): boolean {
    return page.cursor !== null && page.sessions.length > 0 && !page.sessions.some(({ id }) => this.store.get(id));
  }

  #intervalMs(): number {
    return toMs(this.#source.settings().refreshInterval);
  }

  /** One request: aborts the one in flight, and settles (never rejects) once this one is over. */
  async #run(kind: FeedRequestKind, force?: boolean): Promise<void> {
    if (!this.#connected || (this.pending && !force)) return;
    clearTimeout(this.#timer);
    this.#pendingKind = kind;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.#host.requestUpdate();
    try {
      await this.#load(kind, request.signal);
    } catch {
      // Only a throwing onError gets here: #load reports its own failures, and the caller of
      // refresh() or loadMore() only waits.
    }
    // Only the latest request ends the pending state: an aborted one settles after the next began.
    if (this.#request === request) {
      this.#request = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Every change of project, token or api-base aborts the request in flight: `signal` says it is stale. */
  async #load(kind: FeedRequestKind, signal: AbortSignal): Promise<void> {
    const cursor = kind === 'more' ? this.store.nextCursor : null;
    try {
      const settings = this.#source.settings();
      const fetchPage = (cursor: string | null) =>
        fetchSessionsPage({
          ...settings, // apiBase, project, token
          cursor,
          pageUrl: document.baseURI,
          signal,
          timeoutMs: toMs(settings.timeout) || DEFAULT_TIMEOUT_MS,
        });
      let page = await fetchPage(cursor);
      // More than a page arrived since the last refresh: none of this one is loaded yet, so the
      // pages between it and the loaded rows are fetched too, or the list would have a hole. A
      // few at most; any failure fails the refresh, so the next one looks again.
      let last = page;
      for (
        let more = kind === 'more' || this.store.isEmpty ? 0 : GAP_PAGES;
        more > 0 && this.#endsAbove(last);
        more--
      ) {
        last = await fetchPage(last.cursor);
        page = {
          ...last,
          sessions: [...page.sessions, ...last.sessions],
          rejected: [...page.rejected, ...last.rejected],
        };
      }
      if (signal.aborted) return;
      const now = Date.now();
      const change =
        kind === 'more' && cursor !== null
          ? this.store.appendPage(page.sessions, page.cursor, cursor, now)
          : // New rows are held back only while rows are on screen, and it's asked only then: the
            // question reads layout, which a first page need not force.
            this.store.mergeRefresh(
              page.sessions,
              page.cursor,
              now,
              !this.store.isEmpty && this.#source.isAwayFromTop(),
            );
      this.rejected = page.rejected;
      this.updatedAt = now;
      this.failure = null;
      this.#failures = 0;
      this.#source.onLoad(change, kind);
      this.#scheduleRefresh(this.#intervalMs());
    } catch (error) {
      if (signal.aborted) return;
      const apiError =
        error instanceof ApiError ? error : new ApiError('network', `Loading sessions failed: ${String(error)}`);
      this.#fail(apiError, kind);
    }
  }

  #fail(error: ApiError, kind: FeedRequestKind): void {
    this.#failures++;
    const retryIn = this.#retryDelay(error);
    this.failure = { error, kind, retryAt: retryIn === null ? null : Date.now() + retryIn };
    if (error.kind === 'auth') this.authStopped = true;
    this.#source.onError(error, kind, retryIn);
    if (retryIn !== null) this.#schedule(kind, retryIn);
  }

  /** How long until the next automatic attempt after a failure, or null for none. */
  #retryDelay(error: ApiError): number | null {
    if (error.kind === 'auth' || error.kind === 'not-found' || error.kind === 'insecure') return null;
    const interval = this.#intervalMs();
    if (error.kind === 'rate-limited') {
      if (interval === 0 && this.#failures > MAX_AUTO_RETRIES) return null;
      return error.retryAfterMs !== null
        ? error.retryAfterMs + jitter(500)
        : backoffDelay(this.#failures, RETRY_BASE_MS, RETRY_CAP_MS);
    }
    // Anything else is retried only by live refresh, backing off from its interval.
    if (interval === 0) return null;
    return backoffDelay(this.#failures, interval, Math.max(interval, RETRY_CAP_MS));
  }

  #scheduleRefresh(delayMs: number): void {
    if (delayMs > 0 && !this.authStopped) this.#schedule('refresh', delayMs);
  }

  /** Replaces the planned attempt, if any. */
  #schedule(kind: FeedRequestKind, delayMs: number): void {
    clearTimeout(this.#timer);
    if (!this.#connected) return;
    this.#timer = setTimeout(() => {
      if (document.hidden) {
        // No refresh while hidden: catch up on becoming visible.
        this.#dueWhileHidden = true;
        return;
      }
      // Skipped when another request is pending: that one schedules the next tick as it ends.
      this.#run(kind);
    }, delayMs);
  }

  readonly #onVisibility = (): void => {
    if (document.hidden || !this.#connected) return;
    const due = this.#dueWhileHidden || this.#intervalMs() > 0;
    if (!due || this.authStopped) return;
    this.#dueWhileHidden = false;
    // Never sooner than a retry already planned: a Retry-After or a backoff outlasts a tab switch.
    // (With none planned, `planned` is far in the past and the spread alone counts.)
    const planned = (this.failure?.retryAt ?? 0) - Date.now();
    this.#schedule(this.failure?.kind ?? 'refresh', Math.max(planned, Math.round(Math.random() * WAKE_SPREAD_MS)));
  };
}
