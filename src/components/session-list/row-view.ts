import { html, render, type TemplateResult } from 'lit';
import { newRowElement } from './columns.js';
import type { RowContent } from './row-content.js';

/**
 * The DOM of one session row: cloned from a prototype, then updated in place, field by field.
 *
 * The window of rows changes on every scroll step and filter change, and the clock re-renders it
 * every second: cloning a static row and writing only what changed costs a fraction of a template
 * per row (and of a keyed-list directive to hold them). What a row shows is row-content.ts; its
 * cells are columns.ts; this module only writes one into the other.
 */

/** Static markup, made into DOM once (through Lit, which a Trusted Types policy allows) and cloned. */
export function fromMarkup(markup: TemplateResult): () => HTMLElement {
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
/* eslint-disable lit-a11y/accessible-name, lit-a11y/anchor-is-valid */
const newLink = fromMarkup(html`<a part="identifier" tabindex="-1"></a>`);
const newTooltip = fromMarkup(html`<span class="tooltip" part="tooltip" aria-hidden="true"></span>`);
const newNotLive = fromMarkup(html`<span class="not-live" part="not-live"></span>`);
const newHidden = fromMarkup(html`<span class="visually-hidden"></span>`);
const newCopy = fromMarkup(html`<button type="button" class="copy" part="copy" tabindex="-1"></button>`);
/* eslint-enable lit-a11y/accessible-name, lit-a11y/anchor-is-valid */
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

/** What the actions chunk (stop-row-controls.ts) adds to a row: its checkbox cell, stop button and outcome. */
const ACTION_CONTROLS = '.c-check, .stop, .outcome';

export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** Sets or removes `name` (`null` removes). */
export function setAttribute(node: Element, name: string, value: string | null): void {
  if (value === null) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export class RowView {
  readonly element = newRowElement();
  readonly #cells = Array.from(this.element.children) as HTMLElement[];
  readonly #duration = this.#cells[6]!.appendChild(new Text());
  #last: Partial<RowContent> = {};
  #tooltip: HTMLElement | undefined;
  #copy: HTMLElement | undefined;
  #notLive: HTMLElement | undefined;
  /** The actions wrote controls into this row (they go when actions are turned off). */
  #acted = false;
  #unreadable: HTMLElement | undefined;

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
    this.#unreadable = toggle(this.#unreadable, content.unreadable !== '', identifier, newHidden);
    if (this.#unreadable) setText(this.#unreadable, content.unreadable);
    if (content.actions) content.actions.write(content.id, row, status);
    else if (this.#acted) row.querySelectorAll(ACTION_CONTROLS).forEach((control) => control.remove());
    this.#acted = !!content.actions;
    this.#last = content;
  }
}

/** Adds `make()`'s element at the end of `parent` when `wanted` and it isn't there; removes it when not. */
export function toggle(
  current: HTMLElement | undefined,
  wanted: boolean,
  parent: HTMLElement,
  make: () => HTMLElement,
) {
  if (wanted) return current ?? parent.appendChild(make());
  current?.remove();
  return undefined;
}
