/**
 * One feed per browser, continued: failures reaching followers, answers out of order, and the
 * conditional refresh (ETag, If-None-Match, 304), against the mock, in same-origin frames.
 */
import { expect } from '@open-wc/testing';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import type { RenseiSessionList } from '../../src/index.js';
import { feedKeyText, feedName } from '../../src/model/feed-key.js';
import { PROTOCOL } from '../../src/model/feed-message.js';
import { closeTabs, mockRequests, openTab, sleep, until } from '../helpers/frames.js';
import { controlMock, resetMock } from '../helpers/mock-server.js';

// The feed's floor (1 s): shorter intervals are raised to it.
const INTERVAL = 1;
const notice = (el: RenseiSessionList) => el.shadowRoot!.querySelector('[part="notice"]')?.textContent?.trim() ?? '';
const sessionsLog = async () => (await mockRequests()).filter((entry) => entry.url.startsWith('/api/public/sessions'));

describe('sharing: failures, order, and conditional refresh', function () {
  this.timeout(30_000);
  beforeEach(() => resetMock());
  afterEach(() => closeTabs());

  it('a 429 with Retry-After reaches the follower: the same notice, and no request of its own until the retry', async () => {
    const [one, two] = [await openTab(), await openTab()];
    const a = one.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await until(() => a.sessions.length > 0);
    const b = two.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL });
    await until(() => b.sessions.length > 0);
    // Retry-After 4 s: twice the longest backoff a 429 without one would wait (2 s), so a widget
    // that ignored it would ask again within the wait below.
    await controlMock({ inject: { project: 'web', kind: 'rate-limit', retryAfterSeconds: 4, count: 1 } });
    await until(() => notice(a) !== '' || notice(b) !== '', 3000, 'a notice');
    await until(() => notice(a) !== '' && notice(b) !== '', 1000, 'the notice in both');
    expect(notice(a)).to.contain('rate-limiting this widget (429)');
    expect(notice(b)).to.contain('rate-limiting this widget (429)');
    const before = one.requests.length + two.requests.length;
    // Nobody asks again before Retry-After, though the interval is 1 s.
    await sleep(3000);
    expect(one.requests.length + two.requests.length).to.equal(before);
    await until(() => notice(a) === '' && notice(b) === '', 5000, 'both to recover');
  });

  it('a 401 reaches every follower, and stops live refresh for all of them', async () => {
    const [one, two] = [await openTab(), await openTab()];
    const els = [one, two].map((tab) => tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL }));
    await until(() => els.every((el) => el.sessions.length > 0));
    await controlMock({ inject: { project: 'web', kind: 'expired-key' } });
    await until(() => els.every((el) => notice(el).includes('refused access (401)')), 3000, 'the 401 in both');
    const stopped = one.requests.length + two.requests.length;
    await sleep(INTERVAL * 1000 * 4);
    expect(one.requests.length + two.requests.length).to.equal(stopped);
  });

  it('an answer older than the one merged never overwrites it (two leaders at once)', async () => {
    const tab = await openTab();
    const el = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: 5 });
    await until(() => el.sessions.length > 0);
    const name = await feedName(
      feedKeyText({ apiBase: location.origin, project: 'web', token: EXAMPLE_API_KEY }, tab.document.baseURI),
    );
    const channel = new BroadcastChannel(`rensei-session-list:${PROTOCOL}:${name}`);
    const first = el.sessions[0]!;
    const answer = (at: number, status: string) => ({
      v: PROTOCOL,
      type: 'answer',
      at,
      page: { sessions: [{ ...first, status }], rejected: [], cursor: null },
      etag: null,
      unchanged: false,
      error: null,
      retryInMs: null,
    });
    try {
      channel.postMessage(answer(Date.now() - 60_000, 'stopped-long-ago'));
      await sleep(300);
      expect(el.sessions[0]!.status).to.equal(first.status);
      // The same message, newer than the rows: merged (so the channel and the name are right).
      channel.postMessage(answer(Date.now() + 1, 'stopped-just-now'));
      await until(() => el.sessions[0]!.status === 'stopped-just-now', 2000, 'the newer answer');
    } finally {
      channel.close();
    }
  });

  it('sends If-None-Match; a 304 skips the merge and writes no row, and "updated" still moves on', async () => {
    const tab = await openTab();
    const el = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: 1.5, sharing: 'off' });
    await until(() => el.sessions.length > 0 && !!el.shadowRoot!.querySelector('[part="row"]'));
    const updated = () => el.shadowRoot!.querySelector('[part="updated"]')!.textContent!.trim();
    const before = updated();
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(el.shadowRoot!.querySelector('.rows')!, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
    const loads: CustomEvent[] = [];
    el.addEventListener('sessions-load', (event) => loads.push(event as CustomEvent));
    await until(() => loads.length >= 1, 3000, 'a refresh');
    await sleep(50);
    observer.disconnect();
    const log = await sessionsLog();
    expect(log.at(-1)!.ifNoneMatch).to.match(/^".+"$/);
    expect(log.at(-1)!.status).to.equal(304);
    expect(tab.requests.at(-1)!.ifNoneMatch).to.equal(log.at(-1)!.ifNoneMatch);
    expect(loads[0]!.detail).to.include({ shared: false });
    expect(loads[0]!.detail.added).to.deep.equal([]);
    expect(loads[0]!.detail.updated).to.deep.equal([]);
    expect(mutations, 'rows written on a 304').to.have.length(0);
    expect(updated()).not.to.equal(before);
  });

  it('a conditional request refused at the network level: retried at once without the header, which is then dropped', async () => {
    await controlMock({ inject: { project: 'web', kind: 'refuse-if-none-match' } });
    const tab = await openTab();
    const el = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL, sharing: 'off' });
    await until(() => el.sessions.length > 0);
    await until(() => tab.requests.length >= 5, 4000, 'four refreshes');
    // The widget's requests: the first page (no header), the conditional refresh, its retry
    // without the header, then never the header again.
    const sent = tab.requests.map((request) => request.ifNoneMatch !== null);
    expect(sent.slice(0, 3)).to.deep.equal([false, true, false]);
    expect(sent.slice(3).every((withHeader) => !withHeader)).to.equal(true);
    // The mock saw the header only on refused requests (Chromium may retry a dropped GET once itself).
    const log = await sessionsLog();
    expect(log.filter((entry) => entry.ifNoneMatch).every((entry) => entry.status === 0)).to.equal(true);
    expect(log.filter((entry) => entry.status === 0).length).to.be.at.least(1);
    expect(notice(el)).to.equal('');
  });

  it('without ETags (or when they are not exposed), refreshes as before: no If-None-Match', async () => {
    await controlMock({ inject: { project: 'web', kind: 'no-etag' } });
    const tab = await openTab();
    const el = tab.mount({ token: EXAMPLE_API_KEY, refreshInterval: INTERVAL, sharing: 'off' });
    await until(() => el.sessions.length > 0);
    await until(() => tab.requests.length >= 3, 3000, 'two refreshes');
    expect(tab.requests.every((request) => request.ifNoneMatch === null)).to.equal(true);
  });
});

describe('sharing: the feed key', () => {
  const identity = { apiBase: 'https://app.rensei.ai', project: '', token: 'rsk_live_abcdefgh1234' };

  it('with an empty project, holds the page URL without its hash', () => {
    const a = feedKeyText(identity, 'https://portal.example/acme/web/sessions?x=1#top');
    expect(a).to.equal(feedKeyText(identity, 'https://portal.example/acme/web/sessions?x=1#other'));
    expect(a).not.to.equal(feedKeyText(identity, 'https://portal.example/acme/api/sessions?x=1'));
  });

  it('with a project, does not depend on the page; with another credential, differs', () => {
    const withProject = { ...identity, project: 'web' };
    expect(feedKeyText(withProject, 'https://a.example/one')).to.equal(
      feedKeyText(withProject, 'https://a.example/two'),
    );
    expect(feedKeyText(withProject, 'https://a.example/')).not.to.equal(
      feedKeyText({ ...withProject, token: 'rsk_live_zzzzzzzz9999' }, 'https://a.example/'),
    );
    expect(feedKeyText(withProject, 'https://a.example/')).not.to.equal(
      feedKeyText({ ...withProject, token: '' }, 'https://a.example/'),
    );
  });

  it('names the lock and channel by a SHA-256 that does not hold the token', async () => {
    const name = (await feedName(feedKeyText(identity, 'https://a.example/')))!;
    expect(name).to.match(/^[0-9a-f]{64}$/);
    expect(name).not.to.contain('abcdefgh');
  });
});
