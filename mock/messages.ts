// The transport-neutral request and response the mock API speaks. Adapters (mock/node/http.ts)
// turn real HTTP into these and back; tests call the API with them directly.

export interface MockRequest {
  method: string;
  /** Path and query (`/api/public/sessions?project=web`), or an absolute URL. */
  url: string;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  body?: string;
}

export interface MockResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /**
   * Transport failures the adapter must act out: `reset` sends part of the body, then destroys
   * the connection; `hang` never answers; `refuse` drops the connection before any answer (as a
   * network, or a CORS preflight, that refuses the request).
   */
  fault?: 'reset' | 'hang' | 'refuse';
  /** Wait this long before answering. */
  delayMs?: number;
}

export function jsonResponse(status: number, payload: unknown): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(payload),
  };
}

/** The contract's error shape: `{ "error": "…" }`. */
export function errorResponse(status: number, error: string): MockResponse {
  return jsonResponse(status, { error });
}
