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

export interface FilteredRows {
  rows: SessionRow[];
  /** Sum of the known costs of `rows`, in USD. */
  totalCostUsd: number;
  /** Rows of `rows` whose cost is unknown (not counted as zero in the total). */
  unknownCosts: number;
  /** Red rows, and red or yellow ones, among those that pass every filter but health. */
  blocking: number;
  attention: number;
  /** The earliest start among the rows kept by the range (the next to age out), or null. */
  oldestStartMs: number | null;
}

/** A health filter that filters: a host may set any word, and one the widget doesn't know filters nothing. */
export const isHealthFilter = (health: string): boolean => health === 'attention' || health === 'blocking';

export function hasActiveFilters(filters: SessionFilters): boolean {
  return filters.status !== '' || filters.search.trim() !== '' || isHealthFilter(filters.health);
}

/** How a search and an identifier compare: canonical composition (NFC), lower case. */
export const searchKey = (text: string): string => text.normalize('NFC').toLowerCase();

/**
 * `searchKey(text).startsWith(prefix)` (`prefix` already a search key) without a normalized,
 * lower-cased copy of every row's text. Where the compared part of both is ASCII it matches code by
 * code (lower-casing ASCII maps A–Z alone, one to one, and NFC leaves ASCII alone); anywhere else
 * (a non-ASCII character on either side, or a combining mark right after the prefix) case mapping
 * and composition may change the length, so it computes the key after all.
 */
export function startsLowered(text: string, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    let code = text.charCodeAt(i);
    // NaN past the end of `text`: only a non-ASCII character could have made it longer.
    if (!(code < 128) || prefix.charCodeAt(i) >= 128) return searchKey(text).startsWith(prefix);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== prefix.charCodeAt(i)) return false;
  }
  // "e" + U+0301 composes to "é": a prefix "e" must not match it, as it would not match "é".
  return !(text.charCodeAt(prefix.length) >= 128) || searchKey(text).startsWith(prefix);
}

/**
 * The rows that pass `filters` and, when `cut` is a time, the range; and, in the same pass, the
 * health counts (every filter but health applied), the total cost and the next row to age out.
 */
export function filterRows(
  rows: readonly SessionRow[],
  filters: SessionFilters,
  cut: number | null = null,
): FilteredRows {
  const prefix = searchKey(filters.search.trim());
  const { status } = filters;
  const health = isHealthFilter(filters.health) ? filters.health : '';
  const kept: SessionRow[] = [];
  const result: FilteredRows = {
    rows: kept,
    totalCostUsd: 0,
    unknownCosts: 0,
    blocking: 0,
    attention: 0,
    oldestStartMs: null,
  };
  // Over 50,000 rows on every keystroke: plain loops, no closure per row.
  for (const row of rows) {
    if (status && row.session.status !== status) continue;
    if (prefix && !startsLowered(row.session.issueIdentifier ?? '', prefix) && !startsLowered(row.id, prefix)) continue;
    if (cut !== null) {
      const started = row.startedMs;
      if (started !== null) {
        if (started < cut) continue;
        if (result.oldestStartMs === null || started < result.oldestStartMs) result.oldestStartMs = started;
      }
    }
    const { colour } = row.health;
    if (colour === 'red') result.blocking++;
    if (colour === 'red' || colour === 'yellow') result.attention++;
    if (health && !matchesHealthFilter(colour, health)) continue;
    kept.push(row);
    if (row.costUsd === null) result.unknownCosts++;
    else result.totalCostUsd += row.costUsd;
  }
  return result;
}

export interface StatusOption {
  status: string;
  count: number;
}

/** The five known statuses, then every other status present, in first-seen order, with counts. */
export function statusOptions(rows: readonly SessionRow[]): StatusOption[] {
  const counts = new Map<string, number>(KNOWN_STATUSES.map((status) => [status, 0]));
  for (const row of rows) counts.set(row.session.status, (counts.get(row.session.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => ({ status, count }));
}

/**
 * `options` plus `selected` (count 0) when no row has that status yet, so a status chosen by the
 * host stays selectable in the <select>. No pass over the rows: a status change reuses the counts.
 */
export function withSelectedStatus(options: StatusOption[], selected: string): StatusOption[] {
  return !selected || options.some((option) => option.status === selected)
    ? options
    : [...options, { status: selected, count: 0 }];
}
