/**
 * The view of the loaded rows the element shows: which rows pass the range and the filters, in
 * what order, the health counts, the status options and the total cost. The element asks; this
 * answers from a cache kept on a version of its own, so one filtering pass is made per change of
 * rows or query however often the element renders, and the element holds no caches.
 *
 * The pipeline: the sort (sorted-rows.ts: kept across keystrokes, moved by what changed), then one
 * pass for the range, status and search, the counts, then health. The sort comes in a lazy chunk:
 * until the host hands it over (`sortWith`), the view keeps the API's order.
 */
import {
  filterRows,
  statusOptions,
  withSelectedStatus,
  type FilteredRows,
  type SessionFilters,
  type StatusOption,
} from './filter.js';
import { cutOf, isRelative } from './range.js';
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

/** Puts rows in `sort` order (SortedRows, from the sort chunk). */
export interface Sorter {
  update(source: ViewSource, sort: string, now: number): readonly SessionRow[];
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
  #counts = { rows: [] as SessionRow[], totalCostUsd: 0, ageOutAt: null } as ViewCounts;
  #statusOptions: StatusOption[] = [];
  #sorter?: Sorter;

  /** The sort has arrived: the next update applies it. */
  sortWith(sorter: Sorter): void {
    this.#sorter = sorter;
    this.#rowsVersion = -1;
  }

  /** Brings the view up to `source` and `query` at `now`; a no-op when none of them changed. */
  update(source: ViewSource, query: ViewQuery, now = Date.now()): this {
    const { status, sort = '', since = '' } = query;
    const key = `${status}\u0000${query.search}\u0000${query.health}\u0000${sort}\u0000${since}`;
    const cut = cutOf(since, now);
    const { ageOutAt } = this.#counts;
    // A relative range moves with the clock: its oldest row leaving is a change too.
    const aged = ageOutAt !== null && (cut as number) > ageOutAt;
    if (source.version === this.#rowsVersion && key === this.#key && !aged) return this;
    if (source.version !== this.#rowsVersion) this.#statusOptions = statusOptions(source.rows);
    this.#rowsVersion = source.version;
    this.#key = key;
    this.#status = status;
    const bad = cut === 'bad';
    const result = filterRows(this.#sorter?.update(source, sort, now) ?? source.rows, query, bad ? null : cut);
    this.#counts = { ...result, badSince: bad, ageOutAt: isRelative(since) ? result.oldestStartMs : null };
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
