/**
 * Stopping sessions from the list (`actions="stop"`): the checked rows, asking (`sessions-stop`,
 * then the widget's own confirmation), sending (StopQueue: at most 4 at once, one per id), and
 * what the person sees and hears of it. The element renders the templates below and hands the
 * rows' controls here; `stop(ids)` works whether or not the templates are shown.
 */
import { adoptStyles, html, isServer, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { stopSession, type StopResult } from '../../api/stop.js';
import { StopQueue, type StopOutcome } from '../../controllers/stop-queue.js';
import { SessionsStopEvent, SessionsStoppedEvent } from '../../events.js';
import { CheckedSet, nameSome } from '../../model/checked.js';
import { formatCount } from '../../model/format.js';
import { isStoppable, type SessionRow } from '../../model/session-row.js';
import { stopStrings, type StopStrings } from '../../stop-strings.js';
import type { SessionListStrings } from '../../strings.js';
import type { RowActions } from './row-content.js';
import { writeRowControls } from './stop-row-controls.js';
import { stopStyles } from './stop-actions.styles.js';

/** Names the confirmation shows before "and N more". */
const NAMED = 5;

/** How a person knows a session: its identifier, else its id. */
const sessionName = (row: SessionRow): string => row.session.issueIdentifier || row.id;

export interface StopActionsConfig {
  /** The loaded rows by id, and where a 2xx's new status goes. */
  feed: { get(id: string): SessionRow | undefined; setStatus(id: string, status: string): void };
  settings(): { apiBase: string; token: string };
  /** The rows of the view now (filtered and sorted; not the window). */
  view(): readonly SessionRow[];
  text(): SessionListStrings;
  locale(): string | undefined;
  root(): ParentNode;
}

export class StopActions implements RowActions {
  readonly #checked = new CheckedSet();
  readonly #queue: StopQueue;
  /** The host's words over the stop words' defaults, made once per set of host words. */
  #merged?: { from: SessionListStrings; text: SessionListStrings & StopStrings };
  /** The frozen set the confirmation is about; empty while it is closed. */
  #asking: SessionRow[] = [];
  #summary = '';
  /** The root the rules were last added to. */
  #styled?: ParentNode;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly config: StopActionsConfig,
  ) {
    const { feed } = config;
    this.#queue = new StopQueue(host, {
      refuse: (id) => {
        const row = feed.get(id);
        if (!row) return 'Not sent: this session is not loaded.';
        return isStoppable(row) ? null : 'Not sent: this session has already ended.';
      },
      send: (id) => stopSession({ ...config.settings(), id, pageUrl: document.baseURI }),
      onAnswer: ({ ok, id, newStatus }) => ok && feed.setStatus(id, newStatus!),
    });
  }

  checked(id: string): boolean {
    return this.#checked.has(id);
  }

  outcome(id: string): StopOutcome | undefined {
    return this.#queue.outcome(id);
  }

  /** A row's checkbox, stop button and outcome, as they are now. */
  write(id: string, element: HTMLElement, status: HTMLElement): void {
    const row = this.config.feed.get(id);
    if (!row) return;
    const t = this.#text();
    const name = sessionName(row);
    const outcome = this.outcome(id);
    const stopping = outcome === 'stopping';
    writeRowControls(element, status, {
      checked: this.checked(id),
      checkLabel: t.rowCheck(name),
      stopLabel: !stopping && isStoppable(row) ? t.stopLabel(name) : '',
      stopText: t.stop,
      outcome: !outcome ? '' : stopping ? t.stopping : outcome.ok ? t.stopped : outcome.message,
      outcomeKind: !outcome ? '' : stopping ? 'stopping' : outcome.ok ? 'ok' : 'failed',
    });
  }

  /** The words now: the host's over the defaults (the stop words' defaults are this chunk's). */
  #text(): SessionListStrings & StopStrings {
    const from = this.config.text();
    if (this.#merged?.from !== from) this.#merged = { from, text: { ...stopStrings, ...from } };
    return this.#merged.text;
  }

  /** A new project, key or api-base: nothing checked, no outcomes. */
  reset(): void {
    this.#checked.clear();
    this.#queue.clear();
    this.#summary = '';
  }

  /** Sends without asking; fires `sessions-stopped` once every answer is in. */
  async stop(ids: readonly string[]): Promise<StopResult[]> {
    const { feed } = this.config;
    const results = await this.#queue.stop(ids);
    for (const { id, ok, status } of results) {
      // Done, or past helping by another try: unchecked. No answer, a 429 or a 5xx stay checked.
      const row = feed.get(id);
      if (ok || !row || !isStoppable(row) || (status !== null && status < 500 && status !== 429))
        this.#checked.set([id], false);
    }
    const t = this.#text();
    const failed = results.filter((result) => !result.ok);
    const named = (id: string) => {
      const row = feed.get(id);
      return row ? sessionName(row) : id;
    };
    this.#summary = t.stopSummary(
      results.length - failed.length,
      failed.map(({ id, message }) => `${named(id)}: ${message}`),
    );
    this.host.requestUpdate();
    this.host.dispatchEvent(new SessionsStoppedEvent(results));
    return results;
  }

  /** Fires `sessions-stop` for what of `rows` can be stopped; unless cancelled, asks in the dialog. */
  async ask(rows: readonly SessionRow[]): Promise<void> {
    const asked = rows.filter((row) => isStoppable(row) && this.outcome(row.id) !== 'stopping');
    if (!asked.length) return;
    const event = new SessionsStopEvent(asked.map((row) => row.session));
    this.host.dispatchEvent(event);
    if (event.defaultPrevented) return;
    this.#asking = asked;
    this.host.requestUpdate();
    await this.host.updateComplete;
    // Cancel comes first, so showModal() focuses it: Enter right away stops nothing.
    this.#dialog()?.showModal();
  }

  /** A row's own control: its checkbox, or its stop button. */
  use(control: HTMLElement, id: string): void {
    const row = this.config.feed.get(id);
    if (control.matches('[part~="row-check"]')) this.#set([id], (control as HTMLInputElement).checked);
    else if (row && control.matches('[part~="stop"]')) void this.ask([row]);
  }

  /** Space on a row: toggles its checkbox. */
  toggle(id: string): boolean {
    this.#set([id], !this.#checked.has(id));
    return true;
  }

  #set(ids: readonly string[], on: boolean): void {
    this.#checked.set(ids, on);
    this.host.requestUpdate();
  }

  #dialog(): HTMLDialogElement | null {
    return this.config.root().querySelector('[part~="confirm"]');
  }

  readonly #accept = (): void => {
    const ids = this.#asking.map((row) => row.id);
    this.#dialog()?.close();
    void this.stop(ids);
  };

  readonly #cancel = (): void => this.#dialog()?.close();

  /** Closed by either button or by Escape: nothing more is asked about. */
  readonly #closed = (): void => {
    this.#asking = [];
    this.host.requestUpdate();
  };

  /** Adds the controls' rules to the element's sheets, once: called by each template, so before any shows. */
  #adoptStyles(): void {
    const root = this.config.root() as ShadowRoot;
    const sheet = stopStyles.styleSheet;
    // A server renders the shell only: its declarative root gets the element's sheet, not these.
    if (isServer || this.#styled === root) return;
    this.#styled = root;
    // Without constructable sheets, Lit's own fallback (a <style> of its own) adds rather than replaces.
    if (!sheet) adoptStyles(root, [stopStyles]);
    else if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  // ——— templates ———

  /** The header's first cell: check every row of the view as it is now. It says how many. */
  checkAll(): TemplateResult {
    this.#adoptStyles();
    const { t, count, view } = this.#words();
    const checked = this.#checked.countIn(view);
    const label = t.checkAll(view.length, count(view.length));
    return html`<span role="columnheader" class="cell c-check"
      ><input
        type="checkbox"
        part="check-all"
        tabindex="-1"
        aria-label=${label}
        title=${label}
        .checked=${view.length > 0 && checked === view.length}
        .indeterminate=${checked > 0 && checked < view.length}
        @change=${(event: Event) =>
          this.#set(
            view.map((row) => row.id),
            (event.target as HTMLInputElement).checked,
          )}
    /></span>`;
  }

  /** The toolbar's part: bulk stop (the checked rows of the view that can be stopped), and the last summary. */
  toolbar(): TemplateResult {
    this.#adoptStyles();
    const { t, count, view } = this.#words();
    const stoppable = this.#checked.stoppableIn(view);
    return html`${
        stoppable.length
          ? html`<button type="button" part="bulk-stop" class="danger" @click=${() => void this.ask(stoppable)}>
              ${t.bulkStop(stoppable.length, count(stoppable.length))}
            </button>`
          : nothing
      } <span class="stop-summary" part="stop-summary" role="status">${this.#summary}</span>`;
  }

  /** The confirmation, naming what will be stopped. */
  dialog(): TemplateResult {
    this.#adoptStyles();
    const { t, count } = this.#words();
    const asking = this.#asking;
    return html`<dialog part="confirm" aria-labelledby="confirm-title" @close=${this.#closed}>
      <h2 id="confirm-title">${t.confirmTitle(asking.length, count(asking.length))}</h2>
      <p>${t.confirmBody(nameSome(asking.map(sessionName), NAMED, t.andMore))}</p>
      <div class="actions">
        <button type="button" part="confirm-cancel" @click=${this.#cancel}>${t.confirmCancel}</button>
        <button type="button" part="confirm-accept" class="danger" @click=${this.#accept}>${t.stop}</button>
      </div>
    </dialog>`;
  }

  #words() {
    const locale = this.config.locale();
    return {
      t: this.#text(),
      count: (n: number) => formatCount(n, locale),
      view: this.config.view(),
    };
  }
}
