/**
 * The rows' DOM: which rows of the view are in the window, what each shows, and writing them into
 * the grid's row group by id after each render, before the window controller measures them.
 *
 * It owns the window controller and registers itself first, so on every update the rows are
 * written (this `hostUpdated`) before they are measured (the window's `hostUpdated`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { WindowController } from '../../controllers/window.js';
import type { SessionRow } from '../../model/session-row.js';
import type { RowContent } from './row-content.js';
import { RowView } from './row-view.js';

export class RowsController implements ReactiveController {
  /** Scroll geometry and the window over the rows. */
  readonly window: WindowController;
  #contents: RowContent[] = [];
  #views = new Map<string, RowView>();
  #shown: readonly SessionRow[] = [];
  readonly #root: () => ParentNode;

  constructor(host: ReactiveControllerHost & HTMLElement, root: () => ParentNode) {
    this.#root = root;
    host.addController(this);
    const find = (selector: string) => root().querySelector<HTMLElement>(selector);
    this.window = new WindowController(host, {
      scroller: () => find('.scroller'),
      top: () => find('[part~="grid"]'),
      body: () => find('.rows'),
      sampleRow: () => find('[part~="row"]'),
    });
  }

  /** The rows in the DOM at the last render (the window over the view). */
  get shown(): readonly SessionRow[] {
    return this.#shown;
  }

  /**
   * Picks the window of `rows` for this render and what each row in it shows; they are written
   * after the render. The Tab stop is `focusedId` while it is in the window, else the first row.
   */
  show(
    rows: readonly SessionRow[],
    focusedId: string,
    content: (row: SessionRow, index: number, tabStop: boolean) => RowContent,
  ): void {
    const { start, end } = this.window.rangeFor(rows.length);
    const shown = rows.slice(start, end);
    this.#shown = shown;
    const tabStop = shown.some((row) => row.id === focusedId) ? focusedId : shown[0]?.id;
    this.#contents = shown.map((row, i) => content(row, start + i, row.id === tabStop));
  }

  /** The row element of `id`, when it is in the window (found by id, not a selector: an id is any string). */
  element(id: string): HTMLElement | undefined {
    return this.#views.get(id)?.element;
  }

  /**
   * Brings the row group to the contents, keyed by id: rows that stay keep their element (and
   * focus), leaving ones go first, so no row that stays is ever moved past another.
   */
  hostUpdated(): void {
    const body = this.#root().querySelector('.rows');
    const views = new Map<string, RowView>();
    if (body) {
      for (const content of this.#contents) {
        const view = this.#views.get(content.id) ?? new RowView();
        views.set(content.id, view);
        view.update(content);
      }
      for (const [id, view] of this.#views) if (!views.has(id)) view.element.remove();
      let cursor = body.firstElementChild;
      for (const view of views.values()) {
        if (view.element === cursor) cursor = cursor.nextElementSibling;
        else body.insertBefore(view.element, cursor);
      }
    }
    this.#views = views;
  }
}
