/**
 * The list's templates around the rows: notices, the loading, error and empty states, "new
 * sessions", "load more" and the footer. Each reads the feed and the view it is given; the element
 * passes the verbs in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SessionFeedController } from '../../controllers/session-feed.js';
import { hasActiveFilters, isHealthFilter } from '../../model/filter.js';
import { formatCost, formatCount } from '../../model/format.js';
import type { SessionRow } from '../../model/session-row.js';
import type { SessionView } from '../../model/session-view.js';
import type { UrlState } from '../../model/url-filters.js';
import type { SessionListStrings } from '../../strings.js';
import type { RangeEngine } from './range-engine.js';
import { healthLabel } from './toolbar.js';

export interface ListContext {
  t: SessionListStrings;
  locale: string | undefined;
  feed: SessionFeedController;
  view: SessionView;
  filters: UrlState;
  /** The range chunk, once `since` has brought it in (it says the range's notices). */
  range: RangeEngine | undefined;
  retry(): void;
  loadMore(): void;
  clearFilters(): void;
  showNew(): void;
}

function retryCountdown({ feed, t, locale }: ListContext): string {
  const retryAt = feed.failure?.retryAt;
  if (!retryAt) return '';
  const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
  return t.retrying(formatCount(seconds, locale));
}

function rejectedWords({ feed, t, locale }: ListContext): string {
  const { rejected } = feed;
  return t.rejectedRows(rejected.length, formatCount(rejected.length, locale), rejected[0]!.reason);
}

/** A notice; `live` ones are a status region (the element's announcer says the others). */
const notice = (kind: string, words: unknown, live?: boolean): TemplateResult =>
  html`<div class="notice" part="notice" data-kind=${kind} role=${ifDefined(live ? 'status' : undefined)}>
    ${words}
  </div>`;

/**
 * Non-blocking notices above rows that stay: a failed request, rows that could not be shown, a
 * `since` that is not a range, a range only partly loaded.
 */
export function renderNotices(context: ListContext): TemplateResult | typeof nothing {
  const { feed, t, locale } = context;
  // With nothing loaded, a failure is the body's state, not a notice.
  const { failure, rejected, unreadable } = feed.isEmpty ? ({} as Partial<typeof feed>) : feed;
  // Each says what is wrong and what stays true.
  const notices: TemplateResult[] = [];
  if (failure) {
    const said =
      failure.kind === 'more' ? t.loadMoreFailed(failure.error.message) : t.refreshFailed(failure.error.message);
    const stopped = feed.authStopped ? ` ${t.authStopped}` : '';
    notices.push(
      // No live region: the element announces a failure once; the countdown ticks silently.
      notice(
        failure.error.kind,
        html`<span>${said} ${retryCountdown(context)}${stopped}</span>
          <button type="button" part="notice-action" ?disabled=${feed.pending} @click=${context.retry}>
            ${t.retry}
          </button>`,
      ),
    );
  }
  if (rejected?.length) notices.push(notice('rejected', rejectedWords(context)));
  if (unreadable) notices.push(notice('unreadable', t.unreadableFields(unreadable, formatCount(unreadable, locale))));
  // The range's own (range-engine.ts): both need the range chunk, so it says them.
  context.range?.notices(context, notices, notice);
  return notices.length ? html`<div class="notices">${notices}</div>` : nothing;
}

/**
 * Health at a glance over the view (every filter but health), and what the rows shown cost. Each
 * count is a button named after the health filter, with its value, so a click goes through
 * `onInput` like the filter controls.
 */
export function renderSummary({ t, locale, view }: ListContext, onInput: (event: Event) => void): TemplateResult {
  const { counts } = view;
  const item = (value: 'blocking' | 'attention', words: (formatted: string) => string) =>
    counts[value]
      ? html`<button
          type="button"
          part="summary-item"
          name="health"
          value=${value}
          data-health=${value}
          @click=${onInput}
        >
          ${words(formatCount(counts[value], locale))}
        </button>`
      : nothing;
  const cost = formatCost(counts.totalCostUsd, locale);
  return html`<div class="summary-bar" part="summary">
    ${item('blocking', t.summaryBlocking)} ${item('attention', t.summaryAttention)}
    <span class="total"
      >${
        counts.unknownCosts ? t.summaryCostAtLeast(cost, formatCount(counts.unknownCosts, locale)) : t.summaryCost(cost)
      }</span
    >
  </div>`;
}

/** Floats over the rows (no layout space), so its appearing moves nothing the reader sees. */
export function renderNewSessions({ feed, t, locale, showNew }: ListContext): TemplateResult | typeof nothing {
  const held = feed.heldCount;
  if (held === 0) return nothing;
  return html`<div class="new-sessions-anchor">
    <button type="button" class="new-sessions" part="new-sessions" @click=${showNew}>
      ${t.newSessions(held, formatCount(held, locale))}
    </button>
  </div>`;
}

/**
 * The body under the toolbar: the rows (`grid`), or the state that stands for them. With nothing
 * loaded it follows the request (`@lit/task`'s states): loading, the error, or empty; the grid's
 * frame and header are built while the first answer is on its way, not after it lands.
 */
export function renderBody(
  context: ListContext,
  grid: (rows: readonly SessionRow[]) => TemplateResult,
): TemplateResult {
  const { feed, t } = context;
  if (!feed.isEmpty) {
    const { rows } = context.view;
    return rows.length === 0 ? renderFilteredEmpty(context) : grid(rows);
  }
  const loading = () => html`${grid([])}${renderLoading(t)}`;
  // Every row of the answer was rejected: nothing to show, and "no sessions yet" would be untrue.
  const failed = () => (feed.failure || feed.rejected.length > 0 ? renderError(context) : null);
  return feed.render({
    initial: loading,
    pending: () => failed() ?? loading(),
    error: () => failed() ?? loading(),
    complete: () => failed() ?? (feed.updatedAt === null ? loading() : renderEmptyProject(context)),
  });
}

function renderLoading(t: SessionListStrings): TemplateResult {
  return html`<div class="state loading" part="loading" role="status">${t.loading}</div>`;
}

/** Nothing to show, and why: the request failed, or every row of the answer was rejected. */
function renderError(context: ListContext): TemplateResult {
  const { feed, t } = context;
  // The alert holds the words that change only with the failure; the countdown, outside it, ticks
  // without being read out every second.
  return html`<div class="state error" part="error">
    <div role="alert">
      <strong>${t.errorTitle}</strong>
      <p>${feed.failure ? feed.failure.error.message : rejectedWords(context)}</p>
    </div>
    <p>${retryCountdown(context)}</p>
    <slot name="error"></slot>
    <button type="button" part="retry" ?disabled=${feed.pending} @click=${context.retry}>${t.retry}</button>
  </div>`;
}

/** Nothing loaded: the project has no sessions, or (a cursor goes on) none in the pages so far. */
function renderEmptyProject(context: ListContext): TemplateResult {
  const { t, feed } = context;
  if (feed.hasMore) {
    return html`<div class="state empty" part="empty" data-empty="more">
      <p>${t.emptyMore}</p>
      <div class="actions">${renderLoadMore(context)}</div>
    </div>`;
  }
  return html`<div class="state empty" part="empty" data-empty="project">
    <slot name="empty">${t.emptyProject}</slot>
  </div>`;
}

/** Nothing matches the filters: say which, offer to clear them, and to load more while there is more. */
function renderFilteredEmpty(context: ListContext): TemplateResult {
  const { t, feed, filters } = context;
  const more = feed.hasMore;
  const said = more
    ? t.emptyLoaded(formatCount(feed.rows.length, context.locale))
    : t.emptyFiltered(
        t.describeFilters({
          status: filters.status && t.statusName(filters.status),
          search: filters.search.trim(),
          health: isHealthFilter(filters.health) ? healthLabel(t, filters.health).toLowerCase() : '',
        }),
      );
  return html`<div class="state empty" part="empty" data-empty=${more ? 'loaded' : 'filtered'}>
    <p>${said}</p>
    <div class="actions">
      ${renderLoadMore(context)}
      <button type="button" part="clear-filters" @click=${context.clearFilters}>${t.clearFilters}</button>
    </div>
  </div>`;
}

function renderLoadMore({ feed, t, loadMore }: ListContext): TemplateResult | typeof nothing {
  if (!feed.hasMore) return nothing;
  const loading = feed.pendingKind === 'more';
  return html`<button type="button" part="load-more" ?disabled=${loading} @click=${loadMore}>
    ${loading ? t.loadingMore : t.loadMore}
  </button>`;
}

export function renderFooter(context: ListContext): TemplateResult | typeof nothing {
  const { feed, view, t, locale } = context;
  if (feed.isEmpty) return nothing;
  const { rows } = view;
  return html`<div class="footer" part="footer">
    <span class="summary">
      ${t.footerCount(rows.length, formatCount(rows.length, locale))}
      ${hasActiveFilters(context.filters) ? t.footerOfLoaded(formatCount(feed.rows.length, locale)) : nothing}
    </span>
    ${rows.length > 0 ? renderLoadMore(context) : nothing}
  </div>`;
}
