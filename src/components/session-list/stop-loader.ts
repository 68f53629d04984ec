/**
 * The stop controls live in a chunk of their own (stop-actions.ts): this fetches it the first time
 * `actions` asks for it or `stop()` is called, and says whether they are shown. A read-only embed
 * never fetches it.
 */
import type { ReactiveControllerHost } from 'lit';
import type { StopActions, StopActionsConfig } from './stop-actions.js';
import { ChunkLoader } from './chunk-loader.js';

export class StopLoader extends ChunkLoader<StopActions> {
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    config: StopActionsConfig,
    /** True while the host's `actions` include `stop`. */
    readonly wanted: () => boolean,
  ) {
    super(host, () => import('./stop-actions.js').then(({ StopActions }) => new StopActions(host, config)));
  }

  /** The stop controls, while `actions` shows them and once they have loaded. */
  get shown(): StopActions | undefined {
    return this.wanted() ? this.loaded : undefined;
  }
}
