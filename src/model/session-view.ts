/**
 * The view of the loaded rows the element shows: which rows pass the range and the filters, in
 * what order, the health counts, the status options and the total cost. The element asks; this
 * answers from a cache kept on a version of its own, so one filtering pass is made per change of
 * rows or query however often the element renders, and the element holds no caches.
 *
 * The pipeline: the sort (sorted-rows.ts: kept across keystrokes, moved by what changed), then one
 * pass for the range, status and search, the counts, then health. The sort and what a range means
 * come in lazy chunks: until the host hands them over (`extend`), the view keeps the API's order
 * and no range.
 */
import {
  filterRows,
  statusOptions,
  withSelectedStatus,
  type FilteredRows,
  type SessionFilters,
  type StatusOption,
} from './filter.js';
import type { Cut } from './range.js';
import type { SessionRow } from './session-row.js';

/** What the view is asked for: the filters, the sort and the range. */
export interface ViewQuery extends SessionFilters {
  sort?: string;
  since?: string;
}

/** Where the rows come from: the feed's rows and the version it bumps on every change of them. */
export interface ViewSource {
  readonly rows: readonly SessionRow[];
  readonly version: number;
}

/** What the chunks bring: the sort (SortedRows), and what a `since` means (range.ts). */
export interface ViewParts {
  sorter: { update(source: ViewSource, sort: string, now: number): readonly SessionRow[] };
  range: { cutOf(since: string, now: number): Cut; isRelative(since: string): boolean };
}

/** What the view's pass found: its rows, counts and total, and what became of `since`. */
export interface ViewCounts extends FilteredRows {
  /** The query's `since` is not a range (it is ignored). */
  badSince: boolean;
  /** When the oldest row in a relative range ages out (clock ms), or null: the clock must tick till then. */
  ageOutAt: number | null;
}

export class SessionView {
  #version = 0;
  #rowsVersion = -1;
  #key = '';
  #status = '';
  #counts: ViewCounts = {
    rows: [],
    totalCostUsd: 0,
    unknownCosts: 0,
    blocking: 0,
    attention: 0,
    oldestStartMs: null,
    badSince: false,
    ageOutAt: null,
  };
  #statusOptions: StatusOption[] = [];
  readonly #parts: Partial<ViewParts> = {};

  /** A chunk has arrived: the next update applies what it brought. */
  extend(parts: Partial<ViewParts>): void {
    Object.assign(this.#parts, parts);
    this.#rowsVersion = -1;
  }

  /** Brings the view up to `source` and `query` at `now`; a no-op when none of them changed. */
  update(source: ViewSource, query: ViewQuery, now = Date.now()): this {
    const { status, sort = '', since = '' } = query;
    const key = `${status}\u0000${query.search}\u0000${query.health}\u0000${sort}\u0000${since}`;
    const { sorter, range } = this.#parts;
    const cut = range?.cutOf(since, now) ?? null;
    const { ageOutAt } = this.#counts;
    // A relative range moves with the clock: its oldest row leaving is a change too.
    const aged = ageOutAt !== null && (cut as number) > ageOutAt;
    if (source.version === this.#rowsVersion && key === this.#key && !aged) return this;
    if (source.version !== this.#rowsVersion) this.#statusOptions = statusOptions(source.rows);
    this.#rowsVersion = source.version;
    this.#key = key;
    this.#status = status;
    const bad = cut === 'bad';
    const result = filterRows(sorter?.update(source, sort, now) ?? source.rows, query, bad ? null : cut);
    this.#counts = { ...result, badSince: bad, ageOutAt: range?.isRelative(since) ? result.oldestStartMs : null };
    this.#version++;
    return this;
  }

  /** Bumped whenever what the view answers changes. */
  get version(): number {
    return this.#version;
  }

  /** The rows that pass the query, in the order shown. */
  get rows(): readonly SessionRow[] {
    return this.#counts.rows;
  }

  /** The rows, the health counts (every filter but health), the total of the known costs, the range. */
  get counts(): Readonly<ViewCounts> {
    return this.#counts;
  }

  /** The statuses and their counts over every loaded row, plus the selected one when no row has it. */
  get statusOptions(): StatusOption[] {
    return withSelectedStatus(this.#statusOptions, this.#status);
  }
}
