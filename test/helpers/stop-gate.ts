/**
 * Holds the widget's stop requests on their way to the mock, so a test can count what is in
 * flight, then let each through (to the real mock), fail it as a network failure would, or answer
 * it itself. Other requests pass straight through.
 */
export interface HeldStop {
  /** The id as the path carries it, decoded. */
  id: string;
  url: URL;
  init: RequestInit;
  /** Sends it on to the mock. */
  release(): void;
  /** Fails it as a network failure would. */
  fail(): void;
}

export interface StopGate {
  readonly sent: HeldStop[];
  /** The most requests held at once. */
  readonly maxInFlight: number;
  readonly inFlight: number;
  /** Resolves when `count` stop requests have been made. */
  made(count: number): Promise<void>;
  releaseAll(): void;
  restore(): void;
}

const STOP_PATH = /\/api\/public\/sessions\/([^/]+)\/stop$/;

export function gateStops({ hold = true } = {}): StopGate {
  const original = window.fetch;
  const sent: HeldStop[] = [];
  const open = new Set<HeldStop>();
  const waiters: (() => void)[] = [];
  let maxInFlight = 0;
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    const match = STOP_PATH.exec(url.pathname);
    if (!match) return original(input, init);
    return new Promise<Response>((resolve, reject) => {
      const held: HeldStop = {
        id: decodeURIComponent(match[1]!),
        url,
        init,
        release() {
          if (!open.delete(held)) return;
          original(input, init).then(resolve, reject);
        },
        fail() {
          if (open.delete(held)) reject(new TypeError('Failed to fetch'));
        },
      };
      sent.push(held);
      open.add(held);
      maxInFlight = Math.max(maxInFlight, open.size);
      waiters.splice(0).forEach((wake) => wake());
      if (!hold) held.release();
    });
  }) as typeof fetch;
  return {
    sent,
    get maxInFlight() {
      return maxInFlight;
    },
    get inFlight() {
      return open.size;
    },
    async made(count) {
      while (sent.length < count) await new Promise<void>((wake) => waiters.push(wake));
    },
    releaseAll() {
      for (const held of [...open]) held.release();
    },
    restore() {
      window.fetch = original;
    },
  };
}
