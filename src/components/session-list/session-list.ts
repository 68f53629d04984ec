import { html, isServer, LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Session } from '../../api/schema.js';
import { ClockController } from '../../controllers/clock.js';
import { SessionFeedController } from '../../controllers/session-feed.js';
import type { StopResult } from '../../api/stop.js';
import { FilterChangeEvent, SessionSelectEvent, SessionsErrorEvent, SessionsLoadEvent } from '../../events.js';
import { warmFormatters } from '../../model/format.js';
import { usableLocale } from '../../model/intl.js';
import { isTicking, type SessionRow } from '../../model/session-row.js';
import { toCsv } from '../../model/csv.js';
import { SessionView } from '../../model/session-view.js';
import { detailHref } from '../../model/detail-link.js';
import { FILTER_KEYS, readFiltersFromUrl, withFiltersInUrl, type UrlState } from '../../model/url-filters.js';
import { defineElement, TAG_NAME } from '../../registration.js';
import { defaultStrings, type SessionListStrings } from '../../strings.js';
import { renderHeader } from './columns.js';
import { GridController } from './grid-controller.js';
import { HealthNames, rowContent, type RowContext } from './row-content.js';
import { RowsController } from './rows-controller.js';
import { Announcer } from './announcer.js';
import { styles } from './session-list.styles.js';
import { StopLoader } from './stop-loader.js';
import {
  renderBody,
  renderFooter,
  renderNewSessions,
  renderNotices,
  renderSummary,
  type ListContext,
} from './states.js';
import { renderToolbar } from './toolbar.js';
import { Triage } from './triage.js';

declare const __RENSEI_VERSION__: string;

/**
 * A live, filterable list of one Rensei project's agent sessions, with health at a glance.
 *
 * Each event below is typed as a `CustomEvent` of its `detail`; the event classes named are
 * exported and listed in `HTMLElementEventMap` and `GlobalEventHandlersEventMap`. All events
 * bubble and are composed.
 *
 * @summary Shows a Rensei project's AI-agent sessions, live, on any page.
 *
 * @tag rensei-session-list
 *
 * @fires {CustomEvent<{ session: Session }>} session-select - A row was activated (a `SessionSelectEvent`). Cancelable: cancelling keeps the row from being marked selected (and a detail link from being followed).
 * @fires {CustomEvent<{ request: FeedRequestKind; added: string[]; updated: string[]; held: string[]; total: number; hasMore: boolean; rejected: number; shared: boolean }>} sessions-load - A page or refresh was merged (a `SessionsLoadEvent`).
 * @fires {CustomEvent<{ kind: ApiErrorKind; status: number | null; message: string; request: FeedRequestKind; retryInMs: number | null }>} sessions-error - A request failed; rows on screen stay (a `SessionsErrorEvent`).
 * @fires {CustomEvent<{ status: string; search: string; health: string; sort: string; since: string }>} filter-change - A person changed the filters, the sort or the range, like a native `change`; host-set ones fire nothing (a `FilterChangeEvent`).
 * @fires {CustomEvent<{ sessions: Session[] }>} sessions-stop - A person asked to stop these sessions (with `actions="stop"`); nothing is sent yet (a `SessionsStopEvent`). Cancelable: cancelling sends nothing and opens no confirmation (confirm your own way, then call `stop(ids)`).
 * @fires {CustomEvent<{ results: StopResult[] }>} sessions-stopped - Every answer of a stop is in, one `{ id, ok, status, message }` per id (a `SessionsStoppedEvent`).
 *
 * @slot empty - Replaces the words of the empty state shown when the project has no sessions.
 * @slot error - Extra help shown under the message of the blocking error state (who to ask, a status page).
 *
 * @csspart base - The element's inner wrapper.
 * @csspart toolbar - The bar holding the filters and the "updated" time.
 * @csspart status-filter - The native `<select>` of statuses, with counts.
 * @csspart search - The native `<input type="search">` for the identifier prefix.
 * @csspart health-filter - The native `<select>` of health views (all, needs attention, blocking).
 * @csspart since-filter - The native `<select>` of time ranges (any time, 1h, 24h, 7d, or the host's value).
 * @csspart export - The button that downloads the view as CSV (`toCsv()`, with a UTF-8 byte order mark).
 * @csspart summary - Health at a glance above the rows: the counts, and the total cost of the rows shown.
 * @csspart summary-item - A count in the summary, a button that sets `health` to its `data-health` (`blocking`, `attention`).
 * @csspart updated - When the list was last updated.
 * @csspart notice - A non-blocking notice above rows that stay on screen.
 * @csspart notice-action - The control inside a notice that tries again.
 * @csspart new-sessions - The control that brings in new sessions held back while scrolled away.
 * @csspart scroller - The scrolling area (scrolls itself when the host gives the element a height).
 * @csspart grid - The ARIA grid.
 * @csspart header - The column header row.
 * @csspart sort-button - The button in a sortable column's header; carries `data-sort="<key>"`. Click: sort, reverse, API order.
 * @csspart row - One per rendered session row; carries `data-session-id`.
 * @csspart cell - Every cell of a row.
 * @csspart health-dot - The health dot; carries `data-health="green|yellow|red|unknown"`.
 * @csspart tooltip - The health tooltip (hover the dot, or focus its row).
 * @csspart identifier - The issue identifier; a link (`<a href>`) when `detail-url` is set.
 * @csspart copy - The button that copies the session id (shown on row hover and focus).
 * @csspart started - When the session was claimed, relative; the absolute time is in its tooltip.
 * @csspart duration - The duration cell (also a `cell`).
 * @csspart cost - The cost cell (also a `cell`).
 * @csspart status-badge - The status word; carries `data-status`.
 * @csspart not-live - The marker on a working row that live refresh does not cover.
 * @csspart loading - The state shown while the first page loads.
 * @csspart empty - The empty state (no sessions, or none match the filters).
 * @csspart clear-filters - The control in the empty state that clears the filters.
 * @csspart error - The blocking error state (nothing to show).
 * @csspart retry - The control inside `error` that tries again.
 * @csspart footer - The line under the rows: how many are shown (of how many loaded), and load-more. Their total cost is in `summary`.
 * @csspart load-more - The control that fetches the next page; present only while a next cursor exists.
 * @csspart row-check - With `actions="stop"`: each row's checkbox (Space on a focused row toggles it).
 * @csspart check-all - With `actions="stop"`: the header's checkbox; checks every row of the view as it is now, and says how many.
 * @csspart stop - With `actions="stop"`: the stop button of a queued or working row, named after the session ("Stop ENG-124").
 * @csspart stop-outcome - A stop's outcome on its row: stopping…, stopped, or why it failed; carries `data-outcome="stopping|ok|failed"`.
 * @csspart bulk-stop - With `actions="stop"`: the toolbar's button that stops the checked rows of the view that can be stopped, saying how many.
 * @csspart stop-summary - With `actions="stop"`: what the last stop did (a live region).
 * @csspart confirm - With `actions="stop"`: the confirmation `<dialog>`, naming what will be stopped.
 * @csspart confirm-accept - The confirmation's Stop button.
 * @csspart confirm-cancel - The confirmation's Cancel button, the default (Escape cancels too).
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
      sort: { reflect: true },
      since: { reflect: true },
      refreshInterval: { type: Number, attribute: 'refresh-interval' },
      timeout: { type: Number },
      selected: { reflect: true },
      locale: {},
      detailUrl: { attribute: 'detail-url' },
      syncUrl: { type: Boolean, attribute: 'sync-url' },
      urlParamPrefix: { attribute: 'url-param-prefix' },
      theme: { reflect: true },
      sharing: {},
      strings: { attribute: false },
      actions: {},
    };
  }

  /** This copy's package version, written in at build time from `package.json`. */
  static readonly version: string = __RENSEI_VERSION__;

  /**
   * Registers the element as `tag` in `registry` (a scoped registry works too), unless the tag is
   * taken: the first registration wins, and a different version already there gets one console
   * warning naming both. Answers the class the tag is bound to.
   */
  static define(tag = TAG_NAME, registry: CustomElementRegistry = customElements): CustomElementConstructor {
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

  /**
   * Sort key: `health`, `identifier`, `status`, `started`, `duration` or `cost`, `-` first to
   * reverse its natural direction; `""` keeps the API's order. Ties keep the API's order. The first
   * time it is set, the sort chunk (`rensei-session-list.sort-engine.js`) loads; `updateComplete`
   * waits for it.
   */
  sort = '';

  /**
   * Time range: `30m`, `24h`, `7d` back from now, or an ISO 8601 date or date-time; `""` = none.
   * The widget loads pages by itself until the range is covered (at most 20 for one value). The
   * first time it is set, the range chunk (`rensei-session-list.range-engine.js`) loads.
   */
  since = '';

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

  /** Mirror `status`, `search`, `health`, `sort` and `since` into the page's query string, and read them back on load. */
  syncUrl = false;

  /** Prefix of the query parameters `sync-url` writes (`rensei-status`, …), so two widgets don't collide. */
  urlParamPrefix = 'rensei-';

  /** `light` or `dark` forces a theme; empty follows `prefers-color-scheme`. */
  theme = '';

  /**
   * Who shares live refresh with this widget: `browser` (default), every widget on the same
   * api-base, project and credential in the browser's tabs and same-origin frames (one fetches,
   * the others merge its answer); `page`, only those on this page (for frames or tabs you want
   * apart); `off`, none (each widget fetches for itself: a host that compares feeds, or tests).
   */
  sharing = 'browser';

  /** Replaces any of the widget's words (see `SessionListStrings`). */
  strings: Partial<SessionListStrings> = {};

  /** What a person may do from the list, space-separated: `stop`. Empty: read-only, nothing rendered. */
  actions = '';

  readonly #feed = new SessionFeedController(this, {
    settings: () => ({
      apiBase: this.apiBase,
      project: this.project,
      token: this.token,
      refreshInterval: this.refreshInterval,
      timeout: this.timeout,
      sharing: this.sharing,
    }),
    // While a person is on a row, or scrolled away, new rows wait: nothing moves under them.
    holdNewRows: () => this.#grid.hasFocus() || this.#rows.window.isAwayFromTop(),
    onLoad: (change, request, shared) => {
      const { rows, hasMore, rejected, heldCount } = this.#feed;
      const detail = { request, ...change, total: rows.length, hasMore, rejected: rejected.length, shared };
      this.dispatchEvent(new SessionsLoadEvent(detail));
      this.#announcer.loaded(this.#text, change, heldCount, this.#locale);
    },
    onError: ({ kind, status, message }, request, retryInMs) => {
      this.dispatchEvent(new SessionsErrorEvent({ kind, status, message, request, retryInMs }));
      this.#announcer.failed(this.#text, message, !this.#feed.isEmpty);
    },
  });

  readonly #announcer = new Announcer(this);

  readonly #rows = new RowsController(this, () => this.renderRoot);

  readonly #grid = new GridController(this, this.#rows, {
    root: () => this.renderRoot,
    rows: () => this.#view.rows,
    activate: (id) => this.#activate(id),
    use: (control, id) => this.#stops.loaded?.use(control, id),
    toggle: (id) => !!this.#stops.shown?.toggle(id),
  });

  /** Stopping: a chunk of its own, loaded once `actions` asks for it or `stop()` is called. */
  readonly #stops: StopLoader = new StopLoader(
    this,
    {
      feed: this.#feed,
      settings: () => ({ apiBase: this.apiBase, token: this.token }),
      view: () => this.#view.rows,
      text: () => this.#text,
      locale: () => this.#locale,
      root: () => this.renderRoot,
    },
    () => this.actions.split(/\s+/).includes('stop'),
  );

  readonly #sessionView = new SessionView();
  /** Sorting (a chunk of its own, loaded once `sort` names a key), the range's paging, export. */
  readonly #triage = new Triage(this, this.#feed, this.#sessionView, this.#rows.window);
  readonly #healthNames = new HealthNames();

  /** The words and locale of the current render: resolved once per render, not once per row. */
  #text: SessionListStrings = defaultStrings;
  #locale: string | undefined;

  constructor() {
    super();
    // A tick while something on screen counts: a working row's duration, a retry countdown.
    // (A relative range ticks too: its oldest row leaves the view as the clock passes its start.)
    const ticks = () =>
      !!this.#feed.failure?.retryAt ||
      this.#view.counts.ageOutAt !== null ||
      this.#rows.shown.some((row) => isTicking(row) && this.#feed.isLive(row));
    this.addController(new ClockController(this, ticks));
  }

  /** The loaded sessions, in order (read-only). */
  get sessions(): readonly Session[] {
    return this.#feed.rows.map((row) => row.session);
  }

  /** Fetches the first page now and merges it. Resolves when done (or skipped: one request at a time). */
  refresh(): Promise<void> {
    return this.#feed.refresh();
  }

  /** Appends the next page, if there is one. */
  loadMore(): Promise<void> {
    return this.#feed.loadMore();
  }

  /** The view as CSV (RFC 4180, CRLF): every row that passes the filters and range, in the order shown. */
  toCsv(): string {
    return toCsv(this.#view.rows, Date.now());
  }

  /**
   * Stops these sessions now, without asking (the host has asked) and without `sessions-stop`,
   * whatever `actions` says: at most 4 requests at once. Ids not loaded, ended, in flight or a dot
   * segment are not sent (`ok: false, status: null`). Fires `sessions-stopped` when all are in.
   */
  stop(ids: string[]): Promise<StopResult[]> {
    return this.#stops.load().then((stops) => stops.stop(ids));
  }

  get #filters(): UrlState {
    return { status: this.status, search: this.search, health: this.health, sort: this.sort, since: this.since };
  }

  /** The rows that pass the filters: one pass per change of rows or filters, however often this renders. */
  get #view(): SessionView {
    return this.#sessionView.update(this.#feed, this.#filters);
  }

  /**
   * Settled also once a chunk on its way (sort, range, stop controls) is in, and has rendered.
   * @internal Lit's lifecycle, as the manifest leaves the others out.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    const { sort, range } = this.#triage;
    for (
      let chunk;
      (chunk = sort.arriving ?? range.arriving ?? this.#stops.arriving);
      done = await super.getUpdateComplete()
    )
      await chunk;
    return done;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.hasUpdated) Object.assign(this, readFiltersFromUrl(location.href, this.urlParamPrefix));
  }

  protected override firstUpdated(): void {
    // While the first page is on its way, build the formatters its rows need (on a page that has
    // not used `Intl` yet, the first costs tens of ms), in a task of its own after this render.
    setTimeout(warmFormatters, 0, this.#locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.#stops.wanted()) void this.#stops.load();
    if (changed.has('strings')) this.#text = { ...defaultStrings, ...this.strings };
    // The attribute, else the nearest `lang`, else (both unusable) the browser's. A server (SSR) has
    // no tree to look up: the browser finds the `lang` when it takes over.
    this.#locale =
      usableLocale(this.locale) ?? (isServer ? undefined : usableLocale(this.closest('[lang]')?.getAttribute('lang')));
    if (changed.has('project') || changed.has('token') || changed.has('apiBase') || changed.has('sharing')) {
      this.#feed.reset();
      this.#stops.loaded?.reset();
    } else if (changed.has('refreshInterval')) {
      this.#feed.reschedule();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.syncUrl && FILTER_KEYS.some((name) => changed.has(name))) {
      const href = withFiltersInUrl(location.href, this.#filters, this.urlParamPrefix);
      // Keep the history entry and its state: a single-page app's router must not notice.
      if (href !== location.href) history.replaceState(history.state, '', href);
    }
  }

  // ——— interaction ———

  /** A person changed the filters: apply, and tell the host (host-set filters fire nothing, like `change`). */
  #setFilters(filters: Partial<UrlState>): void {
    Object.assign(this, filters);
    this.dispatchEvent(new FilterChangeEvent(this.#filters));
  }

  /**
   * The status, health and range selects, the search field, the summary's counts and the header's
   * sort buttons: each control is named after its filter, and holds the value it sets.
   */
  readonly #onFilterInput = (event: Event): void => {
    const { name, value } = event.currentTarget as HTMLInputElement;
    this.#setFilters({ [name]: value });
  };

  #activate(id: string): void {
    const row = this.#feed.get(id);
    if (!row) return;
    const event = new SessionSelectEvent(row.session);
    this.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.selected = id;
    const href = detailHref(this.detailUrl, id, document.baseURI);
    if (href) location.assign(href);
  }

  // ——— rendering ———

  #context(): ListContext {
    return {
      t: this.#text,
      locale: this.#locale,
      feed: this.#feed,
      view: this.#view,
      filters: this.#filters,
      range: this.#triage.range.loaded,
      retry: () => void this.#feed.retry(),
      loadMore: () => void this.loadMore(),
      clearFilters: () => this.#setFilters({ status: '', search: '', health: '', since: '' }),
      showNew: () => {
        this.#feed.showPending();
        this.#rows.window.scrollToTop();
      },
    };
  }

  protected override render(): TemplateResult {
    const context = this.#context();
    const copied = this.#grid.copied;
    return html`<div class="root" part="base">
      <span class="visually-hidden" role="status"
        >${copied ? (copied.ok ? context.t.copied : context.t.copyFailed) : ''}</span
      >
      <span class="visually-hidden" role="status">${this.#announcer.text}</span>
      ${renderToolbar({
        ...context,
        statusOptions: context.view.statusOptions,
        updatedAt: this.#feed.updatedAt,
        fromTab: this.#feed.fromTab,
        onInput: this.#onFilterInput,
        exportCsv: () => this.#triage.download(this.toCsv()),
        extra: [context.feed.isEmpty ? '' : renderSummary(context, this.#onFilterInput), this.#stops.shown?.toolbar()],
      })}
      ${renderNotices(context)}
      <div class="scroller" part="scroller">
        ${renderNewSessions(context)} ${renderBody(context, (rows) => this.#renderGrid(rows))}
      </div>
      ${renderFooter(context)} ${this.#stops.shown?.dialog()}
    </div>`;
  }

  #renderGrid(rows: readonly SessionRow[]): TemplateResult {
    const t = this.#text;
    const grid = this.#grid;
    const sorter = this.#triage.sort.loaded;
    sorter?.hold(this.#view, grid.focusedId);
    const stops = this.#stops.shown;
    const rowContext: RowContext = {
      text: t,
      locale: this.#locale,
      now: Date.now(),
      detailUrl: this.detailUrl,
      // A server renders no rows (nor has a document).
      baseUrl: isServer ? '' : document.baseURI,
      selected: this.selected,
      hovered: grid.hoveredId,
      copied: grid.copied,
      isLive: (row) => this.#feed.isLive(row),
      healthNames: this.#healthNames,
      actions: stops ?? null,
    };
    this.#rows.show(rows, grid.focusedId, (row, index, tabStop) => rowContent(row, index, tabStop, rowContext));
    const header = renderHeader(t, this.sort, (key) => sorter?.ariaSort(key), this.#onFilterInput, stops?.checkAll());
    return grid.frame(rows.length, t, this.#feed.pending, header, stops ? 'acts' : '');
  }
}
