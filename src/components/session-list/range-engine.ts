/**
 * The range chunk (`rensei-session-list.range-engine.js`), fetched by triage.ts once `since` is
 * set: what a `since` value means (range.ts, handed to the view), the feed's own paging until the
 * range is covered (range-coverage.ts), and the notices only a range can raise. A page that never
 * sets a range never fetches it.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { RangeCoverage } from '../../controllers/range-coverage.js';
import type { SessionFeedController } from '../../controllers/session-feed.js';
import { formatCount } from '../../model/format.js';
import { cutOf, isRelative } from '../../model/range.js';
import type { SessionView } from '../../model/session-view.js';
import type { ListContext } from './states.js';

export class RangeEngine extends RangeCoverage {
  constructor(host: ReactiveControllerHost & { since: string }, feed: SessionFeedController, view: SessionView) {
    super(host, feed);
    view.extend({ range: { cutOf, isRelative } });
  }

  /**
   * Adds the range's notices (live, in the host's words from strings.ts): a `since` that is not a
   * range (ignored), a range only partly loaded (stopped at the page cap).
   */
  notices(
    { view, t, filters, feed, locale }: ListContext,
    notices: TemplateResult[],
    notice: (kind: string, words: string, live: boolean) => TemplateResult,
  ): void {
    if (view.counts.badSince) notices.push(notice('since', t.badSince(filters.since), true));
    if (this.partial) notices.push(notice('partial', t.rangePartial(formatCount(feed.rows.length, locale)), true));
  }
}
