/** Client-side filters over the loaded rows: one pass per change, never per row render. */
import { matchesHealthFilter } from './health.js';
import type { SessionRow } from './session-row.js';

export const KNOWN_STATUSES = ['queued', 'working', 'completed', 'failed', 'stopped'] as const;

export interface SessionFilters {
  /** A status word, known or not; `""` = all. */
  status: string;
  /** Identifier (or session id) prefix, case-insensitive; `""` = all. */
  search: string;
  /** `""` = all, `attention` = yellow and red, `blocking` = red. */
  health: string;
}

export const NO_FILTERS: SessionFilters = { status: '', search: '', health: '' };

export interface FilteredRows {
  rows: SessionRow[];
  /** Sum of the known costs of `rows`, in USD. */
  totalCostUsd: number;
}

export function hasActiveFilters(filters: SessionFilters): boolean {
  return filters.status !== '' || filters.search.trim() !== '' || filters.health !== '';
}

export function filterRows(rows: readonly SessionRow[], filters: SessionFilters): FilteredRows {
  const prefix = filters.search.trim().toLowerCase();
  const kept: SessionRow[] = [];
  let totalCostUsd = 0;
  for (const row of rows) {
    if (filters.status && row.session.status !== filters.status) continue;
    if (prefix && !row.searchKeys.some((key) => key.startsWith(prefix))) continue;
    if (!matchesHealthFilter(row.health.colour, filters.health)) continue;
    kept.push(row);
    totalCostUsd += row.costUsd ?? 0;
  }
  return { rows: kept, totalCostUsd };
}

export interface StatusOption {
  status: string;
  count: number;
}

/** The five known statuses, then every other status present, in first-seen order, with counts. */
export function statusOptions(rows: readonly SessionRow[], selected = ''): StatusOption[] {
  const counts = new Map<string, number>(KNOWN_STATUSES.map((status) => [status, 0]));
  for (const row of rows) counts.set(row.session.status, (counts.get(row.session.status) ?? 0) + 1);
  // A status chosen by the host that no row has yet must still be selectable in the <select>.
  if (selected && !counts.has(selected)) counts.set(selected, 0);
  return [...counts].map(([status, count]) => ({ status, count }));
}
