/**
 * Loads and keeps a project's sessions: the first page, "load more", live refresh, retries.
 *
 * Each request is a run of one `@lit/task` Task: it gets an `AbortSignal` of its own, a new run
 * aborts the one in flight, and only the latest run's answer is merged (or its failure reported).
 * The rows live in a `SessionStore` private to the feed, so a pending or failed refresh never
 * blanks them; the element reads them through getters and changes them only through verbs
 * (`refresh()`, `loadMore()`, `retry()`, `showPending()`). A change of project, token or api-base
 * starts over (`reset()`). Conditional refreshes and `sharing` are feed-share.ts, a lazy chunk.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/client.js';
import type { RejectedRow, Session } from '../api/schema.js';
import type { FeedRequestKind } from '../events.js';
import type { FeedConfig, FeedFailure } from './feed-config.js';
import { fetchPages, mergeAnswer, pageFetcher, type Answer } from './feed-pages.js';
import type { FeedShare } from './feed-share.js';
import { RefreshTimer, wakeDelay, warnBelowFloor } from './refresh-timer.js';
import { retryDelay, spread } from '../model/backoff.js';
import { MIN_REFRESH_INTERVAL_S, refreshIntervalMs } from '../model/delay.js';
import type { SessionRow } from '../model/session-row.js';
import { SessionStore } from '../model/session-store.js';

/** The abort reason of a disconnect (or a reset): not a failure to report. */
const DISCONNECTED = new Error('disconnected');

export class SessionFeedController implements ReactiveController {
  readonly #store = new SessionStore();
  #failure: FeedFailure | null = null;
  #rejected: RejectedRow[] = [];
  #unreadable = 0;
  #updatedAt: number | null = null;
  #authStopped = false;
  /** The sessions of the last page down the cursor (the first page until another is loaded). */
  #lastPage: readonly Session[] = [];

  #failures = 0;
  readonly #timer = new RefreshTimer(
    // Skipped when pending (that one plans the next tick), or (sharing) when another one fetches.
    (kind) => this.#share?.claim(kind) ?? void this.#run(kind),
    (due) => this.#wake(due),
  );
  /** A refresh-interval below the floor is said once per feed, not at every tick. */
  #warnedFloor = false;
  #connected?: boolean;
  #started?: boolean;
  /** Set by each request as it starts; read only while one is pending. */
  #pendingKind!: FeedRequestKind;
  /** Sharing and conditional refreshes (feed-share.ts), once the chunk is in. */
  #share: FeedShare | null = null;
  /** Bumped by each start and stop, so a chunk that arrives late knows it is stale. */
  #joins = 0;

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

  /** The last answer merged was fetched by another tab. */
  get fromTab(): boolean | undefined {
    return this.#share?.fromTab;
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
    this.#timer.start();
    // Reconnected: bring the rows up to date. The first load waits for `reset()`, which the
    // element calls once its first properties are in.
    if (this.#started) this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#timer.stop();
    this.#stop();
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
    // Nothing of the old feed may land while the new first page waits for the chunk.
    this.#stop();
    if (this.#connected) this.#start();
  }

  /**
   * The first load (or, reconnected, a refresh) and the chunk. With a key and live refresh, once the
   * chunk is in (or failed: then without it), since the feed's latest answer may be this first page.
   */
  #start(): void {
    const joins = ++this.#joins;
    const settings = this.#config.settings();
    const wait = settings.token && this.intervalMs() > 0;
    if (!wait) void this.#run('refresh', true);
    import('./feed-share.js')
      .then(
        ({ shareFeed }) => shareFeed(this, settings),
        () => null,
      )
      .then((share) => {
        // Overtaken by a later start, a reset or a disconnect.
        if (joins !== this.#joins) return share?.leave();
        this.#share = share;
        if (wait) void this.#run('refresh', true);
      });
  }

  /** Leaves the shared feed: no tick planned, no request in flight. */
  #stop(): void {
    this.#joins++;
    this.#share?.leave();
    this.#share = null;
    this.#timer.clear();
    this.#task.abort(DISCONNECTED);
  }

  /** Fetches the first page now and merges it; skipped while one is pending, unless `force` (an answer from elsewhere waits). */
  refresh(force?: boolean): Promise<void> {
    return this.#run('refresh', force);
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

  /**
   * Follows the cursor until `done` says the last page loaded is far enough, the list ends, a page
   * fails, or `maxPages` were fetched; answers true when it stopped at `maxPages` with more to go.
   */
  async loadUntil(done: (page: readonly Session[]) => boolean, maxPages: number): Promise<boolean> {
    for (let pages = 0; this.hasMore && !this.#failure && !done(this.#lastPage); pages++) {
      if (pages === maxPages) return true;
      // A page already on its way (a person's "load more") counts: wait for it rather than skip.
      await (this.pendingKind === 'more' ? this.#task.taskComplete.catch(() => {}) : this.loadMore());
    }
    return false;
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
    // Live refresh turned on or off: join the shared feed, or leave it.
    void this.#share?.reschedule();
    if (!this.#connected || this.pending || this.#authStopped) return;
    const interval = this.intervalMs();
    if (interval > 0) this.#scheduleRefresh(interval);
    // Off now means off now: the refresh already planned goes too (a planned retry stays).
    else if (!this.#failure?.retryAt) this.#timer.clear();
  }

  // ——— requests ———

  /** One request: aborts the one in flight, and settles (never rejects) once this one is over. */
  async #run(kind: FeedRequestKind, force?: boolean): Promise<void> {
    if (!this.#connected || (this.pending && !force)) return;
    this.#timer.clear();
    this.#pendingKind = kind;
    const store = this.#store;
    await this.#task.run([kind, kind === 'more' ? (store.gapCursor ?? store.nextCursor) : null]);
  }

  /** The page(s) `kind` asks for (see feed-pages.ts), with this run's signal; the share may answer the first. */
  #fetch(kind: FeedRequestKind, cursor: string | null, signal: AbortSignal): Promise<Answer> {
    const fetchPage = pageFetcher(this.#config.settings(), signal);
    return fetchPages(kind, cursor, this.#store, this.#share?.pages(fetchPage) ?? fetchPage);
  }

  #merge(answer: Answer): void {
    const { kind, page } = answer;
    // Sharing: this widget's own answer goes to the others; one older than the rows is dropped (null).
    const shared = this.#share ? this.#share.merged(kind) : false;
    if (shared === null) return this.#scheduleRefresh(this.intervalMs());
    const now = Date.now();
    // The range's coverage reads the last page walked back (or the first), not a refresh's.
    if ((kind === 'more' && !answer.intoGap) || this.#store.isEmpty) this.#lastPage = page.sessions;
    const change = mergeAnswer(answer, this.#store, now, this.#config);
    this.#rejected = page.rejected;
    this.#unreadable = page.unreadable;
    this.#updatedAt = now;
    this.#failure = null;
    this.#authStopped = false; // an answer came: the credential works (a person's retry, maybe in another widget)
    this.#failures = 0;
    this.#scheduleRefresh(this.intervalMs());
    this.#config.onLoad(change, kind, shared);
  }

  #onError(error: unknown): void {
    if (error === DISCONNECTED) return;
    const apiError =
      error instanceof ApiError ? error : new ApiError('network', `Loading sessions failed: ${String(error)}`);
    const kind = this.#pendingKind;
    this.#failures++;
    let retryIn = retryDelay(apiError, this.#failures, this.intervalMs(), MIN_REFRESH_INTERVAL_S * 1000);
    // Sharing: this widget's own failure goes to the others; one from elsewhere comes with its retry.
    if (this.#share) retryIn = this.#share.failed(kind, apiError, retryIn);
    this.#failure = { error: apiError, kind, retryAt: retryIn === null ? null : Date.now() + retryIn };
    if (apiError.kind === 'auth') this.#authStopped = true;
    if (retryIn !== null) this.#schedule(kind, retryIn);
    this.#config.onError(apiError, kind, retryIn);
  }

  // ——— schedule ———

  /** The refresh interval (ms); 0: live refresh off. (The share asks it too.) */
  intervalMs(): number {
    const seconds = this.#config.settings().refreshInterval;
    if (!this.#warnedFloor) this.#warnedFloor = warnBelowFloor(seconds);
    return refreshIntervalMs(seconds);
  }

  /** Each interval spread ±10 %, so widgets, tabs and pages drift apart instead of firing together. */
  #scheduleRefresh(delayMs: number): void {
    if (delayMs > 0 && !this.#authStopped) this.#schedule('refresh', spread(delayMs));
  }

  /** Replaces the planned attempt, if any. */
  #schedule(kind: FeedRequestKind, delayMs: number): void {
    if (this.#connected) this.#timer.schedule(kind, delayMs);
    else this.#timer.clear();
  }

  /** The page became visible: catch up on a tick missed while hidden (or due by live refresh). */
  #wake(dueWhileHidden: boolean): void {
    if (!this.#connected || !(dueWhileHidden || this.intervalMs() > 0) || this.#authStopped) return;
    this.#schedule(this.#failure?.kind ?? 'refresh', wakeDelay(this.#failure?.retryAt ?? 0));
  }
}
