/**
 * The grid's arithmetic, pure: which row a key moves to, which row an event began on, and which
 * control inside a row it began on. The keyboard controller acts on the answers.
 */
import { CONTROL } from './grid-controls.js';

/** The row index `key` moves to from `at`, clamped to [0, last]; null when `key` does not move. */
export function nextIndex(key: string, at: number, last: number, pageSize: number): number | null {
  const moves: Record<string, number> = {
    ArrowUp: at - 1,
    ArrowDown: at + 1,
    Home: 0,
    End: last,
    PageUp: at - pageSize,
    PageDown: at + pageSize,
  };
  // Own keys only: `key` is any string a keyboard sends, "toString" included.
  return Object.hasOwn(moves, key) ? Math.min(last, Math.max(0, moves[key]!)) : null;
}

/** Rows a Page key moves: the rows that fit the viewport, less one kept for context. */
export function pageSize(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / Math.max(1, rowHeight)) - 1);
}

/** The session row `event` began in, up to `root` (the shadow root), or null. */
export function rowOf(event: Event, root: Node): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node === root) break;
    if (node instanceof HTMLElement && node.matches('[part~="row"]')) return node;
  }
  return null;
}

/**
 * The control inside `row` the event began on (it keeps its own behaviour), if any. A row holds
 * only what RowView builds: the detail link, the copy button and, with actions, a checkbox and a
 * stop button.
 */
export function innerControl(event: Event, row: HTMLElement): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node === row) return null;
    if (node instanceof HTMLElement && node.matches(CONTROL)) return node;
  }
  return null;
}
