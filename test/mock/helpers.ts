import { createMockApi, type MockApi, type MockApiOptions, type MockResponse } from '../../mock/api.js';

export const KEY = 'rsk_test_abcdefgh12';
export const BEARER = { authorization: `Bearer ${KEY}` };
export const START = Date.parse('2026-06-02T14:00:00Z');
export const MINUTE = 60_000;

/** A mock on a hand-driven clock at real speed: simulated time is wall time since START. */
export function fixedMock(options: MockApiOptions = {}) {
  const clock = { now: START };
  const api = createMockApi({ speed: 1, now: () => clock.now, ...options });
  return { api, clock };
}

export interface Answer {
  response: MockResponse;
  status: number;
  json: any;
}

export function get(api: MockApi, url: string, headers: Record<string, string> = BEARER): Answer {
  const response = api.handle({ method: 'GET', url, headers });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  return { response, status: response.status, json };
}

export function post(api: MockApi, url: string, body: unknown): Answer {
  const response = api.handle({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { response, status: response.status, json: JSON.parse(response.body) };
}

/** Every session of a scope, following cursors. */
export function allSessions(api: MockApi, query: string, headers: Record<string, string> = BEARER): any[] {
  const sessions: any[] = [];
  let cursor: string | null = null;
  do {
    const page = get(api, `/api/public/sessions?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`, headers);
    if (page.status !== 200) throw new Error(`HTTP ${page.status}: ${page.response.body}`);
    sessions.push(...page.json.sessions);
    cursor = page.json.cursor;
  } while (cursor);
  return sessions;
}

export const signalName = (signal: string | { type: string }) => (typeof signal === 'string' ? signal : signal.type);
