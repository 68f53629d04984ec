/**
 * One feed per browser (CONTRACT §5, `sharing`): widgets in same-origin frames, each frame a tab
 * with its own modules, against the mock. Each test names one rule, and fails when it breaks.
 */
import { expect } from '@open-wc/testing';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import type { RenseiSessionList } from '../../src/index.js';
import type { SessionsLoadEvent } from '../../src/events.js';
import { closeTabs, mockRequests, openTab, sleep, until, type Tab } from '../helpers/frames.js';
import { controlMock, resetMock } from '../helpers/mock-server.js';

// The feed's floor (1 s): shorter intervals are raised to it.
const INTERVAL = 1;
const OTHER_KEY = 'rsk_test_otherkey0002';
const ids = (el: RenseiSessionList) => el.sessions.map((session) => session.id);
const loaded = (el: RenseiSessionList) =>
  new Promise<SessionsLoadEvent>((resolve) => el.addEventListener('sessions-load', resolve, { once: true }));

/** Sessions requests made by these tabs since `from` (ms). */
const made = (tabs: Tab[], from = 0) =>
  tabs.reduce((sum, tab) => sum + tab.requests.filter((r) => r.at >= from).length, 0);

/** The tab that fetched within the last interval and a half: the leader. A follower may have fetched nothing at all. */
function leaderOf<Tab extends { requests: readonly { at: number }[] }>(tabs: Tab[]): Tab {
  const leader = tabs.find((tab) => (tab.requests.at(-1)?.at ?? 0) > Date.now() - INTERVAL * 1500);
  expect(leader, 'a tab that fetched lately').to.not.equal(undefined);
  return leader!;
}

describe('sharing: one feed per browser', function () {
  this.timeout(30_000);
  beforeEach(() => resetMock({ speed: 30 }));
  afterEach(() => closeTabs());

  it('within a page: two widgets on one feed make one request per interval, and show the same rows', async () => {
    const tab = await openTab();
    const a = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL, sharing: 'page' });
    const b = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL, sharing: 'page' });
    await until(() => a.sessions.length > 0 && b.sessions.length > 0);
    const from = Date.now();
    await sleep(INTERVAL * 1000 * 5);
    // Two widgets fetching each would make 10; one feed makes 5 (±10 % jitter, one in flight).
    expect(made([tab], from)).to.be.within(3, 6);
    await controlMock({ advanceMs: 60_000 });
    await sleep(INTERVAL * 1000 * 2.5);
    expect(ids(a)).to.deep.equal(ids(b));
  });

  it('while one widget’s refresh is in flight, the others on the feed wait for it instead of fetching too', async () => {
    const tab = await openTab();
    const els = [0, 1, 2].map(() => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL, sharing: 'page' }));
    await until(() => els.every((el) => el.sessions.length > 0));
    // Each answer now takes longer than an interval: every widget's tick falls while one is out.
    await controlMock({ inject: { project: 'web', kind: 'latency', latencyMs: 1500 } });
    const from = Date.now();
    await sleep(5000);
    // One at a time: a request every 2.5 s or so (1.5 s out, then an interval). Three widgets
    // each fetching would make six or more.
    expect(made([tab], from)).to.be.within(1, 3);
  });

  it('across tabs: four widgets in two tabs make about one request per interval', async () => {
    const tabs = [await openTab(), await openTab()];
    const els = tabs.flatMap((tab) =>
      [0, 1].map(() => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL })),
    );
    await until(() => els.every((el) => el.sessions.length > 0));
    const from = Date.now();
    await sleep(INTERVAL * 1000 * 5);
    expect(made(tabs, from)).to.be.within(3, 6);
    await controlMock({ advanceMs: 60_000 });
    await sleep(INTERVAL * 1000 * 2.5);
    for (const el of els) expect(ids(el)).to.deep.equal(ids(els[0]!));
  });

  it('never shares between two credentials: each key keeps fetching for itself (the mock log)', async () => {
    const [one, two] = [await openTab(), await openTab()];
    one.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    two.mount({ token: OTHER_KEY, refreshInterval: INTERVAL });
    await sleep(INTERVAL * 1000 * 4);
    const log = (await mockRequests()).filter((entry) => entry.url.startsWith('/api/public/sessions'));
    const by = (credential: string) => log.filter((entry) => entry.credential === credential).length;
    expect(by(`key …${EXAMPLE_API_KEY.slice(-4)}`)).to.be.at.least(3);
    expect(by(`key …${OTHER_KEY.slice(-4)}`)).to.be.at.least(3);
  });

  it('never puts the token in a message to another tab', async () => {
    const sent: unknown[] = [];
    const spy = (win: Window & typeof globalThis) => {
      const post = win.BroadcastChannel.prototype.postMessage;
      win.BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, message: unknown) {
        sent.push(message);
        post.call(this, message);
      };
    };
    const [leader, follower] = [await openTab({ before: spy }), await openTab({ before: spy })];
    const a = leader.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await until(() => a.sessions.length > 0);
    follower.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await sleep(INTERVAL * 1000 * 3);
    expect(sent.length).to.be.at.least(2);
    const text = JSON.stringify(sent);
    expect(text).not.to.contain(EXAMPLE_API_KEY);
    expect(text).not.to.contain(EXAMPLE_API_KEY.replace(/^rsk_test_/, ''));
  });

  it('without Web Locks, shares within the page only, silently', async () => {
    const noLocks = (win: Window & typeof globalThis) =>
      Object.defineProperty(win.navigator, 'locks', { configurable: true, value: undefined });
    const [bare, other] = [await openTab({ before: noLocks }), await openTab()];
    const els = [0, 1].map(() => bare.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL }));
    const lone = other.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await until(() => [...els, lone].every((el) => el.sessions.length > 0));
    const from = Date.now();
    await sleep(INTERVAL * 1000 * 5);
    // The frame without locks shares between its two widgets, and not with the other frame.
    expect(made([bare], from)).to.be.within(3, 6);
    expect(made([other], from)).to.be.within(3, 6);
    expect(els.some((el) => el.shadowRoot!.querySelector('[part="error"], [part="notice"]'))).to.equal(false);
  });

  it('a late joiner gets the latest answer at once, without a request of its own', async () => {
    const leader = await openTab();
    const a = leader.mount({ token: EXAMPLE_API_KEY, refreshInterval: 5 });
    await until(() => a.sessions.length > 0);
    const joiner = await openTab();
    const b = joiner.mount({ token: EXAMPLE_API_KEY, refreshInterval: 5 });
    const { detail } = await loaded(b);
    expect(detail.shared).to.equal(true);
    expect(joiner.requests).to.have.length(0);
    expect(ids(b)).to.deep.equal(ids(a));
  });

  it("says in the `updated` part when another tab fetched the rows, in the host's words", async () => {
    const leader = await openTab();
    const a = leader.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await until(() => a.sessions.length > 0);
    const follower = await openTab();
    const b = follower.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    b.strings = { updatedInAnotherTab: (time: string) => `Aktualisiert ${time} von einem anderen Tab` };
    const updated = (el: RenseiSessionList) =>
      el.shadowRoot!.querySelector('[part="updated"]')?.textContent?.trim() ?? '';
    await until(() => updated(b).endsWith('von einem anderen Tab'), 4000, 'the follower to say so');
    expect(updated(b)).to.match(/^Aktualisiert \S+/);
    expect(updated(a)).to.match(/^Updated /);
    expect(updated(a)).not.to.contain('another tab');
  });

  it('with cookie auth, a joiner fetches its own first page before it takes shared answers', async () => {
    document.cookie = 'rensei_session=mock-user; path=/';
    try {
      const leader = await openTab();
      const a = leader.mount({ token: '', refreshInterval: 5 });
      await until(() => a.sessions.length > 0);
      const joiner = await openTab();
      const b = joiner.mount({ token: '', refreshInterval: 5 });
      const { detail } = await loaded(b);
      expect(detail.shared).to.equal(false);
      expect(joiner.requests).to.have.length(1);
    } finally {
      document.cookie = 'rensei_session=; path=/; max-age=0';
    }
  });

  it('a hidden leader hands off to one visible follower, sooner than a watchdog would', async () => {
    const tabs = [await openTab(), await openTab(), await openTab()];
    const els = tabs.map((tab) => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL }));
    await until(() => els.every((el) => el.sessions.length > 0));
    await sleep(INTERVAL * 1000 * 2);
    const leader = leaderOf(tabs);
    // Hidden just after its answer: a follower's watchdog would wait two intervals of silence
    // from here; the hand-off (the lock let go) is sooner, about one interval.
    const before = leader.requests.length;
    await until(() => leader.requests.length > before, INTERVAL * 2000, 'a request from the leader');
    await sleep(100);
    leader.setHidden(true);
    const hiddenAt = Date.now();
    await sleep(INTERVAL * 1000 * 2);
    const others = tabs.filter((tab) => tab !== leader);
    // Exactly one visible tab fetches now, and it began sooner than a watchdog would.
    const fetching = others.filter((tab) => tab.requests.some((r) => r.at > hiddenAt));
    expect(fetching).to.have.length(1);
    expect(fetching[0]!.requests.find((r) => r.at > hiddenAt)!.at - hiddenAt).to.be.below(INTERVAL * 1600);
    const from = Date.now();
    await sleep(INTERVAL * 1000 * 4);
    expect(made(tabs, from)).to.be.within(2, 5);
  });

  it('a closed leader hands off the same way', async () => {
    const tabs = [await openTab(), await openTab()];
    const els = tabs.map((tab) => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL }));
    await until(() => els.every((el) => el.sessions.length > 0));
    await sleep(INTERVAL * 1000 * 2);
    const leader = leaderOf(tabs);
    const other = tabs.find((tab) => tab !== leader)!;
    // Closed just after its answer, as with the hidden leader: a watchdog would wait two intervals
    // of silence from here; the lock, let go as the tab goes, hands off in about one.
    const before = leader.requests.length;
    await until(() => leader.requests.length > before, INTERVAL * 2000, 'a request from the leader');
    await sleep(100);
    leader.close();
    const closedAt = Date.now();
    await until(() => other.requests.some((r) => r.at > closedAt), INTERVAL * 2000, 'a request from the follower');
    expect(other.requests.find((r) => r.at > closedAt)!.at - closedAt).to.be.below(INTERVAL * 1600);
  });

  it('a frozen leader (holds the lock, sends nothing): exactly one follower takes over', async () => {
    const tabs = [await openTab(), await openTab(), await openTab()];
    const els = tabs.map((tab) => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL }));
    await until(() => els.every((el) => el.sessions.length > 0));
    await sleep(INTERVAL * 1000 * 2);
    const leader = leaderOf(tabs);
    leader.freeze();
    const frozenAt = Date.now();
    const others = tabs.filter((tab) => tab !== leader);
    await until(
      () => others.some((tab) => tab.requests.some((r) => r.at > frozenAt)),
      INTERVAL * 4000,
      'a follower to take over',
    );
    await sleep(INTERVAL * 1000 * 3);
    const fetching = others.filter((tab) => tab.requests.some((r) => r.at > frozenAt));
    expect(fetching).to.have.length(1);
    const from = Date.now();
    await sleep(INTERVAL * 1000 * 4);
    expect(made(others, from)).to.be.within(2, 5);
  });
});
