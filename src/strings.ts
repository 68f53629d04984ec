/**
 * Every word the widget shows, so a host can replace any of them through the element's `strings`
 * property. Numbers and dates arrive already formatted for the locale. The words of the actions
 * (`actions="stop"`) are stop-strings.ts: they ship in the actions chunk, and the host's `strings`
 * override them in the same way.
 */
import { KNOWN_STATUSES } from './model/filter.js';
import type { HealthColour } from './model/health.js';
import type { StopStrings } from './stop-strings.js';

/** "session" or "sessions", for `count`. */
export const sessions = (count: number): string => (count === 1 ? 'session' : 'sessions');

export const defaultStrings = {
  listLabel: 'Agent sessions',
  statusFilterLabel: 'Status',
  allStatuses: 'All statuses',
  // Only the five the API names: any other word (even "constructor") shows as it came.
  statusName: (status: string): string =>
    (KNOWN_STATUSES as readonly string[]).includes(status) ? status[0]!.toUpperCase() + status.slice(1) : status,
  statusOption: (name: string, count: string): string => `${name} (${count})`,
  searchLabel: 'Search identifiers',
  searchPlaceholder: 'Issue or session id…',
  healthFilterLabel: 'Health',
  healthFilterAll: 'Any health',
  healthFilterAttention: 'Needs attention',
  healthFilterBlocking: 'Blocking',
  columnHealth: 'Health',
  columnIdentifier: 'Issue',
  columnStatus: 'Status',
  columnWorkType: 'Work type',
  columnProvider: 'Provider',
  columnStarted: 'Started',
  columnDuration: 'Duration',
  columnCost: 'Cost',
  /** `signals` are the first few in words; `more` counts the rest. */
  healthName: (colour: HealthColour, signals: string[], more = 0): string => {
    const base = colour === 'unknown' ? 'Health unknown' : `Health ${colour}`;
    const rest = more > 0 ? `, and ${more} more` : '';
    return signals.length > 0 ? `${base}: ${signals.join(', ')}${rest}` : base;
  },
  copyId: 'Copy session id',
  copied: 'Copied',
  copyFailed: "Couldn't copy",
  notLive: 'not live',
  notLiveTitle: (time: string): string =>
    `This row is on a later page that live refresh does not cover; its values are from ${time}.`,
  loading: 'Loading sessions…',
  emptyProject: 'This project has no sessions yet.',
  emptyMore: 'No sessions in the pages loaded so far, and the list goes on.',
  emptyFiltered: (filters: string): string => `No sessions match these filters (${filters}).`,
  emptyLoaded: (count: string): string => `None of the ${count} loaded sessions match these filters.`,
  describeFilters: (parts: { status?: string; search?: string; health?: string }): string =>
    [
      parts.status && `status ${parts.status}`,
      parts.search && `identifier starts with “${parts.search}”`,
      parts.health && `health ${parts.health}`,
    ]
      .filter(Boolean)
      .join(', '),
  clearFilters: 'Clear filters',
  loadMore: 'Load more',
  loadingMore: 'Loading…',
  retry: 'Try again',
  retrying: (seconds: string): string => `Retrying in ${seconds} s.`,
  newSessions: (count: number, formatted: string): string => `${formatted} new ${sessions(count)}`,
  updatedAt: (time: string): string => `Updated ${time}`,
  /** The same, when another tab fetched the answer (the widgets share one feed). */
  updatedInAnotherTab: (time: string): string => `Updated ${time} by another tab`,
  /** The footer's count of the rows shown (their total cost is the summary's). */
  footerCount: (count: number, formatted: string): string => `${formatted} ${sessions(count)}`,
  footerOfLoaded: (loaded: string): string => `of ${loaded} loaded`,
  refreshFailed: (message: string): string => `Couldn't refresh: ${message}`,
  recovered: 'Sessions are up to date again.',
  loadMoreFailed: (message: string): string => `Couldn't load more: ${message}`,
  authStopped: 'Live refresh is paused until the key or project changes, or you try again.',
  unreadableFields: (count: number, formatted: string): string =>
    `${formatted} ${count === 1 ? 'field' : 'fields'} in the last answer could not be read; ${count === 1 ? 'it shows' : 'they show'} as unknown (—).`,
  /** Read after a row by assistive technology when some of its fields could not be read. */
  unreadableRow: (fields: string[]): string => `Could not read: ${fields.join(', ')}.`,
  /** A field of the API's session in words (`costUsd` → "cost"). */
  fieldName: (path: string): string => {
    const field = path.split(/[.[]/)[0]!;
    const words: Record<string, string> = {
      costUsd: 'cost',
      startedAt: 'start time',
      completedAt: 'end time',
      durationMs: 'duration',
      durationSeconds: 'duration',
      issueIdentifier: 'issue',
      workType: 'work type',
      health: 'health',
    };
    return Object.hasOwn(words, field) ? words[field]! : field;
  },
  rejectedRows: (count: number, formatted: string, reason: string): string =>
    `${formatted} ${sessions(count)} in the last answer could not be shown (${reason}).`,
  errorTitle: 'Sessions could not be loaded',
  sinceFilterLabel: 'Started',
  sinceName: (since: string): string =>
    ({ '': 'Any time', '1h': 'Last hour', '24h': 'Last 24 hours', '7d': 'Last 7 days' })[since] ?? since,
  badSince: (since: string): string => `“${since}” is not a time range (try 24h or 2026-06-01): showing all.`,
  rangePartial: (loaded: string): string => `The range is only partly loaded (${loaded} sessions).`,
  summaryBlocking: (count: string): string => `Blocking: ${count}`,
  summaryAttention: (count: string): string => `Needs attention: ${count}`,
  summaryCost: (cost: string): string => `Total ${cost}`,
  summaryCostAtLeast: (cost: string, unknown: string): string => `Total at least ${cost}, ${unknown} unknown`,
  exportCsv: 'Export CSV',
};

/**
 * Every word of the widget, for `strings`. The stop words are optional here because their defaults
 * (stop-strings.ts) arrive with the actions chunk, which merges them under the host's.
 */
export type SessionListStrings = typeof defaultStrings & Partial<StopStrings>;
