/**
 * Code a page may never need lives in chunks of its own (stop-actions.ts, sort-engine.ts,
 * range-engine.ts, csv-download.ts; Vite names them `rensei-session-list.<module>.js`, beside the bundle). A ChunkLoader fetches one the
 * first time it is asked for and re-renders the host when it is in; the element's updateComplete
 * waits for what is on its way, so a host or a test sees a settled state.
 */
import type { ReactiveControllerHost } from 'lit';

export class ChunkLoader<T> {
  #value?: T;
  #loading?: Promise<T>;
  /** Loaded or failed: nothing is on its way any more. */
  #settled = false;

  constructor(
    readonly host: ReactiveControllerHost,
    /** Imports the chunk and makes what the host keeps of it. */
    readonly open: () => Promise<T>,
  ) {}

  /** Once loaded. */
  get loaded(): T | undefined {
    return this.#value;
  }

  load(): Promise<T> {
    return (this.#loading ??= this.open()
      .then((value) => {
        this.host.requestUpdate();
        return (this.#value = value);
      })
      .finally(() => (this.#settled = true)));
  }

  /**
   * While it is on its way: settles once it is in, or failed (then the host goes on without it).
   * Undefined once settled, so a host that waits for whatever is arriving stops waiting.
   */
  get arriving(): Promise<unknown> | undefined {
    return this.#settled ? undefined : this.#loading?.catch(() => {});
  }
}
