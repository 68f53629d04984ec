import { setViewport } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import { installFakeFetch, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { flush, mount, part, rowIds, rowText, settled, shadow, text } from '../../helpers/element.js';
import type { SessionsLoadEvent } from '../../../src/events.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<rensei-session-list> live refresh', () => {
  let fake: FakeFetch;
  afterEach(() => {
    fake.restore();
    delete (document as { hidden?: boolean }).hidden;
  });

  it('merges a refresh by id: changes in place, new rows on top, later pages kept', async () => {
    const [a, b, c, fresh] = sessions(4);
    let firstPage = [a, b];
    fake = installFakeFetch(({ url }) => (url.searchParams.get('cursor') ? page([c]) : page(firstPage, 'c2')));
    const el = await mount();
    await el.loadMore();
    await el.updateComplete;
    firstPage = [fresh, { ...a, status: 'failed' }, b];
    void el.refresh();
    const { detail } = (await settled(el)) as SessionsLoadEvent;
    expect(rowIds(el)).to.deep.equal([fresh, a, b, c].map((row) => row!.id));
    expect(rowText(el, a!.id as string)).to.contain('Failed');
    expect(detail.added).to.deep.equal([fresh!.id]);
    expect(detail.updated).to.deep.equal([a!.id, b!.id]);
  });

  it('refreshes every refresh-interval seconds', async () => {
    fake = installFakeFetch(() => page(sessions(1)));
    await mount({ refreshInterval: 1 }); // the floor (issue 14)
    await sleep(2_450);
    expect(fake.calls.length).to.be.within(3, 4);
  });

  it('holds new rows behind a "new sessions" control while the reader is scrolled away', async () => {
    const initial = sessions(30);
    let firstPage = initial;
    fake = installFakeFetch(() => page(firstPage));
    const el = await mount({ style: 'height: 240px' });
    const scroller = part(el, 'scroller')!;
    scroller.scrollTop = 300;
    await new Promise(requestAnimationFrame);
    await el.updateComplete;
    const before = rowIds(el);
    const fresh = sessions(3);
    firstPage = [...fresh, ...initial];
    void el.refresh();
    const { detail } = (await settled(el)) as SessionsLoadEvent;
    expect(detail.held).to.deep.equal(fresh.map((row) => row.id));
    expect(rowIds(el)).to.deep.equal(before);
    expect(scroller.scrollTop).to.equal(300);
    const control = part(el, 'new-sessions')!;
    expect(text(control)).to.equal('3 new sessions');
    control.click();
    await el.updateComplete;
    expect(rowIds(el).slice(0, 3)).to.deep.equal(fresh.map((row) => row.id));
    expect(scroller.scrollTop).to.equal(0);
    expect(part(el, 'new-sessions')).to.equal(null);
  });

  it('puts new rows in place when the reader is at the top and on no row', async () => {
    const initial = sessions(5);
    let firstPage = initial;
    fake = installFakeFetch(() => page(firstPage));
    const el = await mount({ style: 'height: 240px' });
    const fresh = sessions(2);
    firstPage = [...fresh, ...initial];
    void el.refresh();
    const { detail } = (await settled(el)) as SessionsLoadEvent;
    expect(rowIds(el)).to.deep.equal([...fresh, ...initial].map((row) => row.id));
    expect(detail.added).to.deep.equal(fresh.map((row) => row.id));
  });

  it('holds new rows while a row has focus, so focus never leaves the window, and the row keeps its place', async () => {
    const initial = sessions(40);
    let firstPage = initial;
    fake = installFakeFetch(() => page(firstPage));
    const el = await mount({ style: 'height: 240px' });
    const id = initial[2]!.id as string;
    shadow(el).querySelector<HTMLElement>(`[data-session-id="${id}"]`)!.focus();
    // Ten refreshes, each with ten new sessions on top: before, each pushed the focused row down
    // until it left the window and focus fell to <body>.
    for (let round = 0; round < 10; round++) {
      firstPage = [...sessions(10), ...firstPage];
      void el.refresh();
      const { detail } = (await settled(el)) as SessionsLoadEvent;
      expect(detail.added).to.deep.equal([]);
    }
    const focused = shadow(el).activeElement as HTMLElement | null;
    expect(focused?.dataset.sessionId).to.equal(id);
    expect(rowIds(el).slice(0, 3)).to.deep.equal(initial.slice(0, 3).map((row) => row.id));
    expect(text(part(el, 'new-sessions')!)).to.equal('100 new sessions');
    expect(focused!.tabIndex).to.equal(0);
  });

  it('makes no refresh while the page is hidden, and refreshes within a second of becoming visible', async () => {
    fake = installFakeFetch(() => page(sessions(1)));
    await mount({ refreshInterval: 0.05 });
    setHidden(true);
    await sleep(50);
    const count = fake.calls.length;
    await sleep(300);
    expect(fake.calls.length).to.equal(count);
    setHidden(false);
    await sleep(1100);
    expect(fake.calls.length).to.be.greaterThan(count);
  });

  it('counts a working row up live, and stops a row the last refresh did not cover, saying so', async () => {
    const startedAt = new Date(Date.now() - 10_000).toISOString();
    const working = rawSession({ status: 'working', startedAt, completedAt: null });
    const later = rawSession({ id: 'bbbbbbbbbbbbbbbb', status: 'working', startedAt, completedAt: null });
    fake = installFakeFetch(({ url }) => (url.searchParams.get('cursor') ? page([later]) : page([working], 'c2')));
    const el = await mount({ attrs: { locale: 'en-US' } });
    await el.loadMore();
    await el.updateComplete;
    const durationOf = (id: string) => text(shadow(el).querySelector(`[data-session-id="${id}"] .c-duration`));
    const first = durationOf(working.id as string);
    expect(first).to.match(/^1\ds$/);
    await sleep(1200);
    await el.updateComplete;
    expect(durationOf(working.id as string)).not.to.equal(first);
    // The next refresh covers only the first page: the later working row stops and says why.
    void el.refresh();
    await settled(el);
    expect(part(el, 'not-live')).to.exist;
    expect(shadow(el).querySelector(`[data-session-id="bbbbbbbbbbbbbbbb"] [part~="not-live"]`)).to.exist;
    expect(shadow(el).querySelector(`[data-session-id="${working.id}"] [part~="not-live"]`)).to.equal(null);
    const frozen = durationOf('bbbbbbbbbbbbbbbb');
    await sleep(1200);
    await el.updateComplete;
    expect(durationOf('bbbbbbbbbbbbbbbb')).to.equal(frozen);
  });

  it('a pending refresh never blanks the rows', async () => {
    const rows = sessions(3);
    let hold = false;
    fake = installFakeFetch(() => (hold ? 'hold' : page(rows)));
    const el = await mount();
    hold = true;
    void el.refresh();
    await flush(el);
    expect(rowIds(el)).to.have.length(3);
    expect(part(el, 'grid')!.getAttribute('aria-busy')).to.equal('true');
  });
});

describe('<rensei-session-list> live refresh after a burst', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  /** A keyset API over `all` (newest first), `size` rows a page: the cursor is the last row's id. */
  function keysetApi(all: () => ReturnType<typeof sessions>, size: number) {
    return ({ url }: { url: URL }) => {
      const after = url.searchParams.get('cursor');
      const from = after === null ? 0 : all().findIndex((row) => row.id === after) + 1;
      const rows = all().slice(from, from + size);
      return page(rows, from + size < all().length ? (rows.at(-1)!.id as string) : null);
    };
  }
  const cursors = (calls: FakeFetch['calls']) => calls.map((call) => call.url.searchParams.get('cursor'));

  it('fetches the pages between a refresh and the rows loaded, when more than a page arrived', async () => {
    const older = sessions(6);
    const burst = sessions(7); // newest first: more than two pages of 3
    let all = older;
    fake = installFakeFetch(keysetApi(() => all, 3));
    const el = await mount();
    expect(rowIds(el)).to.deep.equal(older.slice(0, 3).map((row) => row.id));
    all = [...burst, ...older];
    let before = fake.calls.length;
    const landed = settled(el);
    void el.refresh();
    const { detail } = (await landed) as SessionsLoadEvent;
    // The third page reaches a loaded row, so there is no hole.
    expect(cursors(fake.calls.slice(before))).to.deep.equal([null, burst[2]!.id, burst[5]!.id]);
    expect(rowIds(el)).to.deep.equal([...burst, ...older.slice(0, 3)].map((row) => row.id));
    expect(detail.added).to.deep.equal(burst.map((row) => row.id));
    // A quiet refresh, then "load more": it goes on after the last loaded row, not into the burst.
    void el.refresh();
    await settled(el);
    before = fake.calls.length;
    await el.loadMore();
    await el.updateComplete;
    expect(cursors(fake.calls.slice(before))).to.deep.equal([older[2]!.id]);
    expect(rowIds(el)).to.deep.equal(all.map((row) => row.id));
  });

  it('fetches a few pages at most, and a failure among them merges nothing and says so', async () => {
    const older = sessions(2);
    const burst = sessions(40);
    let all = older;
    let failAt: string | undefined;
    const api = keysetApi(() => all, 2);
    fake = installFakeFetch((call) =>
      call.url.searchParams.get('cursor') === failAt ? new Response('', { status: 502 }) : api(call),
    );
    const el = await mount();
    all = [...burst, ...older];
    failAt = burst[3]!.id as string;
    const before = fake.calls.length;
    void el.refresh();
    await settled(el);
    expect(cursors(fake.calls.slice(before))).to.deep.equal([null, burst[1]!.id, burst[3]!.id]);
    expect(rowIds(el)).to.deep.equal(older.map((row) => row.id));
    expect(text(part(el, 'notice'))).to.contain("Couldn't refresh");
    failAt = undefined;
    const retried = fake.calls.length;
    void el.refresh();
    await settled(el);
    // The first page and five more: the rest of the burst stays unfetched rather than looping on.
    expect(fake.calls.length - retried).to.equal(6);
    expect(rowIds(el)).to.deep.equal([...burst.slice(0, 12), ...older].map((row) => row.id));
  });

  // Issue 14: past the few pages a refresh fetches, the rest of a burst was unreachable until a reload.
  let restoreViewport = async () => {};
  afterEach(async () => {
    await restoreViewport();
    restoreViewport = async () => {};
  });

  it('leaves no hole after a burst of more than six pages: "load more" fills the gap first', async () => {
    const older = sessions(4);
    const burst = sessions(20);
    let all = older;
    fake = installFakeFetch(keysetApi(() => all, 2));
    // Tall enough for every row in the window under the toolbar (filters, range, export, summary).
    const viewport = { width: innerWidth, height: innerHeight };
    await setViewport({ width: viewport.width, height: 900 });
    const el = await mount();
    restoreViewport = () => setViewport(viewport);
    expect(rowIds(el)).to.deep.equal(older.slice(0, 2).map((row) => row.id));
    all = [...burst, ...older];
    void el.refresh();
    await settled(el);
    expect(rowIds(el)).to.deep.equal([...burst.slice(0, 12), ...older.slice(0, 2)].map((row) => row.id));
    // Each "load more" goes into the gap, below the burst, until it reaches the loaded rows.
    for (let round = 0; round < 4 && rowIds(el).length < 22; round++) {
      part(el, 'load-more')!.click();
      await settled(el);
    }
    expect(rowIds(el)).to.deep.equal([...burst, ...older.slice(0, 2)].map((row) => row.id));
    // Then (once the gap's last page reaches the loaded rows) it goes on after the last loaded row.
    for (let round = 0; round < 3 && part(el, 'load-more'); round++) {
      part(el, 'load-more')!.click();
      await settled(el);
    }
    expect(rowIds(el)).to.deep.equal(all.map((row) => row.id));
    expect(part(el, 'load-more')).to.equal(null);
  });

  it('reaches every session when every loaded one was deleted and more than six pages arrived', async () => {
    const gone = sessions(2);
    const fresh = sessions(16);
    let all = [...gone, ...sessions(2)];
    fake = installFakeFetch(keysetApi(() => all, 2));
    const el = await mount();
    all = fresh; // the loaded sessions are gone, and 16 new ones arrived
    void el.refresh();
    await settled(el);
    for (let round = 0; round < 5 && part(el, 'load-more'); round++) {
      part(el, 'load-more')!.click();
      await settled(el);
    }
    expect(rowIds(el).filter((id) => fresh.some((row) => row.id === id))).to.deep.equal(fresh.map((row) => row.id));
  });
});
