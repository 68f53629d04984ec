import { expect, fixture, html as fixtureHtml, nextFrame } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { computeWindow, OVERSCAN_ROWS, WindowController } from '../../src/controllers/window.js';

describe('window: computeWindow', () => {
  it('is empty with no rows', () => {
    expect(computeWindow(0, 36, 0, 0, 800)).to.deep.equal({ start: 0, end: 0 });
  });

  it('covers the visible band plus the overscan below, from the top', () => {
    // Rows 0..22 meet [0, 800] (800 / 36 = 22.2), then 10 more.
    expect(computeWindow(10_000, 36, 0, 0, 800)).to.deep.equal({ start: 0, end: 23 + OVERSCAN_ROWS });
  });

  it('follows a scrolled body, with overscan on both sides', () => {
    // The body's top is 3,600 px above the clip: row 100 is at the top.
    expect(computeWindow(10_000, 36, -3600, 0, 360)).to.deep.equal({ start: 90, end: 120 });
  });

  it('clamps to the rows there are', () => {
    expect(computeWindow(5, 36, 0, 0, 800)).to.deep.equal({ start: 0, end: 5 });
    expect(computeWindow(100, 36, -36 * 200, 0, 800)).to.deep.equal({ start: 100, end: 100 });
  });

  it('shows nothing of a body entirely below the clip, but the overscan', () => {
    expect(computeWindow(1000, 36, 5000, 0, 800)).to.deep.equal({ start: 0, end: 0 });
    // Rows start 100 px below the clip: none visible, the overscan reaches 8 rows down (-2 + 10).
    expect(computeWindow(1000, 36, 900, 0, 800)).to.deep.equal({ start: 0, end: 8 });
  });

  it('stays bounded whatever N is', () => {
    const { start, end } = computeWindow(100_000, 36, -36 * 50_000, 0, 800);
    expect(end - start).to.be.at.most(23 + 2 * OVERSCAN_ROWS + 1);
    expect(start).to.equal(50_000 - OVERSCAN_ROWS);
  });

  it('treats a zero row height as 1 px instead of dividing by zero', () => {
    const { start, end } = computeWindow(50, 0, 0, 0, 10);
    expect([start, end]).to.deep.equal([0, 20]);
  });
});

interface Item {
  id: number;
}

/** A minimal host: a self-scrolling box of fixed-height rows, windowed by the controller. */
class WindowedList extends LitElement {
  static override properties = { items: { attribute: false } };
  declare items: Item[];

  readonly rowWindow = new WindowController(this, {
    scroller: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    top: () => this.renderRoot.querySelector<HTMLElement>('.scroller'),
    body: () => this.renderRoot.querySelector<HTMLElement>('.rows'),
    sampleRow: () => this.renderRoot.querySelector<HTMLElement>('.row'),
  });

  constructor() {
    super();
    this.items = [];
  }

  renders = 0;

  protected override render() {
    this.renders++;
    const { start, end } = this.rowWindow.rangeFor(this.items.length);
    return html`<div class="scroller" style="height: 200px; overflow: auto">
      <div class="rows">
        ${repeat(
          this.items.slice(start, end),
          (item) => item.id,
          (item) => html`<div class="row" style="height: 20px" data-id=${item.id}>${item.id}</div>`,
        )}
      </div>
    </div>`;
  }
}
customElements.define('test-windowed-list', WindowedList);

async function settle(element: WindowedList): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await nextFrame();
    await element.updateComplete;
  }
}

const shownIds = (element: WindowedList) =>
  [...element.renderRoot.querySelectorAll<HTMLElement>('.row')].map((row) => Number(row.dataset.id));

describe('window: WindowController on an element that scrolls itself', () => {
  let element: WindowedList;

  beforeEach(async () => {
    element = await fixture<WindowedList>(fixtureHtml`<test-windowed-list></test-windowed-list>`);
    element.items = Array.from({ length: 10_000 }, (_, id) => ({ id }));
    await settle(element);
  });

  it('measures the row height from a rendered row and renders only the window', () => {
    expect(element.rowWindow.rowHeight).to.equal(20);
    const ids = shownIds(element);
    expect(ids[0]).to.equal(0);
    // 200 px / 20 px = 10 visible rows, plus the overscan below.
    expect(ids.length).to.equal(10 + OVERSCAN_ROWS);
  });

  it('re-windows when its own scroller scrolls (its scroll events stay inside the shadow root)', async () => {
    const scroller = element.renderRoot.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = 20 * 5000;
    await settle(element);
    const ids = shownIds(element);
    expect(ids).to.include(5000);
    expect(ids[0]).to.equal(5000 - OVERSCAN_ROWS);
    scroller.scrollTop = 0;
    await settle(element);
    expect(shownIds(element)[0]).to.equal(0);
  });

  it("clips by its own scroller's box before the scroller overflows, so the first window is exact", async () => {
    element.items = [{ id: 0 }];
    await settle(element);
    const renders = element.renders;
    element.items = Array.from({ length: 10_000 }, (_, id) => ({ id }));
    await settle(element);
    // One render, already the 200 px band's 10 rows plus the overscan (not the viewport's ~30).
    expect(element.renders).to.equal(renders + 1);
    expect(shownIds(element).length).to.equal(10 + OVERSCAN_ROWS);
  });

  it('keeps its rows through a scroll that stays within half the overscan, and re-windows past it', async () => {
    const scroller = element.renderRoot.querySelector<HTMLElement>('.scroller')!;
    const before = shownIds(element);
    const renders = element.renders;
    // 4 rows down: the rendered rows still cover the visible band with 5 (half the overscan) to spare.
    scroller.scrollTop = 20 * 4;
    await settle(element);
    expect(element.renders).to.equal(renders);
    expect(shownIds(element)).to.deep.equal(before);
    // 6 rows down: fewer than 5 to spare below, so the window moves (and centres on the band again).
    scroller.scrollTop = 20 * 6;
    await settle(element);
    expect(element.renders).to.be.greaterThan(renders);
    const ids = shownIds(element);
    expect(ids[0]).to.equal(0);
    expect(ids.at(-1)).to.equal(6 + 10 + OVERSCAN_ROWS - 1);
  });
});
