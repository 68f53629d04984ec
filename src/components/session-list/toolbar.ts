/**
 * The toolbar's template: the status, search and health filters, and when the list was updated.
 * Each control is named after its filter, so one handler serves all three.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SessionFilters, StatusOption } from '../../model/filter.js';
import { clip, formatCount, formatTime } from '../../model/format.js';
import type { SessionListStrings } from '../../strings.js';

export const HEALTH_FILTERS = ['', 'attention', 'blocking'] as const;

export interface ToolbarState {
  t: SessionListStrings;
  locale: string | undefined;
  filters: SessionFilters;
  statusOptions: readonly StatusOption[];
  updatedAt: number | null;
  /** The last answer was fetched by another tab (`sharing="browser"`). */
  fromTab?: boolean;
  /** A filter control changed: its `name` is the filter, its `value` the new value. */
  onInput(event: Event): void;
  /** More controls after the filters (bulk stop, with actions on). */
  extra?: TemplateResult | typeof nothing;
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
  extra = nothing,
}: ToolbarState): TemplateResult {
  const { status, search, health } = filters;
  return html`<div class="toolbar" part="toolbar">
    <label class="field">
      <span class="field-label">${t.statusFilterLabel}</span>
      <select name="status" part="status-filter" .value=${status} @change=${onInput}>
        <option value="" ?selected=${status === ''}>${t.allStatuses}</option>
        ${statusOptions.map(
          (option) =>
            html`<option value=${option.status} ?selected=${status === option.status}>
              ${t.statusOption(clip(t.statusName(option.status)), formatCount(option.count, locale))}
            </option>`,
        )}
      </select>
    </label>
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
    <label class="field">
      <span class="field-label">${t.healthFilterLabel}</span>
      <select name="health" part="health-filter" .value=${health} @change=${onInput}>
        ${[...HEALTH_FILTERS, ...(HEALTH_FILTERS.includes(health as '') ? [] : [health])].map(
          // A value set by the host that isn't one of ours is shown as given, as the status filter does.
          (value) => html`<option value=${value} ?selected=${health === value}>${healthLabel(t, value)}</option>`,
        )}
      </select>
    </label>
    ${extra}
    <span class="updated" part="updated" aria-live="off">
      ${updatedAt === null ? nothing : (fromTab ? t.updatedInAnotherTab : t.updatedAt)(formatTime(updatedAt, locale))}
    </span>
  </div>`;
}
