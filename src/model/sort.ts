/**
 * What a click on a column's sort button makes of `sort`. What a value means and the order it
 * makes (sort-order.ts, sorted-rows.ts) load in the sort chunk, once `sort` is set.
 */

/** A header click: the key, then the key reversed, then the API's order. */
export function nextSort(current: string, key: string): string {
  return current === key ? `-${key}` : current === `-${key}` ? '' : key;
}
