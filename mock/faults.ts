// Faults are switched on from the mock's own side only (the control endpoint, or the API
// object's methods), never by anything a widget sends, so no test hook leaks into the product.

import { errorResponse, type MockResponse } from './messages.js';

export const FAULT_KINDS = [
  'latency',
  'rate-limit',
  'server-error',
  'html-error',
  'malformed-json',
  'expired-key',
  'connection-reset',
  'hang',
  // Conditional requests: the API sends no ETag (so never a 304); or a network (or CORS preflight)
  // that refuses `If-None-Match`, failing such a request before any answer.
  'no-etag',
  'refuse-if-none-match',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** Only requests scoped to this project slug (by slug, id or Referer); omitted: every sessions request. */
  project?: string;
  /** Only the next `count` matching requests; omitted: until cleared. */
  count?: number;
  /** `latency`: how long to wait before answering. */
  latencyMs?: number;
  /** `server-error`: 500 (default), 502, 503 or 504. `html-error`: any 4xx/5xx, default 502. */
  status?: number;
  /** `rate-limit`, `server-error`: sent as `Retry-After` (seconds); omitted: no header. */
  retryAfterSeconds?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  /** Requests left; `null` until cleared. */
  remaining: number | null;
}

/** Faults that change a request without failing it: every matching one is taken, like latency. */
export const MODIFIER_KINDS: readonly FaultKind[] = ['latency', 'no-etag', 'refuse-if-none-match'];

export const SERVER_ERROR_STATUSES = [500, 502, 503, 504] as const;

const REASONS: Readonly<Record<number, string>> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export class FaultBoard {
  private faults: ActiveFault[] = [];
  private nextId = 1;

  inject(spec: FaultSpec): ActiveFault {
    const fault = { id: this.nextId++, ...spec, remaining: spec.count ?? null };
    this.faults.push(fault);
    return fault;
  }

  /** Clears one project's faults, or (with no project) every fault. */
  clear(project?: string): void {
    this.faults = project === undefined ? [] : this.faults.filter((fault) => fault.project !== project);
  }

  list(): readonly ActiveFault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  /**
   * The faults one sessions request meets (`project`: its scope's slug, `null` when org-wide), in
   * order: every latency fault (they add up), then the first fault of any other kind. Each one
   * taken counts the request against its `count`.
   */
  take(project: string | null): ActiveFault[] {
    const matching = this.faults.filter((fault) => fault.project === undefined || fault.project === project);
    const failure = matching.find((fault) => !MODIFIER_KINDS.includes(fault.kind));
    const taken = [...matching.filter((fault) => MODIFIER_KINDS.includes(fault.kind)), ...(failure ? [failure] : [])];
    for (const fault of taken) if (fault.remaining !== null) fault.remaining--;
    this.faults = this.faults.filter((fault) => fault.remaining !== 0);
    return taken;
  }
}

function withRetryAfter(response: MockResponse, seconds: number | undefined): MockResponse {
  if (seconds === undefined) return response;
  return { ...response, headers: { ...response.headers, 'retry-after': String(seconds) } };
}

/** What a reverse proxy in front of the API answers when the API is down. */
function proxyErrorPage(status: number): MockResponse {
  const title = `${status} ${REASONS[status] ?? 'Error'}`;
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: [
      '<html>',
      `<head><title>${title}</title></head>`,
      '<body>',
      `<center><h1>${title}</h1></center>`,
      '<hr><center>nginx</center>',
      '</body>',
      '</html>',
      '',
    ].join('\r\n'),
  };
}

/** The response as one non-latency fault turns it. */
function applyFailure(response: MockResponse, fault: ActiveFault): MockResponse {
  switch (fault.kind) {
    case 'latency':
    case 'no-etag': // acted out by the API, which knows the request's headers
    case 'refuse-if-none-match':
      return response;
    case 'rate-limit':
      return withRetryAfter(errorResponse(429, 'Rate limit exceeded'), fault.retryAfterSeconds);
    case 'server-error': {
      const status = fault.status ?? 500;
      return withRetryAfter(errorResponse(status, REASONS[status] ?? 'Server error'), fault.retryAfterSeconds);
    }
    case 'html-error':
      return proxyErrorPage(fault.status ?? 502);
    case 'malformed-json':
      // A body cut short: the status and the content type still promise JSON.
      return { ...response, body: response.body.slice(0, Math.floor(response.body.length / 2)) };
    case 'expired-key':
      return errorResponse(401, 'API key expired');
    case 'connection-reset':
      return { ...response, fault: 'reset' };
    case 'hang':
      return { ...response, fault: 'hang' };
  }
}

/** The response as the faults taken for it turn it; latency delays whatever else happens. */
export function applyFaults(response: MockResponse, faults: readonly ActiveFault[]): MockResponse {
  const failed = faults.reduce(applyFailure, response);
  const delayMs = faults.reduce((sum, fault) => sum + (fault.kind === 'latency' ? (fault.latencyMs ?? 0) : 0), 0);
  return delayMs > 0 ? { ...failed, delayMs } : failed;
}
