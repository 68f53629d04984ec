/**
 * What a feed does beyond fetching for itself, loaded as a chunk of its own (with the hub, the
 * election and the codec) as the widget starts: conditional refreshes (`ETag`), and with
 * `sharing` its part in the feed's hub. Answers fetched elsewhere wait here for the feed's next
 * run, which returns them instead of fetching (so they merge, fail and render exactly as the
 * widget's own); the feed's own answers and failures go from here to the others. The feed
 * (session-feed.ts) asks only as a run starts (`pages`), merges (`merged`) or fails (`failed`),
 * at each tick (`claim`), and when live refresh is turned on or off (`reschedule`).
 */
import { ApiError, type FetchedPage } from '../api/client.js';
import type { FeedRequestKind } from '../events.js';
import { WAKE_SPREAD_MS } from '../model/delay.js';
import type { SharedAnswer } from '../model/feed-message.js';
import { joinFeed, type AnswerOrigin, type HubMember, type Membership } from './feed-hub.js';
import type { FeedSettings } from './feed-config.js';
import type { SessionFeedController } from './session-feed.js';

/** Where the current run's answer comes from, when it was asked for, (from elsewhere) its retry, and its first page. */
interface Running {
  origin: AnswerOrigin;
  at: number;
  retryInMs?: number | null;
  page?: FetchedPage;
}

/**
 * The chunk's entry: the feed's share, joined to its hub when it shares (with a key, before it
 * resolves). It never rejects: a hub that cannot be joined (a frame that refuses the channel, say)
 * leaves the widget fetching for itself.
 */
export async function shareFeed(feed: SessionFeedController, settings: FeedSettings): Promise<FeedShare> {
  const share = new FeedShare(feed, settings);
  const joined = share.reschedule(true).catch(() => {});
  // With the cookie, the widget fetches its own first page at once: it joins meanwhile.
  if (settings.token) await joined;
  return share;
}

export class FeedShare implements HubMember {
  #hub: Membership | null = null;
  /** The latest join; aborted by a leave (or the next join), which leaves the hub. */
  #joining: AbortController | null = null;
  /** An answer from elsewhere, for the next run to return instead of fetching. */
  #incoming: { answer: SharedAnswer; origin: AnswerOrigin; unchanged?: boolean } | null = null;
  /** What the current run is: its answer (or failure) is shared only when it was fetched here. */
  #running: Running | null = null;
  /** When the refresh merged last was asked for: an older answer never overwrites it. */
  #answerAt = -Infinity;
  /** The first page's ETag as merged last, and whether this feed stopped sending it. */
  #etag: string | null = null;
  #etagRefused = false;
  /** The refresh planned as this tab took the lead (see `due`). */
  #due: ReturnType<typeof setTimeout> | undefined;
  /** The last answer merged came from another tab (the toolbar says so). */
  fromTab = false;

  constructor(
    private readonly feed: SessionFeedController,
    private readonly settings: FeedSettings,
  ) {}

  /**
   * Joins the feed's hub, or leaves it, as `sharing` and live refresh say. `initial`: the feed
   * loads once the share is in (see `shareFeed`); a later join refreshes with what came meanwhile.
   */
  async reschedule(initial?: boolean): Promise<void> {
    const { sharing } = this.settings;
    const on = (sharing === 'browser' || sharing === 'page') && this.feed.intervalMs() > 0;
    if (!!this.#hub === on) return;
    // Joining takes a moment (a hash): the feed's ticks meanwhile fetch for themselves.
    this.leave();
    if (!on) return;
    const joining = (this.#joining = new AbortController());
    const hub = await joinFeed(this.settings, document.baseURI, sharing, this, joining.signal);
    // Left (or joining again) meanwhile: the hub has let go of this join already.
    if (!hub || joining.signal.aborted) return;
    this.#hub = hub;
    // With a key, the feed's latest answer is this widget's first page; with the cookie (whose
    // identity may have changed since), the widget fetches its own first.
    const latest = hub.latest;
    if (!this.#incoming && this.settings.token && latest?.page && !latest.error && this.feed.isEmpty) {
      this.#incoming = { answer: latest, origin: 'page' };
    } else if (this.#incoming && !initial) void this.feed.refresh(true);
  }

  leave(): void {
    clearTimeout(this.#due);
    this.#joining?.abort();
    this.#hub = null;
  }

  // ——— what the hub asks (HubMember) ———

  intervalMs(): number {
    return this.feed.intervalMs();
  }

  /** An answer fetched elsewhere: merged like one fetched here, unless it is older than the rows. */
  receive(answer: SharedAnswer, origin: AnswerOrigin): void {
    const { feed } = this;
    if (answer.at <= this.#answerAt) return;
    // With the cookie, nothing shared before this widget's own first page (see the feed's start).
    if (this.#answerAt === -Infinity && !this.settings.token) return;
    // A page being loaded stays this widget's own; the next answer will do.
    if (feed.pendingKind === 'more') return;
    // Nothing changed since the page this widget has: no merge, so no row is written again.
    const unchanged = answer.unchanged && !answer.error && answer.etag === this.#etag && !feed.isEmpty;
    if (!unchanged && !answer.page && !answer.error) return; // unchanged, from a page this widget does not have
    this.#incoming = { answer, origin, unchanged };
    // While joining (another tab's answer to this one's hello), it waits for the join.
    if (this.#hub) void this.feed.refresh(true);
  }

  /**
   * This tab now leads: refresh once the last answer is due, spread so the widgets don't fire
   * together (the first to claim fetches; the feed's own ticks go on as planned, and claim too).
   */
  due(inMs: number): void {
    clearTimeout(this.#due);
    this.#due = setTimeout(
      () => {
        const { feed } = this;
        if (!document.hidden && !feed.pending && !feed.authStopped && this.#hub?.claim()) void feed.refresh();
      },
      inMs + Math.random() * WAKE_SPREAD_MS,
    );
  }

  // ——— what the feed asks ———

  /**
   * The page fetcher of the run that starts now (the feed's `pendingKind`): its first page goes
   * through `first` (from elsewhere, or conditional).
   */
  pages(
    fetchPage: (cursor: string | null, fetchImpl?: typeof fetch) => Promise<FetchedPage>,
  ): (cursor: string | null) => Promise<FetchedPage> {
    const { feed } = this;
    const kind = feed.pendingKind!;
    const firstPage = kind === 'refresh' && feed.isEmpty;
    let started = false;
    return async (cursor) => {
      if (started) return fetchPage(cursor);
      started = true;
      const page = this.first(kind, firstPage, (fetchImpl) => fetchPage(cursor, fetchImpl));
      // `first` set the run under way: its first page is what `merged` shares.
      const running = this.#running!;
      return (running.page = await page);
    };
  }

  /**
   * A run starts: it returns (or throws) the answer from elsewhere that waits, if one does. Else
   * it fetches (`own`), and a refresh claims the feed: others wait for it (a tick has claimed it
   * already; a person's refresh, or a first page, takes it).
   */
  async first(
    kind: FeedRequestKind,
    firstPage: boolean,
    own: (fetchImpl?: typeof fetch) => Promise<FetchedPage>,
  ): Promise<FetchedPage> {
    const incoming = kind === 'refresh' ? this.#incoming : null;
    this.#incoming = null;
    const answer = incoming?.answer;
    const running: Running = (this.#running = { origin: incoming?.origin ?? 'self', at: answer?.at ?? Date.now() });
    if (!answer) {
      if (kind !== 'refresh') return own();
      this.#hub?.claim(true);
      // Only a refresh of rows already loaded asks whether the first page changed.
      return this.#conditional(own, firstPage || this.#etagRefused ? null : this.#etag);
    }
    // A request of this widget's that the answer overtook (aborted) claims the feed no more.
    this.#hub?.release();
    const { page, error, retryInMs, etag } = answer;
    if (incoming.unchanged) return this.#unchangedPage(etag!);
    if (error) {
      running.retryInMs = retryInMs === null ? null : Math.max(0, answer.at + retryInMs - Date.now());
      throw new ApiError(error.kind, error.message, error.status, error.retryAfterMs);
    }
    return page!;
  }

  /**
   * A refresh's first page, with its `ETag`; with `etag`, asking `If-None-Match`. A 304 (or the
   * same ETag) is `unchanged`: its body is neither read nor parsed.
   */
  async #conditional(
    own: (fetchImpl: typeof fetch) => Promise<FetchedPage>,
    etag: string | null,
  ): Promise<FetchedPage> {
    let sent: string | null = null;
    let unchanged = false;
    let signal: AbortSignal | null | undefined;
    const fetchImpl: typeof fetch = async (input, init = {}) => {
      signal = init.signal;
      let response: Response;
      try {
        response = await fetch(input, etag ? { ...init, headers: { ...init.headers, 'If-None-Match': etag } } : init);
      } catch (error) {
        if (!etag || signal?.aborted) throw error;
        // `If-None-Match` is not CORS-safelisted: a preflight (or a proxy) may refuse it. Once more
        // without, and never again for this feed.
        this.#etagRefused = true;
        return fetch(input, init);
      }
      sent = response.headers.get('ETag');
      if (!etag || (response.status !== 304 && !(response.ok && sent === etag))) return response;
      unchanged = true;
      void response.body?.cancel().catch(() => {});
      // The client reads no body here, and fails it as it would any 304; that failure is the answer.
      return new Response(null, { status: 304 });
    };
    try {
      const page: FetchedPage = await own(fetchImpl);
      if (sent) page.etag = sent;
      return page;
    } catch (error) {
      if (!unchanged || signal?.aborted) throw error;
      return this.#unchangedPage(etag!);
    }
  }

  /** A first page that did not change: nothing to merge ("updated" moves on), and the rows it could not show are as they were. */
  #unchangedPage(etag: string): FetchedPage {
    const { rejected, unreadable } = this.feed;
    return { sessions: [], rejected: [...rejected], cursor: null, unreadable, etag, unchanged: true };
  }

  /** The run's answer is merged; null when it is older than the rows (two tabs leading at once): dropped. */
  merged(kind: FeedRequestKind): boolean | null {
    if (kind !== 'refresh') return false;
    const { origin, at, page } = this.#current();
    // A run that started before the chunk was in had no ETag kept: it counts as changed.
    const unchanged = !!page?.unchanged;
    const etag = page?.etag ?? null;
    if (origin === 'self' && page) this.#hub?.publish({ at, page, etag, unchanged, error: null, retryInMs: null });
    if (!unchanged && at < this.#answerAt) return null;
    this.#answerAt = at;
    this.#etag = etag;
    this.fromTab = origin === 'tab';
    return origin !== 'self';
  }

  /** The run failed: when to retry. A failure fetched elsewhere comes with its retry, so every widget waits the same. */
  failed(kind: FeedRequestKind, error: ApiError, retryIn: number | null): number | null {
    if (kind !== 'refresh') return retryIn;
    const { origin, at, retryInMs } = this.#current();
    if (origin !== 'self') {
      this.#answerAt = Math.max(this.#answerAt, at);
      return retryInMs ?? null;
    }
    // An ApiError is a SharedError (kind, message, status, retryAfterMs); the codec sends only those.
    const retryAt = retryIn === null ? null : Date.now() + retryIn - at;
    this.#hub?.publish({ at, page: null, etag: null, unchanged: false, error, retryInMs: retryAt });
    return retryIn;
  }

  /**
   * A tick: may this widget fetch now? Not a refresh that another one fetches, or did lately: then
   * false, and the feed's next tick is planned (the feed runs the tick only when this is not false).
   */
  claim(kind: FeedRequestKind): false | undefined {
    if (kind !== 'refresh' || this.#hub?.claim() !== false) return;
    this.feed.reschedule();
    return false;
  }

  /** The run under way; one that started before the chunk was in was fetched here, about now. */
  #current(): Running {
    return this.#running ?? { origin: 'self', at: Date.now() };
  }
}
