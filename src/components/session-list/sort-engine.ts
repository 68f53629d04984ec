/**
 * The sort chunk (`rensei-session-list.sort-engine.js`), fetched by triage.ts once `sort` is set:
 * what a `sort` value means (sort-order.ts), the sorted view a refresh moves rather than re-sorts
 * (sorted-rows.ts), the header's `aria-sort`, and the focused row held in place when the order
 * moves under it. A page that never sorts never fetches it.
 */
import type { WindowController } from '../../controllers/window.js';
import type { SessionView } from '../../model/session-view.js';
import { ariaSort, parseSort } from '../../model/sort-order.js';
import { SortedRows } from '../../model/sorted-rows.js';
import { PlaceHolder } from './place-holder.js';

export class SortEngine {
  readonly #place: PlaceHolder;

  constructor(
    readonly host: HTMLElement & { sort: string },
    view: SessionView,
    window: WindowController,
  ) {
    view.extend({ sorter: new SortedRows() });
    this.#place = new PlaceHolder(window);
  }

  /** `key`'s column's `aria-sort`: the direction of the order shown, or none. */
  ariaSort(key: string): 'ascending' | 'descending' | undefined {
    return ariaSort(parseSort(this.host.sort), key);
  }

  /** Before the rows render: while sorted with focus on a row, the focused row stays where it was seen. */
  hold(view: SessionView, focusedId: string): void {
    const focused = !!this.host.shadowRoot?.activeElement?.matches('[part~="row"]');
    this.#place.hold(view, focusedId, !!this.host.sort && focused);
  }
}
