import { html, render, type TemplateResult } from 'lit';

/**
 * The DOM of one session row: cloned from a prototype, then updated in place, field by field.
 *
 * The window of rows changes on every scroll step and filter change, and the clock re-renders it
 * every second: cloning a static row and writing only what changed costs a fraction of a template
 * per row (and of a keyed-list directive to hold them). The element computes what a row shows (its
 * words, formatted for the locale); this module only writes it.
 */

/** What one row shows, as text and flags. */
export interface RowContent {
  id: string;
  /** `aria-rowindex` (the header is 1). */
  rowIndex: number;
  selected: boolean;
  /** The grid's one Tab stop. */
  tabStop: boolean;
  health: string;
  healthName: string;
  /** A person is on this row (hovered, the Tab stop, just copied): it holds the tooltip and the copy button. */
  active: boolean;
  identifier: string;
  /** The detail link, or `""` for none. */
  href: string;
  status: string;
  statusName: string;
  workType: string;
  provider: string;
  started: string;
  /** The absolute start time, as the cell's tooltip. */
  startedTitle: string;
  /** Read after the relative time by assistive technology (`", Jun 2, 2026, 2:22 PM"`), or `""`. */
  startedHidden: string;
  duration: string;
  /** The "not live" marker's word and tooltip, or `""` when the row is live. */
  notLive: string;
  notLiveTitle: string;
  cost: string;
  copyLabel: string;
  /** The copy button's confirmation, or `""` for its icon. */
  copied: string;
  copiedState: '' | 'ok' | 'failed';
}

/** Static markup, made into DOM once (through Lit, which a Trusted Types policy allows) and cloned. */
function fromMarkup(markup: TemplateResult): () => HTMLElement {
  let made: HTMLElement | undefined;
  return () => {
    if (!made) {
      const holder = document.createElement('div');
      render(markup, holder);
      made = holder.firstElementChild as HTMLElement;
    }
    return made.cloneNode(true) as HTMLElement;
  };
}

// Built on first use, not on import: the module has no side effects. These are prototypes: each
// row's accessible names, link address and texts are written by RowView.update().
/* eslint-disable lit-a11y/alt-text, lit-a11y/accessible-name, lit-a11y/anchor-is-valid */
const newRow = fromMarkup(
  html`<div class="row" role="row" part="row">
    <span role="gridcell" class="cell c-health" part="cell"><span class="dot" part="health-dot" role="img"></span></span
    ><span role="gridcell" class="cell c-identifier" part="cell"><span part="identifier"></span></span
    ><span role="gridcell" class="cell c-status" part="cell"><span class="badge" part="status-badge"></span></span
    ><span role="gridcell" class="cell c-work-type" part="cell"></span
    ><span role="gridcell" class="cell c-provider" part="cell"></span
    ><span role="gridcell" class="cell c-started" part="cell"
      ><span part="started"></span><span class="visually-hidden"></span></span
    ><span role="gridcell" class="cell c-duration num" part="cell"></span
    ><span role="gridcell" class="cell c-cost num" part="cell"></span>
  </div>`,
);
const newLink = fromMarkup(html`<a part="identifier" tabindex="-1"></a>`);
const newTooltip = fromMarkup(html`<span class="tooltip" part="tooltip" aria-hidden="true"></span>`);
const newNotLive = fromMarkup(html`<span class="not-live" part="not-live"></span>`);
const newCopy = fromMarkup(html`<button type="button" class="copy" part="copy" tabindex="-1"></button>`);
/* eslint-enable lit-a11y/alt-text, lit-a11y/accessible-name, lit-a11y/anchor-is-valid */
// Two sheets, one over the other, in two strokes: a fraction of the bytes of a filled outline.
const newCopyIcon = fromMarkup(
  html`<svg
    viewBox="0 0 16 16"
    width="12"
    height="12"
    aria-hidden="true"
    fill="none"
    stroke="currentColor"
    stroke-width="1.5"
    stroke-linejoin="round"
  >
    <path d="M5.5 5.5h9v9h-9zM10.5 3V1.5h-9v9H3" />
  </svg>`,
);

function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets or removes `name` (`null` removes). */
function setAttribute(node: Element, name: string, value: string | null): void {
  if (value === null) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export class RowView {
  readonly element = newRow();
  readonly #cells = Array.from(this.element.children) as HTMLElement[];
  readonly #duration = this.#cells[6]!.appendChild(new Text());
  #last: Partial<RowContent> = {};
  #tooltip: HTMLElement | undefined;
  #copy: HTMLElement | undefined;
  #notLive: HTMLElement | undefined;

  /** Writes what differs from the last content. */
  update(content: RowContent): void {
    const last = this.#last;
    const row = this.element;
    const [health, identifier, status, workType, provider, started, duration, cost] = this.#cells as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];
    if (last.id !== content.id) row.dataset.sessionId = content.id;
    setAttribute(row, 'aria-rowindex', String(content.rowIndex));
    setAttribute(row, 'aria-selected', String(content.selected));
    if (last.tabStop !== content.tabStop) row.tabIndex = content.tabStop ? 0 : -1;

    const dot = health.firstElementChild!;
    setAttribute(dot, 'data-health', content.health);
    setAttribute(dot, 'aria-label', content.healthName);
    this.#tooltip = toggle(this.#tooltip, content.active, health, newTooltip);
    if (this.#tooltip) setText(this.#tooltip, content.healthName);

    if (last.href !== content.href) {
      // Inner controls take no Tab stop: the row is the grid's one; Enter follows, Ctrl/Cmd+C copies.
      const label = content.href ? newLink() : document.createElement('span');
      if (content.href) label.setAttribute('href', content.href);
      else label.setAttribute('part', 'identifier');
      identifier.firstElementChild!.replaceWith(label);
    }
    setText(identifier.firstElementChild!, content.identifier);
    const copy = (this.#copy = toggle(this.#copy, content.active, identifier, newCopy));
    if (copy) {
      setAttribute(copy, 'title', content.copyLabel);
      setAttribute(copy, 'aria-label', content.copyLabel);
      setAttribute(copy, 'data-copied', content.copiedState || null);
      if (content.copied) setText(copy, content.copied);
      else if (!copy.firstElementChild) copy.replaceChildren(newCopyIcon());
    }

    const badge = status.firstElementChild!;
    setAttribute(badge, 'data-status', content.status);
    setText(badge, content.statusName);
    setText(workType, content.workType);
    setText(provider, content.provider);
    setAttribute(started, 'title', content.startedTitle);
    setText(started.firstElementChild!, content.started);
    setText(started.lastElementChild!, content.startedHidden);
    setText(this.#duration, content.duration);
    this.#notLive = toggle(this.#notLive, content.notLive !== '', duration, newNotLive);
    if (this.#notLive) {
      setAttribute(this.#notLive, 'title', content.notLiveTitle);
      setText(this.#notLive, content.notLive);
    }
    setText(cost, content.cost);
    this.#last = content;
  }
}

/** Adds `make()`'s element at the end of `parent` when `wanted` and it isn't there; removes it when not. */
function toggle(current: HTMLElement | undefined, wanted: boolean, parent: HTMLElement, make: () => HTMLElement) {
  if (wanted) return current ?? parent.appendChild(make());
  current?.remove();
  return undefined;
}
