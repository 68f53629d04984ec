// The HTTP headers around the mock's answers: CORS (what a cross-origin widget may send and read)
// and ETags (a 304 for an unchanged page), with the faults that switch them off. Pure, like api.ts.

import { MODIFIER_KINDS, type ActiveFault } from './faults.js';
import type { MockRequest, MockResponse } from './messages.js';

export function withCors(response: MockResponse, origin: string | undefined): MockResponse {
  if (!origin) return response;
  const cors = {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    // Not a CORS-safelisted response header: without this a cross-origin widget cannot read it.
    'access-control-expose-headers': 'Retry-After, ETag',
    vary: 'Origin',
  };
  return { ...response, headers: { ...response.headers, ...cors } };
}

/** A page's ETag: FNV-1a of its body, so an unchanged page keeps it. */
function etagOf(body: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < body.length; i++) hash = Math.imul(hash ^ body.charCodeAt(i), 0x01000193);
  return `"${(hash >>> 0).toString(16)}-${body.length.toString(16)}"`;
}

/**
 * ETags on a 200 page, and a 304 with no body when `If-None-Match` names the page's ETag (unless
 * a `no-etag` fault is on). A `refuse-if-none-match` fault fails a request that carries the header.
 */
export function conditional(request: MockRequest, answer: MockResponse, taken: readonly ActiveFault[]): MockResponse {
  const asked = request.headers['if-none-match'];
  if (asked && taken.some((fault) => fault.kind === 'refuse-if-none-match')) return { ...answer, fault: 'refuse' };
  // A fault that fails the request acts on a whole page that carries no ETag (so never on a 304).
  const failing = taken.some((fault) => !MODIFIER_KINDS.includes(fault.kind));
  if (answer.status !== 200 || failing || taken.some((fault) => fault.kind === 'no-etag')) return answer;
  const etag = etagOf(answer.body);
  if (asked === etag) return { status: 304, headers: { etag, 'cache-control': 'no-store' }, body: '' };
  return { ...answer, headers: { ...answer.headers, etag } };
}

export function preflight(request: MockRequest, refuseIfNoneMatch: boolean): MockResponse {
  const asked = request.headers['access-control-request-headers'] || 'Authorization, Content-Type';
  return {
    status: 204,
    headers: {
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': refuseIfNoneMatch
        ? asked
            .split(',')
            .filter((name) => name.trim().toLowerCase() !== 'if-none-match')
            .join(',')
        : asked,
      'access-control-max-age': '600',
    },
    body: '',
  };
}
