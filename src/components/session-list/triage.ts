/**
 * The incident view's templates: the time-range select, the export button and the health summary
 * (in the toolbar, above the rows), and the range's notices. The element passes the verbs in.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCost, formatCount } from '../../model/format.js';
import type { SessionView } from '../../model/session-view.js';
import type { UrlState } from '../../model/url-filters.js';
import type { SessionListStrings } from '../../strings.js';

export const SINCE_OPTIONS = ['', '1h', '24h', '7d'] as const;

export interface TriageState {
  t: SessionListStrings;
  locale: string | undefined;
  view: SessionView;
  filters: UrlState;
  feed: { readonly rows: readonly unknown[] };
  /** The range stopped at the page cap. */
  partial: boolean;
  /** The since select (named `since`) changed. */
  onInput(event: Event): void;
  setHealth(value: string): void;
  exportCsv(): void;
}

/** The range select (a host-set value is shown as given) and the export button. */
export function renderTriageControls({ t, filters: { since }, onInput, exportCsv }: TriageState): TemplateResult {
  const options: readonly string[] = SINCE_OPTIONS.includes(since as never) ? SINCE_OPTIONS : [...SINCE_OPTIONS, since];
  return html`<label class="field">
      <span class="field-label">${t.sinceFilterLabel}</span>
      <select name="since" part="since-filter" .value=${since} @change=${onInput}>
        ${options.map((value) => html`<option value=${value} ?selected=${since === value}>${t.sinceName(value)}</option>`)}
      </select>
    </label>
    <button type="button" part="export" @click=${exportCsv}>${t.exportCsv}</button>`;
}

/** Health at a glance over the view (every filter but health), and what the rows shown cost. */
export function renderSummary({ t, locale, view, setHealth }: TriageState): TemplateResult {
  const item = (value: string, count: number, words: (formatted: string) => string) =>
    count === 0
      ? nothing
      : html`<button type="button" part="summary-item" data-health=${value} @click=${() => setHealth(value)}>
          ${words(formatCount(count, locale))}
        </button>`;
  const cost = formatCost(view.totalCostUsd, locale);
  const unknown = view.unknownCosts;
  return html`<div class="summary-bar" part="summary">
    ${item('blocking', view.blocking, t.summaryBlocking)} ${item('attention', view.attention, t.summaryAttention)}
    <span class="total"
      >${unknown ? t.summaryCostAtLeast(cost, formatCount(unknown, locale)) : t.summaryCost(cost)}</span
    >
  </div>`;
}

/** A `since` that is not a range, and a range cut short at the page cap. */
export function renderRangeNotices({
  t,
  locale,
  view,
  filters: { since },
  feed,
  partial,
}: TriageState): TemplateResult | typeof nothing {
  const notices: TemplateResult[] = [];
  if (view.badSince) {
    notices.push(html`<div class="notice" part="notice" role="status" data-kind="since">${t.badSince(since)}</div>`);
  }
  if (partial) {
    notices.push(
      html`<div class="notice" part="notice" role="status" data-kind="partial">
        ${t.rangePartial(formatCount(feed.rows.length, locale))}
      </div>`,
    );
  }
  return notices.length ? html`<div class="notices">${notices}</div>` : nothing;
}

/** Downloads `csv` as `name`, with a byte order mark that tells a spreadsheet it is UTF-8. */
export function downloadCsv(csv: string, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
