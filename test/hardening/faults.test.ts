/**
 * Faults injected into the mock API (through its control endpoint, on the test runner's own
 * origin), against the real element over real HTTP: what each one ends in, and that the widget
 * keeps what it showed, says what happened, and recovers without hammering.
 */
import { expect } from '@open-wc/testing';
import type { RenseiSessionList } from '../../src/index.js';
import type { SessionsErrorEvent, SessionsLoadEvent } from '../../src/events.js';
import { part, rowIds, text } from '../helpers/element.js';
import { controlMock, mountOnMock, resetMock } from '../helpers/mock-server.js';
import { logRequests, type RequestLog } from '../helpers/request-log.js';
import { settleElement } from '../helpers/tasks.js';
import { has } from './render-check.js';

type Outcome = SessionsLoadEvent | SessionsErrorEvent;

/** The next load or error, once rendered. */
async function next(el: RenseiSessionList): Promise<Outcome> {
  const event = await new Promise<Outcome>((resolve) => {
    const done = (e: Event) => {
      el.removeEventListener('sessions-load', done);
      el.removeEventListener('sessions-error', done);
      resolve(e as Outcome);
    };
    el.addEventListener('sessions-load', done);
    el.addEventListener('sessions-error', done);
  });
  await settleElement(el);
  return event;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The loaded sessions' ids (the DOM holds only a window of them). */
const loadedIds = (el: RenseiSessionList) => el.sessions.map((session) => session.id);

/** The same sessions are loaded, and the rows on screen are the first of them. */
function expectRowsStay(el: RenseiSessionList, before: string[]) {
  expect(loadedIds(el)).to.deep.equal(before);
  const shown = rowIds(el);
  expect(shown.length).to.be.greaterThan(10);
  expect(shown).to.deep.equal(before.slice(0, shown.length));
}

function inject(fault: Record<string, unknown>) {
  return controlMock({ inject: { project: 'web', ...fault } });
}

describe('hardening: faults injected into the mock API', function () {
  this.timeout(20_000);
  let log: RequestLog;
  let el: RenseiSessionList | undefined;

  beforeEach(async () => {
    await resetMock();
    log = logRequests();
  });
  afterEach(() => {
    el?.remove();
    el = undefined;
    log.restore();
  });

  /** Rows on screen, then a refresh meets the fault: what shows? */
  async function faultMidSession(fault: Record<string, unknown>) {
    el = await mountOnMock({ project: 'web' });
    await settleElement(el);
    const before = loadedIds(el);
    expect(before.length).to.be.greaterThan(10);
    await inject({ count: 1, ...fault });
    const outcome = next(el);
    void el.refresh();
    const event = await outcome;
    return { el, before, event };
  }

  it('a connection reset in the middle of the body: rows stay, a notice says the connection broke, the next refresh recovers', async () => {
    const { el, before, event } = await faultMidSession({ kind: 'connection-reset' });
    expect(event.type).to.equal('sessions-error');
    expect((event as SessionsErrorEvent).detail.kind).to.equal('network');
    expectRowsStay(el, before);
    expect(text(part(el, 'notice'))).to.contain('The connection to the Rensei API broke in the middle of its answer');
    expect(has(el, 'error')).to.equal(false);
    part(el, 'notice-action')!.click();
    expect((await next(el)).type).to.equal('sessions-load');
    expect(has(el, 'notice')).to.equal(false);
    expectRowsStay(el, before);
  });

  it('a connection reset on the first load: a blocking error with retry, which then shows the rows', async () => {
    await inject({ kind: 'connection-reset', count: 1 });
    el = await mountOnMock({ project: 'web' });
    await settleElement(el);
    expect(text(part(el, 'error'))).to.contain('broke in the middle');
    part(el, 'retry')!.click();
    expect((await next(el)).type).to.equal('sessions-load');
    expect(rowIds(el).length).to.be.greaterThan(10);
  });

  for (const status of [500, 502]) {
    it(`${status} with a proxy's HTML page: rows stay, a notice names the status and quotes none of the HTML`, async () => {
      const { el, before, event } = await faultMidSession({ kind: 'html-error', status });
      expect((event as SessionsErrorEvent).detail).to.include({ kind: 'server', status });
      expectRowsStay(el, before);
      const notice = text(part(el, 'notice'));
      expect(notice).to.contain(`The Rensei API had a problem (${status})`);
      expect(notice).not.to.match(/nginx|<|center/i);
      part(el, 'notice-action')!.click();
      expect((await next(el)).type).to.equal('sessions-load');
      expect(has(el, 'notice')).to.equal(false);
    });

    it(`${status} with an HTML page on the first load: a blocking error, then retry works`, async () => {
      await inject({ kind: 'html-error', status, count: 1 });
      el = await mountOnMock({ project: 'web' });
      await settleElement(el);
      expect(text(part(el, 'error'))).to.contain(`(${status})`);
      part(el, 'retry')!.click();
      expect((await next(el)).type).to.equal('sessions-load');
      expect(rowIds(el).length).to.be.greaterThan(10);
    });
  }

  it('malformed JSON (a body cut in half, still labelled JSON): rows stay, a notice says it is not JSON', async () => {
    const { el, before } = await faultMidSession({ kind: 'malformed-json' });
    expectRowsStay(el, before);
    expect(text(part(el, 'notice'))).to.contain("The server's answer is not JSON: it may have been cut off");
  });

  it('a 401 mid-session: rows stay, a notice asks to re-authenticate, live refresh stops until retry is pressed', async () => {
    el = await mountOnMock({ project: 'web', refreshInterval: 1 }); // the 1 s floor
    await settleElement(el);
    const before = loadedIds(el);
    await inject({ kind: 'expired-key' }); // until cleared
    expect((await next(el)).type).to.equal('sessions-error');
    const afterExpiry = log.requests.length;
    expectRowsStay(el, before);
    const notice = text(part(el, 'notice'));
    expect(notice).to.contain('refused access (401)');
    expect(notice).to.contain('check the API key, or sign in');
    expect(notice).to.contain('API key expired');
    expect(notice).to.contain('Live refresh is paused');
    // Three refresh intervals, and not one request.
    await sleep(3_000);
    expect(log.requests.length).to.equal(afterExpiry);
    // The key is fixed on the server's side; the person presses retry.
    await controlMock({ clear: true });
    part(el, 'notice-action')!.click();
    expect((await next(el)).type).to.equal('sessions-load');
    expect(has(el, 'notice')).to.equal(false);
    // Live refresh is back.
    const resumed = log.requests.length;
    await sleep(3_500);
    expect(log.requests.length).to.be.greaterThan(resumed + 2);
  });

  it('a 401 mid-session: live refresh resumes when the token changes', async () => {
    el = await mountOnMock({ project: 'web', refreshInterval: 1 }); // the 1 s floor
    await settleElement(el);
    // No ETags here: every answer is a whole page (a 304 would say nothing of the key's recovery).
    await inject({ kind: 'no-etag' });
    await inject({ kind: 'expired-key', count: 1 });
    expect((await next(el)).type).to.equal('sessions-error');
    const stopped = log.requests.length;
    await sleep(2_500);
    expect(log.requests.length).to.equal(stopped);
    el.token = 'rsk_test_renewedkey0001';
    expect((await next(el)).type).to.equal('sessions-load');
    expect(rowIds(el).length).to.be.greaterThan(10);
    await sleep(3_500);
    // The reload, then at least one live refresh (a loaded 2-core machine may run fewer ticks).
    expect(log.requests.length).to.be.greaterThan(stopped + 2);
    expect(log.requests.at(-1)!.status).to.equal(200);
  });

  it('429 with Retry-After: waits that long (plus jitter), says so, then recovers by itself', async () => {
    const { el, before, event } = await faultMidSession({ kind: 'rate-limit', retryAfterSeconds: 1 });
    const { detail } = event as SessionsErrorEvent;
    expect(detail).to.include({ kind: 'rate-limited', status: 429 });
    expect(detail.retryInMs).to.be.within(1_400, 1_600);
    expectRowsStay(el, before);
    expect(text(part(el, 'notice'))).to.match(/rate-limiting this widget \(429\).*Retrying in 2 s/);
    const refused = log.requests.at(-1)!;
    expect((await next(el)).type).to.equal('sessions-load');
    const retry = log.requests.at(-1)!;
    expect(log.requests.indexOf(retry)).to.equal(log.requests.indexOf(refused) + 1);
    expect(retry.at - refused.settledAt!).to.be.within(1_350, 1_900);
    expect(has(el, 'notice')).to.equal(false);
  });

  it('429 without Retry-After: backs off from 2 s by itself, then recovers', async () => {
    const { el, event } = await faultMidSession({ kind: 'rate-limit' });
    const { detail } = event as SessionsErrorEvent;
    expect(detail.retryInMs).to.be.within(1_200, 2_000);
    const refused = log.requests.at(-1)!;
    expect((await next(el)).type).to.equal('sessions-load');
    expect(log.requests.at(-1)!.at - refused.settledAt!).to.be.within(detail.retryInMs! - 50, detail.retryInMs! + 400);
  });

  it('503 with Retry-After on the first load: a blocking error that counts down, then the rows', async () => {
    await inject({ kind: 'server-error', status: 503, retryAfterSeconds: 1, count: 1 });
    el = await mountOnMock({ project: 'web' });
    await settleElement(el);
    expect(text(part(el, 'error'))).to.match(/temporarily unavailable \(503\).*Retrying in 2 s/);
    expect((await next(el)).type).to.equal('sessions-load');
    expect(rowIds(el).length).to.be.greaterThan(10);
  });

  it('a request that hangs is given up after the `timeout` (here 1 s, the floor): rows stay, then live refresh retries', async () => {
    el = await mountOnMock({ project: 'web', refreshInterval: 1 });
    el.timeout = 1;
    await settleElement(el);
    const before = loadedIds(el);
    await inject({ kind: 'hang', count: 1 });
    const failure = (await next(el)) as SessionsErrorEvent;
    expect(failure.detail.kind).to.equal('timeout');
    const hung = log.requests.find((request) => request.failed)!;
    expect(hung.settledAt! - hung.at).to.be.within(950, 1_400);
    expectRowsStay(el, before);
    expect(text(part(el, 'notice'))).to.contain('did not answer within 1 s');
    // Live refresh tries again, backing off from its interval (0.6–1 s).
    expect((await next(el)).type).to.equal('sessions-load');
    expect(has(el, 'notice')).to.equal(false);
  });

  it('a hanging first load with live refresh off: a blocking error after the timeout, and retry shows the rows', async () => {
    await inject({ kind: 'hang', count: 1 });
    const started = performance.now();
    el = document.createElement('rensei-session-list');
    Object.assign(el, {
      apiBase: location.origin,
      project: 'web',
      refreshInterval: 0,
      timeout: 0.5,
      token: 'rsk_test_mockdemo0001',
    });
    const outcome = next(el);
    document.body.append(el);
    expect(((await outcome) as SessionsErrorEvent).detail.kind).to.equal('timeout');
    // Gave up at the 0.5 s limit, not the 30 s default (a loose upper bound: CI shares 2 cores).
    expect(performance.now() - started).to.be.within(450, 10_000);
    expect(text(part(el, 'error'))).to.contain('did not answer within 1 s');
    part(el, 'retry')!.click();
    expect((await next(el)).type).to.equal('sessions-load');
  });

  it('gives every request the documented limit: 30 s by default, `timeout` seconds when set', async () => {
    // Each request arms one timer for its limit (cleared when the answer is in); with live refresh
    // off nothing else here waits a second or more.
    const limits: number[] = [];
    const original = window.setTimeout;
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...rest: unknown[]) => {
      if ((ms ?? 0) >= 1000) limits.push(ms!);
      return original(handler, ms, ...rest);
    }) as typeof window.setTimeout;
    try {
      el = await mountOnMock({ project: 'web' });
      el.timeout = 2.5;
      void el.refresh();
      await next(el);
      el.setAttribute('timeout', '0');
      void el.refresh();
      await next(el);
    } finally {
      window.setTimeout = original;
    }
    expect(limits).to.deep.equal([30_000, 2_500, 30_000]);
  });
});
