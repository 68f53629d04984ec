/**
 * The view of the loaded rows the element shows: which rows pass the range and the filters, in
 * what order, the health counts, the status options and the total cost. The element asks; this
 * answers from a cache kept on a version of its own, so one filtering pass is made per change of
 * rows or query however often the element renders, and the element holds no caches.
 *
 * The pipeline: the sort (sorted-rows.ts: kept across keystrokes, moved by what changed), then one
 * pass for the range, status and search, the counts, then health.
 */
import { filterRows, statusOptions, withSelectedStatus, type SessionFilters, type StatusOption } from './filter.js';
import { cutOf, isRelative } from './range.js';
import type { SessionRow } from './session-row.js';
import { SortedRows } from './sorted-rows.js';

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

export class SessionView {
  #version = 0;
  #rowsVersion = -1;
  #key = '';
  #query: ViewQuery = { status: '', search: '', health: '' };
  #rows: SessionRow[] = [];
  #totalCostUsd = 0;
  #unknownCosts = 0;
  #blocking = 0;
  #attention = 0;
  #badSince = false;
  #ageOutAt: number | null = null;
  #statusOptions: StatusOption[] = [];
  readonly #sorted = new SortedRows();

  /** Brings the view up to `source` and `query` at `now`; a no-op when none of them changed. */
  update(source: ViewSource, query: ViewQuery, now = Date.now()): this {
    const since = query.since ?? '';
    const key = `${query.status}\u0000${query.search}\u0000${query.health}\u0000${query.sort ?? ''}\u0000${since}`;
    // A relative range moves with the clock: its oldest row leaving is a change too.
    const aged = this.#ageOutAt !== null && (cutOf(since, now) as number) > this.#ageOutAt;
    if (source.version === this.#rowsVersion && key === this.#key && !aged) return this;
    if (source.version !== this.#rowsVersion) {
      this.#statusOptions = statusOptions(source.rows);
    }
    this.#rowsVersion = source.version;
    this.#key = key;
    this.#query = { ...query };
    const cut = cutOf(since, now);
    this.#badSince = cut === 'bad';
    const result = filterRows(this.#sorted.update(source, query.sort ?? '', now), query, cut === 'bad' ? null : cut);
    this.#rows = result.rows;
    this.#totalCostUsd = result.totalCostUsd;
    this.#unknownCosts = result.unknownCosts;
    this.#blocking = result.blocking;
    this.#attention = result.attention;
    this.#ageOutAt = isRelative(since) ? result.oldestStartMs : null;
    this.#version++;
    return this;
  }

  /** Bumped whenever what the view answers changes. */
  get version(): number {
    return this.#version;
  }

  /** The rows that pass the query, in the order shown. */
  get rows(): readonly SessionRow[] {
    return this.#rows;
  }

  /** Sum of the known costs of `rows`, in USD. */
  get totalCostUsd(): number {
    return this.#totalCostUsd;
  }

  /** Rows of `rows` whose cost is unknown, left out of the total rather than counted as $0. */
  get unknownCosts(): number {
    return this.#unknownCosts;
  }

  /** Red rows among those that pass every filter but health. */
  get blocking(): number {
    return this.#blocking;
  }

  /** Red and yellow rows among those that pass every filter but health. */
  get attention(): number {
    return this.#attention;
  }

  /** The query's `since` is not a range (it is ignored). */
  get badSince(): boolean {
    return this.#badSince;
  }

  /** When the oldest row in a relative range ages out (clock ms), or null: the clock must tick till then. */
  get ageOutAt(): number | null {
    return this.#ageOutAt;
  }

  /** The statuses and their counts over every loaded row, plus the selected one when no row has it. */
  get statusOptions(): StatusOption[] {
    return withSelectedStatus(this.#statusOptions, this.#query.status);
  }
}
