/**
 * Windowed rendering through the element, at the sizes the issue names: the DOM holds the rows
 * in or near the viewport whatever N is, whether the page scrolls or the element does, and the
 * keyboard model, focus, the selected row and the tooltip work across the window.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { installFakeFetch, page, sessions, type FakeFetch, type RawSession } from '../../helpers/fake-fetch.js';
import { mount, part, parts, shadow } from '../../helpers/element.js';
import { settleElement } from '../../helpers/tasks.js';
import { OVERSCAN_ROWS } from '../../../src/controllers/window.js';
import type { RenseiSessionList } from '../../../src/index.js';

const N = 100_000;

function rowIndexes(el: RenseiSessionList): number[] {
  return parts(el, 'row').map((row) => Number(row.getAttribute('aria-rowindex')) - 2);
}

function focusedRowId(el: RenseiSessionList): string | undefined {
  return (shadow(el).activeElement as HTMLElement | null)?.dataset.sessionId;
}

/** After a scroll: its event comes with the next frame, the re-window with the one after. */
async function settleScroll(el: RenseiSessionList): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise(requestAnimationFrame);
    await settleElement(el);
  }
}

/** Rows that fit `height` px, plus the overscan on both sides and the hysteresis slack. */
function bound(height: number, rowHeight: number): number {
  return Math.ceil(height / rowHeight) + 3 * OVERSCAN_ROWS;
}

describe('<rensei-session-list> windowing', function () {
  this.timeout(60_000);
  let fake: FakeFetch;
  let rows: RawSession[];
  before(() => {
    rows = sessions(N, (i) => ({ issueIdentifier: `ENG-${i}` }));
  });
  afterEach(() => fake.restore());

  it('with a height of its own: a bounded window of N = 100,000, following its own scroller', async () => {
    fake = installFakeFetch(() => page(rows));
    const el = await mount({ style: 'height: 400px' });
    await settleElement(el);
    expect(part(el, 'grid')!.getAttribute('aria-rowcount')).to.equal(String(N + 1));
    const rowHeight = parts(el, 'row')[0]!.getBoundingClientRect().height;
    expect(parts(el, 'row').length).to.be.within(400 / rowHeight, bound(400, rowHeight));
    expect(rowIndexes(el)[0]).to.equal(0);

    const scroller = part(el, 'scroller')!;
    scroller.scrollTop = scroller.scrollHeight / 2;
    await settleScroll(el);
    const middle = rowIndexes(el);
    expect(middle.length).to.be.at.most(bound(400, rowHeight));
    // The rows shown are the ones at that scroll position, in order, with no gap.
    const visibleTop = Math.floor((scroller.scrollTop - part(el, 'header')!.offsetHeight) / rowHeight);
    expect(middle[0]).to.be.at.most(visibleTop);
    expect(middle.at(-1)).to.be.at.least(visibleTop + Math.floor(400 / rowHeight) - 2);
    expect(middle).to.deep.equal(middle.map((_, i) => middle[0]! + i));
    const first = parts(el, 'row')[0]!;
    expect(first.dataset.sessionId).to.equal(rows[middle[0]!]!.id);

    scroller.scrollTop = scroller.scrollHeight;
    await settleScroll(el);
    expect(rowIndexes(el).at(-1)).to.equal(N - 1);
  });

  it('growing with its content: the page scrolls, and the window follows the page', async () => {
    fake = installFakeFetch(() => page(rows.slice(0, 20_000)));
    const el = await mount();
    await settleElement(el);
    const rowHeight = parts(el, 'row')[0]!.getBoundingClientRect().height;
    expect(parts(el, 'row').length).to.be.at.most(bound(innerHeight, rowHeight));
    // The element is as tall as all its rows: the spacers stand in for the ones not rendered.
    expect(el.getBoundingClientRect().height).to.be.at.least(20_000 * rowHeight);

    const top = el.getBoundingClientRect().top + scrollY;
    scrollTo(0, top + 10_000 * rowHeight);
    await settleScroll(el);
    try {
      const shown = rowIndexes(el);
      expect(shown.length).to.be.at.most(bound(innerHeight, rowHeight));
      expect(shown[0]).to.be.within(10_000 - 2 * OVERSCAN_ROWS, 10_000);
      // Every row in the window is where its index says: the spacer above is exact.
      const row = parts(el, 'row')[0]!;
      const expectedTop = part(el, 'header')!.getBoundingClientRect().bottom + shown[0]! * rowHeight;
      expect(Math.abs(row.getBoundingClientRect().top - expectedTop)).to.be.below(2);
    } finally {
      scrollTo(0, 0);
    }
  });

  it('keeps the keyboard model, focus and the tooltip across the window (End, Home, PageDown)', async () => {
    fake = installFakeFetch(() => page(rows));
    const el = await mount({ style: 'height: 480px' });
    await settleElement(el);
    parts(el, 'row')[0]!.focus();
    await sendKeys({ press: 'End' });
    await settleElement(el);
    expect(focusedRowId(el)).to.equal(rows[N - 1]!.id);
    const last = shadow(el).activeElement as HTMLElement;
    const box = last.getBoundingClientRect();
    const clip = part(el, 'scroller')!.getBoundingClientRect();
    expect(box.top).to.be.at.least(clip.top - 1);
    expect(box.bottom).to.be.at.most(clip.bottom + 1);
    expect(last.tabIndex).to.equal(0);
    expect(last.querySelector('[part~="tooltip"]'), 'the focused row holds its tooltip').to.not.equal(null);
    expect(parts(el, 'row').length).to.be.at.most(bound(400, box.height));

    await sendKeys({ press: 'Home' });
    await settleElement(el);
    expect(focusedRowId(el)).to.equal(rows[0]!.id);
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ press: 'PageDown' });
    await settleElement(el);
    const at = rows.findIndex((row) => row.id === focusedRowId(el));
    expect(at).to.be.greaterThan(10);
    expect(parts(el, 'row').filter((row) => row.tabIndex === 0)).to.have.length(1);
  });

  it('marks the selected row when it scrolls into the window, wherever it is', async () => {
    fake = installFakeFetch(() => page(rows));
    const el = await mount({ style: 'height: 400px' });
    await settleElement(el);
    el.selected = rows[50_000]!.id;
    await settleElement(el);
    expect(parts(el, 'row').some((row) => row.getAttribute('aria-selected') === 'true')).to.equal(false);
    const scroller = part(el, 'scroller')!;
    const rowHeight = parts(el, 'row')[0]!.getBoundingClientRect().height;
    scroller.scrollTop = 50_000 * rowHeight;
    await settleScroll(el);
    const marked = parts(el, 'row').filter((row) => row.getAttribute('aria-selected') === 'true');
    expect(marked.map((row) => row.dataset.sessionId)).to.deep.equal([rows[50_000]!.id]);
  });

  it('measures the row height from a rendered row: a taller row height keeps the window exact', async () => {
    fake = installFakeFetch(() => page(rows.slice(0, 5_000)));
    const el = await mount({ style: 'height: 400px; --rensei-row-height: 60px' });
    await settleElement(el);
    const height = parts(el, 'row')[0]!.getBoundingClientRect().height;
    expect(height).to.be.at.least(60);
    const scroller = part(el, 'scroller')!;
    scroller.scrollTop = 2_000 * height;
    await settleScroll(el);
    const shown = rowIndexes(el);
    expect(shown[0]).to.be.within(2_000 - 2 * OVERSCAN_ROWS, 2_000);
    expect(shown.at(-1)).to.be.at.least(2_000 + Math.floor(400 / height) - 2);
  });
});
