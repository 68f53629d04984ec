/**
 * What the list's live region says: the changes a person needs (a refresh failed, it recovered,
 * new sessions are waiting) and never a ticking number (a countdown, a cost, a duration). A
 * failure is said once per run of failures, not at every retry; with nothing on screen the error
 * state's own alert says it.
 */
import type { ReactiveControllerHost } from 'lit';
import { formatCount } from '../../model/format.js';
import type { StoreChange } from '../../model/session-store.js';
import type { SessionListStrings } from '../../strings.js';

export class Announcer {
  #said = '';
  #failing = false;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The live region's text. */
  get text(): string {
    return this.#said;
  }

  /** An answer was merged: a recovery, and new rows held behind "N new sessions", are said. */
  loaded(t: SessionListStrings, change: StoreChange, held: number, locale: string | undefined): void {
    const said = [
      this.#failing ? t.recovered : '',
      change.held.length ? t.newSessions(held, formatCount(held, locale)) : '',
    ];
    this.#failing = false;
    this.#say(said.filter(Boolean).join(' '));
  }

  /** A request failed; `rowsShown`: the rows stay on screen (else the error state alerts). */
  failed(t: SessionListStrings, message: string, rowsShown: boolean): void {
    if (!this.#failing && rowsShown) this.#say(t.refreshFailed(message));
    this.#failing = true;
  }

  #say(text: string): void {
    if (!text) return;
    this.#said = text;
    this.#host.requestUpdate();
  }
}
