/** The events the element fires, typed, and added to `HTMLElementEventMap`. */
import type { ApiErrorKind } from './api/client.js';
import type { Session } from './api/schema.js';
import type { FeedRequestKind } from './controllers/session-feed.js';

export interface SessionSelectDetail {
  session: Session;
}

/** A row was activated (click, Enter, Space). Cancel it to keep the widget's default from happening. */
export class SessionSelectEvent extends CustomEvent<SessionSelectDetail> {
  constructor(session: Session) {
    super('session-select', { detail: { session }, bubbles: true, composed: true, cancelable: true });
  }
}

export interface SessionsLoadDetail {
  /** `refresh` covers the first load too. */
  kind: FeedRequestKind;
  /** Ids of rows that appeared on screen. */
  added: string[];
  /** Ids of rows that were already loaded and were updated in place. */
  updated: string[];
  /** Ids of new rows held back behind the "new sessions" control. */
  held: string[];
  /** How many sessions are loaded now. */
  total: number;
  /** Whether a next page exists. */
  hasMore: boolean;
  /** Rows in this answer that failed validation and are not shown. */
  rejected: number;
}

/** After each page or refresh is merged. */
export class SessionsLoadEvent extends CustomEvent<SessionsLoadDetail> {
  constructor(detail: SessionsLoadDetail) {
    super('sessions-load', { detail, bubbles: true, composed: true });
  }
}

export interface SessionsErrorDetail {
  kind: ApiErrorKind;
  /** The HTTP status, or null when there was no answer. */
  status: number | null;
  /** The message shown to the person; never contains the key. */
  message: string;
  /** What was being fetched. */
  request: FeedRequestKind;
  /** Milliseconds until the widget tries again by itself, or null. */
  retryInMs: number | null;
}

/** A request failed. The rows on screen, if any, stay. */
export class SessionsErrorEvent extends CustomEvent<SessionsErrorDetail> {
  constructor(detail: SessionsErrorDetail) {
    super('sessions-error', { detail, bubbles: true, composed: true });
  }
}

export interface FilterChangeDetail {
  status: string;
  search: string;
  health: string;
}

/** A person changed the filters (select, search box, "clear filters"); host-set filters fire nothing. */
export class FilterChangeEvent extends CustomEvent<FilterChangeDetail> {
  constructor(detail: FilterChangeDetail) {
    super('filter-change', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'session-select': SessionSelectEvent;
    'sessions-load': SessionsLoadEvent;
    'sessions-error': SessionsErrorEvent;
    'filter-change': FilterChangeEvent;
  }
}
