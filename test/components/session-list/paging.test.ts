import { expect, oneEvent } from '@open-wc/testing';
import { installFakeFetch, page, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, rowIds, settled } from '../../helpers/element.js';
import type { SessionsLoadEvent } from '../../../src/events.js';

describe('<rensei-session-list> paging', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it('appends the next cursor page on load more, and hides the control on the last page', async () => {
    const first = sessions(3);
    const second = sessions(2);
    fake = installFakeFetch(({ url }) => (url.searchParams.get('cursor') === 'c2' ? page(second) : page(first, 'c2')));
    const el = await mount();
    part(el, 'load-more')!.click();
    const { detail } = (await settled(el)) as SessionsLoadEvent;
    expect(fake.calls[1]!.url.searchParams.get('cursor')).to.equal('c2');
    expect(rowIds(el)).to.deep.equal([...first, ...second].map((row) => row.id));
    expect(detail).to.include({ request: 'more', total: 5, hasMore: false });
    expect(detail.added).to.deep.equal(second.map((row) => row.id));
    expect(part(el, 'load-more')).to.equal(null);
  });

  // Issue 14: only an absent or null cursor ends the list; an empty page is no "no sessions yet".
  it('follows empty first pages that carry a cursor to the first rows', async () => {
    const rows = sessions(2);
    fake = installFakeFetch(({ url }) => {
      const at = Number(url.searchParams.get('cursor') ?? 0);
      return at < 3 ? page([], String(at + 1)) : page(rows);
    });
    const el = await mount();
    expect(rowIds(el)).to.deep.equal(rows.map((row) => row.id));
    expect(fake.calls.map((call) => call.url.searchParams.get('cursor'))).to.deep.equal([null, '1', '2', '3']);
  });

  it('never says "no sessions yet" while empty pages go on: it offers to load more', async () => {
    fake = installFakeFetch(({ url }) => page([], `c${Number(url.searchParams.get('cursor')?.slice(1) ?? 0) + 1}`));
    const el = await mount();
    expect(fake.calls).to.have.length(6); // the first page and five more, then it stops by itself
    expect(part(el, 'empty')!.dataset.empty).to.equal('more');
    expect(part(el, 'empty')!.textContent).not.to.contain('no sessions yet');
    expect(part(el, 'load-more')).to.exist;
  });

  it('deduplicates rows by id across pages', async () => {
    const first = sessions(3);
    fake = installFakeFetch(({ url }) =>
      url.searchParams.get('cursor') ? page([first[2], ...sessions(1)]) : page(first, 'c2'),
    );
    const el = await mount();
    await el.loadMore();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(4);
    expect(new Set(rowIds(el)).size).to.equal(4);
  });

  it('ends paging on a cursor that repeats instead of looping', async () => {
    fake = installFakeFetch(() => page(sessions(2), 'same'));
    const el = await mount();
    await el.loadMore();
    await el.updateComplete;
    expect(part(el, 'load-more')).to.equal(null);
    await el.loadMore();
    expect(fake.calls).to.have.length(2);
  });

  it('ends paging on a page that adds nothing new', async () => {
    const first = sessions(2);
    let n = 0;
    fake = installFakeFetch(() => page(first, `c${++n}`));
    const el = await mount();
    await el.loadMore();
    await el.updateComplete;
    expect(part(el, 'load-more')).to.equal(null);
  });

  it('loadMore() does nothing without a next cursor', async () => {
    fake = installFakeFetch(() => page(sessions(2)));
    const el = await mount();
    await el.loadMore();
    expect(fake.calls).to.have.length(1);
  });

  it('fires sessions-load after the first page with what changed', async () => {
    const rows = sessions(2);
    fake = installFakeFetch(() => page(rows, 'next'));
    const el = document.createElement('rensei-session-list');
    el.setAttribute('api-base', 'https://api.example');
    el.refreshInterval = 0;
    const event = oneEvent(el, 'sessions-load') as Promise<SessionsLoadEvent>;
    document.body.append(el);
    const { detail } = await event;
    expect(detail).to.deep.equal({
      request: 'refresh',
      added: rows.map((r) => r.id),
      updated: [],
      held: [],
      total: 2,
      hasMore: true,
      rejected: 0,
      shared: false,
    });
    el.remove();
  });
});
