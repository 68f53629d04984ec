/**
 * Disconnected and reconnected 1,000 times: nothing is left behind (timers, intervals, frames,
 * listeners on window and document, resize observers), nothing grows per cycle, and no request is
 * made after the last disconnect.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { installFakeFetch, page, sessions, type FakeFetch } from '../helpers/fake-fetch.js';
import { trackLeaks, type LeakCounts, type LeakTracker } from '../helpers/leak-tracker.js';
import { rowIds } from '../helpers/element.js';
import { nextTask, settleElement } from '../helpers/tasks.js';

const CYCLES = 1000;

describe('hardening: disconnect and reconnect', function () {
  this.timeout(60_000);
  let fake: FakeFetch;
  let tracker: LeakTracker;
  let container: HTMLDivElement;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    tracker.restore();
    fake.restore();
    container.remove();
  });

  async function mounted(): Promise<RenseiSessionList> {
    const el = document.createElement('rensei-session-list');
    Object.assign(el, { apiBase: 'https://api.example', project: 'web', refreshInterval: 0.05 });
    const loaded = new Promise((resolve) => el.addEventListener('sessions-load', resolve, { once: true }));
    container.append(el);
    await loaded;
    await settleElement(el);
    return el;
  }

  it(`${CYCLES} times leaves no timer, interval, frame, listener or observer behind, and makes no request after`, async () => {
    const rows = sessions(40);
    fake = installFakeFetch(() => page(rows));
    tracker = trackLeaks();
    const idle = tracker.counts();
    // The feed's hub (sharing="browser") is joined in the background (a hash, a look at the
    // locks): it adds two listeners of its own, visibilitychange and pagehide.
    const hubJoined = async () => {
      const by = Date.now() + 3000;
      while (tracker.counts().listeners - idle.listeners < 5 && Date.now() < by) await nextTask();
    };
    const el = await mounted();
    await hubJoined();
    // What one connected widget holds: its clock interval, its listeners, its observer.
    const connected = tracker.counts();
    expect(connected.intervals - idle.intervals).to.equal(1);
    // scroll, resize, visibilitychange; the hub's visibilitychange and pagehide
    expect(connected.listeners - idle.listeners).to.equal(5);
    expect(connected.observed - idle.observed).to.equal(1);

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      el.remove();
      container.append(el);
      // Mostly back to back; now and then the request or a render gets to run in between.
      if (cycle % 10 === 0) await Promise.resolve();
      if (cycle % 50 === 0) await nextTask();
      if (cycle % 250 === 0) {
        await settleElement(el);
        await new Promise((resolve) => setTimeout(resolve, 80)); // a refresh interval passes
        expect(rowIds(el).length, `rows after ${cycle} cycles`).to.be.greaterThan(10);
      }
    }
    await settleElement(el);
    await hubJoined();
    // Connected again after 1,000 cycles: holding exactly what one widget holds, not more.
    const again = tracker.counts();
    expect({ ...again, timeouts: 0, frames: 0 }).to.deep.equal({ ...connected, timeouts: 0, frames: 0 });
    expect(again.timeouts - idle.timeouts).to.be.at.most(1); // the next refresh, at most

    el.remove();
    const callsAtDisconnect = fake.calls.length;
    expect(callsAtDisconnect).to.be.greaterThan(CYCLES); // each reconnect refreshes
    const left: LeakCounts = tracker.counts();
    expect(left, tracker.describe()).to.deep.equal(idle);
    // Ten refresh intervals later: still nothing scheduled, and not one request.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await nextTask();
    expect(tracker.counts(), tracker.describe()).to.deep.equal(idle);
    expect(fake.calls.length).to.equal(callsAtDisconnect);
    // Every request it made has ended: answered, or aborted by a disconnect.
    expect(fake.calls.every((call) => call.settled)).to.equal(true);
  });

  it('disconnected while a request is in flight, reconnected, disconnected again: the answer is ignored', async () => {
    fake = installFakeFetch(() => 'hold');
    tracker = trackLeaks();
    const idle = tracker.counts();
    const el = document.createElement('rensei-session-list');
    Object.assign(el, { apiBase: 'https://api.example', project: 'web', refreshInterval: 0.05 });
    container.append(el);
    await settleElement(el);
    el.remove();
    container.append(el);
    await settleElement(el);
    el.remove();
    const calls = fake.calls.length;
    expect(calls).to.equal(2);
    expect(fake.calls.every((call) => (call.init.signal as AbortSignal).aborted)).to.equal(true);
    // A late answer to an aborted request changes nothing, and schedules nothing.
    for (const call of fake.calls) call.respond(page(sessions(2)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls.length).to.equal(calls);
    expect(el.sessions).to.have.length(0);
    expect(tracker.counts(), tracker.describe()).to.deep.equal(idle);
  });
});
