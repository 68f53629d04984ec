import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { FilterChangeEvent } from '../../../src/events.js';
import { installFakeFetch, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { flush, mount, part, parts, rowIds, settled, shadow, text } from '../../helpers/element.js';

const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3_600_000;

function fleet() {
  return [
    rawSession({ id: 'a1', issueIdentifier: 'ENG-10', costUsd: '1.50', health: { healthStatus: 'green' } }),
    rawSession({ id: 'a2', issueIdentifier: 'ENG-9', costUsd: null, health: { stuckSignals: ['LongRunning'] } }),
    rawSession({ id: 'a3', issueIdentifier: 'OPS-1', costUsd: '0.25', health: { stuckSignals: ['ToolLoopStuck'] } }),
    rawSession({
      id: 'a4',
      issueIdentifier: 'ENG-11',
      status: 'failed',
      costUsd: '2',
      health: { healthStatus: 'red' },
    }),
    rawSession({ id: 'a5', issueIdentifier: 'DOC-1', costUsd: '0.10', health: null }),
  ];
}

describe('<rensei-session-list> the incident view', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  describe('sorting', () => {
    it('sorts by the sort attribute, and a header button cycles: key, reversed, none; aria-sort says which', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount({ attrs: { sort: 'health' } });
      expect(rowIds(el)).to.deep.equal(['a3', 'a4', 'a2', 'a5', 'a1']);
      const header = (key: string) =>
        part(el, 'sort-button')!.closest('[part~="header"]')!.querySelector(`[data-sort="${key}"]`)!.parentElement!;
      expect(header('health').getAttribute('aria-sort')).to.equal('descending');
      expect(header('identifier').hasAttribute('aria-sort')).to.equal(false);
      const seen: FilterChangeEvent['detail'][] = [];
      el.addEventListener('filter-change', (event) => seen.push(event.detail));
      const button = shadow(el).querySelector<HTMLElement>('[part~="sort-button"][data-sort="identifier"]')!;
      button.click();
      await el.updateComplete;
      expect(el.getAttribute('sort')).to.equal('identifier');
      expect(rowIds(el)).to.deep.equal(['a5', 'a2', 'a1', 'a4', 'a3']);
      expect(header('identifier').getAttribute('aria-sort')).to.equal('ascending');
      expect(header('health').hasAttribute('aria-sort')).to.equal(false);
      button.click();
      await el.updateComplete;
      expect(el.sort).to.equal('-identifier');
      expect(header('identifier').getAttribute('aria-sort')).to.equal('descending');
      button.click();
      await el.updateComplete;
      expect(el.sort).to.equal('');
      expect(rowIds(el)).to.deep.equal(['a1', 'a2', 'a3', 'a4', 'a5']);
      expect(seen.map((detail) => detail.sort)).to.deep.equal(['identifier', '-identifier', '']);
      expect(seen[0]).to.deep.equal({ status: '', search: '', health: '', sort: 'identifier', since: '' });
    });

    it('offers a sort button in every sortable header, and parts on the duration and cost cells', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount();
      expect(parts(el, 'sort-button').map((b) => b.dataset.sort)).to.deep.equal([
        'health',
        'identifier',
        'status',
        'started',
        'duration',
        'cost',
      ]);
      const row = parts(el, 'row')[0]!;
      expect(row.querySelector('[part="cell duration"]')).to.exist;
      expect(text(row.querySelector('[part="cell cost"]'))).to.equal('$1.50');
    });

    it('reaches the sort buttons from the keyboard: Up from the first row, Left/Right, Enter, Down back', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount({ style: 'height: 400px' });
      parts(el, 'row')[0]!.focus();
      await sendKeys({ press: 'ArrowUp' });
      const active = () => shadow(el).activeElement as HTMLElement;
      expect(active().dataset.sort).to.equal('health');
      await sendKeys({ press: 'ArrowRight' });
      expect(active().dataset.sort).to.equal('identifier');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.sort).to.equal('identifier');
      await sendKeys({ press: 'ArrowDown' });
      await flush(el);
      expect(active().dataset.sessionId).to.equal('a1'); // back to the row it came from
    });

    it('moves only the changed rows on a refresh, and the view stays sorted', async () => {
      let first = fleet();
      fake = installFakeFetch(() => page(first));
      const el = await mount({ attrs: { sort: 'cost' } });
      expect(rowIds(el)).to.deep.equal(['a4', 'a1', 'a3', 'a5', 'a2']);
      first = first.map((s) => (s.id === 'a5' ? { ...s, costUsd: '9' } : s));
      void el.refresh();
      await settled(el);
      expect(rowIds(el)).to.deep.equal(['a5', 'a4', 'a1', 'a3', 'a2']);
    });
  });

  describe('holding the focused row', () => {
    it('keeps the focused row where the reader sees it when a refresh re-sorts rows above it', async () => {
      let first = sessions(60, (i) => ({ costUsd: String(100 - i) }));
      fake = installFakeFetch(() => page(first));
      const el = await mount({ style: 'height: 360px', attrs: { sort: 'cost' } });
      const scroller = part(el, 'scroller')!;
      scroller.scrollTop = 200;
      await new Promise(requestAnimationFrame);
      await el.updateComplete;
      const id = first[12]!.id;
      const row = () => shadow(el).querySelector<HTMLElement>(`[data-session-id="${id}"]`)!;
      row().focus();
      const before = row().getBoundingClientRect().top;
      const at = rowIds(el).indexOf(id);
      // Three rows from below it become the most expensive: the focused row moves down by three.
      first = first.map((s, i) => (i >= 50 && i < 53 ? { ...s, costUsd: '500' } : s));
      void el.refresh();
      await settled(el);
      await new Promise(requestAnimationFrame);
      await el.updateComplete;
      // The order did move under it (three rows now sort above it), and it stayed where it was seen.
      expect(rowIds(el).indexOf(id)).to.equal(at + 3);
      expect(Math.abs(row().getBoundingClientRect().top - before)).to.be.below(2);
      expect(shadow(el).activeElement).to.equal(row());
    });
  });

  describe('time range', () => {
    it('keeps rows started since the cut, and queued ones', async () => {
      fake = installFakeFetch(() =>
        page([
          rawSession({ id: 'new', startedAt: ago(10 * 60_000) }),
          rawSession({ id: 'q', status: 'queued', startedAt: null, completedAt: null }),
          rawSession({ id: 'old', startedAt: ago(2 * HOUR) }),
        ]),
      );
      const el = await mount({ attrs: { since: '1h' } });
      expect(rowIds(el)).to.deep.equal(['new', 'q']);
      el.since = '';
      await el.updateComplete;
      expect(rowIds(el)).to.deep.equal(['new', 'q', 'old']);
    });

    it('follows the cursor by itself until a whole page started before the cut', async () => {
      // Pages 0..5, each an hour older; page 3 is the first entirely before the 2h cut... with one late starter on page 2.
      const pageAt = (n: number) =>
        page(
          [
            rawSession({ startedAt: ago(n * HOUR + 60_000) }),
            rawSession({ startedAt: ago(n === 2 ? 60_000 : n * HOUR + 120_000) }),
          ],
          `c${n + 1}`,
        );
      fake = installFakeFetch(({ url }) => pageAt(Number(url.searchParams.get('cursor')?.slice(1) ?? 0)));
      const el = await mount({ attrs: { since: '2h' } });
      await flush(el, 10);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(fake.calls.map((call) => call.url.searchParams.get('cursor'))).to.deep.equal([null, 'c1', 'c2', 'c3']);
      expect(part(el, 'load-more')).to.exist; // the list goes on; the range is covered
      expect(shadow(el).querySelector('[data-kind="partial"]')).to.equal(null);
    });

    it('follows the range again from the first page when the feed starts over (a new project)', async () => {
      const pageAt = (n: number) =>
        page(
          [rawSession({ startedAt: ago(n * HOUR + 60_000) }), rawSession({ startedAt: ago(n * HOUR + 120_000) })],
          `c${n + 1}`,
        );
      fake = installFakeFetch(({ url }) => pageAt(Number(url.searchParams.get('cursor')?.slice(1) ?? 0)));
      const el = await mount({ attrs: { since: '2h' } });
      await flush(el, 10);
      const cursors = () => fake.calls.map((call) => call.url.searchParams.get('cursor'));
      expect(cursors()).to.deep.equal([null, 'c1', 'c2']); // page 2 all started before the cut
      el.project = 'other';
      for (let i = 0; i < 20 && fake.calls.length < 6; i++) await flush(el);
      await flush(el, 3);
      expect(cursors()).to.deep.equal([null, 'c1', 'c2', null, 'c1', 'c2']);
      expect(fake.calls[3]!.url.searchParams.get('project')).to.equal('other');
    });

    it('stops at 20 pages for one change of since, says the range is partly loaded, and offers load-more', async () => {
      fake = installFakeFetch(({ url }) =>
        page([rawSession({ startedAt: ago(60_000) })], `c${Number(url.searchParams.get('cursor')?.slice(1) ?? 0) + 1}`),
      );
      const el = await mount({ attrs: { since: '24h' } });
      for (let i = 0; i < 30 && fake.calls.length < 21; i++) await flush(el);
      await flush(el, 5);
      expect(fake.calls).to.have.length(21); // the first page, then 20
      expect(text(shadow(el).querySelector('[data-kind="partial"]'))).to.include('only partly loaded');
      expect(part(el, 'load-more')).to.exist;
      el.since = '7d'; // a new value: 20 pages of its own
      await flush(el, 30);
      for (let i = 0; i < 30 && fake.calls.length < 41; i++) await flush(el);
      expect(fake.calls).to.have.length(41);
    });

    it('lets a row age out of a relative range at the next tick, not the next refresh', async () => {
      const clock = sinon.useFakeTimers({
        now: Date.parse('2026-06-02T15:00:00Z'),
        toFake: ['Date', 'setInterval', 'clearInterval'],
      });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      try {
        fake = installFakeFetch(() =>
          page([
            rawSession({ id: 'young', startedAt: ago(30 * 60_000) }),
            rawSession({ id: 'edge', startedAt: ago(HOUR - 1500) }),
          ]),
        );
        const el = await mount({ attrs: { since: '1h' } });
        expect(rowIds(el)).to.deep.equal(['young', 'edge']);
        await clock.tickAsync(2000);
        await el.updateComplete;
        expect(rowIds(el)).to.deep.equal(['young']);
        expect(fake.calls).to.have.length(1);
      } finally {
        clock.restore();
        delete (document as { hidden?: boolean }).hidden;
      }
    });

    it('says a bad value is no range, and ignores it', async () => {
      fake = installFakeFetch(() => page(sessions(3)));
      const el = await mount({ attrs: { since: 'last tuesday' } });
      expect(rowIds(el)).to.have.length(3);
      expect(text(shadow(el).querySelector('[data-kind="since"]'))).to.include('“last tuesday” is not a time range');
      expect(part<HTMLSelectElement>(el, 'since-filter')!.value).to.equal('last tuesday');
    });

    it('changes the range from its select, reflected', async () => {
      fake = installFakeFetch(() => page(sessions(3)));
      const el = await mount();
      const select = part<HTMLSelectElement>(el, 'since-filter')!;
      expect([...select.options].map((o) => o.value)).to.deep.equal(['', '1h', '24h', '7d']);
      select.value = '24h';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.getAttribute('since')).to.equal('24h');
    });
  });

  describe('summary', () => {
    it('counts blocking and attention rows over status, search and range, not health, against a hand count', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount({ attrs: { health: 'blocking' } });
      const item = (health: string) =>
        shadow(el).querySelector<HTMLElement>(`[part~="summary-item"][data-health="${health}"]`);
      // a3 (signal) and a4 (status) are red; a2 is yellow.
      expect(text(item('blocking'))).to.equal('Blocking: 2');
      expect(text(item('attention'))).to.equal('Needs attention: 3');
      el.search = 'eng';
      await el.updateComplete;
      expect(text(item('blocking'))).to.equal('Blocking: 1');
      expect(text(item('attention'))).to.equal('Needs attention: 2');
      el.search = 'doc';
      await el.updateComplete;
      expect(item('blocking')).to.equal(null);
      expect(item('attention')).to.equal(null);
    });

    it("sets health when a count is clicked, as a person's change (filter-change)", async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount();
      const changes: FilterChangeEvent['detail'][] = [];
      el.addEventListener('filter-change', (event) => changes.push(event.detail));
      shadow(el).querySelector<HTMLElement>('[part~="summary-item"][data-health="attention"]')!.click();
      await el.updateComplete;
      expect(el.getAttribute('health')).to.equal('attention');
      expect(rowIds(el)).to.deep.equal(['a2', 'a3', 'a4']);
      expect(changes).to.deep.equal([{ status: '', search: '', health: 'attention', sort: '', since: '' }]);
    });

    it('totals the cost of the rows shown, and says "at least" when some are unknown', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount();
      expect(text(part(el, 'summary')!.querySelector('.total'))).to.equal('Total at least $3.85, 1 unknown');
      el.health = 'blocking';
      await el.updateComplete;
      expect(text(part(el, 'summary')!.querySelector('.total'))).to.equal('Total $2.25');
    });
  });

  describe('export', () => {
    it('exports the whole view in view order, not only the window', async () => {
      const many = sessions(300, (i) => ({ costUsd: String(i) }));
      fake = installFakeFetch(() => page(many));
      const el = await mount({ style: 'height: 300px', attrs: { sort: 'cost', status: 'completed' } });
      const lines = el.toCsv().split('\r\n');
      expect(lines).to.have.length(302);
      expect(lines[1]!.split(',')[0]).to.equal(many[299]!.id);
      expect(lines[300]!.split(',')[0]).to.equal(many[0]!.id);
      expect(parts(el, 'row').length).to.be.below(300);
    });

    it('downloads the same text with a byte order mark, named for the project and the date', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount({ project: 'web' });
      const clicked = sinon.stub(HTMLAnchorElement.prototype, 'click');
      const made = sinon.spy(URL, 'createObjectURL');
      try {
        part(el, 'export')!.click();
        // The file is made by a chunk of its own (csv-download.ts), fetched at the first click.
        await waitUntil(() => clicked.called, 'the download link was never clicked');
        const link = clicked.firstCall.thisValue as HTMLAnchorElement;
        expect(link.download).to.equal(`rensei-sessions-web-${new Date().toISOString().slice(0, 10)}.csv`);
        const blob = made.firstCall.args[0] as Blob;
        const bytes = new Uint8Array(await blob.arrayBuffer());
        expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
        expect(new TextDecoder().decode(bytes.slice(3))).to.equal(el.toCsv());
      } finally {
        clicked.restore();
        made.restore();
      }
    });
  });

  describe('words', () => {
    it('takes every new word from the strings property, German with a de-DE locale', async () => {
      fake = installFakeFetch(() => page(fleet()));
      const el = await mount({ attrs: { locale: 'de-DE', since: 'gestern' } });
      el.strings = {
        sinceFilterLabel: 'Gestartet',
        sinceName: (since) =>
          ({ '': 'Beliebig', '1h': 'Letzte Stunde', '24h': 'Letzte 24 Stunden', '7d': 'Letzte 7 Tage' })[since] ??
          since,
        badSince: (since) => `„${since}“ ist kein Zeitraum.`,
        rangePartial: (loaded) => `Nur teilweise geladen (${loaded}).`,
        summaryBlocking: (count) => `${count} blockiert`,
        summaryAttention: (count) => `${count} brauchen Aufmerksamkeit`,
        summaryCost: (cost) => `Gesamt ${cost}`,
        summaryCostAtLeast: (cost, unknown) => `Gesamt mindestens ${cost}, ${unknown} unbekannt`,
        exportCsv: 'CSV exportieren',
      };
      await el.updateComplete;
      expect(text(part(el, 'summary'))).to.equal(
        '2 blockiert 3 brauchen Aufmerksamkeit Gesamt mindestens 3,85 $, 1 unbekannt',
      );
      expect(text(part(el, 'export'))).to.equal('CSV exportieren');
      expect([...part<HTMLSelectElement>(el, 'since-filter')!.options].map((o) => text(o))).to.deep.equal([
        'Beliebig',
        'Letzte Stunde',
        'Letzte 24 Stunden',
        'Letzte 7 Tage',
        'gestern',
      ]);
      expect(text(shadow(el).querySelector('[data-kind="since"]'))).to.equal('„gestern“ ist kein Zeitraum.');
    });
  });

  describe('URL state', () => {
    it('round-trips sort and since through the query string with sync-url', async () => {
      const clean = location.href;
      history.replaceState(null, '', '?rensei-sort=-duration&rensei-since=24h&rensei-health=blocking');
      try {
        fake = installFakeFetch(() => page(fleet().map((s) => ({ ...s, startedAt: ago(60_000) }))));
        const el = await mount({ attrs: { 'sync-url': '' } });
        expect([el.sort, el.since, el.health]).to.deep.equal(['-duration', '24h', 'blocking']);
        shadow(el).querySelector<HTMLElement>('[part~="sort-button"][data-sort="cost"]')!.click();
        el.since = '7d';
        await el.updateComplete;
        const params = new URL(location.href).searchParams;
        expect([params.get('rensei-sort'), params.get('rensei-since'), params.get('rensei-health')]).to.deep.equal([
          'cost',
          '7d',
          'blocking',
        ]);
      } finally {
        history.replaceState(null, '', clean);
      }
    });
  });
});
