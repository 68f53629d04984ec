// Simulated time. The fleet lives in simulated milliseconds counted from the moment the simulation
// started (negative for the history that existed before). What the API sends is simulated time
// anchored at now: the simulated present is stamped as the wall clock's present, and every other
// instant as that far before it in simulated time. So a 20-minute run shows as 20 minutes at any
// speed, and a working session's `startedAt` moves back `speed` times faster than the clock between
// two answers (a widget counting it up live catches up at the next refresh).

export class SimClock {
  private readonly startedAtWall: number;
  private skippedMs = 0;

  /** `wallNow` is the real (or a test's injected) clock in epoch milliseconds. */
  constructor(
    private readonly wallNow: () => number,
    readonly speed: number,
  ) {
    this.startedAtWall = wallNow();
  }

  /** The current wall-clock time, including any time skipped with `advance`. */
  wallTime(): number {
    return this.wallNow() + this.skippedMs;
  }

  simTime(): number {
    return (this.wallTime() - this.startedAtWall) * this.speed;
  }

  /** The epoch ms a simulated instant is stamped with, as of `simNow`: `simNow` itself is the wall clock's now. */
  stampOf(simTime: number, simNow: number): number {
    return Math.round(this.wallTime() - (simNow - simTime));
  }

  /** Skips ahead by `wallMs` of wall-clock time (simulated time moves `speed` times as far). */
  advance(wallMs: number): void {
    this.skippedMs += wallMs;
  }
}
