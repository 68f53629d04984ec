/**
 * The grid's keyboard, pointer and clipboard: which row holds the one Tab stop, which is under the
 * pointer, a copied id's confirmation, and what a click or a key does. The element attaches the
 * handlers to the grid and renders from the getters; activating a row is the element's (it fires
 * `session-select`), so it comes in as a callback.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SessionRow } from '../../model/session-row.js';
import type { SessionListStrings } from '../../strings.js';
import { controlsIn, stepControl } from './grid-controls.js';
import { innerControl, nextIndex, pageSize, rowOf } from './grid-navigation.js';
import type { Copied } from './row-content.js';
import type { RowsController } from './rows-controller.js';

/** How long the copy confirmation stays. */
const COPIED_MS = 1500;

export interface GridConfig {
  /** The shadow root the grid is in: events are followed up to it. */
  root(): Node;
  /** The rows of the view, in order. */
  rows(): readonly SessionRow[];
  /** Activates a row (click, Enter, Space). */
  activate(id: string): void;
  /** A control of the row `id` other than the copy button was used (a checkbox, a stop button). */
  use(control: HTMLElement, id: string): void;
  /** Space on row `id`: true when it toggled the row's checkbox (actions on), so it doesn't activate. */
  toggle(id: string): boolean;
}

export class GridController implements ReactiveController {
  #focusedId = '';
  #hoveredId = '';
  #copied: Copied | null = null;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #rows: RowsController;
  readonly #config: GridConfig;

  constructor(host: ReactiveControllerHost, rows: RowsController, config: GridConfig) {
    this.#host = host;
    this.#rows = rows;
    this.#config = config;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#copiedTimer);
  }

  /** The id of the row that holds the grid's one Tab stop. */
  get focusedId(): string {
    return this.#focusedId;
  }

  /** The row under the pointer: it gets the copy button and the health tooltip. */
  get hoveredId(): string {
    return this.#hoveredId;
  }

  /** The last copy of an id, for its visible confirmation. */
  get copied(): Copied | null {
    return this.#copied;
  }

  set focusedId(id: string) {
    this.#set(() => (this.#focusedId = id), this.#focusedId !== id);
  }

  #set(change: () => void, changed: boolean): void {
    if (!changed) return;
    change();
    this.#host.requestUpdate();
  }

  /**
   * The grid's frame for `count` rows: its role and names, the handlers, the header row (columns.ts)
   * and the row group the rows controller writes into.
   */
  frame(
    count: number,
    t: SessionListStrings,
    busy: boolean,
    header: TemplateResult,
    className: string,
  ): TemplateResult {
    return html`<div
      role="grid"
      part="grid"
      class=${className}
      aria-label=${t.listLabel}
      aria-rowcount=${count + 1}
      aria-busy=${busy ? 'true' : 'false'}
      @click=${this.onClick}
      @keydown=${this.onKeyDown}
      @focusin=${this.onFocusIn}
      @pointerover=${this.onPointerOver}
      @pointerleave=${this.onPointerLeave}
    >
      <div class="header-group" role="rowgroup">${header}</div>
      <div class="rows" role="rowgroup"></div>
    </div>`;
  }

  /** A row (or a control in it) has focus: new rows must wait, so a refresh never moves it away. */
  hasFocus(): boolean {
    const active = (this.#config.root() as ShadowRoot).activeElement;
    return !!active?.closest('[part~="row"]');
  }

  /** Scrolls the row into the window, renders it, and focuses it. */
  async focusRow(id: string): Promise<void> {
    this.focusedId = id;
    // The row may be outside the window: scroll to where it will be, render, then focus it.
    this.#rows.window.scrollToIndex(this.#config.rows().findIndex((row) => row.id === id));
    // A render can re-window and render again: wait until the element has settled.
    for (let round = 0; round < 4 && !(await this.#host.updateComplete); round++);
    this.#rows.element(id)?.focus({ preventScroll: true });
  }

  async #copy(id: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(id);
    } catch {
      ok = false; // No permission, or not a secure context: say so rather than pretend.
    }
    this.#copied = { id, ok };
    this.#host.requestUpdate();
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => {
      this.#copied = null;
      this.#host.requestUpdate();
    }, COPIED_MS);
  }

  readonly onClick = (event: MouseEvent): void => {
    const row = rowOf(event, this.#config.root());
    if (!row) return;
    // The copy button, the detail link, or neither.
    const control = innerControl(event, row);
    if (control?.matches('[part~="copy"]')) {
      void this.#copy(row.dataset.sessionId!);
      return;
    }
    if (control && control.localName !== 'a') {
      this.#config.use(control, row.dataset.sessionId!);
      return;
    }
    // A modified or middle click is the browser's (a new tab on the link), and activates nothing.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // The widget follows the link itself, after session-select, unless a listener cancels.
    if (control) event.preventDefault();
    this.#activate(row.dataset.sessionId!);
  };

  readonly onFocusIn = (event: FocusEvent): void => {
    const row = rowOf(event, this.#config.root());
    if (row) this.focusedId = row.dataset.sessionId!;
  };

  readonly onPointerOver = (event: PointerEvent): void => {
    const id = rowOf(event, this.#config.root())?.dataset.sessionId ?? '';
    this.#set(() => (this.#hoveredId = id), this.#hoveredId !== id);
  };

  readonly onPointerLeave = (): void => {
    this.#set(() => (this.#hoveredId = ''), this.#hoveredId !== '');
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const { key } = event;
    const row = rowOf(event, this.#config.root());
    const rows = this.#config.rows();
    if (!row) {
      // The header's controls (check-all, sort buttons): Left/Right among them, Down back to the rows.
      const header = (event.target as Element).closest<HTMLElement>('[part~="header"]');
      if (!header) return;
      if (key === 'ArrowDown' && rows.length) void this.focusRow(this.#focusedId || rows[0]!.id);
      else if (!key.startsWith('Arrow') || !stepControl(header, event.target as HTMLElement, key)) return;
      event.preventDefault();
      return;
    }
    // Left/Right move among the row's controls; Up/Down leave a control for the next row.
    const control = innerControl(event, row);
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      if (stepControl(row, control, key)) event.preventDefault();
      return;
    }
    if (control && (key === 'Enter' || key === ' ')) return;
    const at = rows.findIndex((candidate) => candidate.id === row.dataset.sessionId);
    if (at === -1) return;
    const { id } = rows[at]!;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      if (key === 'Enter' || !this.#config.toggle(id)) this.#activate(id);
      return;
    }
    // Up from the first row reaches the header's controls, when it has any (APG grid).
    if (key === 'ArrowUp' && at === 0) {
      const first = controlsIn((this.#config.root() as ParentNode).querySelector('[part~="header"]') ?? row)[0];
      if (first && first !== control) {
        event.preventDefault();
        first.focus();
      }
      return;
    }
    // Ctrl/Cmd+C on a focused row copies its id (the copy button is for pointers: one Tab stop).
    if ((event.ctrlKey || event.metaKey) && event.key === 'c' && !getSelection()?.toString()) {
      event.preventDefault();
      void this.#copy(id);
      return;
    }
    const next = nextIndex(
      event.key,
      at,
      rows.length - 1,
      pageSize(this.#rows.window.viewportHeight(), row.offsetHeight),
    );
    if (next === null) return;
    event.preventDefault();
    void this.focusRow(rows[next]!.id);
  };

  #activate(id: string): void {
    this.focusedId = id;
    this.#config.activate(id);
  }
}
