/**
 * The feed's one timer: the next refresh or retry. Nothing is fetched while the page is hidden: a
 * tick that comes due then is remembered, and on becoming visible the feed is asked whether to
 * catch up (`wake`). Every delay goes through `clampDelay`, so none can wrap to 0.
 */
import type { FeedRequestKind } from '../events.js';
import { clampDelay } from '../model/delay.js';

export class RefreshTimer {
  /** Only ever cleared: clearing a timer that already fired does nothing. */
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueWhileHidden = false;
  /** When the planned attempt fires (clock ms); past, once it has. */
  at = Infinity;
  readonly #run: (kind: FeedRequestKind) => void;
  readonly #wake: (dueWhileHidden: boolean) => void;

  constructor(run: (kind: FeedRequestKind) => void, wake: (dueWhileHidden: boolean) => void) {
    this.#run = run;
    this.#wake = wake;
  }

  start(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  stop(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.clear();
  }

  clear(): void {
    clearTimeout(this.#timer);
  }

  /** Replaces the planned attempt, if any. */
  schedule(kind: FeedRequestKind, delayMs: number): void {
    this.clear();
    this.at = Date.now() + delayMs;
    this.#timer = setTimeout(() => {
      if (document.hidden) this.#dueWhileHidden = true;
      else this.#run(kind);
    }, clampDelay(delayMs));
  }

  readonly #onVisibility = (): void => {
    if (document.hidden) return;
    const due = this.#dueWhileHidden;
    this.#dueWhileHidden = false;
    this.#wake(due);
  };
}
