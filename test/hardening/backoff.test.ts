/**
 * Retry timing under fake timers (setTimeout, setInterval and Date faked; fetch is a fake answered
 * at once): refresh failures back off exponentially with jitter up to a cap, a success resets it,
 * Retry-After is honoured even across a hide and show, and fifty widgets on one page spread out
 * when the page becomes visible again.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { SessionFeedController } from '../../src/controllers/session-feed.js';
import { installFakeFetch, json, page, rawSession, type FakeFetch } from '../helpers/fake-fetch.js';
import { nextTask } from '../helpers/tasks.js';

const INTERVAL_S = 10;

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('hardening: backoff and spreading, with fake timers', function () {
  this.timeout(30_000);

  let clock: sinon.SinonFakeTimers;
  let fake: FakeFetch;
  let widgets: RenseiSessionList[];
  /** Fake-clock time of every request, per widget (by its project). */
  let times: Map<string, number[]>;
  let answer: (project: string, n: number) => Response;

  beforeEach(() => {
    clock = sinon.useFakeTimers({
      now: Date.parse('2026-06-02T15:00:00Z'),
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    times = new Map();
    widgets = [];
    answer = () => page([rawSession({ id: 'aaaaaaaaaaaaaaaa' })]);
    fake = installFakeFetch(({ url }) => {
      const project = url.searchParams.get('project')!;
      const list = times.get(project) ?? [];
      list.push(Date.now());
      times.set(project, list);
      return answer(project, list.length);
    });
  });

  afterEach(() => {
    for (const el of widgets) el.remove();
    fake.restore();
    clock.restore();
    delete (document as { hidden?: boolean }).hidden;
  });

  /** Mounts `count` widgets and resolves once each has loaded its first page. */
  async function addWidgets(count: number, refreshInterval = INTERVAL_S) {
    const loaded: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const el = document.createElement('rensei-session-list');
      el.apiBase = 'https://api.example';
      el.project = `w${i}`;
      el.refreshInterval = refreshInterval;
      loaded.push(new Promise((resolve) => el.addEventListener('sessions-load', resolve, { once: true })));
      document.body.append(el);
      widgets.push(el);
    }
    await Promise.all(loaded);
    // The event fires inside the request's task: let it end (a refresh() now is not skipped).
    await nextTask();
  }

  /** Advances the fake clock until `project` has made `count` requests (or `limitMs` passes). */
  async function until(project: string, count: number, limitMs = 3_600_000) {
    const end = Date.now() + limitMs;
    while ((times.get(project)?.length ?? 0) < count && Date.now() < end) await clock.tickAsync(5_000);
  }

  it('waits Retry-After on 429, jittered, and without it backs off from 2 s', async () => {
    answer = (project, n) => {
      if (n === 1) return page([rawSession({ id: 'aaaaaaaaaaaaaaaa' })]);
      if (n <= 3) {
        const headers: Record<string, string> = project === 'w0' ? { 'Retry-After': '30' } : {};
        return json({ error: 'Slow down' }, { status: 429, headers });
      }
      return page([rawSession({ id: 'aaaaaaaaaaaaaaaa' })]);
    };
    await addWidgets(2, 0); // live refresh off: 429s are still retried by themselves
    const refused = new Map<string, { at: number; retryInMs: number | null }[]>();
    for (const el of widgets) {
      refused.set(el.project, []);
      el.addEventListener('sessions-error', ({ detail }) =>
        refused.get(el.project)!.push({ at: Date.now(), retryInMs: detail.retryInMs }),
      );
      void el.refresh();
    }
    for (const el of widgets) await until(el.project, 4);
    for (const el of widgets) {
      // Each retry came exactly when the widget said it would, counted from the refusal.
      const requests = times.get(el.project)!;
      expect(refused.get(el.project)).to.have.length(2);
      refused.get(el.project)!.forEach(({ at, retryInMs }, i) => expect(requests[i + 2]! - at).to.equal(retryInMs));
    }
    const wait = (project: string) => refused.get(project)!.map(({ retryInMs }) => retryInMs!);
    // Retry-After: 30 s, plus 400–600 ms of jitter, each time.
    for (const ms of wait('w0')) expect(ms).to.be.within(30_400, 30_600);
    // Without it: 2 s, then 4 s, each spread over 60–100 %.
    expect(wait('w1')[0]).to.be.within(1_200, 2_000);
    expect(wait('w1')[1]).to.be.within(2_400, 4_000);
  });

  it('does not cut a Retry-After short when the page is hidden and shown again', async () => {
    answer = (_, n) =>
      n === 2
        ? json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '60' } })
        : page([rawSession({ id: 'aaaaaaaaaaaaaaaa' })]);
    await addWidgets(1);
    await until('w0', 2); // the refresh that is refused
    const refusedAt = times.get('w0')![1]!;
    await clock.tickAsync(5_000);
    setHidden(true);
    await clock.tickAsync(1_000);
    setHidden(false);
    await clock.tickAsync(10_000);
    expect(times.get('w0')).to.have.length(2);
    await until('w0', 3);
    expect(times.get('w0')![2]! - refusedAt).to.be.at.least(60_000);
  });

  it('turning live refresh off (refresh-interval 0) cancels the refresh already planned', async () => {
    await addWidgets(1);
    const [el] = widgets;
    el!.refreshInterval = 0;
    await el!.updateComplete;
    await clock.tickAsync(120_000);
    expect(times.get('w0')).to.have.length(1);
    // And on again: the next one comes an interval later (spread ±10 %).
    el!.refreshInterval = 5;
    await el!.updateComplete;
    await clock.tickAsync(4_499);
    expect(times.get('w0')).to.have.length(1);
    await clock.tickAsync(1_001);
    expect(times.get('w0')).to.have.length(2);
  });

  it('spreads fifty widgets over a second when the page becomes visible, instead of firing at once', async () => {
    await addWidgets(50, 15);
    expect(times.size).to.equal(50);
    setHidden(true);
    // Every refresh (15 s) falls due while hidden: none is made.
    await clock.tickAsync(16_000);
    expect([...times.values()].every((list) => list.length === 1)).to.equal(true);
    const shownAt = Date.now();
    setHidden(false);
    await clock.tickAsync(1_000);
    const wake = [...times.values()].map((list) => list[1]);
    expect(wake.every((time) => time !== undefined && time >= shownAt && time <= shownAt + 1_000)).to.equal(true);
    const instants = new Set(wake);
    // Fifty random instants in a second: nearly all distinct, spread over most of it.
    expect(instants.size).to.be.at.least(40);
    expect(Math.max(...(wake as number[])) - Math.min(...(wake as number[]))).to.be.at.least(500);
    // At most a few in any one 20 ms slice: never a burst of all fifty.
    const slices = new Map<number, number>();
    for (const time of wake as number[])
      slices.set(Math.floor((time - shownAt) / 20), (slices.get(Math.floor((time - shownAt) / 20)) ?? 0) + 1);
    expect(Math.max(...slices.values())).to.be.at.most(8);
  });
});

/** A host with no DOM and no clock of its own: only the feed's timers run, so time can race ahead. */
class BareHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {}
  get updateComplete() {
    return Promise.resolve(true);
  }
}

/** A Response whose body is read in a microtask, so nothing waits on the real event loop. */
function quick(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: new Headers(headers),
    text: async () => text,
  } as Response;
}

describe('hardening: refresh backoff in the feed, with fake timers', function () {
  this.timeout(20_000);
  const CAP_MS = 5 * 60_000;
  let clock: sinon.SinonFakeTimers;
  let originalFetch: typeof fetch;
  afterEach(() => {
    window.fetch = originalFetch;
    clock.restore();
  });

  it('backs off exponentially with jitter up to a cap after consecutive failures, and a success resets it', async () => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    originalFetch = window.fetch;
    // Per feed, answers: 1 ok, 2–9 fail (8 in a row: doubling passes the cap from the 6th), 10 ok, 11 fails, 12 ok.
    const failing = new Set([2, 3, 4, 5, 6, 7, 8, 9, 11]);
    const requests = new Map<string, number[]>();
    window.fetch = (async (input: RequestInfo | URL) => {
      const project = new URL(String(input)).searchParams.get('project')!;
      const list = requests.get(project) ?? [];
      list.push(Date.now());
      requests.set(project, list);
      return failing.has(list.length)
        ? quick(500, { error: 'down' })
        : quick(200, { sessions: [{ id: 'a', status: 'working' }] });
    }) as typeof fetch;
    const FEEDS = 20;
    const feeds = Array.from({ length: FEEDS }, (_, i) => {
      const host = new BareHost();
      const feed = new SessionFeedController(host, {
        settings: () => ({ apiBase: 'https://api.example', project: `f${i}`, token: '', refreshInterval: INTERVAL_S }),
        holdNewRows: () => false,
        onLoad: () => {},
        onError: () => {},
      });
      for (const controller of host.controllers) controller.hostConnected?.();
      feed.reset();
      return { feed, host };
    });
    while ([...Array(FEEDS).keys()].some((i) => (requests.get(`f${i}`)?.length ?? 0) < 12))
      await clock.tickAsync(60_000);
    const bounds = (failures: number) => {
      const full = Math.min(CAP_MS, INTERVAL_S * 1000 * 2 ** (failures - 1));
      return [Math.floor(0.6 * full), full] as const;
    };
    const delays = [...requests.values()].map((list) => list.slice(1, 12).map((time, i) => time - list[i]!));
    expect(delays).to.have.length(FEEDS);
    for (const d of delays) {
      // After the first success: the interval itself, spread ±10 % so feeds don't refresh in lockstep.
      expect(d[0]).to.be.within(INTERVAL_S * 900, INTERVAL_S * 1100);
      // After failure n (n = 1…8): 60–100 % of interval · 2^(n−1), never past the cap.
      for (let failures = 1; failures <= 8; failures++) {
        expect(d[failures]!, `delay after failure ${failures}`).to.be.within(...bounds(failures));
      }
      // The success resets it: the interval again, then a failure starts from the bottom.
      expect(d[9]).to.be.within(INTERVAL_S * 900, INTERVAL_S * 1100);
      expect(d[10]).to.be.within(...bounds(1));
    }
    // Jittered: twenty feeds failing together do not retry in lockstep.
    for (let failures = 1; failures <= 8; failures++) {
      expect(new Set(delays.map((d) => d[failures])).size, `distinct delays after failure ${failures}`).to.be.at.least(
        15,
      );
    }
    // Capped: where doubling would pass 5 minutes (320 s, 640 s, 1,280 s), the wait stays within it.
    expect(Math.max(...delays.flatMap((d) => d.slice(6, 9)))).to.be.within(0.6 * CAP_MS, CAP_MS);
    for (const { host } of feeds) for (const controller of host.controllers) controller.hostDisconnected?.();
  });
});
