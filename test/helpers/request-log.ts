/**
 * Watches the widget's real requests (to the mock, or anywhere) without answering them: a
 * pass-through wrapper around `window.fetch` that logs each sessions request as it starts and ends.
 */
export interface LoggedRequest {
  url: URL;
  /** `performance.now()` when the request was made. */
  at: number;
  /** When it settled (an answer's headers, or a failure), and how. */
  settledAt?: number;
  status?: number;
  failed?: boolean;
}

export interface RequestLog {
  requests: LoggedRequest[];
  /** Resolves when the `count`-th sessions request (1-based, counted from the start) has been made. */
  nth(count: number): Promise<LoggedRequest>;
  restore(): void;
}

export interface RequestLogOptions {
  /**
   * Drop the caller's AbortSignal, so an answer the widget has given up on still arrives (to test
   * that it is ignored by generation, not only by abort).
   */
  ignoreAbort?: boolean;
}

const SESSIONS = /\/api\/public\/sessions(\?|$)/;

export function logRequests({ ignoreAbort = false }: RequestLogOptions = {}): RequestLog {
  const original = window.fetch;
  const requests: LoggedRequest[] = [];
  const waiters: Array<() => void> = [];
  window.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input), location.href);
    if (!SESSIONS.test(url.pathname + url.search)) return original(input, init);
    const entry: LoggedRequest = { url, at: performance.now() };
    requests.push(entry);
    waiters.splice(0).forEach((wake) => wake());
    const sent = ignoreAbort ? { ...init, signal: undefined } : init;
    return original(input, sent).then(
      (response) => {
        Object.assign(entry, { settledAt: performance.now(), status: response.status });
        return response;
      },
      (error: unknown) => {
        Object.assign(entry, { settledAt: performance.now(), failed: true });
        throw error;
      },
    );
  }) as typeof fetch;
  return {
    requests,
    async nth(count) {
      while (requests.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return requests[count - 1]!;
    },
    restore() {
      window.fetch = original;
    },
  };
}
