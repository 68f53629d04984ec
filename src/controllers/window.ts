/**
 * Windowed rendering: with N rows, only those in or near the viewport are in the DOM.
 *
 * One path for every size: a list that fits simply shows every row. It works whether the page
 * (or an ancestor) scrolls, or the element has a height and scrolls itself: the visible band is
 * the viewport clipped by the element's own scroller. Rows have one height per layout, measured
 * from a rendered row, so zoom, density, long strings and the card layout stay exact.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RowWindow {
  /** First rendered index (inclusive). */
  start: number;
  /** Last rendered index (exclusive). */
  end: number;
}

/** Rows rendered beyond each edge of the visible band, so a fast scroll rarely shows a gap. */
export const OVERSCAN_ROWS = 10;
const ESTIMATED_ROW_HEIGHT = 36;

/**
 * The rows to render: those whose band [bodyTop + i·h, bodyTop + (i+1)·h) meets
 * [clipTop, clipBottom], widened by `overscan` on each side. All positions in viewport pixels.
 */
export function computeWindow(
  total: number,
  rowHeight: number,
  bodyTop: number,
  clipTop: number,
  clipBottom: number,
  overscan = OVERSCAN_ROWS,
): RowWindow {
  if (total <= 0) return { start: 0, end: 0 };
  const height = Math.max(1, rowHeight);
  const first = Math.floor((clipTop - bodyTop) / height);
  const last = Math.ceil((clipBottom - bodyTop) / height);
  const start = Math.min(total, Math.max(0, first - overscan));
  const end = Math.max(start, Math.min(total, Math.max(0, last + overscan)));
  return { start, end };
}

export interface WindowTargets {
  /** The element's own scroller (it scrolls only when the host gives the element a height). */
  scroller(): HTMLElement | null;
  /** The list's top edge (the grid, header included): "away from the top" is measured from it. */
  top(): HTMLElement | null;
  /** The element the rows are laid out in; its top is row 0's top. */
  body(): HTMLElement | null;
  /** One rendered row, to measure. */
  sampleRow(): HTMLElement | null;
}

/** Row 0's top, and the visible band's top and bottom, in viewport pixels. */
type Band = [bodyTop: number, clipTop: number, clipBottom: number];

/** The scroller has more content than it shows (a pixel of rounding is not overflow). */
const overflows = (scroller: HTMLElement): boolean => scroller.scrollHeight > scroller.clientHeight + 1;

export class WindowController implements ReactiveController {
  rowHeight = ESTIMATED_ROW_HEIGHT;
  #window: RowWindow = { start: 0, end: 0 };
  #rendered: RowWindow = { start: 0, end: 0 };
  #total = 0;
  #frame = 0;
  /** Scroll, resize and the element's own size changes all re-window the same way. */
  readonly #onScroll = (): void => {
    if (this.#frame) return;
    // At most one re-window per frame, however many scroll events arrive.
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#refresh()) this.#host.requestUpdate();
    });
  };

  /** Made on connect, not in the constructor: a server (SSR) has no ResizeObserver. */
  #resize: ResizeObserver | undefined;
  #scroller: HTMLElement | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #targets: WindowTargets;
  readonly #overscan: number;

  constructor(host: ReactiveControllerHost & HTMLElement, targets: WindowTargets, overscan = OVERSCAN_ROWS) {
    this.#host = host;
    this.#targets = targets;
    this.#overscan = overscan;
    host.addController(this);
  }

  hostConnected(): void {
    // Capture: scroll events don't bubble, and any ancestor may be the one scrolling.
    window.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    window.addEventListener('resize', this.#onScroll, { passive: true });
    this.#resize = new ResizeObserver(this.#onScroll);
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onScroll, { capture: true });
    window.removeEventListener('resize', this.#onScroll);
    this.#watchScroller(null);
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** The window for `total` rows, for this render. */
  rangeFor(total: number): RowWindow {
    if (total !== this.#total) {
      this.#total = total;
      // Before the grid exists, as if it began at the viewport's top.
      this.#window = this.#compute(this.#band() ?? [0, 0, window.innerHeight], this.#overscan);
    }
    const { start, end } = this.#window;
    this.#rendered = { start: Math.min(start, total), end: Math.min(end, total) };
    return this.#rendered;
  }

  /** Called after each render: size the spacers, re-measure, and re-render if the window moved. */
  hostUpdated(): void {
    this.#watchScroller(this.#targets.scroller());
    const body = this.#targets.body();
    if (body) {
      // Padding stands in for the rows outside the window. Set through CSSOM: no inline style
      // attribute, which a strict CSP would refuse.
      body.style.paddingTop = `${this.#rendered.start * this.rowHeight}px`;
      body.style.paddingBottom = `${(this.#total - this.#rendered.end) * this.rowHeight}px`;
    }
    const sample = this.#targets.sampleRow();
    const measured = sample?.getBoundingClientRect().height ?? 0;
    const heightChanged = measured > 0 && Math.abs(measured - this.rowHeight) > 0.5;
    if (heightChanged) this.rowHeight = measured;
    if (this.#refresh(heightChanged) || heightChanged) this.#host.requestUpdate();
  }

  /** Scrolls just enough to bring row `index` into view (the row may not be rendered yet). */
  scrollToIndex(index: number): void {
    const body = this.#targets.body();
    if (!body) return;
    const top = body.getBoundingClientRect().top + index * this.rowHeight;
    const bottom = top + this.rowHeight;
    const [clipTop, clipBottom] = this.#clip();
    const scroller = this.ownScroller();
    const delta = top < clipTop ? top - clipTop : bottom > clipBottom ? bottom - clipBottom : 0;
    if (delta === 0) return;
    if (scroller) scroller.scrollTop += delta;
    else window.scrollBy(0, delta);
    this.#refresh();
  }

  /** The element's own scroller when it scrolls (the host gave it a height), else null: the page scrolls. */
  ownScroller(): HTMLElement | null {
    const scroller = this.#targets.scroller();
    return scroller && overflows(scroller) ? scroller : null;
  }

  /** The reader has scrolled the list's top out of view (its own scroller, or the page). */
  isAwayFromTop(): boolean {
    const scroller = this.ownScroller();
    if (scroller) return scroller.scrollTop > 4;
    const top = this.#targets.top();
    return top ? top.getBoundingClientRect().top < -4 : false;
  }

  /** Brings the list's top into view. */
  scrollToTop(): void {
    const scroller = this.ownScroller();
    if (scroller) scroller.scrollTop = 0;
    else this.#targets.top()?.scrollIntoView({ block: 'start' });
  }

  /** The height rows are seen through: the element's own scroller, else the viewport. */
  viewportHeight(): number {
    return this.ownScroller()?.clientHeight || window.innerHeight;
  }

  /**
   * The element's own scroller, in its shadow root: its scroll events are not composed, so the
   * window's capture listener never sees them. Listened to directly.
   */
  #watchScroller(scroller: HTMLElement | null): void {
    if (scroller === this.#scroller) return;
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#scroller = scroller;
    scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
  }

  /**
   * Recomputes the window; true when it changed. Unless `exact`, the rows in the DOM stay while
   * they cover the visible band with half the overscan to spare and hold at most one overscan
   * more than needed: a small scroll, or a first window estimated a little long, costs no render.
   */
  #refresh(exact = false): boolean {
    const band = this.#band();
    if (!band) return false;
    const next = this.#compute(band, this.#overscan);
    const { start, end } = this.#window;
    if (!exact) {
      const spare = this.#compute(band, this.#overscan >> 1);
      if (start <= spare.start && end >= spare.end && end - start <= next.end - next.start + this.#overscan)
        return false;
    }
    if (next.start === start && next.end === end) return false;
    this.#window = next;
    return true;
  }

  #compute(band: Band, overscan: number): RowWindow {
    return computeWindow(this.#total, this.rowHeight, ...band, overscan);
  }

  /**
   * The visible band, `[top, bottom]`: the viewport, clipped by the element's scroller when its
   * height is its own (it overflows, or its content ends above its bottom: the host gave it a
   * height). A scroller as tall as its content may still grow (while the first page loads), so it
   * doesn't clip.
   */
  #clip(): [clipTop: number, clipBottom: number] {
    let clipTop = 0;
    let clipBottom = window.innerHeight;
    const scroller = this.#targets.scroller();
    if (scroller) {
      const box = scroller.getBoundingClientRect();
      const contentBottom = scroller.lastElementChild?.getBoundingClientRect().bottom ?? box.bottom;
      if (overflows(scroller) || contentBottom < box.bottom - 1) {
        clipTop = Math.max(clipTop, box.top);
        clipBottom = Math.min(clipBottom, box.bottom);
      }
    }
    return [clipTop, clipBottom];
  }

  /** Where the rows' body and the visible band are, in viewport pixels; null before the grid exists. */
  #band(): Band | null {
    const body = this.#targets.body();
    return body && [body.getBoundingClientRect().top, ...this.#clip()];
  }
}
