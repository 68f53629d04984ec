/** What the feed and its host agree on: the settings it reads, the callbacks it calls, a failure as kept. */
import type { ApiError } from '../api/client.js';
import type { FeedRequestKind } from '../events.js';
import type { StoreChange } from '../model/session-store.js';
import type { Sharing } from './feed-hub.js';

export interface FeedSettings {
  apiBase: string;
  project: string;
  token: string;
  /** Seconds between refreshes; 0 = live refresh off. */
  refreshInterval: number;
  /** Seconds to wait for an answer before giving up; absent, 0 or not a number: the client's 30 s. */
  timeout?: number;
  /** Share live refresh with the page's (`page`) or the browser's (`browser`) widgets on this feed; absent: `off`. */
  sharing?: Sharing | string;
}

/** The feed's config: where its settings come from, and who hears of its answers (as `@lit/task` takes callbacks). */
export interface FeedConfig {
  /** Read at each request, so the feed always uses the element's current properties. */
  settings(): FeedSettings;
  /** True when new rows must be held back (the reader is away from the top, or on a row). */
  holdNewRows(): boolean;
  /** `shared`: the answer was fetched by another widget or tab. */
  onLoad(change: StoreChange, request: FeedRequestKind, shared: boolean): void;
  onError(error: ApiError, request: FeedRequestKind, retryInMs: number | null): void;
}

export interface FeedFailure {
  error: ApiError;
  kind: FeedRequestKind;
  /** When the next automatic attempt is due (clock ms), or null when none is scheduled. */
  retryAt: number | null;
}
