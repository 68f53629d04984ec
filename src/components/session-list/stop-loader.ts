/**
 * The stop controls live in a chunk of their own (stop-actions.ts): this fetches it the first time
 * `actions` asks for it or `stop()` is called, and says whether they are shown. A read-only embed
 * never fetches it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { StopActions, StopActionsConfig } from './stop-actions.js';

export class StopLoader {
  #stops?: StopActions;
  #loading?: Promise<StopActions>;

  constructor(
    readonly host: ReactiveControllerHost & HTMLElement,
    readonly config: StopActionsConfig,
    /** True while the host's `actions` include `stop`. */
    readonly wanted: () => boolean,
  ) {}

  /** Loaded, whether shown or not (for `stop()`, a reset). */
  get loaded(): StopActions | undefined {
    return this.#stops;
  }

  /** The stop controls, while `actions` shows them and once they have loaded. */
  get shown(): StopActions | undefined {
    return this.wanted() ? this.#stops : undefined;
  }

  load(): Promise<StopActions> {
    return (this.#loading ??= import('./stop-actions.js').then(({ StopActions }) => {
      this.host.requestUpdate();
      return (this.#stops = new StopActions(this.host, this.config));
    }));
  }
}
