/**
 * The mock API served by the test runner on its own origin (see web-test-runner.config.mjs):
 * element tests run against it as a page would, and drive it from the mock's side only.
 */
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { EXAMPLE_API_KEY } from '../../mock/api.js';

/** A fixed clock and seed, so every run sees the same fleet. */
export const MOCK_TIME = '2026-06-02T15:00:00Z';

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

export function resetMock(settings: Record<string, unknown> = {}): Promise<unknown> {
  return post('/__mock/reset', { seed: 1, time: MOCK_TIME, ...settings });
}

export function controlMock(command: Record<string, unknown>): Promise<unknown> {
  return post('/__mock/control', command);
}

export async function mountOnMock({
  project = 'web',
  token = EXAMPLE_API_KEY,
  refreshInterval = 0,
  settle = true,
}: { project?: string; token?: string; refreshInterval?: number; settle?: boolean } = {}): Promise<RenseiSessionList> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('rensei-session-list');
  el.apiBase = location.origin;
  el.project = project;
  el.refreshInterval = refreshInterval;
  if (token) el.token = token;
  const first = Promise.race([oneEvent(el, 'sessions-load'), oneEvent(el, 'sessions-error')]);
  container.append(el);
  if (settle) await first;
  await el.updateComplete;
  return el;
}
