/**
 * A stand-in for `window.fetch` in element tests: every request is recorded and answered by a
 * responder, or held until the test answers it (to test ordering, aborts and pending states).
 */
export interface FetchCall {
  url: URL;
  init: RequestInit;
  /** Answers a held request. */
  respond(response: Response): void;
  /** Rejects a held request, as a network failure would. */
  fail(error?: unknown): void;
  readonly settled: boolean;
}

export type Responder = (call: FetchCall) => Response | Promise<Response> | 'hold';

export interface FakeFetch {
  calls: FetchCall[];
  /** Calls not yet answered and not aborted. */
  readonly open: FetchCall[];
  responder: Responder;
  restore(): void;
  /** Resolves when the next request is made. */
  nextCall(): Promise<FetchCall>;
}

export function installFakeFetch(responder: Responder = () => 'hold'): FakeFetch {
  const original = window.fetch;
  const waiters: Array<(call: FetchCall) => void> = [];
  const fake: FakeFetch = {
    calls: [],
    get open() {
      return this.calls.filter((call) => !call.settled);
    },
    responder,
    restore() {
      window.fetch = original;
    },
    nextCall() {
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      let settled = false;
      const call: FetchCall = {
        url: new URL(String(input instanceof Request ? input.url : input)),
        init,
        respond(response) {
          if (settled) return;
          settled = true;
          resolve(response);
        },
        fail(error = new TypeError('Failed to fetch')) {
          if (settled) return;
          settled = true;
          reject(error);
        },
        get settled() {
          return settled;
        },
      };
      init.signal?.addEventListener('abort', () => call.fail(init.signal!.reason));
      fake.calls.push(call);
      waiters.splice(0).forEach((wake) => wake(call));
      Promise.resolve(fake.responder(call)).then(
        (answer) => answer !== 'hold' && call.respond(answer),
        (error) => call.fail(error),
      );
    })) as typeof fetch;
  return fake;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

let serial = 0;

export type RawSession = Record<string, unknown> & { id: string };

/** A valid raw session as the API sends it; override any field. */
export function rawSession(overrides: Record<string, unknown> = {}): RawSession {
  serial++;
  return {
    id: serial.toString(16).padStart(16, '0'),
    status: 'completed',
    issueIdentifier: `ENG-${serial}`,
    workType: 'development',
    provider: 'e2b',
    startedAt: '2026-06-02T14:22:00Z',
    completedAt: '2026-06-02T14:25:30Z',
    costUsd: '0.14',
    health: { healthStatus: 'green', stuckSignals: [] },
    ...overrides,
  } as RawSession;
}

export function sessions(
  count: number,
  overrides: (index: number) => Record<string, unknown> = () => ({}),
): RawSession[] {
  return Array.from({ length: count }, (_, index) => rawSession(overrides(index)));
}

export function page(rows: unknown[], cursor: string | null = null): Response {
  return json({ sessions: rows, cursor });
}
