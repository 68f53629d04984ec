import {
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { ApiError } from '../../api/client.js';
import type { Session } from '../../api/schema.js';
import { ClockController } from '../../controllers/clock.js';
import { SessionFeedController, type FeedRequestKind } from '../../controllers/session-feed.js';
import { overflows, WindowController } from '../../controllers/window.js';
import { FilterChangeEvent, SessionSelectEvent, SessionsErrorEvent, SessionsLoadEvent } from '../../events.js';
import {
  filterRows,
  hasActiveFilters,
  statusOptions,
  withSelectedStatus,
  type FilteredRows,
  type SessionFilters,
  type StatusOption,
} from '../../model/filter.js';
import {
  formatCost,
  formatCount,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatTime,
  MISSING,
  warmFormatters,
} from '../../model/format.js';
import { signalWords } from '../../model/health.js';
import { durationAt, isTicking, type SessionRow } from '../../model/session-row.js';
import type { StoreChange } from '../../model/session-store.js';
import { defaultStrings, type SessionListStrings } from '../../strings.js';
import { readFiltersFromUrl, withFiltersInUrl } from '../../model/url-filters.js';
import { detailHref } from '../../model/detail-link.js';
import { usableLocale } from '../../model/intl.js';
import { defineElement } from '../../registration.js';
import { RowView, type RowContent } from './row-view.js';
import { styles } from './session-list.styles.js';

function added<C extends ReactiveController>(host: ReactiveControllerHost, controller: C): C {
  host.addController(controller);
  return controller;
}

const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const HEALTH_FILTERS = ['', 'attention', 'blocking'] as const;
/** How long the copy confirmation stays. */
const COPIED_MS = 1500;

/**
 * A live, filterable list of one Rensei project's agent sessions, with health at a glance.
 *
 * Each event below is typed as a `CustomEvent` of its `detail`; the event classes named are
 * exported and listed in `HTMLElementEventMap`. All events bubble and are composed.
 *
 * @summary Shows a Rensei project's AI-agent sessions, live, on any page.
 *
 * @tag rensei-session-list
 *
 * @fires {CustomEvent<{ session: Session }>} session-select - A row was activated (a `SessionSelectEvent`). Cancelable: cancelling keeps the row from being marked selected (and a detail link from being followed).
 * @fires {CustomEvent<{ kind: FeedRequestKind; added: string[]; updated: string[]; held: string[]; total: number; hasMore: boolean; rejected: number }>} sessions-load - A page or refresh was merged (a `SessionsLoadEvent`).
 * @fires {CustomEvent<{ kind: ApiErrorKind; status: number | null; message: string; request: FeedRequestKind; retryInMs: number | null }>} sessions-error - A request failed; rows on screen stay (a `SessionsErrorEvent`).
 * @fires {CustomEvent<{ status: string; search: string; health: string }>} filter-change - A person changed the filters, like a native `change`; host-set filters fire nothing (a `FilterChangeEvent`).
 *
 * @slot empty - Replaces the words of the empty state shown when the project has no sessions.
 * @slot error - Extra help shown under the message of the blocking error state (who to ask, a status page).
 *
 * @csspart base - The element's inner wrapper.
 * @csspart toolbar - The bar holding the filters and the "updated" time.
 * @csspart status-filter - The native `<select>` of statuses, with counts.
 * @csspart search - The native `<input type="search">` for the identifier prefix.
 * @csspart health-filter - The native `<select>` of health views (all, needs attention, blocking).
 * @csspart updated - When the list was last updated.
 * @csspart notice - A non-blocking notice above rows that stay on screen.
 * @csspart notice-action - The control inside a notice that tries again.
 * @csspart new-sessions - The control that brings in new sessions held back while scrolled away.
 * @csspart scroller - The scrolling area (scrolls itself when the host gives the element a height).
 * @csspart grid - The ARIA grid.
 * @csspart header - The column header row.
 * @csspart row - One per rendered session row; carries `data-session-id`.
 * @csspart cell - Every cell of a row.
 * @csspart health-dot - The health dot; carries `data-health="green|yellow|red|unknown"`.
 * @csspart tooltip - The health tooltip (hover the dot, or focus its row).
 * @csspart identifier - The issue identifier; a link (`<a href>`) when `detail-url` is set.
 * @csspart copy - The button that copies the session id (shown on row hover and focus).
 * @csspart started - When the session was claimed, relative; the absolute time is in its tooltip.
 * @csspart status-badge - The status word; carries `data-status`.
 * @csspart not-live - The marker on a working row that live refresh does not cover.
 * @csspart loading - The state shown while the first page loads.
 * @csspart empty - The empty state (no sessions, or none match the filters).
 * @csspart clear-filters - The control in the empty state that clears the filters.
 * @csspart error - The blocking error state (nothing to show).
 * @csspart retry - The control inside `error` that tries again.
 * @csspart footer - The summary line under the rows.
 * @csspart load-more - The control that fetches the next page; present only while a next cursor exists.
 *
 * @cssprop [--rensei-font=system-ui, sans-serif] - Font family (every current browser has `system-ui`).
 * @cssprop [--rensei-font-size=14px] - Base font size.
 * @cssprop [--rensei-color-text=#1f2328] - Text colour (dark scheme: #e6edf3).
 * @cssprop [--rensei-color-muted=#59636e] - Secondary text (dark scheme: #9198a1).
 * @cssprop [--rensei-color-background=#ffffff] - Background (dark scheme: #0d1117).
 * @cssprop [--rensei-color-surface=#f6f8fa] - Header, toolbar and hover background (dark scheme: #151b23).
 * @cssprop [--rensei-color-border=#d1d9e0] - Borders (dark scheme: #3d444d).
 * @cssprop [--rensei-color-accent=#0969da] - Focus ring, selection and controls (dark scheme: #4493f8).
 * @cssprop [--rensei-color-selected=#ddf4ff] - Selected row background (dark scheme: #132339).
 * @cssprop [--rensei-color-green=#1a7f37] - Healthy (dark scheme: #3fb950).
 * @cssprop [--rensei-color-yellow=#9a6700] - Advisory (dark scheme: #d29922).
 * @cssprop [--rensei-color-red=#d1242f] - Blocking (dark scheme: #f85149).
 * @cssprop [--rensei-color-unknown=#818b98] - Health unknown (dark scheme: #656c76).
 * @cssprop [--rensei-row-height=36px] - Minimum row height.
 * @cssprop [--rensei-density=1] - Scales cell padding: 0.75 is compact, 1.25 roomy.
 * @cssprop [--rensei-radius=6px] - Corner radius of controls and the frame.
 */
export class RenseiSessionList extends LitElement {
  static override styles = styles;

  static override get properties(): PropertyDeclarations {
    return {
      project: {},
      token: {},
      apiBase: { attribute: 'api-base' },
      status: { reflect: true },
      search: { reflect: true },
      health: { reflect: true },
      refreshInterval: { type: Number, attribute: 'refresh-interval' },
      timeout: { type: Number },
      selected: { reflect: true },
      locale: {},
      detailUrl: { attribute: 'detail-url' },
      syncUrl: { type: Boolean, attribute: 'sync-url' },
      urlParamPrefix: { attribute: 'url-param-prefix' },
      theme: { reflect: true },
      strings: { attribute: false },
      // Internal state: `state: true` alone would still observe an attribute (only the @state
      // decorator adds `attribute: false`); the manifest test holds the observed attributes.
      focusedId: { state: true, attribute: false },
      hoveredId: { state: true, attribute: false },
      copied: { state: true, attribute: false },
    };
  }

  /** This copy's package version (equal to `package.json`'s; a test holds it there). */
  static readonly version: string = '0.1.0';

  /**
   * Registers the element as `tag` in `registry` (a scoped registry works too), unless the tag is
   * taken: the first registration wins, and a different version already there gets one console
   * warning naming both. Answers the class the tag is bound to.
   */
  static define(
    tag = 'rensei-session-list',
    registry: CustomElementRegistry = customElements,
  ): CustomElementConstructor {
    return defineElement(this, tag, registry);
  }

  /** A project slug, or a `proj_…` id; empty scopes by the page's Referer. */
  project = '';

  /** An `rsk_*` API key, sent as `Authorization: Bearer`. Prefer the property; it is never reflected. */
  token = '';

  /** Where the API lives: an origin, optionally with a path prefix (a same-origin proxy works too). */
  apiBase = 'https://app.rensei.ai';

  /** Status filter; `""` = all. Any status word works. */
  status = '';

  /** Identifier prefix filter, case-insensitive. */
  search = '';

  /** Health filter: `""` = all, `attention` = yellow and red, `blocking` = red. */
  health = '';

  /** Seconds between live refreshes (fractions allowed); 0 turns live refresh off. */
  refreshInterval = 15;

  /**
   * Seconds to wait for an answer (fractions allowed) before giving up on a request that hangs; it
   * then fails like any other (the rows stay; live refresh tries again, backing off). 0 or empty: 30.
   */
  timeout = 30;

  /** The id of the session the host is showing; that row is marked selected. */
  selected = '';

  /** BCP 47 locale for numbers, costs and times; defaults to the document's `lang`, then the browser's. */
  locale = '';

  /**
   * A detail-link template with `{id}`, e.g. `https://app.rensei.ai/sessions/{id}`: each identifier
   * becomes a real link (new tab, copy link address work), followed on activation unless cancelled.
   */
  detailUrl = '';

  /** Mirror `status`, `search` and `health` into the page's query string, and read them back on load. */
  syncUrl = false;

  /** Prefix of the query parameters `sync-url` writes (`rensei-status`, …), so two widgets don't collide. */
  urlParamPrefix = 'rensei-';

  /** `light` or `dark` forces a theme; empty follows `prefers-color-scheme`. */
  theme = '';

  /** Replaces any of the widget's words (see `SessionListStrings`). */
  strings: Partial<SessionListStrings> = {};

  /** The id of the row that holds the grid's one Tab stop. */
  private focusedId = '';

  /** The row under the pointer: it gets the copy button and the health tooltip. */
  private hoveredId = '';

  /** The last copy of an id, for its visible confirmation. */
  private copied: { id: string; ok: boolean } | null = null;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  readonly #feed = new SessionFeedController(this, {
    settings: () => ({
      apiBase: this.apiBase,
      project: this.project,
      token: this.token,
      refreshInterval: this.refreshInterval,
      timeout: this.timeout,
    }),
    isAwayFromTop: () => this.#isAwayFromTop(),
    onLoad: (change, kind) => this.#onFeedLoad(change, kind),
    onError: (error, kind, retryIn) => this.#onFeedError(error, kind, retryIn),
  });

  protected readonly clock = new ClockController(this, () => this.#needsClock());

  // The rows are written after each render by a controller added just before the window
  // controller, which then measures them.
  readonly #rowWindow =
    (added(this, { hostUpdated: () => this.#syncRows() }),
    new WindowController(this, {
      scroller: () => this.#find('.scroller'),
      body: () => this.#find('.rows'),
      sampleRow: () => this.#find('[part~="row"]'),
    }));

  /** The rows in the DOM at the last render (the window over the filtered rows). */
  #rendered: readonly SessionRow[] = [];
  /** What those rows show, and their DOM by id. */
  #rowContents: RowContent[] = [];
  #rowViews = new Map<string, RowView>();

  #filterMemo: { version: number; key: string; result: FilteredRows } | undefined;
  #statusMemo: { version: number; result: StatusOption[] } | undefined;

  #find(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** The loaded sessions, in order (read-only). */
  get sessions(): readonly Session[] {
    return this.#feed.store.rows.map((row) => row.session);
  }

  /** Fetches the first page now and merges it. Resolves when done (or skipped: one request at a time). */
  refresh(): Promise<void> {
    return this.#feed.refresh();
  }

  /** Appends the next page, if there is one. */
  loadMore(): Promise<void> {
    return this.#feed.loadMore();
  }

  /** The words and locale of the current render: resolved once per render, not once per row. */
  #text: SessionListStrings = defaultStrings;
  #resolvedLocale: string | undefined;
  /** Health names by health object (rows share them), for the current words. */
  #healthNames = new Map<SessionRow['health'], string>();

  get #filters(): SessionFilters {
    return { status: this.status, search: this.search, health: this.health };
  }

  /** One filtering pass per change of rows or filters, however often the element renders. */
  get #filtered(): FilteredRows {
    const { version } = this.#feed.store;
    const key = `${this.status}\u0000${this.search}\u0000${this.health}`;
    if (this.#filterMemo?.version !== version || this.#filterMemo.key !== key) {
      this.#filterMemo = { version, key, result: filterRows(this.#feed.store.rows, this.#filters) };
    }
    return this.#filterMemo.result;
  }

  /** Counts per status over the loaded rows: one pass per change of rows, not per render or status change. */
  get #statusOptions(): StatusOption[] {
    const { version } = this.#feed.store;
    if (this.#statusMemo?.version !== version) {
      this.#statusMemo = { version, result: statusOptions(this.#feed.store.rows) };
    }
    return withSelectedStatus(this.#statusMemo.result, this.status);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.hasUpdated) Object.assign(this, readFiltersFromUrl(location.href, this.urlParamPrefix));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#copiedTimer);
  }

  protected override firstUpdated(): void {
    // While the first page is on its way, build the formatters its rows need (on a page that has
    // not used `Intl` yet, the first costs tens of ms), in a task of its own after this render.
    setTimeout(warmFormatters, 0, this.#resolvedLocale);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.syncUrl && (changed.has('status') || changed.has('search') || changed.has('health'))) {
      const href = withFiltersInUrl(location.href, this.#filters, this.urlParamPrefix);
      // Keep the history entry and its state: a single-page app's router must not notice.
      if (href !== location.href) history.replaceState(history.state, '', href);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) {
      this.#text = { ...defaultStrings, ...this.strings };
      this.#healthNames.clear();
    }
    // The attribute, else the nearest `lang`, else (both unusable) the browser's.
    this.#resolvedLocale = usableLocale(this.locale) ?? usableLocale(this.closest('[lang]')?.getAttribute('lang'));
    if (changed.has('project') || changed.has('token') || changed.has('apiBase')) {
      this.#feed.reset();
    } else if (changed.has('refreshInterval')) {
      this.#feed.reschedule();
    }
  }

  #needsClock(): boolean {
    if (this.#feed.failure?.retryAt) return true;
    const { store } = this.#feed;
    return this.#rendered.some((row) => isTicking(row) && store.isLive(row));
  }

  /** The element's own scroller when it scrolls (the host gave it a height), else null: the page scrolls. */
  #ownScroller(): HTMLElement | null {
    const scroller = this.#find('.scroller');
    return scroller && overflows(scroller) ? scroller : null;
  }

  #isAwayFromTop(): boolean {
    const scroller = this.#ownScroller();
    if (scroller) return scroller.scrollTop > 4;
    const grid = this.#find('[part~="grid"]');
    return grid ? grid.getBoundingClientRect().top < -4 : false;
  }

  #onFeedLoad(change: StoreChange, kind: FeedRequestKind): void {
    const { store } = this.#feed;
    this.dispatchEvent(
      new SessionsLoadEvent({
        kind,
        ...change,
        total: store.rows.length,
        hasMore: store.nextCursor !== null,
        rejected: this.#feed.rejected.length,
      }),
    );
  }

  #onFeedError(error: ApiError, request: FeedRequestKind, retryInMs: number | null): void {
    this.dispatchEvent(
      new SessionsErrorEvent({ kind: error.kind, status: error.status, message: error.message, request, retryInMs }),
    );
  }

  // ——— interaction ———

  /** A person changed the filters: apply, and tell the host (host-set filters fire nothing, like `change`). */
  #setFilters(filters: Partial<SessionFilters>): void {
    Object.assign(this, filters);
    this.dispatchEvent(new FilterChangeEvent(this.#filters));
  }

  /** The status and health selects and the search field: each control is named after its filter. */
  #onFilterInput(event: Event): void {
    const { name, value } = event.target as HTMLInputElement;
    this.#setFilters({ [name]: value });
  }

  #clearFilters(): void {
    this.#setFilters({ status: '', search: '', health: '' });
  }

  #showNewSessions(): void {
    this.#feed.store.releasePending();
    this.requestUpdate();
    const scroller = this.#ownScroller();
    if (scroller) scroller.scrollTop = 0;
    else this.#find('[part~="grid"]')?.scrollIntoView({ block: 'start' });
  }

  #rowOf(event: Event): HTMLElement | null {
    for (const node of event.composedPath()) {
      if (node === this.renderRoot) break;
      if (node instanceof HTMLElement && node.matches('[part~="row"]')) return node;
    }
    return null;
  }

  /**
   * The control inside the row the event began on (it keeps its own behaviour), if any. A row
   * holds only what RowView builds: the detail link and the copy button.
   */
  #innerControl(event: Event, row: HTMLElement): HTMLElement | null {
    for (const node of event.composedPath()) {
      if (node === row) return null;
      if (node instanceof HTMLElement && node.matches('a[href], button')) return node;
    }
    return null;
  }

  #onGridClick(event: MouseEvent): void {
    const row = this.#rowOf(event);
    if (!row) return;
    // The copy button, the detail link, or neither.
    const control = this.#innerControl(event, row);
    if (control?.localName === 'button') {
      void this.#copyId(row.dataset.sessionId!);
      return;
    }
    const detailLink = control !== null;
    // A modified or middle click is the browser's (a new tab on the link), and activates nothing.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    // The widget follows the link itself, after session-select, unless a listener cancels.
    if (detailLink) event.preventDefault();
    this.#activate(row.dataset.sessionId!);
  }

  #onGridFocusIn(event: FocusEvent): void {
    const row = this.#rowOf(event);
    if (row) this.focusedId = row.dataset.sessionId!;
  }

  #onGridPointerOver(event: PointerEvent): void {
    this.hoveredId = this.#rowOf(event)?.dataset.sessionId ?? '';
  }

  #onGridPointerLeave(): void {
    this.hoveredId = '';
  }

  #onGridKeyDown(event: KeyboardEvent): void {
    const row = this.#rowOf(event);
    if (!row || this.#innerControl(event, row)) return;
    const rows = this.#filtered.rows;
    const at = rows.findIndex((candidate) => candidate.id === row.dataset.sessionId);
    if (at === -1) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#activate(rows[at]!.id);
      return;
    }
    // Ctrl/Cmd+C on a focused row copies its id (the copy button is for pointers: one Tab stop).
    if ((event.ctrlKey || event.metaKey) && event.key === 'c' && !getSelection()?.toString()) {
      event.preventDefault();
      void this.#copyId(rows[at]!.id);
      return;
    }
    if (!NAVIGATION_KEYS.has(event.key)) return;
    event.preventDefault();
    const pageSize = Math.max(1, Math.floor(this.#scrollerViewportHeight() / Math.max(1, row.offsetHeight)) - 1);
    const last = rows.length - 1;
    const next = {
      ArrowUp: at - 1,
      ArrowDown: at + 1,
      Home: 0,
      End: last,
      PageUp: at - pageSize,
      PageDown: at + pageSize,
    }[event.key as 'ArrowUp'];
    this.#focusRow(rows[Math.min(last, Math.max(0, next))]!.id);
  }

  #scrollerViewportHeight(): number {
    return this.#ownScroller()?.clientHeight || window.innerHeight;
  }

  async #focusRow(id: string): Promise<void> {
    this.focusedId = id;
    // The row may be outside the window: scroll to where it will be, render, then focus it.
    this.#rowWindow.scrollToIndex(this.#filtered.rows.findIndex((row) => row.id === id));
    // A render can re-window and render again: wait until the element has settled.
    for (let round = 0; round < 4 && !(await this.updateComplete); round++);
    // By id from the rows' views, not a selector: an id is any string, and CSS.escape turns a NUL
    // into U+FFFD, which matches no row.
    this.#rowViews.get(id)?.element.focus({ preventScroll: true });
  }

  #activate(id: string): void {
    const row = this.#feed.store.get(id);
    if (!row) return;
    this.focusedId = id;
    const event = new SessionSelectEvent(row.session);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selected = id;
    const href = detailHref(this.detailUrl, id, document.baseURI);
    if (href) location.assign(href);
  }

  async #copyId(id: string): Promise<void> {
    let ok = true;
    try {
      await navigator.clipboard.writeText(id);
    } catch {
      ok = false; // No permission, or not a secure context: say so rather than pretend.
    }
    this.copied = { id, ok };
    clearTimeout(this.#copiedTimer);
    this.#copiedTimer = setTimeout(() => (this.copied = null), COPIED_MS);
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    return html`<div class="root" part="base">
      <span class="visually-hidden" role="status"
        >${this.copied ? (this.copied.ok ? this.#text.copied : this.#text.copyFailed) : ''}</span
      >
      ${this.#renderToolbar()} ${this.#renderNotices()}
      <div class="scroller" part="scroller">${this.#renderNewSessions()} ${this.#renderBody()}</div>
      ${this.#renderFooter()}
    </div>`;
  }

  #renderToolbar(): TemplateResult {
    const t = this.#text;
    const locale = this.#resolvedLocale;
    const options = this.#statusOptions;
    const updatedAt = this.#feed.updatedAt;
    return html`<div class="toolbar" part="toolbar">
      <label class="field">
        <span class="field-label">${t.statusFilterLabel}</span>
        <select name="status" part="status-filter" .value=${this.status} @change=${this.#onFilterInput}>
          <option value="" ?selected=${this.status === ''}>${t.allStatuses}</option>
          ${options.map(
            ({ status, count }) =>
              html`<option value=${status} ?selected=${this.status === status}>
                ${t.statusOption(t.statusName(status), formatCount(count, locale))}
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
          .value=${this.search}
          @input=${this.#onFilterInput}
        />
      </label>
      <label class="field">
        <span class="field-label">${t.healthFilterLabel}</span>
        <select name="health" part="health-filter" .value=${this.health} @change=${this.#onFilterInput}>
          ${HEALTH_FILTERS.map(
            (value) =>
              html`<option value=${value} ?selected=${this.health === value}>${this.#healthLabel(value)}</option>`,
          )}
        </select>
      </label>
      <span class="updated" part="updated" aria-live="off">
        ${updatedAt === null ? nothing : t.updatedAt(this.#formatTime(updatedAt))}
      </span>
    </div>`;
  }

  /** The health filter's words for `value`; a value set by the host that isn't one is shown as given. */
  #healthLabel(value: string): string {
    const t = this.#text;
    if (value === 'attention') return t.healthFilterAttention;
    if (value === 'blocking') return t.healthFilterBlocking;
    return value || t.healthFilterAll;
  }

  #formatTime(ms: number): string {
    return formatTime(ms, this.#resolvedLocale);
  }

  #retryCountdown(): string {
    const retryAt = this.#feed.failure?.retryAt;
    if (!retryAt) return '';
    const seconds = Math.max(1, Math.ceil((retryAt - Date.now()) / 1000));
    return this.#text.retrying(formatCount(seconds, this.#resolvedLocale));
  }

  #renderNotices(): TemplateResult | typeof nothing {
    const { store, failure, rejected, authStopped } = this.#feed;
    const t = this.#text;
    const locale = this.#resolvedLocale;
    const notices: TemplateResult[] = [];
    if (failure && !store.isEmpty) {
      const said =
        failure.kind === 'more' ? t.loadMoreFailed(failure.error.message) : t.refreshFailed(failure.error.message);
      const stopped = authStopped ? ` ${t.authStopped}` : '';
      notices.push(
        html`<div class="notice" part="notice" role="status" data-kind=${failure.error.kind}>
          <span>${said} ${this.#retryCountdown()}${stopped}</span>
          <button type="button" part="notice-action" ?disabled=${this.#feed.pending} @click=${() => this.#feed.retry()}>
            ${t.retry}
          </button>
        </div>`,
      );
    }
    if (rejected.length > 0 && !store.isEmpty) {
      notices.push(
        html`<div class="notice" part="notice" role="status" data-kind="rejected">
          ${t.rejectedRows(rejected.length, formatCount(rejected.length, locale), rejected[0]!.reason)}
        </div>`,
      );
    }
    return notices.length ? html`<div class="notices">${notices}</div>` : nothing;
  }

  /** Floats over the rows (no layout space), so its appearing moves nothing the reader sees. */
  #renderNewSessions(): TemplateResult | typeof nothing {
    const held = this.#feed.store.pending.length;
    if (held === 0) return nothing;
    return html`<div class="new-sessions-anchor">
      <button type="button" class="new-sessions" part="new-sessions" @click=${this.#showNewSessions}>
        ${this.#text.newSessions(held, formatCount(held, this.#resolvedLocale))}
      </button>
    </div>`;
  }

  #renderBody(): TemplateResult {
    const { store, failure, updatedAt, rejected } = this.#feed;
    const t = this.#text;
    // Every row of the answer was rejected: nothing to show, and "no sessions yet" would be untrue.
    const allRejected =
      store.isEmpty && rejected.length > 0
        ? t.rejectedRows(rejected.length, formatCount(rejected.length, this.#resolvedLocale), rejected[0]!.reason)
        : null;
    if (store.isEmpty && (failure || allRejected)) {
      return html`<div class="state error" part="error" role="alert">
        <strong>${t.errorTitle}</strong>
        <p>${failure ? failure.error.message : allRejected} ${this.#retryCountdown()}</p>
        <slot name="error"></slot>
        <button type="button" part="retry" ?disabled=${this.#feed.pending} @click=${() => this.#feed.retry()}>
          ${t.retry}
        </button>
      </div>`;
    }
    if (store.isEmpty && updatedAt === null) {
      // The grid's frame and header are built while the answer is on its way, not after it lands.
      return this.#renderGridAnd([], html`<div class="state loading" part="loading" role="status">${t.loading}</div>`);
    }
    if (store.isEmpty) {
      return html`<div class="state empty" part="empty" data-empty="project">
        <slot name="empty">${t.emptyProject}</slot>
      </div>`;
    }
    const { rows } = this.#filtered;
    if (rows.length === 0) return this.#renderFilteredEmpty();
    return this.#renderGridAnd(rows, nothing);
  }

  /** One template for loading and loaded, so the grid built for the loading state is kept. */
  #renderGridAnd(rows: SessionRow[], after: TemplateResult | typeof nothing): TemplateResult {
    return html`${this.#renderGrid(rows)}${after}`;
  }

  /** Nothing matches the filters: say which, offer to clear them, and to load more while there is more. */
  #renderFilteredEmpty(): TemplateResult {
    const t = this.#text;
    const { store } = this.#feed;
    const more = store.nextCursor !== null;
    const said = more
      ? t.emptyLoaded(formatCount(store.rows.length, this.#resolvedLocale))
      : t.emptyFiltered(
          t.describeFilters({
            status: this.status && t.statusName(this.status),
            search: this.search.trim(),
            health: this.health && this.#healthLabel(this.health).toLowerCase(),
          }),
        );
    return html`<div class="state empty" part="empty" data-empty=${more ? 'loaded' : 'filtered'}>
      <p>${said}</p>
      <div class="actions">
        ${this.#renderLoadMore()}
        <button type="button" part="clear-filters" @click=${this.#clearFilters}>${t.clearFilters}</button>
      </div>
    </div>`;
  }

  #renderGrid(rows: SessionRow[]): TemplateResult {
    const t = this.#text;
    const { start, end } = this.#rowWindow.rangeFor(rows.length);
    const shown = rows.slice(start, end);
    const now = Date.now();
    this.#rendered = shown;
    // The one Tab stop: the focused row while it is in the window, else the first one shown.
    const focusedId = shown.some((row) => row.id === this.focusedId) ? this.focusedId : shown[0]?.id;
    this.#rowContents = shown.map((row, index) => this.#rowContent(row, start + index, row.id === focusedId, now));
    return html`<div
      role="grid"
      part="grid"
      aria-label=${t.listLabel}
      aria-rowcount=${rows.length + 1}
      aria-busy=${this.#feed.pending ? 'true' : 'false'}
      @click=${this.#onGridClick}
      @keydown=${this.#onGridKeyDown}
      @focusin=${this.#onGridFocusIn}
      @pointerover=${this.#onGridPointerOver}
      @pointerleave=${this.#onGridPointerLeave}
    >
      <div class="header-group" role="rowgroup">
        <div class="row header" role="row" part="header" aria-rowindex="1">
          <span role="columnheader" class="cell c-health"><span class="visually-hidden">${t.columnHealth}</span></span>
          <span role="columnheader" class="cell c-identifier">${t.columnIdentifier}</span>
          <span role="columnheader" class="cell c-status">${t.columnStatus}</span>
          <span role="columnheader" class="cell c-work-type">${t.columnWorkType}</span>
          <span role="columnheader" class="cell c-provider">${t.columnProvider}</span>
          <span role="columnheader" class="cell c-started">${t.columnStarted}</span>
          <span role="columnheader" class="cell c-duration num">${t.columnDuration}</span>
          <span role="columnheader" class="cell c-cost num">${t.columnCost}</span>
        </div>
      </div>
      <div class="rows" role="rowgroup"></div>
    </div>`;
  }

  #healthName(health: SessionRow['health']): string {
    let name = this.#healthNames.get(health);
    if (name === undefined) {
      name = this.#text.healthName(health.colour, health.signals.map(signalWords));
      this.#healthNames.set(health, name);
    }
    return name;
  }

  /** What one row shows: its words and numbers for this render (the row's DOM is a `RowView`). */
  #rowContent(row: SessionRow, index: number, tabStop: boolean, now: number): RowContent {
    const t = this.#text;
    const locale = this.#resolvedLocale;
    const { session, health } = row;
    const live = this.#feed.store.isLive(row);
    // A working row that the last refresh didn't cover: its duration is frozen, and says so.
    const stale = !live && isTicking(row);
    const startedMs = row.startedMs; // parsed from the session on each read
    const startedAt = formatDateTime(startedMs, locale);
    const copied = this.copied?.id === row.id ? this.copied : null;
    return {
      id: row.id,
      rowIndex: index + 2,
      selected: row.id === this.selected,
      tabStop,
      health: health.colour,
      healthName: this.#healthName(health),
      active: tabStop || row.id === this.hoveredId || copied !== null,
      identifier: session.issueIdentifier || MISSING,
      href: detailHref(this.detailUrl, row.id, document.baseURI) ?? '',
      status: session.status,
      statusName: t.statusName(session.status),
      workType: session.workType || MISSING,
      provider: session.provider || MISSING,
      started: formatRelativeTime(startedMs, now, locale),
      startedTitle: startedAt,
      startedHidden: startedMs === null ? '' : `, ${startedAt}`,
      duration: formatDuration(durationAt(row, now, live), locale),
      notLive: stale ? t.notLive : '',
      notLiveTitle: stale ? t.notLiveTitle(this.#formatTime(row.fetchedAt)) : '',
      cost: formatCost(row.costUsd, locale),
      copyLabel: t.copyId,
      copied: copied ? (copied.ok ? t.copied : t.copyFailed) : '',
      copiedState: copied ? (copied.ok ? 'ok' : 'failed') : '',
    };
  }

  /**
   * Brings the rows' container to `#rowContents`, keyed by id: rows that stay keep their element
   * (and focus), leaving ones go first, so no row that stays is ever moved past another.
   */
  #syncRows(): void {
    const body = this.#find('.rows');
    const views = new Map<string, RowView>();
    if (body) {
      for (const content of this.#rowContents) {
        const view = this.#rowViews.get(content.id) ?? new RowView();
        views.set(content.id, view);
        view.update(content);
      }
      for (const [id, view] of this.#rowViews) if (!views.has(id)) view.element.remove();
      let cursor = body.firstElementChild;
      for (const view of views.values()) {
        if (view.element === cursor) cursor = cursor.nextElementSibling;
        else body.insertBefore(view.element, cursor);
      }
    }
    this.#rowViews = views;
  }

  #renderLoadMore(): TemplateResult | typeof nothing {
    const { store } = this.#feed;
    if (store.nextCursor === null) return nothing;
    const loading = this.#feed.pendingKind === 'more';
    return html`<button type="button" part="load-more" ?disabled=${loading} @click=${() => this.loadMore()}>
      ${loading ? this.#text.loadingMore : this.#text.loadMore}
    </button>`;
  }

  #renderFooter(): TemplateResult | typeof nothing {
    const { store } = this.#feed;
    if (store.isEmpty) return nothing;
    const t = this.#text;
    const locale = this.#resolvedLocale;
    const { rows, totalCostUsd } = this.#filtered;
    const filtered = hasActiveFilters(this.#filters);
    return html`<div class="footer" part="footer">
      <span class="summary" role="status">
        ${t.footerSummary(rows.length, formatCount(rows.length, locale), formatCost(totalCostUsd, locale))}
        ${filtered ? t.footerOfLoaded(formatCount(store.rows.length, locale)) : nothing}
      </span>
      ${rows.length > 0 ? this.#renderLoadMore() : nothing}
    </div>`;
  }
}
