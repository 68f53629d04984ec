/**
 * A once-a-second re-render while something on screen counts (a working row's duration, a retry
 * countdown) and the page is visible. It asks `isNeeded` first, so an idle list costs nothing.
 * The host adds it (`addController`), as it is not otherwise referred to.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clampDelay } from '../model/delay.js';

export class ClockController implements ReactiveController {
  /** Only ever cleared: clearing a cleared interval does nothing. */
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #isNeeded: () => boolean;
  readonly #periodMs: number;

  constructor(host: ReactiveControllerHost, isNeeded: () => boolean, periodMs = 1000) {
    this.#host = host;
    this.#isNeeded = isNeeded;
    this.#periodMs = clampDelay(periodMs);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => {
      if (!document.hidden && this.#isNeeded()) this.#host.requestUpdate();
    }, this.#periodMs);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
  }
}
