/**
 * A time range's pages: with `since` set, the feed follows the cursor by itself until it has loaded
 * a whole page of sessions that all started before the cut (the list runs in creation order, so the
 * range is then covered), the list ends, or 20 pages were fetched for this value of `since`: past
 * that the range is only partly loaded, which `partial` says.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Session } from '../api/schema.js';
import { cutOf } from '../model/range.js';
import type { SessionFeedController } from './session-feed.js';

/** Pages fetched at most for one change of `since` (CONTRACT §5). */
export const MAX_RANGE_PAGES = 20;

const startedBefore = (cut: number) => (session: Session) => !!session.startedAt && Date.parse(session.startedAt) < cut;

export class RangeCoverage {
  /** The `since` covered, or being covered; null: none yet (or the feed started over). */
  #since: string | null = null;
  #capped = false;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly feed: SessionFeedController,
  ) {}

  /** The range stopped at the page cap with more to load. */
  get partial(): boolean {
    return this.#capped && this.feed.hasMore;
  }

  /** The feed started over: the range is followed again once its first page is in. */
  reset(): void {
    this.#since = null;
    this.#capped = false;
  }

  /** Called after each render: starts following `since` when it changed (and the first page is in). */
  follow(since: string): void {
    if (since === this.#since || this.feed.isEmpty) return;
    this.#since = since;
    this.#capped = false;
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
