/**
 * The feed's one timer: the next refresh or retry. Nothing is fetched while the page is hidden: a
 * tick that comes due then is remembered, and on becoming visible the feed is asked whether to
 * catch up (`wake`). Every delay goes through `clampDelay`, so none can wrap to 0.
 */
import type { FeedRequestKind } from '../events.js';
import { clampDelay, isBelowRefreshFloor, MIN_REFRESH_INTERVAL_S, WAKE_SPREAD_MS } from '../model/delay.js';

/** Says that a refresh-interval below the floor was raised to it; true when it did (the feed says it once). */
export function warnBelowFloor(seconds: number): boolean {
  if (!isBelowRefreshFloor(seconds)) return false;
  console.warn(
    `<rensei-session-list>: refresh-interval ${seconds} is below the ${MIN_REFRESH_INTERVAL_S} s minimum; refreshing every ${MIN_REFRESH_INTERVAL_S} s.`,
  );
  return true;
}

/**
 * How soon to catch up on becoming visible: spread so widgets on one page don't fire together, and
 * never sooner than a retry already planned (`retryAt`): a Retry-After or a backoff outlasts a tab switch.
 */
export const wakeDelay = (retryAt: number): number =>
  Math.max(retryAt - Date.now(), Math.round(Math.random() * WAKE_SPREAD_MS));

export class RefreshTimer {
  /** Only ever cleared: clearing a timer that already fired does nothing. */
  #timer: ReturnType<typeof setTimeout> | undefined;
  #dueWhileHidden = false;
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
