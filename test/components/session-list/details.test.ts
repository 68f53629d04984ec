import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { installFakeFetch, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, parts, rowIds, shadow, text } from '../../helpers/element.js';
import { settleElement } from '../../helpers/tasks.js';
import type { FilterChangeEvent } from '../../../src/events.js';

describe('<rensei-session-list> details people expect', () => {
  let fake: FakeFetch;
  const cleanUrl = location.pathname + location.search;
  /** The test page's URL with these query parameters added. */
  const withParams = (params: Record<string, string>) => {
    const url = new URL(cleanUrl, location.href);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.pathname + url.search;
  };
  afterEach(() => {
    fake.restore();
    history.replaceState(history.state, '', cleanUrl);
  });

  describe('detail links', () => {
    it('makes each identifier a real link from the detail-url template, with the id encoded', async () => {
      fake = installFakeFetch(() => page([rawSession({ id: 'a1b2c3d4e5f6a7b8', issueIdentifier: 'ENG-124' })]));
      const el = await mount({ attrs: { 'detail-url': 'https://app.rensei.ai/acme/web/sessions/{id}' } });
      const link = part<HTMLAnchorElement>(el, 'identifier')!;
      expect(link.tagName).to.equal('A');
      expect(link.href).to.equal('https://app.rensei.ai/acme/web/sessions/a1b2c3d4e5f6a7b8');
      expect(text(link)).to.equal('ENG-124');
    });

    it('never makes a non-http(s) link, and encodes hostile ids', async () => {
      fake = installFakeFetch(() => page([rawSession({ id: '../x?y#z' })]));
      const el = await mount({ attrs: { 'detail-url': 'javascript:alert("{id}")' } });
      expect(part(el, 'identifier')!.tagName).to.equal('SPAN');
      el.detailUrl = '/sessions/{id}';
      await el.updateComplete;
      expect(part<HTMLAnchorElement>(el, 'identifier')!.getAttribute('href')).to.contain('/sessions/..%2Fx%3Fy%23z');
    });

    it('on a plain click, fires session-select first, then follows the link', async () => {
      const row = rawSession();
      fake = installFakeFetch(() => page([row]));
      const el = await mount({ attrs: { 'detail-url': '#session-{id}' } });
      const order: string[] = [];
      el.addEventListener('session-select', () => order.push(`select while hash=${location.hash}`));
      part(el, 'identifier')!.click();
      expect(order).to.deep.equal(['select while hash=']);
      expect(location.hash).to.equal(`#session-${row.id}`);
      expect(el.selected).to.equal(row.id);
    });

    it('follows nothing when a listener cancels session-select', async () => {
      fake = installFakeFetch(() => page([rawSession()]));
      const el = await mount({ attrs: { 'detail-url': '#session-{id}' } });
      el.addEventListener('session-select', (event) => event.preventDefault());
      part(el, 'identifier')!.click();
      parts(el, 'row')[0]!.click();
      expect(location.hash).to.equal('');
    });

    it('leaves a modified click on the link to the browser (new tab) and activates nothing', async () => {
      fake = installFakeFetch(() => page([rawSession()]));
      const el = await mount({ attrs: { 'detail-url': 'https://app.rensei.ai/sessions/{id}' } });
      let selected = 0;
      el.addEventListener('session-select', () => selected++);
      for (const modifier of ['ctrlKey', 'metaKey', 'shiftKey']) {
        const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, [modifier]: true });
        // Stop the real navigation, after the widget has had its say.
        el.addEventListener('click', (event) => event.preventDefault(), { once: true });
        const seen = new Promise<boolean>((resolve) =>
          el.addEventListener('click', (event) => resolve(event.defaultPrevented), { once: true, capture: true }),
        );
        part(el, 'identifier')!.dispatchEvent(click);
        expect(await seen).to.equal(false);
      }
      expect(selected).to.equal(0);
    });

    it('follows the link on Enter on the row', async () => {
      const row = rawSession();
      fake = installFakeFetch(() => page([row]));
      const el = await mount({ attrs: { 'detail-url': '#enter-{id}' } });
      parts(el, 'row')[0]!.focus();
      await sendKeys({ press: 'Enter' });
      expect(location.hash).to.equal(`#enter-${row.id}`);
    });
  });

  describe('shareable filters', () => {
    it('reads the filters from the query string on load, under its prefix', async () => {
      history.replaceState(
        history.state,
        '',
        withParams({ 'rensei-status': 'failed', 'rensei-search': 'ops', other: '1' }),
      );
      fake = installFakeFetch(() => page([]));
      const el = await mount({ attrs: { 'sync-url': '' } });
      expect(el.status).to.equal('failed');
      expect(el.search).to.equal('ops');
      expect(el.health).to.equal('');
    });

    it('mirrors changes into the query string with replaceState, keeping history.state and other params', async () => {
      history.replaceState({ router: 'keep me' }, '', withParams({ other: '1' }));
      const length = history.length;
      fake = installFakeFetch(() => page(sessions(2)));
      const el = await mount({ attrs: { 'sync-url': '', 'url-param-prefix': 'left-' } });
      const select = part<HTMLSelectElement>(el, 'health-filter')!;
      select.value = 'blocking';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const params = new URLSearchParams(location.search);
      expect(params.get('left-health')).to.equal('blocking');
      expect(params.get('other')).to.equal('1');
      expect(history.state).to.deep.equal({ router: 'keep me' });
      expect(history.length).to.equal(length);
      part<HTMLSelectElement>(el, 'health-filter')!.value = '';
      part(el, 'health-filter')!.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(new URLSearchParams(location.search).has('left-health')).to.equal(false);
    });

    it('keeps two widgets with different prefixes apart', async () => {
      fake = installFakeFetch(() => page(sessions(1)));
      const a = await mount({ attrs: { 'sync-url': '', 'url-param-prefix': 'a-' } });
      const b = await mount({ attrs: { 'sync-url': '', 'url-param-prefix': 'b-' } });
      a.status = 'working';
      b.status = 'failed';
      await Promise.all([a.updateComplete, b.updateComplete]);
      const params = new URLSearchParams(location.search);
      expect([params.get('a-status'), params.get('b-status')]).to.deep.equal(['working', 'failed']);
    });

    it('does not touch the URL without sync-url', async () => {
      fake = installFakeFetch(() => page(sessions(1)));
      const el = await mount();
      el.status = 'working';
      await el.updateComplete;
      expect(location.search).to.equal(new URL(cleanUrl, location.href).search);
    });

    it('fires filter-change with the new filters for every change a person makes, not for host changes', async () => {
      fake = installFakeFetch(() => page(sessions(3)));
      const el = await mount();
      const seen: FilterChangeEvent['detail'][] = [];
      el.addEventListener('filter-change', (event) => seen.push(event.detail));
      el.status = 'failed'; // the host: no event
      await el.updateComplete;
      const input = part<HTMLInputElement>(el, 'search')!;
      input.value = 'ENG';
      input.dispatchEvent(new Event('input'));
      const select = part<HTMLSelectElement>(el, 'status-filter')!;
      select.value = 'working';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(seen).to.deep.equal([
        { status: 'failed', search: 'ENG', health: '', sort: '', since: '' },
        { status: 'working', search: 'ENG', health: '', sort: '', since: '' },
      ]);
      // Nothing is working, so the empty state offers to clear the filters: that is a person's change too.
      const event = oneEvent(el, 'filter-change') as Promise<FilterChangeEvent>;
      part(el, 'clear-filters')!.click();
      expect((await event).detail).to.deep.equal({ status: '', search: '', health: '', sort: '', since: '' });
    });
  });

  describe('locale and time', () => {
    const started = () => new Date(Date.now() - 3 * 60_000 - 5_000).toISOString();

    it('formats cost and start time for en-US', async () => {
      fake = installFakeFetch(() =>
        page([rawSession({ id: 'eeeeeeeeeeeeeeee', costUsd: '1234.5', startedAt: started() })]),
      );
      const el = await mount({ attrs: { locale: 'en-US' } });
      const row = parts(el, 'row')[0]!;
      expect(text(row.querySelector('.c-cost'))).to.equal('$1,234.50');
      expect(text(part(el, 'started'))).to.equal('3 min. ago');
    });

    it('formats cost, numbers and start time for de-DE', async () => {
      fake = installFakeFetch(() =>
        page([rawSession({ id: 'dddddddddddddddd', costUsd: '1234.5', startedAt: started() })]),
      );
      const el = await mount({ attrs: { locale: 'de-DE' } });
      const row = parts(el, 'row')[0]!;
      expect(text(row.querySelector('.c-cost'))).to.equal('1.234,50 $');
      expect(text(part(el, 'started'))).to.equal('vor 3 Min.');
      expect(row.querySelector('.c-started')!.getAttribute('title')).to.match(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    });

    it("defaults to the nearest lang, the document's", async () => {
      document.documentElement.lang = 'de-DE';
      try {
        fake = installFakeFetch(() => page([rawSession({ costUsd: '0.5' })]));
        const el = await mount();
        expect(text(parts(el, 'row')[0]!.querySelector('.c-cost'))).to.equal('0,50 $');
      } finally {
        document.documentElement.lang = 'en';
      }
    });
  });

  describe('locale that Intl refuses', () => {
    afterEach(() => (document.documentElement.lang = 'en'));

    it('forgives en_US, and skips a tag Intl refuses for the next one (lang, then the browser)', async () => {
      fake = installFakeFetch(() => page([rawSession({ costUsd: '1234.5' })]));
      const cost = (el: Element) => text(parts(el, 'row')[0]!.querySelector('.c-cost'));
      expect(cost(await mount({ attrs: { locale: 'de_DE' } }))).to.equal('1.234,50 $');
      document.documentElement.lang = 'de-DE';
      expect(cost(await mount({ attrs: { locale: '12' } }))).to.equal('1.234,50 $');
      document.documentElement.lang = '12';
      const browsers = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' }).format(1234.5);
      expect(cost(await mount())).to.equal(browsers);
    });
  });

  describe('copy id', () => {
    let writes: string[];
    let original: PropertyDescriptor | undefined;
    let fail = false;
    beforeEach(() => {
      writes = [];
      fail = false;
      original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: {
          writeText: async (value: string) => (fail ? Promise.reject(new Error('denied')) : writes.push(value)),
        },
      });
    });
    afterEach(() => {
      if (original) Object.defineProperty(navigator, 'clipboard', original);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    });

    it('copies the public id with a visible confirmation, without selecting the row', async () => {
      const row = rawSession();
      fake = installFakeFetch(() => page([row]));
      const el = await mount();
      let selected = 0;
      el.addEventListener('session-select', () => selected++);
      part(el, 'copy')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(writes).to.deep.equal([row.id]);
      expect(text(part(el, 'copy'))).to.equal('Copied');
      expect(getComputedStyle(part(el, 'copy')!).visibility).to.equal('visible');
      expect(selected).to.equal(0);
    });

    it('says so when the clipboard refuses', async () => {
      fail = true;
      fake = installFakeFetch(() => page([rawSession()]));
      const el = await mount();
      part(el, 'copy')!.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      await el.updateComplete;
      expect(text(part(el, 'copy'))).to.equal("Couldn't copy");
    });

    it('copies the focused row with Ctrl+C, and shows the button on focus', async () => {
      const rows = sessions(2);
      fake = installFakeFetch(() => page(rows));
      const el = await mount();
      const second = parts(el, 'row')[1]!;
      second.focus();
      await el.updateComplete;
      expect(getComputedStyle(second.querySelector('[part~="copy"]')!).visibility).to.equal('visible');
      // Only the rows a person is on hold the button: the first row no longer has the Tab stop.
      expect(parts(el, 'row')[0]!.querySelector('[part~="copy"]')).to.equal(null);
      await sendKeys({ down: 'Control' });
      await sendKeys({ press: 'KeyC' });
      await sendKeys({ up: 'Control' });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(writes).to.deep.equal([rows[1]!.id]);
    });
  });

  describe('embedding', () => {
    it("keeps what it clips inside its own box: rows scrolled out of view don't lengthen the page", async () => {
      fake = installFakeFetch(() => page(sessions(200)));
      const el = await mount({ style: 'height: 300px' });
      part(el, 'scroller')!.scrollTop = 36 * 100;
      await settleElement(el);
      const page_ = document.scrollingElement!;
      const bottom = el.getBoundingClientRect().bottom + scrollY;
      expect(page_.scrollHeight).to.be.at.most(Math.max(innerHeight, Math.ceil(bottom) + 40));
    });
  });

  describe('narrow embeds', () => {
    it('keeps every row one height, whether it holds the copy button and tooltip or not', async () => {
      fake = installFakeFetch(() => page(sessions(5)));
      for (const width of [900, 320]) {
        const el = await mount({ style: `width: ${width}px` });
        const rows = parts(el, 'row');
        // Row 0 holds the Tab stop, so it has the copy button; row 1 has none.
        expect(rows[0]!.querySelector('[part~="copy"]')).to.not.equal(null);
        expect(rows[1]!.querySelector('[part~="copy"]')).to.equal(null);
        const heights = rows.map((row) => row.getBoundingClientRect().height);
        expect(new Set(heights).size, `rows at ${width}px: ${heights.join(', ')}`).to.equal(1);
      }
    });

    it('turns rows into two-line cards when its own width no longer fits the columns, usable at 320px', async () => {
      fake = installFakeFetch(() => page(sessions(5)));
      const wide = await mount({ style: 'width: 900px' });
      const narrow = await mount({ style: 'width: 320px' });
      const wideRow = parts(wide, 'row')[0]!.getBoundingClientRect();
      const narrowRow = parts(narrow, 'row')[0]!;
      expect(narrowRow.getBoundingClientRect().height).to.be.greaterThan(wideRow.height * 1.4);
      const cells = [...narrowRow.querySelectorAll<HTMLElement>('[role="gridcell"]')];
      const top = (cell: HTMLElement) => {
        const box = cell.getBoundingClientRect();
        return Math.round(box.top + box.height / 2);
      };
      // Health, identifier and status on the first line; the rest on the second.
      expect(new Set(cells.slice(0, 3).map(top)).size).to.equal(1);
      expect(new Set(cells.slice(3).map(top)).size).to.equal(1);
      expect(top(cells[3]!)).to.be.greaterThan(top(cells[0]!));
      const scroller = part(narrow, 'scroller')!;
      expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth + 1);
      expect(part(narrow, 'header')!.getBoundingClientRect().width).to.be.at.most(1);
    });

    it('never cuts a column off: the table fits its width, or it turns into cards', async () => {
      // The widest values of the numbers, the start and the status: "$1,234.56", "23h 59m",
      // "42 min. ago", "Completed".
      const startedAt = new Date(Date.now() - 42 * 60_000).toISOString();
      const widest = { costUsd: '1234.56', durationMs: (23 * 60 + 59) * 60_000, startedAt };
      fake = installFakeFetch(() => page(sessions(12, () => widest)));
      // From 320px at the default font size; a larger font needs a little more room for cards.
      // 717px and 819px are just wide enough for the table at 14px and 16px (51em, 2px and one). (The
      // 2em the breakpoint keeps for a classic scrollbar is not tested: headless Chromium's
      // scrollbars take no room.)
      for (const [fontSize, least] of [
        ['14px', 320],
        ['16px', 400],
      ] as const) {
        for (const width of [320, 400, 480, 540, 580, 620, 660, 700, 717, 760, 819, 900].filter((w) => w >= least)) {
          const el = await mount({ style: `width: ${width}px; height: 240px; --rensei-font-size: ${fontSize}` });
          const scroller = part(el, 'scroller')!;
          const right = scroller.getBoundingClientRect().right;
          const at = `${width}px at ${fontSize}`;
          expect(scroller.scrollWidth, at).to.be.at.most(scroller.clientWidth + 1);
          for (const cell of parts(el, 'row')[0]!.querySelectorAll<HTMLElement>('[role="gridcell"]')) {
            expect(cell.getBoundingClientRect().right, `${at}: ${cell.className}`).to.be.at.most(right + 0.5);
            // Numbers, the start and the status are never cut short (words like a work type may be).
            if (/c-(status|started|duration|cost)/.test(cell.className)) {
              // (+1: the start's 1px visually-hidden text sits after it, out of flow.)
              expect(cell.scrollWidth, `${at}: ${cell.className} "${cell.textContent}"`).to.be.at.most(
                cell.clientWidth + 1,
              );
            }
          }
          // As a table, each column's header stands over its cells.
          if (part(el, 'header')!.getBoundingClientRect().width > 1) {
            const lefts = (row: Element, role: string) =>
              [...row.querySelectorAll(`[role="${role}"]`)].map((cell) =>
                Math.round(cell.getBoundingClientRect().left),
              );
            expect(lefts(part(el, 'header')!, 'columnheader'), at).to.deep.equal(
              lefts(parts(el, 'row')[0]!, 'gridcell'),
            );
          }
          el.parentElement!.remove();
        }
      }
    });
  });

  describe('themes and motion', () => {
    afterEach(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

    const background = (el: Element) => getComputedStyle(el).backgroundColor;

    it('follows prefers-color-scheme, and theme forces one', async () => {
      fake = installFakeFetch(() => page(sessions(1)));
      const el = await mount();
      expect(background(el)).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'dark' });
      expect(background(el)).to.equal('rgb(13, 17, 23)');
      el.theme = 'light';
      await el.updateComplete;
      expect(background(el)).to.equal('rgb(255, 255, 255)');
      await emulateMedia({ colorScheme: 'light' });
      el.theme = 'dark';
      await el.updateComplete;
      expect(background(el)).to.equal('rgb(13, 17, 23)');
    });

    it('stops every animation under prefers-reduced-motion', async () => {
      fake = installFakeFetch(() => page([rawSession({ status: 'working', completedAt: null })]));
      const el = await mount();
      const badge = part(el, 'status-badge')!;
      expect(getComputedStyle(badge, '::before').animationName).to.equal('pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(badge, '::before').animationName).to.equal('none');
    });
  });

  describe('words and slots the host can change', () => {
    it('uses the strings property for any word', async () => {
      fake = installFakeFetch(() => page([]));
      const el = await mount();
      el.strings = { emptyProject: 'Noch keine Sitzungen.', columnCost: 'Kosten' };
      await el.updateComplete;
      expect(text(part(el, 'empty'))).to.equal('Noch keine Sitzungen.');
    });

    it('takes host content for the empty state through the "empty" slot', async () => {
      fake = installFakeFetch(() => page([]));
      const el = await mount();
      const custom = document.createElement('p');
      custom.slot = 'empty';
      custom.textContent = 'Nothing dispatched yet: assign an issue to an agent.';
      el.append(custom);
      const slot = shadow(el).querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(slot.assignedElements()).to.deep.equal([custom]);
      expect(part(el, 'empty')!.contains(slot)).to.equal(true);
    });

    it('takes extra help for the error state through the "error" slot', async () => {
      fake = installFakeFetch(() => new Response('nope', { status: 500 }));
      const el = await mount();
      const help = document.createElement('a');
      help.slot = 'error';
      help.href = 'https://status.example';
      el.append(help);
      const slot = shadow(el).querySelector<HTMLSlotElement>('[part~="error"] slot[name="error"]')!;
      expect(slot.assignedElements()).to.deep.equal([help]);
      expect(rowIds(el)).to.deep.equal([]);
    });
  });
});
