/**
 * The view of the loaded rows the element shows: which rows pass the filters, in what order, the
 * status options with their counts, and the total cost. The element asks; this answers from a cache
 * kept on a version of its own, so one filtering pass is made per change of rows or query however
 * often the element renders, and the element holds no caches.
 *
 * The pipeline is one place to grow: a range and a sort slot in after the filters.
 */
import { filterRows, statusOptions, withSelectedStatus, type SessionFilters, type StatusOption } from './filter.js';
import type { SessionRow } from './session-row.js';

/** What the view is asked for: the filters (and, later, the sort and range). */
export type ViewQuery = SessionFilters;

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
  #statusOptions: StatusOption[] = [];

  /** Brings the view up to `source` and `query`; a no-op when neither changed. */
  update(source: ViewSource, query: ViewQuery): this {
    const key = `${query.status}\u0000${query.search}\u0000${query.health}`;
    if (source.version === this.#rowsVersion && key === this.#key) return this;
    if (source.version !== this.#rowsVersion) {
      this.#statusOptions = statusOptions(source.rows);
    }
    this.#rowsVersion = source.version;
    this.#key = key;
    this.#query = { ...query };
    const { rows, totalCostUsd } = filterRows(source.rows, query);
    this.#rows = rows;
    this.#totalCostUsd = totalCostUsd;
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

  /** The statuses and their counts over every loaded row, plus the selected one when no row has it. */
  get statusOptions(): StatusOption[] {
    return withSelectedStatus(this.#statusOptions, this.#query.status);
  }
}
