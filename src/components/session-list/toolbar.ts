/**
 * The toolbar's template: the status, search, health and range filters, export, and when the list
 * was updated. Each control is named after its filter, so one handler serves them all.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StatusOption } from '../../model/filter.js';
import { clip, formatCount, formatTime } from '../../model/format.js';
import type { UrlState } from '../../model/url-filters.js';
import type { SessionListStrings } from '../../strings.js';

const HEALTH_FILTERS = ['', 'attention', 'blocking'];
const SINCE_OPTIONS = ['', '1h', '24h', '7d'];

export interface ToolbarState {
  t: SessionListStrings;
  locale: string | undefined;
  filters: UrlState;
  statusOptions: readonly StatusOption[];
  updatedAt: number | null;
  /** The last answer was fetched by another tab (`sharing="browser"`). */
  fromTab?: boolean;
  /** A filter control changed: its `name` is the filter, its `value` the new value. */
  onInput(event: Event): void;
  /** Downloads the view as CSV. */
  exportCsv(): void;
  /** More after the controls (the summary, bulk stop). */
  extra?: unknown;
}

/**
 * A filter's `<select>` (`name`, part `<name>-filter`): `values`, and a value set by the host that
 * isn't one of them, shown as given.
 */
function renderSelect(
  label: string,
  name: string,
  value: string,
  values: readonly string[],
  word: (value: string) => string,
  onInput: (event: Event) => void,
): TemplateResult {
  return html`<label class="field">
    <span class="field-label">${label}</span>
    <select name=${name} part="${name}-filter" .value=${value} @change=${onInput}>
      ${(values.includes(value) ? values : [...values, value]).map(
        (option) => html`<option value=${option} ?selected=${value === option}>${word(option)}</option>`,
      )}
    </select>
  </label>`;
}

/** The health filter's words for `value`; a value set by the host that isn't one is shown as given. */
export function healthLabel(t: SessionListStrings, value: string): string {
  if (value === 'attention') return t.healthFilterAttention;
  if (value === 'blocking') return t.healthFilterBlocking;
  return value || t.healthFilterAll;
}

export function renderToolbar({
  t,
  locale,
  filters,
  statusOptions,
  updatedAt,
  fromTab,
  onInput,
  exportCsv,
  extra,
}: ToolbarState): TemplateResult {
  const { status, search, health, since } = filters;
  const counts = new Map(statusOptions.map((option) => [option.status, option.count]));
  return html`<div class="toolbar" part="toolbar">
    ${renderSelect(
      t.statusFilterLabel,
      'status',
      status,
      ['', ...counts.keys()],
      (value) =>
        value ? t.statusOption(clip(t.statusName(value)), formatCount(counts.get(value)!, locale)) : t.allStatuses,
      onInput,
    )}
    <label class="field search-field">
      <span class="field-label">${t.searchLabel}</span>
      <input
        name="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${t.searchPlaceholder}
        .value=${search}
        @input=${onInput}
      />
    </label>
    ${renderSelect(t.healthFilterLabel, 'health', health, HEALTH_FILTERS, (value) => healthLabel(t, value), onInput)}
    ${renderSelect(t.sinceFilterLabel, 'since', since, SINCE_OPTIONS, (value) => t.sinceName(value), onInput)}
    <button type="button" part="export" @click=${exportCsv}>${t.exportCsv}</button>
    ${extra}
    <span class="updated" part="updated" aria-live="off">
      ${updatedAt === null ? nothing : (fromTab ? t.updatedInAnotherTab : t.updatedAt)(formatTime(updatedAt, locale))}
    </span>
  </div>`;
}
