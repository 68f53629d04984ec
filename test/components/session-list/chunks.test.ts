/**
 * The incident view's lazy chunks: a page that never sorts or sets a range fetches neither; setting
 * `sort` or `since` fetches its own, and `updateComplete` settles only once it is in and applied.
 * (One page per test file: these run in order, before anything else here has loaded a chunk.)
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { installFakeFetch, page, rawSession, type FakeFetch } from '../../helpers/fake-fetch.js';
import { flush, mount, part, rowIds, shadow } from '../../helpers/element.js';

const fetched = (name: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(`/${name}.`));

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe('<rensei-session-list> lazy chunks', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  const rows = () => [
    rawSession({ id: 'cheap', costUsd: '0.10', startedAt: ago(5 * 3_600_000) }),
    rawSession({ id: 'dear', costUsd: '9', startedAt: ago(60_000) }),
  ];

  it('fetches neither chunk while sort and since are empty', async () => {
    fake = installFakeFetch(() => page(rows()));
    const el = await mount();
    await flush(el, 3);
    expect(rowIds(el)).to.deep.equal(['cheap', 'dear']);
    expect(fetched('sort-engine')).to.equal(false);
    expect(fetched('range-engine')).to.equal(false);
    expect(fetched('csv-download')).to.equal(false);
  });

  it('fetches the sort chunk once sort is set; updateComplete waits until the order is applied', async () => {
    fake = installFakeFetch(() => page(rows()));
    const el = await mount();
    el.sort = 'cost';
    await el.updateComplete;
    expect(fetched('sort-engine')).to.equal(true);
    expect(rowIds(el)).to.deep.equal(['dear', 'cheap']);
    const header = shadow(el).querySelector('[data-sort="cost"]')!.parentElement!;
    expect(header.getAttribute('aria-sort')).to.equal('descending');
    expect(fetched('range-engine')).to.equal(false);
  });

  it('fetches the range chunk once since is set; updateComplete waits until the range is applied', async () => {
    fake = installFakeFetch(() => page(rows()));
    const el = await mount();
    el.since = '1h';
    await el.updateComplete;
    expect(fetched('range-engine')).to.equal(true);
    expect(rowIds(el)).to.deep.equal(['dear']);
  });

  it('fetches the download chunk at the first export click, and makes the CSV at the click', async () => {
    fake = installFakeFetch(() => page(rows()));
    const el = await mount();
    expect(fetched('csv-download')).to.equal(false);
    const clicked = sinon.stub(HTMLAnchorElement.prototype, 'click');
    const made = sinon.spy(URL, 'createObjectURL');
    try {
      const csv = el.toCsv();
      part(el, 'export')!.click();
      // A view that changes after the click does not change the file.
      el.search = 'no-such-identifier';
      await el.updateComplete;
      expect(el.toCsv()).not.to.equal(csv);
      await waitUntil(() => clicked.called, 'the download link was never clicked');
      expect(fetched('csv-download')).to.equal(true);
      const bytes = new Uint8Array(await (made.firstCall.args[0] as Blob).arrayBuffer());
      expect(new TextDecoder().decode(bytes.slice(3))).to.equal(csv);
    } finally {
      clicked.restore();
      made.restore();
    }
  });
});
