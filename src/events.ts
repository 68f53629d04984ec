/**
 * The events the element fires, typed, each with its name on the class (`static eventName`), and
 * added to `HTMLElementEventMap` and `GlobalEventHandlersEventMap` (listeners on `document` are
 * typed too).
 */
import type { ApiErrorKind } from './api/client.js';
import type { Session } from './api/schema.js';
import type { StopResult } from './api/stop.js';

/** What a request was for: `refresh` (the first page, the first load included) or `more` (the next page). */
export type FeedRequestKind = 'refresh' | 'more';

/** Every event bubbles out of the shadow root: a host listens on the element or any ancestor. */
const OUT = { bubbles: true, composed: true } as const;

export interface SessionSelectDetail {
  session: Session;
}

/** A row was activated (click, Enter, Space). Cancel it to keep the widget's default from happening. */
export class SessionSelectEvent extends CustomEvent<SessionSelectDetail> {
  static readonly eventName = 'session-select';
  constructor(session: Session) {
    super(SessionSelectEvent.eventName, { ...OUT, detail: { session }, cancelable: true });
  }
}

export interface SessionsLoadDetail {
  /** What was fetched: `refresh` covers the first load too. */
  request: FeedRequestKind;
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
  /** The answer was fetched by another widget or tab on the same feed (`sharing`), not by this one. */
  shared: boolean;
}

/** After each page or refresh is merged. */
export class SessionsLoadEvent extends CustomEvent<SessionsLoadDetail> {
  static readonly eventName = 'sessions-load';
  constructor(detail: SessionsLoadDetail) {
    super(SessionsLoadEvent.eventName, { ...OUT, detail });
  }
}

export interface SessionsErrorDetail {
  /** What went wrong. */
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
  static readonly eventName = 'sessions-error';
  constructor(detail: SessionsErrorDetail) {
    super(SessionsErrorEvent.eventName, { ...OUT, detail });
  }
}

export interface FilterChangeDetail {
  status: string;
  search: string;
  health: string;
  /** The `sort` key (`-` reverses it), or `""` for the API's order. */
  sort: string;
  /** The `since` range (`24h`, an ISO date), or `""` for none. */
  since: string;
}

/** A person changed the filters, the sort or the range (select, search box, header, summary, "clear filters"); host-set ones fire nothing. */
export class FilterChangeEvent extends CustomEvent<FilterChangeDetail> {
  static readonly eventName = 'filter-change';
  constructor(detail: FilterChangeDetail) {
    super(FilterChangeEvent.eventName, { ...OUT, detail });
  }
}

export interface SessionsStopDetail {
  /** Exactly the sessions that will be stopped: the set is frozen as this fires. */
  sessions: Session[];
}

/** A person asked to stop sessions; nothing is sent yet. Cancel it to confirm your own way, then call `stop(ids)`. */
export class SessionsStopEvent extends CustomEvent<SessionsStopDetail> {
  static readonly eventName = 'sessions-stop';
  constructor(sessions: Session[]) {
    super(SessionsStopEvent.eventName, { ...OUT, detail: { sessions }, cancelable: true });
  }
}

export interface SessionsStoppedDetail {
  /** One per id asked for, in order: `status` is the HTTP status, or null when nothing was sent or no answer came. */
  results: StopResult[];
}

/** Every answer of one stop (the widget's, or `stop(ids)`) is in. */
export class SessionsStoppedEvent extends CustomEvent<SessionsStoppedDetail> {
  static readonly eventName = 'sessions-stopped';
  constructor(results: StopResult[]) {
    super(SessionsStoppedEvent.eventName, { ...OUT, detail: { results } });
  }
}

interface SessionListEventMap {
  'session-select': SessionSelectEvent;
  'sessions-load': SessionsLoadEvent;
  'sessions-error': SessionsErrorEvent;
  'filter-change': FilterChangeEvent;
  'sessions-stop': SessionsStopEvent;
  'sessions-stopped': SessionsStoppedEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SessionListEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends SessionListEventMap {}
}
