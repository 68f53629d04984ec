/**
 * The `sort` attribute, pure: its keys, what a value means, the header's `aria-sort` and what a
 * click on a header makes of it. The order itself (sort-order.ts, sorted-rows.ts) is a lazy chunk.
 */

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

/** A header click: the key, then the key reversed, then the API's order. */
export function nextSort(current: string, key: string): string {
  return current === key ? `-${key}` : current === `-${key}` ? '' : key;
}
