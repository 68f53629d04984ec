// Simulated time. The fleet lives in simulated milliseconds counted from the moment the simulation
// started (negative for the history that existed before). What the API sends is wall-clock time, so
// a widget counting a duration up live agrees with the server: at speed 30, a simulated half hour
// takes one real minute and shows as one minute.

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

  /** The wall-clock instant (epoch ms) of a simulated instant. */
  wallOf(simTime: number): number {
    return Math.round(this.startedAtWall + simTime / this.speed);
  }

  /** The wall-clock length of a simulated span. */
  wallSpan(simSpan: number): number {
    return Math.round(simSpan / this.speed);
  }

  /** Skips ahead by `wallMs` of wall-clock time (simulated time moves `speed` times as far). */
  advance(wallMs: number): void {
    this.skippedMs += wallMs;
  }
}
