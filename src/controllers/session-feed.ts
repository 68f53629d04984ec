/**
 * Loads and keeps a project's sessions: the first page, "load more", live refresh, retries.
 *
 * Each request is a run of one `@lit/task` Task: it gets an `AbortSignal` of its own, a new run
 * aborts the one in flight, and only the latest run's answer is merged (or its failure reported).
 * The rows live in a `SessionStore` private to the feed, so a pending or failed refresh never
 * blanks them; the element reads them through getters and changes them only through verbs
 * (`refresh()`, `loadMore()`, `retry()`, `showPending()`). A change of project, token or api-base
 * starts over (`reset()`).
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, fetchSessionsPage } from '../api/client.js';
import type { ParsedPage, RejectedRow } from '../api/schema.js';
import type { FeedRequestKind } from '../events.js';
import { backoffDelay, jitter } from '../model/backoff.js';
import {
  clampDelay,
  isBelowRefreshFloor,
  MIN_REFRESH_INTERVAL_S,
  refreshIntervalMs,
  timeoutMs,
} from '../model/delay.js';
import type { SessionRow } from '../model/session-row.js';
import { SessionStore, type StoreChange } from '../model/session-store.js';

export interface FeedSettings {
  apiBase: string;
  project: string;
  token: string;
  /** Seconds between refreshes; 0 = live refresh off. */
  refreshInterval: number;
  /** Seconds to wait for an answer before giving up; absent, 0 or not a number: the client's 30 s. */
  timeout?: number;
}

/** The feed's config: where its settings come from, and who hears of its answers (as `@lit/task` takes callbacks). */
export interface FeedConfig {
  /** Read at each request, so the feed always uses the element's current properties. */
  settings(): FeedSettings;
  /** True when new rows must be held back (the reader is away from the top, or on a row). */
  holdNewRows(): boolean;
  onLoad(change: StoreChange, request: FeedRequestKind): void;
  onError(error: ApiError, request: FeedRequestKind, retryInMs: number | null): void;
}

/** Live refresh off, 429/503 are still retried by themselves this many times. */
const MAX_AUTO_RETRIES = 4;
const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 5 * 60_000;
/** A refresh that finds only new rows fetches at most this many pages more, to reach the loaded ones. */
const GAP_PAGES = 5;
/** On becoming visible, refresh within this long, spread so widgets on one page don't fire together. */
const WAKE_SPREAD_MS = 1_000;
/** The abort reason of a disconnect: not a failure to report. */
const DISCONNECTED = new Error('disconnected');

export interface FeedFailure {
  error: ApiError;
  kind: FeedRequestKind;
  /** When the next automatic attempt is due (clock ms), or null when none is scheduled. */
  retryAt: number | null;
}

/** One run's answer: what was asked, and the page(s) it fetched. */
interface Answer {
  kind: FeedRequestKind;
  cursor: string | null;
  page: ParsedPage;
  /** `more` into the gap a burst left, not after the last loaded row. */
  intoGap: boolean;
  /** A refresh whose pages did not reach the loaded rows: the cursor that goes on below them. */
  gapCursor: string | null;
}

export class SessionFeedController implements ReactiveController {
  readonly #store = new SessionStore();
  #failure: FeedFailure | null = null;
  #rejected: RejectedRow[] = [];
  #unreadable = 0;
  #updatedAt: number | null = null;
  #authStopped = false;

  #failures = 0;
  /** Only ever cleared: clearing a timer that already fired does nothing. */
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueWhileHidden?: boolean;
  /** A refresh-interval below the floor is said once per feed, not at every tick. */
  #warnedFloor = false;
  #connected?: boolean;
  #started?: boolean;
  /** Set by each request as it starts; read only while one is pending. */
  #pendingKind!: FeedRequestKind;

  readonly #host: ReactiveControllerHost;
  readonly #config: FeedConfig;
  readonly #task: Task<[FeedRequestKind, string | null], Answer>;

  constructor(host: ReactiveControllerHost, config: FeedConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
    this.#task = new Task(host, {
      autoRun: false,
      task: ([kind, cursor], { signal }) => this.#fetch(kind, cursor, signal),
      // Called for the latest run only: an aborted or overtaken request is never merged.
      onComplete: (answer) => this.#merge(answer),
      onError: (error) => this.#onError(error),
    });
  }

  // ——— what the element reads ———

  /** The loaded rows, in order (held new rows not included). */
  get rows(): readonly SessionRow[] {
    return this.#store.rows;
  }

  /** Bumped on every change of the rows, so a view can cache what it derives from them. */
  get version(): number {
    return this.#store.version;
  }

  /** New rows held back while the reader is away from the top. */
  get heldCount(): number {
    return this.#store.pending.length;
  }

  get hasMore(): boolean {
    return this.#store.hasMore;
  }

  /** Nothing loaded, not even held rows. */
  get isEmpty(): boolean {
    return this.#store.isEmpty;
  }

  get(id: string): SessionRow | undefined {
    return this.#store.get(id);
  }

  /** True when the last refresh (or a later page fetch) covered this row. */
  isLive(row: SessionRow): boolean {
    return this.#store.isLive(row);
  }

  /** The last failure, until a request succeeds. */
  get failure(): FeedFailure | null {
    return this.#failure;
  }

  /** Rows the last page could not show, with the first reason. */
  get rejected(): readonly RejectedRow[] {
    return this.#rejected;
  }

  /** Fields the last answer had that could not be read (they show as unknown). */
  get unreadable(): number {
    return this.#unreadable;
  }

  /** Clock time of the last successful merge. */
  get updatedAt(): number | null {
    return this.#updatedAt;
  }

  /** Set by a 401/403: live refresh waits for a new token or project, or `retry()`. */
  get authStopped(): boolean {
    return this.#authStopped;
  }

  get pending(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  get pendingKind(): FeedRequestKind | null {
    return this.pending ? this.#pendingKind : null;
  }

  /** The request's state as a template (the element's loading and error states), one renderer per state. */
  render<T>(renderer: { initial(): T; pending(): T; complete(): T; error(): T }): T {
    return this.#task.render(renderer) as T;
  }

  // ——— lifecycle ———

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    // Reconnected: bring the rows up to date. The first load waits for `reset()`, which the
    // element calls once its first properties are in.
    if (this.#started) void this.#run('refresh', true);
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#task.abort(DISCONNECTED);
  }

  // ——— verbs ———

  /** Project, token or api-base changed: start over. */
  reset(): void {
    this.#started = true;
    this.#store.clear();
    this.#failure = null;
    this.#rejected = [];
    this.#unreadable = 0;
    this.#updatedAt = null;
    this.#authStopped = false;
    this.#failures = 0;
    if (this.#connected) void this.#run('refresh', true);
  }

  /** Fetches the first page now and merges it; skipped while another request is pending. */
  refresh(): Promise<void> {
    return this.#run('refresh');
  }

  /** Fetches the next page, when there is one. A pending refresh gives way to it. */
  async loadMore(): Promise<void> {
    if (this.hasMore && this.pendingKind !== 'more') return this.#run('more', true);
  }

  /** The person asked to try again: clears a stop after 401/403 too. */
  retry(): Promise<void> {
    this.#authStopped = false;
    this.#failures = 0;
    return this.#run(this.#failure?.kind ?? 'refresh', true);
  }

  /** A stop's answer: the row takes its new status now; the next refresh has the last word. */
  setStatus(id: string, status: string): void {
    this.#store.patch(id, { status });
    this.#host.requestUpdate();
  }

  /** Puts the held new rows on top. */
  showPending(): void {
    if (this.#store.releasePending().length > 0) this.#host.requestUpdate();
  }

  /** The refresh interval changed: re-plan the next tick. */
  reschedule(): void {
    if (!this.#connected || this.pending || this.#authStopped) return;
    const interval = this.#intervalMs();
    if (interval > 0) this.#scheduleRefresh(interval);
    // Off now means off now: the refresh already planned goes too (a planned retry stays).
    else if (!this.#failure?.retryAt) clearTimeout(this.#timer);
  }

  // ——— requests ———

  /** One request: aborts the one in flight, and settles (never rejects) once this one is over. */
  async #run(kind: FeedRequestKind, force?: boolean): Promise<void> {
    if (!this.#connected || (this.pending && !force)) return;
    clearTimeout(this.#timer);
    this.#pendingKind = kind;
    const store = this.#store;
    await this.#task.run([kind, kind === 'more' ? (store.gapCursor ?? store.nextCursor) : null]);
  }

  /** The page (or, after a burst, the pages down to the loaded rows) that `kind` asks for. */
  async #fetch(kind: FeedRequestKind, cursor: string | null, signal: AbortSignal): Promise<Answer> {
    const settings = this.#config.settings();
    const fetchPage = (cursor: string | null) =>
      fetchSessionsPage({
        ...settings, // apiBase, project, token
        cursor,
        pageUrl: document.baseURI,
        signal,
        timeoutMs: timeoutMs(settings.timeout),
      });
    const intoGap = kind === 'more' && cursor !== null && cursor === this.#store.gapCursor;
    const first = kind === 'refresh' && this.#store.isEmpty;
    let page = await fetchPage(cursor);
    // Each loop fetches a few pages at most; any failure fails the request, so the next looks again.
    const follow = async (goOn: (last: ParsedPage) => boolean): Promise<ParsedPage> => {
      let last = page;
      for (let more = GAP_PAGES; more > 0 && last.cursor !== null && goOn(last); more--) {
        last = await fetchPage(last.cursor);
        page = {
          ...last,
          sessions: [...page.sessions, ...last.sessions],
          rejected: [...page.rejected, ...last.rejected],
          unreadable: page.unreadable + last.unreadable,
        };
      }
      return last;
    };
    // An empty first page that carries a cursor is not "no sessions": follow it a little way.
    if (first) await follow((last) => last.sessions.length === 0);
    // More than a page arrived since the last refresh: none of this one is loaded yet, so the
    // pages between it and the loaded rows are fetched too. Past a few, the rest is a gap that
    // "Load more" fills first.
    let gapCursor: string | null = null;
    if (kind === 'refresh' && !first) {
      const last = await follow((last) => this.#endsAbove(last));
      if (this.#endsAbove(last)) gapCursor = last.cursor;
    }
    return { kind, cursor, page, intoGap, gapCursor };
  }

  /** The page goes on (a cursor) and holds no loaded row: the loaded rows are further down. */
  #endsAbove(page: ParsedPage): boolean {
    return page.cursor !== null && page.sessions.length > 0 && !page.sessions.some(({ id }) => this.#store.get(id));
  }

  #merge({ kind, cursor, page, intoGap, gapCursor }: Answer): void {
    const now = Date.now();
    const store = this.#store;
    const change = intoGap
      ? store.fillGap(page.sessions, page.cursor, now)
      : kind === 'more' && cursor !== null
        ? store.appendPage(page.sessions, page.cursor, cursor, now)
        : // New rows are held back only while rows are on screen, and it's asked only then: the
          // question reads layout, which a first page need not force.
          store.mergeRefresh(page.sessions, page.cursor, now, !store.isEmpty && this.#config.holdNewRows(), gapCursor);
    this.#rejected = page.rejected;
    this.#unreadable = page.unreadable;
    this.#updatedAt = now;
    this.#failure = null;
    this.#failures = 0;
    this.#scheduleRefresh(this.#intervalMs());
    this.#config.onLoad(change, kind);
  }

  #onError(error: unknown): void {
    if (error === DISCONNECTED) return;
    const apiError =
      error instanceof ApiError ? error : new ApiError('network', `Loading sessions failed: ${String(error)}`);
    const kind = this.#pendingKind;
    this.#failures++;
    const retryIn = this.#retryDelay(apiError);
    this.#failure = { error: apiError, kind, retryAt: retryIn === null ? null : Date.now() + retryIn };
    if (apiError.kind === 'auth') this.#authStopped = true;
    if (retryIn !== null) this.#schedule(kind, retryIn);
    this.#config.onError(apiError, kind, retryIn);
  }

  // ——— schedule ———

  #intervalMs(): number {
    const seconds = this.#config.settings().refreshInterval;
    if (!this.#warnedFloor && isBelowRefreshFloor(seconds)) {
      this.#warnedFloor = true;
      console.warn(
        `<rensei-session-list>: refresh-interval ${seconds} is below the ${MIN_REFRESH_INTERVAL_S} s minimum; refreshing every ${MIN_REFRESH_INTERVAL_S} s.`,
      );
    }
    return refreshIntervalMs(seconds);
  }

  /** How long until the next automatic attempt after a failure, or null for none. */
  #retryDelay(error: ApiError): number | null {
    if (['auth', 'not-found', 'insecure', 'config', 'unsupported'].includes(error.kind)) return null;
    const interval = this.#intervalMs();
    if (error.kind === 'rate-limited') {
      if (interval === 0 && this.#failures > MAX_AUTO_RETRIES) return null;
      // The server's word, but no sooner than the refresh floor: a Retry-After of 0, sent every
      // time, must not make a retry every half second.
      return error.retryAfterMs !== null
        ? Math.max(error.retryAfterMs + jitter(500), MIN_REFRESH_INTERVAL_S * 1000)
        : backoffDelay(this.#failures, RETRY_BASE_MS, RETRY_CAP_MS);
    }
    // Anything else is retried only by live refresh, backing off from its interval.
    if (interval === 0) return null;
    return backoffDelay(this.#failures, interval, Math.max(interval, RETRY_CAP_MS));
  }

  #scheduleRefresh(delayMs: number): void {
    if (delayMs > 0 && !this.#authStopped) this.#schedule('refresh', delayMs);
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
      void this.#run(kind);
    }, clampDelay(delayMs));
  }

  readonly #onVisibility = (): void => {
    if (document.hidden || !this.#connected) return;
    const due = this.#dueWhileHidden || this.#intervalMs() > 0;
    if (!due || this.#authStopped) return;
    this.#dueWhileHidden = false;
    // Never sooner than a retry already planned: a Retry-After or a backoff outlasts a tab switch.
    // (With none planned, `planned` is far in the past and the spread alone counts.)
    const planned = (this.#failure?.retryAt ?? 0) - Date.now();
    this.#schedule(this.#failure?.kind ?? 'refresh', Math.max(planned, Math.round(Math.random() * WAKE_SPREAD_MS)));
  };
}
