/**
 * What screen readers hear: the live regions change only for what a person needs (a failure, a
 * recovery, new sessions waiting, a copy), never for a cost that moved or a countdown that ticks.
 */
import { expect } from '@open-wc/testing';
import { installFakeFetch, json, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, settled, shadow } from '../../helpers/element.js';
import type { RenseiSessionList } from '../../../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';

/** Records the text of every live region whenever the shadow DOM changes, keeping only changes. */
function listen(el: RenseiSessionList): { said: string[]; stop(): void } {
  const said: string[] = [];
  const read = () =>
    [...shadow(el).querySelectorAll(LIVE)].map((region) => region.textContent!.replace(/\s+/g, ' ').trim()).join(' | ');
  let last = read();
  const observer = new MutationObserver(() => {
    const now = read();
    if (now !== last) said.push((last = now));
  });
  observer.observe(shadow(el), { subtree: true, childList: true, characterData: true, attributes: true });
  return { said, stop: () => observer.disconnect() };
}

describe('<rensei-session-list> announcements', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it('says nothing while refreshes only move costs and durations', async () => {
    const rows = sessions(3, () => ({ status: 'working', completedAt: null, startedAt: new Date().toISOString() }));
    let cost = 1;
    fake = installFakeFetch(() => page(rows.map((row) => ({ ...row, costUsd: String(cost++) }))));
    const el = await mount();
    const live = listen(el);
    for (let round = 0; round < 5; round++) {
      void el.refresh();
      await settled(el);
    }
    await sleep(1200); // the clock ticks the working rows' durations
    live.stop();
    expect(live.said).to.deep.equal([]);
  });

  it('says a refresh failed once, not the countdown, and says when it recovered', async () => {
    fake = installFakeFetch(() => page(sessions(2)));
    const el = await mount();
    const live = listen(el);
    fake.responder = () => json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '30' } });
    void el.refresh();
    await settled(el);
    await sleep(2300); // "Retrying in 30 s", "29 s", "28 s" in the notice
    expect(part(el, 'notice')!.textContent).to.match(/Retrying in 2\d s/);
    expect(live.said).to.have.length(1);
    expect(live.said[0]).to.contain("Couldn't refresh");
    fake.responder = () => page(sessions(2));
    void el.refresh();
    await settled(el);
    live.stop();
    expect(live.said).to.have.length(2);
    expect(live.said[1]).to.contain('up to date again');
  });

  it('says how many new sessions wait while the reader is on a row', async () => {
    const initial = sessions(3);
    let firstPage = initial;
    fake = installFakeFetch(() => page(firstPage));
    const el = await mount();
    shadow(el).querySelector<HTMLElement>('[part~="row"]')!.focus();
    const live = listen(el);
    firstPage = [rawSession(), rawSession(), ...initial];
    void el.refresh();
    await settled(el);
    live.stop();
    expect(live.said).to.have.length(1);
    expect(live.said[0]).to.contain('2 new sessions');
  });

  it("keeps the blocking error's alert still while its countdown ticks", async () => {
    fake = installFakeFetch(() => json({ error: 'Busy' }, { status: 503, headers: { 'Retry-After': '30' } }));
    const el = await mount();
    expect(part(el, 'error')).to.exist;
    const live = listen(el);
    await sleep(2300);
    live.stop();
    expect(part(el, 'error')!.textContent).to.match(/Retrying in 2\d s/);
    expect(live.said).to.deep.equal([]);
  });
});
