/**
 * Filters, the sort and the range in the page's query string (`sync-url`), so a view can be shared as a link.
 * Each widget's parameters carry its own prefix, so two widgets on one page don't collide.
 */
import type { SessionFilters } from './filter.js';

export const FILTER_KEYS = ['status', 'search', 'health', 'sort', 'since'] as const;

/** What the URL carries: the filters, and the sort and range. */
export type UrlState = SessionFilters & { sort: string; since: string };

/** The filters a URL names; absent parameters are left out (they keep the element's own). */
export function readFiltersFromUrl(href: string, prefix: string): Partial<UrlState> {
  const params = new URL(href).searchParams;
  const filters: Partial<UrlState> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(prefix + key);
    if (value !== null) filters[key] = value;
  }
  return filters;
}

/** `href` with the filters written in (an empty filter removes its parameter); the rest kept. */
export function withFiltersInUrl(href: string, filters: UrlState, prefix: string): string {
  const url = new URL(href);
  for (const key of FILTER_KEYS) {
    if (filters[key]) url.searchParams.set(prefix + key, filters[key]);
    else url.searchParams.delete(prefix + key);
  }
  return url.href;
}
