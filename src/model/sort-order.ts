/**
 * The `sort` attribute and the order it makes, pure: its keys, what a value means, the header's
 * `aria-sort`; each key's value for a row, scaled so that ascending is the key's natural direction,
 * and a stable comparison in which missing values come last both ways and ties keep the API's order
 * (`pos`). Part of the sort chunk (sort-engine.ts).
 */
import { KNOWN_STATUSES } from './filter.js';
import { durationAt, type SessionRow } from './session-row.js';

export const SORT_KEYS = ['health', 'identifier', 'status', 'started', 'duration', 'cost'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Sort {
  key: SortKey;
  /** `-key`: against the key's natural direction. */
  reversed: boolean;
}

/** `"-cost"` → `{ key: 'cost', reversed: true }`; `""` or an unknown key → null (the API's order). */
export function parseSort(value: string): Sort | null {
  const reversed = value.startsWith('-');
  const key = (reversed ? value.slice(1) : value) as SortKey;
  return SORT_KEYS.includes(key) ? { key, reversed } : null;
}

/** Keys whose natural direction runs high to low (health by severity): `aria-sort` says descending. */
const DESCENDING = new Set<string>(['health', 'started', 'duration', 'cost']);

/** The `aria-sort` of `key`'s column under `sort`, or undefined when the view is not sorted by it. */
export function ariaSort(sort: Sort | null, key: string): 'ascending' | 'descending' | undefined {
  if (sort?.key !== key) return undefined;
  return DESCENDING.has(key) !== sort.reversed ? 'descending' : 'ascending';
}

const HEALTH_RANK: Record<string, number> = { red: 0, yellow: 1, unknown: 2, green: 3 };

/**
 * Text that compares with `<` in natural order: lower-cased, each run of digits led by its length
 * (`eng-9` before `eng-10`), leading zeros dropped.
 */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => {
    const significant = digits.replace(/^0+(?=\d)/, '');
    return String.fromCharCode(0x30 + significant.length) + significant;
  });
}

export type SortValue = number | string | null;

/** `row`'s value for `key`, ascending in the key's natural direction; null when the row lacks it. */
export function sortValue(row: SessionRow, key: SortKey, now: number): SortValue {
  const { session } = row;
  switch (key) {
    case 'health':
      return HEALTH_RANK[row.health.colour]!;
    case 'identifier':
      return session.issueIdentifier ? naturalKey(session.issueIdentifier) : null;
    case 'status': {
      const known = (KNOWN_STATUSES as readonly string[]).indexOf(session.status);
      return known >= 0 ? String.fromCharCode(known) : `\u0005${session.status}`;
    }
    case 'started':
      return negated(row.startedMs);
    case 'duration':
      return negated(durationAt(row, now, true));
    case 'cost':
      return negated(row.costUsd);
  }
}

const negated = (value: number | null): number | null => (value === null ? null : -value);

/** A row in sorted order: its value for the sort, and its place in the API's order (for ties). */
export interface Sorted {
  readonly row: SessionRow;
  readonly value: SortValue;
  readonly pos: number;
}

/** The comparison for `reversed` (or not): missing values last both ways, ties by `pos`. */
export function comparer(reversed: boolean): (a: Sorted, b: Sorted) => number {
  const direction = reversed ? -1 : 1;
  return (a, b) => {
    const x = a.value;
    const y = b.value;
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * direction;
    }
    return a.pos - b.pos;
  };
}
