/**
 * Filters in the page's query string (`sync-url`), so a filtered view can be shared as a link.
 * Each widget's parameters carry its own prefix, so two widgets on one page don't collide.
 */
import type { SessionFilters } from './filter.js';

const FILTER_KEYS = ['status', 'search', 'health'] as const;

/** The filters a URL names; absent parameters are left out (they keep the element's own). */
export function readFiltersFromUrl(href: string, prefix: string): Partial<SessionFilters> {
  const params = new URL(href).searchParams;
  const filters: Partial<SessionFilters> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(prefix + key);
    if (value !== null) filters[key] = value;
  }
  return filters;
}

/** `href` with the filters written in (an empty filter removes its parameter); the rest kept. */
export function withFiltersInUrl(href: string, filters: SessionFilters, prefix: string): string {
  const url = new URL(href);
  for (const key of FILTER_KEYS) {
    if (filters[key]) url.searchParams.set(prefix + key, filters[key]);
    else url.searchParams.delete(prefix + key);
  }
  return url.href;
}
