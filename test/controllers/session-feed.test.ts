/**
 * The feed controller on its own: a bare host (no element), sinon's fake clock and a fake fetch.
 * Its schedule (live refresh, backoff, the pause while hidden), its aborts, and what it merges.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import { ApiError } from '../../src/api/client.js';
import type { FeedSettings } from '../../src/controllers/feed-config.js';
import { SessionFeedController } from '../../src/controllers/session-feed.js';
import type { FeedRequestKind } from '../../src/events.js';
import type { StoreChange } from '../../src/model/session-store.js';
import { installFakeFetch, json, page, sessions, type FakeFetch, type Responder } from '../helpers/fake-fetch.js';
import { nextTask } from '../helpers/tasks.js';

const API = 'https://api.example';
const CAP_MS = 5 * 60_000;

/** Collects its controllers and connects or disconnects them, as a Lit element would. */
class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  /** How many times an update was asked for. */
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(controller: ReactiveController): void {
    const at = this.controllers.indexOf(controller);
    if (at >= 0) this.controllers.splice(at, 1);
  }
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

interface Harness {
  feed: SessionFeedController;
  host: FakeHost;
  /** What the feed reads at each request: change it to change the feed's settings. */
  settings: FeedSettings;
  /** What the config's `holdNewRows()` answers. */
  away: boolean;
  onLoad: sinon.SinonSpy<[StoreChange, FeedRequestKind], void>;
  onError: sinon.SinonSpy<[ApiError, FeedRequestKind, number | null], void>;
}

const ids = (rows: readonly { id: string }[]) => rows.map((row) => row.id);

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('SessionFeedController', () => {
  // The client's error words and row-by-row parse are chunks it imports when an error answer
  // comes; loaded here first, that import settles within settle()'s tasks under the fake clock.
  before(() => Promise.all([import('../../src/api/http-errors.js'), import('../../src/api/forgiving.js')]));
  let clock: sinon.SinonFakeTimers;
  let fake: FakeFetch;
  /** Fake-clock time of every request, in order. */
  let times: number[];
  /** Answers each request (the fake fetch's responder); `'hold'` leaves it for the test to answer. */
  let answer: Responder;
  let hosts: FakeHost[];
  /** Math.random: 0.5 unless a test says otherwise, the middle of each interval's ±10 % spread (exactly the interval). */
  let random: sinon.SinonStub;

  beforeEach(() => {
    random = sinon.stub(Math, 'random').returns(0.5);
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-06-02T15:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
    });
    times = [];
    hosts = [];
    answer = () => page(sessions(1));
    fake = installFakeFetch((call) => {
      times.push(Date.now());
      return answer(call);
    });
  });

  afterEach(() => {
    for (const host of hosts) host.disconnect();
    fake.restore();
    sinon.restore(); // the clock and any stub
    delete (document as { hidden?: boolean }).hidden;
  });

  /** A feed on a connected host; nothing is fetched until `reset()`. */
  function makeFeed(overrides: Partial<FeedSettings> = {}): Harness {
    const host = new FakeHost();
    hosts.push(host);
    const harness: Harness = {
      host,
      settings: { apiBase: API, project: 'web', token: '', refreshInterval: 10, ...overrides },
      away: false,
      onLoad: sinon.spy((_change: StoreChange, _request: FeedRequestKind) => {}),
      onError: sinon.spy((_error: ApiError, _request: FeedRequestKind, _retryInMs: number | null) => {}),
      feed: undefined!,
    };
    harness.feed = new SessionFeedController(host, {
      settings: () => harness.settings,
      holdNewRows: () => harness.away,
      onLoad: harness.onLoad,
      onError: harness.onError,
    });
    host.connect();
    return harness;
  }

  /** Lets answered requests be read, parsed and merged (no timer needed, so the clock stands still). */
  // Enough tasks for a fetch, its body, and an error answer's import of an already-loaded chunk.
  async function settle(): Promise<void> {
    for (let i = 0; i < 16; i++) await nextTask();
  }

  async function advance(ms: number): Promise<void> {
    await clock.tickAsync(ms);
    await settle();
  }

  describe('the schedule', () => {
    it('fetches the first page once on reset(), and nothing on connecting before it', async () => {
      const { feed } = makeFeed();
      await settle();
      expect(times).to.have.length(0);
      feed.reset();
      expect(times).to.have.length(1);
      const { url } = fake.calls[0]!;
      expect(`${url.origin}${url.pathname}`).to.equal(`${API}/api/public/sessions`);
      expect(url.searchParams.get('project')).to.equal('web');
      expect(url.searchParams.has('cursor')).to.equal(false);
      await settle();
      expect(times).to.have.length(1);
      expect(feed.rows).to.have.length(1);
    });

    it('refreshes refreshInterval seconds after a success, and not before', async () => {
      const { feed } = makeFeed({ refreshInterval: 10 });
      feed.reset();
      await settle();
      for (let n = 2; n <= 3; n++) {
        await advance(9_999);
        expect(times, `refresh ${n} before the interval`).to.have.length(n - 1);
        await advance(1);
        expect(times).to.have.length(n);
        expect(times[n - 1]! - times[n - 2]!).to.equal(10_000);
      }
    });

    it('spreads each interval over ±10 %, so widgets and tabs drift apart', async () => {
      const { feed } = makeFeed({ refreshInterval: 10 });
      random.returns(0);
      feed.reset();
      await settle();
      await advance(8_999);
      expect(times).to.have.length(1);
      random.returns(0.999);
      await advance(1);
      expect(times).to.have.length(2);
      await advance(10_979);
      expect(times).to.have.length(2);
      await advance(20);
      expect(times).to.have.length(3);
    });

    it('schedules nothing with refreshInterval 0', async () => {
      const { feed } = makeFeed({ refreshInterval: 0 });
      feed.reset();
      await settle();
      expect(feed.rows).to.have.length(1);
      expect(clock.countTimers()).to.equal(0);
      await advance(3_600_000);
      expect(times).to.have.length(1);
    });

    it('reschedule() re-plans the next tick for a new interval, and cancels it when turned off', async () => {
      const { feed, settings } = makeFeed({ refreshInterval: 60 });
      feed.reset();
      await settle();
      await advance(5_000);
      settings.refreshInterval = 3;
      feed.reschedule();
      await advance(2_999);
      expect(times).to.have.length(1);
      await advance(1);
      expect(times).to.have.length(2);
      expect(times[1]! - times[0]!).to.equal(8_000);
      // The next is planned 3 s after that answer; off now cancels it.
      settings.refreshInterval = 0;
      feed.reschedule();
      expect(clock.countTimers()).to.equal(0);
      await advance(3_600_000);
      expect(times).to.have.length(2);
    });

    it('skips refresh() while a request is pending: one request at a time', async () => {
      const { feed } = makeFeed();
      answer = () => 'hold';
      feed.reset();
      await feed.refresh();
      await feed.refresh();
      await settle();
      expect(fake.calls).to.have.length(1);
      expect(fake.calls[0]!.init.signal!.aborted).to.equal(false);
      fake.calls[0]!.respond(page(sessions(1)));
      await settle();
      expect(feed.pending).to.equal(false);
      expect(feed.rows).to.have.length(1);
      // Nothing pending now: it goes out.
      void feed.refresh();
      expect(fake.calls).to.have.length(2);
    });
  });

  describe('the backoff', () => {
    it('backs off exponentially from the interval, jittered and capped, and a success resets it', async () => {
      const h = makeFeed({ refreshInterval: 60 });
      const row = sessions(1);
      // Request 1 succeeds, 2–6 fail (five in a row), 7 succeeds, 8 fails.
      answer = () => ([2, 3, 4, 5, 6, 8].includes(times.length) ? json({ error: 'down' }, { status: 500 }) : page(row));
      h.feed.reset();
      await settle();
      // Failure n waits 60–100 % (by Math.random) of 60 s · 2^(n−1), capped at 5 min.
      const jitters = [0, 0.5, 0.25, 0.999, 0];
      const uncapped = [60_000, 120_000, 240_000, 480_000, 960_000];
      random.returns(jitters[0]!);
      await advance(60_000);
      for (let i = 0; i < 5; i++) {
        expect(times).to.have.length(i + 2);
        expect(h.onError.callCount).to.equal(i + 1);
        const retryIn = h.onError.lastCall.args[2]!;
        const full = Math.min(uncapped[i]!, CAP_MS);
        expect(retryIn, `wait after failure ${i + 1}`).to.equal(Math.round(full * (0.6 + 0.4 * jitters[i]!)));
        if (i < 4) random.returns(jitters[i + 1]!);
        await advance(retryIn - 1);
        expect(times, `retry ${i + 1} before its wait`).to.have.length(i + 2);
        await advance(1);
        expect(times[i + 2]! - times[i + 1]!).to.equal(retryIn);
      }
      // Request 7 succeeded: the interval again (spread by Math.random, 0 here: 90 % of it), and
      // the next failure waits as the first did.
      expect(h.feed.failure).to.equal(null);
      await advance(53_999);
      expect(times).to.have.length(7);
      await advance(1);
      expect(times).to.have.length(8);
      expect(h.onError.lastCall.args[2]).to.equal(36_000);
    });

    it('waits Retry-After (plus a little jitter) after a 429, with live refresh off too', async () => {
      const h = makeFeed({ refreshInterval: 0 });
      answer = () =>
        times.length === 1
          ? json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '7' } })
          : page(sessions(1));
      h.feed.reset();
      await settle();
      expect(h.onError.callCount).to.equal(1);
      const retryIn = h.onError.lastCall.args[2]!;
      // jitter(500): 400–600 ms on top of the 7 s asked for.
      expect(retryIn).to.be.within(7_400, 7_600);
      await advance(retryIn - 1);
      expect(times).to.have.length(1);
      await advance(1);
      expect(times).to.have.length(2);
      expect(h.feed.rows).to.have.length(1);
      expect(h.feed.failure).to.equal(null);
    });

    it('stops live refresh after a 401, until retry()', async () => {
      const h = makeFeed({ refreshInterval: 10 });
      answer = () => (times.length === 2 ? json({ error: 'Bad key' }, { status: 401 }) : page(sessions(1)));
      h.feed.reset();
      await settle();
      await advance(10_000);
      expect(times).to.have.length(2);
      expect(h.feed.authStopped).to.equal(true);
      expect(h.feed.failure?.error.kind).to.equal('auth');
      expect(h.feed.failure?.retryAt).to.equal(null);
      expect(h.onError.lastCall.args[2]).to.equal(null);
      // Neither a new interval nor the page coming back into view starts it again.
      h.feed.reschedule();
      setHidden(true);
      setHidden(false);
      await advance(3_600_000);
      expect(times).to.have.length(2);
      void h.feed.retry();
      expect(times).to.have.length(3);
      await settle();
      expect(h.feed.authStopped).to.equal(false);
      expect(h.feed.failure).to.equal(null);
      // And live refresh is back.
      await advance(10_000);
      expect(times).to.have.length(4);
    });

    it('keeps the failure (error, kind, retryAt) and tells onError(error, request, retryInMs)', async () => {
      const h = makeFeed({ refreshInterval: 30 });
      const more = sessions(1);
      answer = ({ url }) => {
        if (!url.searchParams.has('cursor')) return page(sessions(2), 'c1');
        return times.length === 2 ? json({ error: 'Busy' }, { status: 503 }) : page(more);
      };
      h.feed.reset();
      await settle();
      void h.feed.loadMore();
      await settle();
      const { failure } = h.feed;
      expect(failure).to.not.equal(null);
      expect(failure!.error).to.be.instanceOf(ApiError);
      expect(failure!.error.kind).to.equal('rate-limited');
      expect(failure!.error.status).to.equal(503);
      expect(failure!.kind).to.equal('more');
      expect(h.onError.callCount).to.equal(1);
      const [error, request, retryIn] = h.onError.lastCall.args;
      expect(error).to.equal(failure!.error);
      expect(request).to.equal('more');
      // No Retry-After: 60–100 % of 2 s.
      expect(retryIn).to.be.within(1_200, 2_000);
      expect(failure!.retryAt).to.equal(Date.now() + retryIn!);
      // The retry is of the same request: the next page, with the cursor.
      await advance(retryIn!);
      expect(fake.calls).to.have.length(3);
      expect(fake.calls[2]!.url.searchParams.get('cursor')).to.equal('c1');
      expect(h.feed.failure).to.equal(null);
      expect(h.feed.rows).to.have.length(3);
    });
  });

  describe('the visibility pause', () => {
    it('does not refresh while the page is hidden, and catches up within a second of showing it', async () => {
      const { feed } = makeFeed({ refreshInterval: 10 });
      feed.reset();
      await settle();
      setHidden(true);
      // Three refreshes fall due while hidden: none is made.
      await advance(35_000);
      expect(times).to.have.length(1);
      // The latest the wake spread allows.
      random.returns(0.999);
      const shownAt = Date.now();
      setHidden(false);
      await advance(1_000);
      expect(times).to.have.length(2);
      expect(times[1]).to.be.within(shownAt, shownAt + 1_000);
    });
  });

  describe('aborts', () => {
    it('reset() aborts the request in flight, and never merges its answer, even one that arrives later', async () => {
      const h = makeFeed({ refreshInterval: 0 });
      answer = () => 'hold';
      // Each request's signal, kept from the fake so an aborted request can still be answered.
      const signals: AbortSignal[] = [];
      const fakeFetch = window.fetch;
      window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
        signals.push(init.signal!);
        return fakeFetch(input, { ...init, signal: undefined });
      }) as typeof fetch;
      h.feed.reset();
      h.settings.project = 'second';
      h.feed.reset();
      h.settings.project = 'third';
      h.feed.reset();
      expect(fake.calls.map(({ url }) => url.searchParams.get('project'))).to.deep.equal(['web', 'second', 'third']);
      expect(signals.map((signal) => signal.aborted)).to.deep.equal([true, true, false]);
      const [first, second, third] = fake.calls;
      // A stale answer before the current one, and one after it.
      first!.respond(page(sessions(2)));
      await settle();
      expect(h.feed.rows).to.have.length(0);
      expect(h.feed.pending).to.equal(true);
      const fresh = sessions(1);
      third!.respond(page(fresh));
      await settle();
      second!.respond(page(sessions(3)));
      await settle();
      expect(ids(h.feed.rows)).to.deep.equal(ids(fresh));
      expect(h.onLoad.callCount).to.equal(1);
      expect(h.onLoad.lastCall.args[0].added).to.deep.equal(ids(fresh));
      expect(h.onError.callCount).to.equal(0);
    });

    it('reset() aborts the request in flight at once, while the new first page waits for the chunk', async () => {
      // A key and live refresh: the first page waits for the sharing chunk (feed-share.ts).
      const h = makeFeed({ token: 'rsk_test_resetrace01', refreshInterval: 10, sharing: 'off' });
      // The chunk comes over the network: wait in real time (the clock here is fake).
      const until = async (check: () => boolean) => {
        const by = performance.now() + 5000;
        while (!check() && performance.now() < by) await nextTask();
        expect(check()).to.equal(true);
      };
      h.feed.reset();
      await until(() => fake.calls.length === 1);
      await settle();
      expect(h.feed.rows).to.have.length(1);
      // A refresh is out when the project changes.
      answer = () => 'hold';
      void h.feed.refresh();
      expect(fake.calls).to.have.length(2);
      h.settings.project = 'second';
      h.feed.reset();
      // At once, before the new first page is sent: the old request is aborted…
      expect(fake.calls[1]!.init.signal!.aborted).to.equal(true);
      fake.calls[1]!.respond(page(sessions(3)));
      await settle();
      expect(h.feed.rows).to.have.length(0);
      // …its late answer is not merged, and the new project's first page follows.
      await until(() => fake.calls.length === 3);
      expect(fake.calls.map(({ url }) => url.searchParams.get('project'))).to.deep.equal(['web', 'web', 'second']);
      expect(h.onError.callCount).to.equal(0);
    });

    it('hostDisconnected() clears the timer and aborts the request in flight, without reporting it', async () => {
      const h = makeFeed({ refreshInterval: 10 });
      h.feed.reset();
      await settle();
      expect(clock.countTimers()).to.equal(1); // the next refresh
      h.host.disconnect();
      expect(clock.countTimers()).to.equal(0);
      await advance(3_600_000);
      expect(times).to.have.length(1);
      // Connected again: it refreshes at once; disconnected while that is out: it is aborted.
      answer = () => 'hold';
      h.host.connect();
      expect(times).to.have.length(2);
      h.host.disconnect();
      expect(fake.calls[1]!.init.signal!.aborted).to.equal(true);
      await settle();
      expect(h.onError.callCount).to.equal(0);
      expect(h.feed.failure).to.equal(null);
      expect(clock.countTimers()).to.equal(0);
      await advance(3_600_000);
      expect(times).to.have.length(2);
    });
  });

  describe('merging and verbs', () => {
    it('merges each answer, tells onLoad the change and the request, and pages on with loadMore()', async () => {
      const h = makeFeed({ refreshInterval: 0 });
      const first = sessions(2);
      const next = sessions(2);
      answer = ({ url }) => (url.searchParams.get('cursor') === 'c1' ? page(next) : page(first, 'c1'));
      const atStart = h.feed.version;
      h.feed.reset();
      await settle();
      expect(ids(h.feed.rows)).to.deep.equal(ids(first));
      expect(h.feed.hasMore).to.equal(true);
      expect(h.onLoad.callCount).to.equal(1);
      expect(h.onLoad.lastCall.args).to.deep.equal([{ added: ids(first), updated: [], held: [] }, 'refresh', false]);
      const afterFirst = h.feed.version;
      expect(afterFirst).to.be.greaterThan(atStart);

      void h.feed.loadMore();
      await settle();
      expect(fake.calls[1]!.url.searchParams.get('cursor')).to.equal('c1');
      expect(ids(h.feed.rows)).to.deep.equal([...ids(first), ...ids(next)]);
      expect(h.feed.hasMore).to.equal(false);
      expect(h.onLoad.lastCall.args).to.deep.equal([{ added: ids(next), updated: [], held: [] }, 'more', false]);
      const afterMore = h.feed.version;
      expect(afterMore).to.be.greaterThan(afterFirst);

      // Nothing more to load: no request.
      await h.feed.loadMore();
      expect(fake.calls).to.have.length(2);

      // A refresh updates the loaded rows in place.
      void h.feed.refresh();
      await settle();
      expect(ids(h.feed.rows)).to.deep.equal([...ids(first), ...ids(next)]);
      expect(h.onLoad.lastCall.args).to.deep.equal([{ added: [], updated: ids(first), held: [] }, 'refresh', false]);
      expect(h.feed.version).to.be.greaterThan(afterMore);
    });

    it('holds new rows while the reader is away from the top, until showPending()', async () => {
      const h = makeFeed({ refreshInterval: 10 });
      const loaded = sessions(2);
      const arrived = sessions(2);
      answer = () => page(times.length === 1 ? loaded : [...arrived, ...loaded]);
      h.feed.reset();
      await settle();
      h.away = true;
      await advance(10_000);
      expect(ids(h.feed.rows)).to.deep.equal(ids(loaded));
      expect(h.feed.heldCount).to.equal(2);
      expect(h.onLoad.lastCall.args).to.deep.equal([
        { added: [], updated: ids(loaded), held: ids(arrived) },
        'refresh',
        false,
      ]);

      const updates = h.host.updates;
      const version = h.feed.version;
      h.feed.showPending();
      expect(ids(h.feed.rows)).to.deep.equal([...ids(arrived), ...ids(loaded)]);
      expect(h.feed.heldCount).to.equal(0);
      expect(h.host.updates).to.equal(updates + 1);
      expect(h.feed.version).to.be.greaterThan(version);
      // Nothing held: nothing to update.
      h.feed.showPending();
      expect(h.host.updates).to.equal(updates + 1);

      // Back at the top: new rows go straight on.
      h.away = false;
      const newer = sessions(1);
      answer = () => page([...newer, ...arrived, ...loaded]);
      await advance(10_000);
      expect(h.feed.heldCount).to.equal(0);
      expect(ids(h.feed.rows)).to.deep.equal([...ids(newer), ...ids(arrived), ...ids(loaded)]);
      expect(h.onLoad.lastCall.args[0].added).to.deep.equal(ids(newer));
    });

    it('is pending, with the kind of request, while a request is out', async () => {
      const { feed } = makeFeed({ refreshInterval: 0 });
      answer = () => 'hold';
      expect([feed.pending, feed.pendingKind]).to.deep.equal([false, null]);
      feed.reset();
      expect([feed.pending, feed.pendingKind]).to.deep.equal([true, 'refresh']);
      fake.calls[0]!.respond(page(sessions(2), 'c1'));
      await settle();
      expect([feed.pending, feed.pendingKind]).to.deep.equal([false, null]);

      // A pending refresh gives way to "load more".
      void feed.refresh();
      expect(feed.pendingKind).to.equal('refresh');
      void feed.loadMore();
      expect(fake.calls[1]!.init.signal!.aborted).to.equal(true);
      expect([feed.pending, feed.pendingKind]).to.deep.equal([true, 'more']);
      fake.calls[2]!.respond(page(sessions(1)));
      await settle();
      expect([feed.pending, feed.pendingKind]).to.deep.equal([false, null]);
      expect(feed.rows).to.have.length(3);
    });
  });
});
