/**
 * One leader per feed among the browser's tabs and frames, over the Web Locks API: the tab that
 * holds the lock leads. Only a visible tab asks for it (a hidden one lets go), so when the leader
 * hides or closes, the lock passes to one visible tab that was waiting. A leader that is frozen
 * keeps the lock but sends nothing: `takeOver()` steals it, behind a second lock taken only if
 * free, so of the followers that notice at once, one steals.
 */
export class TabElection {
  #leading = false;
  /** Ends the hold (leading) or the wait (queued). */
  #end: (() => void) | null = null;
  /** True when a request waits behind another tab's hold. */
  #waiting = false;
  #stealing = false;

  constructor(
    readonly name: string,
    /** Called as this tab starts or stops leading. */
    private readonly onChange: (leading: boolean) => void,
  ) {}

  get leading(): boolean {
    return this.#leading;
  }

  /** Another tab holds the lock while this one waits for it. */
  get waiting(): boolean {
    return this.#waiting;
  }

  /** Queue for the lock, unless this tab already leads or waits. */
  stand(): void {
    if (this.#end) return;
    this.#request({});
  }

  /** Let go: stop leading, or stop waiting. */
  resign(): void {
    const end = this.#end;
    this.#end = null;
    this.#waiting = false;
    end?.();
    this.#set(false);
  }

  /** The leader went silent: take the lock from it, unless another follower is already doing so. */
  async takeOver(stillSilent: () => boolean, holdMs: number): Promise<void> {
    if (this.#stealing || this.#leading) return;
    this.#stealing = true;
    try {
      await navigator.locks.request(`${this.name}:steal`, { ifAvailable: true }, async (guard) => {
        if (!guard || !stillSilent()) return;
        this.resign();
        this.#request({ steal: true });
        // Hold the guard while the new leader's first answer goes out, so no one steals it back.
        await new Promise((resolve) => setTimeout(resolve, holdMs));
      });
    } catch {
      // Locks refused (a sandboxed frame): the watchdog tries again later.
    } finally {
      this.#stealing = false;
    }
  }

  #request(options: { steal?: boolean }): void {
    const abort = new AbortController();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const end = () => {
      if (this.#leading) release();
      else if (!options.steal) abort.abort();
    };
    this.#end = end;
    this.#waiting = false;
    const request = navigator.locks.request(
      this.name,
      options.steal ? options : { ...options, signal: abort.signal },
      () => {
        if (this.#end !== end) return; // resigned while it was granted
        this.#waiting = false;
        this.#set(true);
        return held;
      },
    );
    // Stolen from, aborted, or refused: this tab leads no more.
    request
      .catch(() => {})
      .finally(() => {
        if (this.#end !== end) return;
        this.#end = null;
        this.#waiting = false;
        this.#set(false);
      });
    // Not granted at once: someone else holds it.
    if (!options.steal) {
      void navigator.locks.query().then(({ held: holders = [] }) => {
        if (this.#end === end && !this.#leading) this.#waiting = holders.some((lock) => lock.name === this.name);
      });
    }
  }

  #set(leading: boolean): void {
    if (this.#leading === leading) return;
    this.#leading = leading;
    this.onChange(leading);
  }
}
