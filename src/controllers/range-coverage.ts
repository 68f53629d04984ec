/**
 * A time range's pages: with `since` set, the feed follows the cursor by itself until it has loaded
 * a whole page of sessions that all started before the cut (the list runs in creation order, so the
 * range is then covered), the list ends, or 20 pages were fetched for this value of `since`: past
 * that the range is only partly loaded, which `partial` says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Session } from '../api/schema.js';
import { cutOf } from '../model/range.js';
import { timeOf } from '../model/session-row.js';
import type { SessionFeedController } from './session-feed.js';

/** Pages fetched at most for one change of `since` (CONTRACT §5). */
export const MAX_RANGE_PAGES = 20;

const startedBefore = (cut: number) => (session: Session) => (timeOf(session.startedAt) ?? cut) < cut;

export class RangeCoverage implements ReactiveController {
  /** The `since` covered, or being covered; null: none yet (or the feed started over). */
  #since: string | null = null;
  #capped = false;

  constructor(
    readonly host: ReactiveControllerHost & { since: string },
    readonly feed: SessionFeedController,
  ) {
    host.addController(this);
  }

  /** The range stopped at the page cap with more to load. */
  get partial(): boolean {
    return this.#capped && this.feed.hasMore;
  }

  /**
   * After each render: starts following `since` when it changed, once the first page is in. An
   * empty feed (it started over: a new project, key or api-base) is followed again from its first page.
   */
  hostUpdated(): void {
    const { since } = this.host;
    const empty = this.feed.isEmpty;
    if (since === this.#since && !empty) return;
    this.#since = empty ? null : since;
    this.#capped = false;
    if (empty) return;
    const cut = cutOf(since, Date.now());
    if (typeof cut !== 'number') return;
    const before = startedBefore(cut);
    void this.feed
      // A newer `since` ends this run: it starts its own, with 20 pages of its own.
      .loadUntil((page) => this.#since !== since || page.every(before), MAX_RANGE_PAGES)
      .then((capped) => {
        if (capped && this.#since === since) {
          this.#capped = true;
          this.host.requestUpdate();
        }
      });
  }
}
