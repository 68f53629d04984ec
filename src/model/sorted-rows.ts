/**
 * Every loaded row in `sort` order, kept across filter changes and moved, not re-sorted, when a
 * refresh changes a few rows.
 *
 * The store keeps its rows in place: a refresh puts new rows on top and replaces a changed row's
 * object where it stands, a page appends. So the new rows are lined up against the last ones by
 * position, object by object (no lookups): the k changed or new rows are sorted among themselves
 * (O(k log k)) and merged into the rows that stayed in one linear pass, no O(N log N) sort. Ties
 * keep the API's order through `pos`, which rows keep: new rows on top take places above the first,
 * a page's rows below the last. Anything else (the rows were replaced) sorts them all again.
 */
import type { SessionRow } from './session-row.js';
import { orderOf, parseSort, sortEntries, type Sorted } from './sort-order.js';

type Entry = Sorted & { gone?: boolean };

export class SortedRows {
  #sort = '';
  #sorted: Entry[] = [];
  /** The entries in the source's order, parallel to `#source`. */
  #entries: Entry[] = [];
  #source: readonly SessionRow[] = [];
  #version = -1;
  #rows: readonly SessionRow[] = [];

  /** The rows of `source` in `sort` order (the API's order for `""`), at `now` for durations. */
  update(
    source: { readonly rows: readonly SessionRow[]; readonly version: number },
    sort: string,
    now: number,
  ): readonly SessionRow[] {
    const parsed = parseSort(sort);
    const rows = source.rows;
    if (!parsed) {
      this.#sort = '';
      this.#entries = this.#sorted = [];
      return rows;
    }
    // The store may append to the same array: its version says when.
    if (sort === this.#sort && rows === this.#source && source.version === this.#version) return this.#rows;
    const order = orderOf(parsed);
    const { value, compare } = order;
    const make = (row: SessionRow, pos: number): Entry => ({ row, value: value(row, now), pos });
    if (sort !== this.#sort || !this.#move(rows, make, compare)) {
      this.#entries = rows.map(make);
      this.#sorted = sortEntries(this.#entries, order);
      this.#rows = this.#sorted.map((entry) => entry.row);
    }
    this.#sort = sort;
    this.#source = rows;
    this.#version = source.version;
    return this.#rows;
  }

  /** Moves what changed since the last update into place; false when the rows can't be lined up. */
  #move(
    rows: readonly SessionRow[],
    make: (row: SessionRow, pos: number) => Entry,
    compare: (a: Sorted, b: Sorted) => number,
  ): boolean {
    const old = this.#entries;
    // New rows on top: those above the first row lined up last time (found by id: it may be updated).
    const id = old[0]?.row.id;
    let top = 0;
    while (top < rows.length && rows[top]!.id !== id) top++;
    if (!old.length || rows.length < top + old.length) return false;
    const fresh: Entry[] = [];
    const entries: Entry[] = new Array<Entry>(rows.length);
    const first = old[0]!.pos;
    for (let i = 0; i < top; i++) fresh.push((entries[i] = make(rows[i]!, first - top + i)));
    for (let i = 0; i < old.length; i++) {
      const row = rows[top + i]!;
      const was = old[i]!;
      if (row === was.row) entries[top + i] = was;
      else if (row.id === was.row.id) {
        was.gone = true;
        fresh.push((entries[top + i] = make(row, was.pos)));
      } else return false;
    }
    const last = old[old.length - 1]!.pos;
    for (let i = top + old.length; i < rows.length; i++)
      fresh.push((entries[i] = make(rows[i]!, last + 1 + i - top - old.length)));
    this.#entries = entries;
    if (fresh.length === 0) return true;
    fresh.sort(compare);
    const sorted: Entry[] = [];
    const out: SessionRow[] = [];
    let f = 0;
    for (const entry of this.#sorted) {
      if (entry.gone) continue;
      while (f < fresh.length && compare(fresh[f]!, entry) < 0) out.push((sorted[sorted.length] = fresh[f++]!).row);
      out.push((sorted[sorted.length] = entry).row);
    }
    while (f < fresh.length) out.push((sorted[sorted.length] = fresh[f++]!).row);
    this.#sorted = sorted;
    this.#rows = out;
    return true;
  }
}
