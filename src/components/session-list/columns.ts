/**
 * The grid's eight columns, written once: the header row and the cells of a row's prototype are
 * both made from this list, so they can't drift apart. (What a row shows is row-content.ts; how
 * it is written into the cells is row-view.ts.)
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { nextSort } from '../../model/sort.js';
import type { SessionListStrings } from '../../strings.js';

interface Column {
  /** The cell's class is `c-<id>`. */
  readonly id: string;
  readonly label: (t: SessionListStrings) => string;
  /** Right-aligned figures. */
  readonly numeric?: boolean;
  /** The header's word is for assistive technology only (the dot column). */
  readonly hiddenLabel?: boolean;
  /** No sort button: not a `sort` key. */
  readonly unsorted?: boolean;
  /** The cell's part names the column too (`cell duration`). */
  readonly named?: boolean;
  /** The static elements inside the cell, as `[class, part, role]`. */
  readonly inner?: readonly (readonly [className: string, part: string, role?: string])[];
}

export const COLUMNS: readonly Column[] = [
  { id: 'health', label: (t) => t.columnHealth, hiddenLabel: true, inner: [['dot', 'health-dot', 'img']] },
  { id: 'identifier', label: (t) => t.columnIdentifier, inner: [['', 'identifier']] },
  { id: 'status', label: (t) => t.columnStatus, inner: [['badge', 'status-badge']] },
  { id: 'work-type', label: (t) => t.columnWorkType, unsorted: true },
  { id: 'provider', label: (t) => t.columnProvider, unsorted: true },
  {
    id: 'started',
    label: (t) => t.columnStarted,
    inner: [
      ['', 'started'],
      ['visually-hidden', ''],
    ],
  },
  { id: 'duration', label: (t) => t.columnDuration, numeric: true, named: true },
  { id: 'cost', label: (t) => t.columnCost, numeric: true, named: true },
];

const cellClass = (column: Column): string => `cell c-${column.id}${column.numeric ? ' num' : ''}`;

/**
 * The header row; each sortable column's header holds a sort button, named `sort` with the value a
 * click makes of `sort` (its key, reversed, the API's order), for the filter controls' one handler
 * (`onInput`); the sorted column says its direction (`ariaSort`); `lead`, when given, is a first
 * cell of its own (check-all, with actions on).
 */
export function renderHeader(
  t: SessionListStrings,
  sort: string,
  ariaSort: (key: string) => 'ascending' | 'descending' | undefined,
  onInput: (event: Event) => void,
  lead?: TemplateResult,
): TemplateResult {
  return html`<div class="row header" role="row" part="header" aria-rowindex="1">
    ${lead ?? nothing}${COLUMNS.map((column) => {
      const text = column.label(t);
      const label = column.hiddenLabel ? html`<span class="visually-hidden">${text}</span>` : text;
      return html`<span role="columnheader" class=${cellClass(column)} aria-sort=${ifDefined(ariaSort(column.id))}
        >${
          !column.unsorted
            ? html`<button
                type="button"
                class="sort"
                part="sort-button"
                data-sort=${column.id}
                name="sort"
                value=${nextSort(sort, column.id)}
                tabindex="-1"
                @click=${onInput}
              >
                ${label}
              </button>`
            : label
        }</span
      >`;
    })}
  </div>`;
}

function element(tag: string, className: string, part: string, role?: string): HTMLElement {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (part) made.setAttribute('part', part);
  if (role) made.setAttribute('role', role);
  return made;
}

let prototype: HTMLElement | undefined;

/**
 * A new, empty session row: its cells in column order. Built with the DOM (no markup, so nothing
 * for a Trusted Types policy to refuse) once, on first use, then cloned.
 */
export function newRowElement(): HTMLElement {
  if (!prototype) {
    prototype = element('div', 'row', 'row', 'row');
    for (const column of COLUMNS) {
      const part = column.named ? `cell ${column.id}` : 'cell';
      const cell = prototype.appendChild(element('span', cellClass(column), part, 'gridcell'));
      for (const [className, part, role] of column.inner ?? []) cell.append(element('span', className, part, role));
    }
  }
  return prototype.cloneNode(true) as HTMLElement;
}
