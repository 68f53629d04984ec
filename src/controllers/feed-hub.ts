/**
 * One live refresh for every widget showing the same feed (see `feed-key.ts`): within a page, and
 * with `sharing="browser"` across the browser's tabs and same-origin frames.
 *
 * The hub does not fetch. Each widget's feed keeps its own schedule and asks `claim()` before a
 * refresh: granted to one at a time, only in the tab that leads (`TabElection`), and only once
 * the last answer is due. The widget that fetched `publish()`es the answer; the hub hands it to
 * the page's other widgets and to the other tabs (`feed-message.ts`). A follower tab's watchdog
 * takes over from a leader that went silent for two intervals.
 */
import { spread } from '../model/backoff.js';
import { decodeMessage, encodeAnswer, HELLO, PROTOCOL, type SharedAnswer } from '../model/feed-message.js';
import { feedKeyText, feedName, type FeedIdentity } from '../model/feed-key.js';
import { TabElection } from './tab-election.js';

export type Sharing = 'browser' | 'page' | 'off';

/** Where an answer came from, as a widget sees it. */
export type AnswerOrigin = 'self' | 'page' | 'tab';

export interface HubMember {
  /** This widget's refresh interval (ms); the hub's is the shortest. */
  intervalMs(): number;
  /** Another widget's (or tab's) answer. */
  receive(answer: SharedAnswer, origin: AnswerOrigin): void;
  /** This tab now leads: refresh once the last answer is due (`inMs`, spread by the feed). */
  due(inMs: number): void;
}

export interface Membership {
  /** The last answer this page has, if any. */
  readonly latest: SharedAnswer | null;
  /** May this widget fetch the next refresh now? `force`: a person asked (or a first page): yes, and others wait for it. */
  claim(force?: boolean): boolean;
  /** The claimed refresh's outcome (success, 304 or failure), for the others; also ends the claim. */
  publish(answer: SharedAnswer): void;
  /** The claimed refresh was abandoned (aborted): someone else may fetch. */
  release(): void;
}

/** A follower waits this long (in intervals) for word from the leader before taking over. */
const SILENCE_INTERVALS = 2;
/** A refresh is due again this far (in intervals) after the last answer; ticks sooner are skipped. */
const DUE_FRACTION = 0.5;
/** How long a joining widget waits for the leading tab's latest answer before fetching itself. */
const HELLO_WAIT_MS = 500;

const hubs = new Map<string, FeedHub>();

/**
 * Joins the feed these settings name, creating its hub (and, across tabs, its channel and
 * election). Aborting `signal` leaves at once, even while the join is under way (then it resolves
 * null): a widget that goes leaves nothing behind.
 */
export async function joinFeed(
  identity: FeedIdentity,
  pageUrl: string,
  sharing: Exclude<Sharing, 'off'>,
  member: HubMember,
  signal: AbortSignal,
): Promise<Membership | null> {
  const text = feedKeyText(identity, pageUrl);
  const acrossTabs =
    sharing === 'browser' && typeof BroadcastChannel === 'function' && typeof navigator.locks?.request === 'function';
  // Across tabs the lock and the channel need a name that holds no secret; within a page, the text is the key.
  const name = acrossTabs ? await feedName(text).catch(() => null) : null;
  if (signal.aborted) return null;
  const key = name ? `tabs ${name}` : `page ${text}`;
  let hub = hubs.get(key);
  if (!hub) {
    const created = new FeedHub(name, () => hubs.get(key) === created && hubs.delete(key));
    hubs.set(key, (hub = created));
  }
  return hub.join(member, signal);
}

class FeedHub {
  readonly #members = new Set<HubMember>();
  #latest: SharedAnswer | null = null;
  /** The last answer that carried a page. */
  #page: SharedAnswer | null = null;
  #claimedBy: HubMember | null = null;
  /** When another tab last sent an answer (clock ms). */
  #heardAt = -Infinity;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  /** When this tab last tried to take over: the next try waits as long again. */
  #triedAt = -Infinity;
  #ready: Promise<void> = Promise.resolve();
  readonly #channel: BroadcastChannel | null = null;
  readonly #election: TabElection | null = null;

  constructor(
    name: string | null,
    private readonly dispose: () => void,
  ) {
    if (!name) return;
    const lockName = `rensei-session-list:${PROTOCOL}:${name}`;
    this.#channel = new BroadcastChannel(lockName);
    this.#channel.onmessage = ({ data }: MessageEvent) => this.#onMessage(data);
    this.#election = new TabElection(lockName, (leading) => this.#onLeading(leading));
    document.addEventListener('visibilitychange', this.#onVisibility);
    addEventListener('pagehide', this.#onHide);
    this.#onVisibility();
    // A tab that joins a feed another tab leads asks for its latest answer, and waits a moment for it.
    this.#ready = navigator.locks.query().then(
      ({ held = [] }) => {
        if (!held.some((lock) => lock.name === lockName) || this.#election!.leading) return;
        this.#channel!.postMessage(HELLO);
        return new Promise<void>((resolve) => {
          const done = () => resolve();
          this.#waitingForHello = done;
          setTimeout(done, HELLO_WAIT_MS);
        });
      },
      () => {},
    );
  }

  #waitingForHello: (() => void) | null = null;

  async join(widget: HubMember, signal: AbortSignal): Promise<Membership | null> {
    // Each join is a member of its own: a widget that joins again before an earlier join of its
    // own is over (and left) stays in when that one leaves.
    const member: HubMember = {
      intervalMs: () => widget.intervalMs(),
      receive: (answer, origin) => widget.receive(answer, origin),
      due: (inMs) => widget.due(inMs),
    };
    this.#members.add(member);
    signal.addEventListener('abort', () => this.#leave(member), { once: true });
    await this.#ready;
    if (signal.aborted) return null;
    const latest = () => this.#latest;
    return {
      get latest() {
        return latest();
      },
      claim: (force) => this.#claim(member, force),
      publish: (answer) => this.#publish(member, answer),
      release: () => {
        if (this.#claimedBy === member) this.#claimedBy = null;
      },
    };
  }

  #intervalMs(): number {
    let shortest = Infinity;
    for (const member of this.#members) shortest = Math.min(shortest, member.intervalMs() || Infinity);
    return shortest === Infinity ? 0 : shortest;
  }

  /** Another tab leads: this one waits for the lock behind it, or heard from it lately. */
  #following(): boolean {
    const election = this.#election;
    if (!election || election.leading) return false;
    return election.waiting || Date.now() - this.#heardAt < SILENCE_INTERVALS * this.#intervalMs();
  }

  /** When the next refresh falls due after `answer` (clock ms). */
  #dueAt(answer: SharedAnswer, intervalMs: number): number {
    if (answer.error) return answer.retryInMs === null ? Infinity : answer.at + answer.retryInMs;
    return answer.at + DUE_FRACTION * intervalMs;
  }

  #claim(member: HubMember, force?: boolean): boolean {
    if (!force) {
      if (this.#claimedBy || this.#following()) return false;
      const latest = this.#latest;
      if (latest && Date.now() < this.#dueAt(latest, member.intervalMs())) return false;
    }
    this.#claimedBy = member;
    return true;
  }

  #publish(from: HubMember, answer: SharedAnswer): void {
    if (this.#claimedBy === from) this.#claimedBy = null;
    if (!this.#take(answer)) return;
    for (const member of this.#members) if (member !== from) member.receive(this.#latest!, 'page');
    this.#channel?.postMessage(encodeAnswer(this.#latest!));
  }

  /**
   * Keeps `answer` as the latest unless a newer one is in. An unchanged answer confirms the last
   * page with its ETag (without one here, it carries no page: it only says when the feed was fetched).
   */
  #take(answer: SharedAnswer): boolean {
    const latest = this.#latest;
    if (latest && answer.at <= latest.at) return false;
    if (answer.unchanged) answer = { ...answer, page: this.#page?.etag === answer.etag ? this.#page.page : null };
    else if (answer.page) this.#page = answer;
    this.#latest = answer;
    this.#armWatchdog();
    return true;
  }

  #onMessage(data: unknown): void {
    const message = decodeMessage(data);
    if (!message) return;
    if (message.type === 'hello') {
      if (this.#election?.leading && this.#latest) this.#channel!.postMessage(encodeAnswer(this.#latest));
      return;
    }
    this.#heardAt = Date.now();
    this.#waitingForHello?.();
    this.#waitingForHello = null;
    const { type: _, ...answer } = message;
    if (!this.#take(answer)) return this.#armWatchdog();
    for (const member of this.#members) member.receive(this.#latest!, 'tab');
  }

  // ——— leading and following ———

  #onLeading(leading: boolean): void {
    if (!leading) return this.#armWatchdog();
    clearTimeout(this.#watchdog);
    // Taking over from another tab: refresh once its last answer is an interval old. (With no
    // answer yet, each widget's own schedule stands.)
    const interval = this.#intervalMs();
    const latest = this.#latest;
    if (!latest) return;
    const inMs = Math.max(0, this.#dueAt(latest, interval) + (1 - DUE_FRACTION) * interval - Date.now());
    if (inMs < Infinity) for (const member of this.#members) member.due(inMs);
  }

  /** A follower that hears nothing for two intervals (past a planned retry) takes over. */
  #armWatchdog(): void {
    clearTimeout(this.#watchdog);
    const election = this.#election;
    const interval = this.#intervalMs();
    if (!election || election.leading || !interval) return;
    const latest = this.#latest;
    const after = latest?.error ? (latest.retryInMs ?? Infinity) : 0;
    if (after === Infinity) return; // a 401: nobody refreshes until a person retries
    const since = Math.max(this.#heardAt, latest?.at ?? -Infinity, this.#triedAt);
    const silentFor = () => Date.now() - Math.max(this.#heardAt, this.#latest?.at ?? -Infinity);
    const limit = after + SILENCE_INTERVALS * interval;
    const wait = Math.max(0, (since === -Infinity ? Date.now() : since) + spread(limit) - Date.now());
    this.#watchdog = setTimeout(() => {
      if (document.hidden || election.leading) return this.#armWatchdog();
      this.#triedAt = Date.now();
      // The guard is held until the new leader's first answer is surely out (its wake spread included).
      void election.takeOver(() => silentFor() >= limit * 0.9, limit + 1000).then(() => this.#armWatchdog());
    }, wait);
  }

  /**
   * Hidden (a tab switch, and also a tab closing or going into the back-forward cache, which hide
   * the page first): let go of the lead. Shown: stand for it. A closed tab's lock is freed anyway;
   * `pagehide` hands off too, for a frame removed from a visible page.
   */
  readonly #onVisibility = (): void => {
    if (document.hidden) this.#election?.resign();
    else this.#election?.stand();
  };

  readonly #onHide = (): void => this.#election?.resign();

  #leave(member: HubMember): void {
    if (!this.#members.delete(member)) return; // left already
    if (this.#claimedBy === member) this.#claimedBy = null;
    if (this.#members.size > 0) return;
    clearTimeout(this.#watchdog);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    removeEventListener('pagehide', this.#onHide);
    this.#election?.resign();
    this.#channel?.close();
    this.dispose();
  }
}
