/**
 * Holds the focused row where the reader sees it when the order changes under them (a refresh
 * re-sorts a sorted view), the way "N new sessions" holds new rows: the list scrolls by as many
 * rows as the focused one moved.
 */
import type { WindowController } from '../../controllers/window.js';

interface View {
  readonly version: number;
  readonly rows: readonly { readonly id: string }[];
}

export class PlaceHolder {
  #version = -1;
  #index = -1;
  #id = '';

  constructor(readonly window: WindowController) {}

  /** Before each render of the rows: `hold` when the order may move under a reader (sorted, focus inside). */
  hold(view: View, focusedId: string, hold: boolean): void {
    if (view.version === this.#version && focusedId === this.#id) return;
    const was = view.version !== this.#version && focusedId === this.#id ? this.#index : -1;
    this.#version = view.version;
    this.#id = focusedId;
    this.#index = focusedId ? view.rows.findIndex((row) => row.id === focusedId) : -1;
    if (!hold || was < 0 || this.#index < 0 || this.#index === was) return;
    const by = (this.#index - was) * this.window.rowHeight;
    const scroller = this.window.ownScroller();
    if (scroller) scroller.scrollTop += by;
    else window.scrollBy(0, by);
  }
}
