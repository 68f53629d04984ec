/**
 * Sends stop requests: at most MAX_IN_FLIGHT at once, never two for one id, and what each row
 * shows meanwhile (stopping…, then its result). Whether an id may be sent at all (loaded, not
 * ended) is the element's to say; the request itself is src/api/stop.ts.
 */
import type { ReactiveControllerHost } from 'lit';
import { refused, type StopAnswer, type StopResult } from '../api/stop.js';

export const MAX_IN_FLIGHT = 4;

export interface StopQueueConfig {
  /** Why `id` may not be sent now, or null when it may. */
  refuse(id: string): string | null;
  send(id: string): Promise<StopAnswer>;
  /** Each answer, as it arrives (a 2xx's row takes its new status). */
  onAnswer(answer: StopAnswer): void;
}

/** A row's stop outcome: in flight, or its result. */
export type StopOutcome = 'stopping' | StopResult;

export class StopQueue {
  readonly #outcomes = new Map<string, StopOutcome>();
  readonly #waiting: (() => void)[] = [];
  #running = 0;

  constructor(
    readonly host: ReactiveControllerHost,
    readonly config: StopQueueConfig,
  ) {}

  outcome(id: string): StopOutcome | undefined {
    return this.#outcomes.get(id);
  }

  /** Forgets every outcome (a new project or key). */
  clear(): void {
    this.#outcomes.clear();
  }

  /** Sends what may be sent of `ids`; resolves with one result per id, in order, once all are in. */
  stop(ids: readonly string[]): Promise<StopResult[]> {
    return Promise.all(
      ids.map((id) => {
        const why =
          this.#outcomes.get(id) === 'stopping'
            ? 'Not sent: a stop for this session is in flight.'
            : this.config.refuse(id);
        if (why !== null) return refused(id, why);
        this.#set(id, 'stopping');
        return this.#send(id);
      }),
    );
  }

  async #send(id: string): Promise<StopResult> {
    // A freed slot is handed to the next in line, never left for a newcomer to take first.
    if (this.#running < MAX_IN_FLIGHT) this.#running++;
    else await new Promise<void>((go) => this.#waiting.push(go));
    try {
      const { newStatus, ...result } = await this.config.send(id);
      this.config.onAnswer({ ...result, newStatus });
      this.#set(id, result);
      return result;
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #set(id: string, outcome: StopOutcome): void {
    this.#outcomes.set(id, outcome);
    this.host.requestUpdate();
  }
}
