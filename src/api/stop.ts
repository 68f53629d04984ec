/**
 * `POST {apiBase}/api/public/sessions/{id}/stop`: one session, one request. Pure of the DOM, like
 * the client it reuses (the URL, the refusal to send a key over plain HTTP, the server's words,
 * redacted). Never throws: every outcome is a `StopResult` whose message a person can act on and
 * which never holds the token.
 */
import { DEFAULT_TIMEOUT_MS, isSafeForToken, sessionsUrl } from './client.js';
import { serverSaid } from './server-said.js';
import { isDotSegment } from '../model/detail-link.js';

export interface StopResult {
  id: string;
  ok: boolean;
  /** The HTTP status, or null when nothing was sent or no answer came. */
  status: number | null;
  message: string;
}

/** A 2xx's result, with the status the session now has. */
export interface StopAnswer extends StopResult {
  newStatus?: string;
}

export interface StopRequest {
  apiBase: string;
  token: string;
  id: string;
  /** Resolves a relative `apiBase`. */
  pageUrl: string;
}

/** The stop URL of `id`: path-encoded, so no id (`../x`, `a/b?c`) can change the path. Dot segments are refused before. */
export function stopUrl(apiBase: string, id: string, pageUrl: string): URL {
  const url = sessionsUrl(apiBase, '', null, pageUrl);
  url.pathname += `/${encodeURIComponent(id)}/stop`;
  return url;
}

const WORDS: Record<number, string> = {
  401: 'The API key was refused (401): check it, or sign in to Rensei.',
  403: 'This API key can only read sessions (403): stopping needs a key that may act.',
  404: 'This session was not found (404): it may have been removed.',
  409: 'This session has already ended (409).',
};

export const refused = (id: string, message: string): StopResult => ({ id, ok: false, status: null, message });

export async function stopSession(request: StopRequest, fetchImpl: typeof fetch = fetch): Promise<StopAnswer> {
  const { id, token } = request;
  if (isDotSegment(id)) return refused(id, 'Not sent: this id is a dot segment, which would change the path.');
  let url: URL;
  try {
    url = stopUrl(request.apiBase, id, request.pageUrl);
  } catch {
    return refused(id, 'Not sent: api-base is not a valid http(s) URL.');
  }
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) {
    if (!isSafeForToken(url)) {
      return refused(id, `Not sent: api-base must use HTTPS to carry the API key (plain HTTP only for localhost).`);
    }
    headers.Authorization = `Bearer ${token}`;
  }
  let response: Response;
  let body: string;
  try {
    // No body, so no content type: nothing that asks for more than the Authorization preflight.
    response = await fetchImpl(url, {
      method: 'POST',
      headers,
      credentials: token ? 'same-origin' : 'include',
      cache: 'no-store',
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
    });
    body = await response.text();
  } catch {
    return refused(id, "Couldn't reach the Rensei API: the session may or may not have stopped. Try again.");
  }
  const { status } = response;
  if (response.ok) {
    let newStatus: unknown;
    try {
      newStatus = (JSON.parse(body) as { newStatus?: unknown } | null)?.newStatus;
    } catch {
      // A 2xx is the answer that counts; the next refresh brings the status.
    }
    return {
      id,
      ok: true,
      status,
      message: 'Stopped.',
      newStatus: typeof newStatus === 'string' ? newStatus : 'stopped',
    };
  }
  const words = WORDS[status] ?? `The Rensei API answered ${status}; the session may still be running.`;
  return { id, ok: false, status, message: words + serverSaid(body, token) };
}
