/** The demo's host page: the kind of code a portal writes around the widget. */
import '../src/index.js';
import type { RenseiSessionList } from '../src/index.js';
import { EXAMPLE_API_KEY, SESSION_COOKIE } from '../mock/api.js';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

const list = $<RenseiSessionList>('#main-list');
const themed = $<RenseiSessionList>('rensei-session-list.themed');
const project = $<HTMLSelectElement>('#project');
const token = $<HTMLInputElement>('#token');
const useCookie = $<HTMLInputElement>('#use-cookie');
const interval = $<HTMLInputElement>('#interval');
const log = $<HTMLOListElement>('#log');

// Prefer the property for the key: it never lands in the markup.
token.value = EXAMPLE_API_KEY;
list.token = EXAMPLE_API_KEY;
themed.token = EXAMPLE_API_KEY;

project.addEventListener('change', () => (list.project = project.value));
token.addEventListener('change', () => (list.token = useCookie.checked ? '' : token.value.trim()));
interval.addEventListener('change', () => (list.refreshInterval = Number(interval.value)));
useCookie.addEventListener('change', () => {
  // Cookie auth works same-site only; the mock accepts any non-empty rensei_session cookie.
  document.cookie = `${SESSION_COOKIE}=${useCookie.checked ? 'demo-session' : ''}; path=/; SameSite=Lax${useCookie.checked ? '' : '; max-age=0'}`;
  token.disabled = useCookie.checked;
  list.token = useCookie.checked ? '' : token.value.trim();
});
$('#refresh').addEventListener('click', () => void list.refresh());
$('#load-more').addEventListener('click', () => void list.loadMore());
$('#triage').addEventListener('click', () => Object.assign(list, { sort: 'health', since: '24h' }));
$('#all-view').addEventListener('click', () => Object.assign(list, { sort: '', since: '' }));

function logLine(text: string, kind: string) {
  const item = document.createElement('li');
  item.dataset.kind = kind;
  item.textContent = `${new Date().toLocaleTimeString()}  ${text}`;
  log.prepend(item);
  while (log.children.length > 200) log.lastElementChild!.remove();
}

list.addEventListener('session-select', (event) => {
  const { session } = event.detail;
  $('#selected').textContent = JSON.stringify(session, null, 2);
  logLine(`session-select ${session.id} (${session.issueIdentifier ?? 'no issue'})`, 'select');
});
list.addEventListener('sessions-load', ({ detail }) => {
  const parts = [`${detail.request}: ${detail.total} loaded`];
  if (detail.added.length) parts.push(`+${detail.added.length} new`);
  if (detail.updated.length) parts.push(`${detail.updated.length} updated`);
  if (detail.held.length) parts.push(`${detail.held.length} held`);
  if (detail.rejected) parts.push(`${detail.rejected} rejected`);
  logLine(`sessions-load ${parts.join(', ')}`, 'load');
});
list.addEventListener('sessions-error', ({ detail }) => {
  const retry = detail.retryInMs === null ? 'no auto-retry' : `retry in ${Math.round(detail.retryInMs / 1000)} s`;
  logLine(`sessions-error ${detail.kind} ${detail.status ?? '-'} (${retry}): ${detail.message}`, 'error');
});

list.addEventListener('sessions-stop', ({ detail }) => {
  const names = detail.sessions.map((session) => session.issueIdentifier ?? session.id).join(', ');
  logLine(`sessions-stop ${detail.sessions.length}: ${names} (not cancelled: the widget asks)`, 'stop');
});
list.addEventListener('sessions-stopped', ({ detail }) => {
  for (const { id, ok, status, message } of detail.results) {
    logLine(`sessions-stopped ${id} ${ok ? 'ok' : 'failed'} ${status ?? '-'}: ${message}`, ok ? 'load' : 'error');
  }
});

// ——— the fault panel: calls the mock's own control endpoint ———

interface FaultButton {
  label: string;
  fault: Record<string, unknown>;
}

const FAULTS: FaultButton[] = [
  { label: 'Slow (3 s)', fault: { kind: 'latency', latencyMs: 3000 } },
  { label: '429 + Retry-After 5', fault: { kind: 'rate-limit', retryAfterSeconds: 5 } },
  { label: '429, no Retry-After', fault: { kind: 'rate-limit' } },
  { label: '500', fault: { kind: 'server-error', status: 500 } },
  { label: '503 + Retry-After 3', fault: { kind: 'server-error', status: 503, retryAfterSeconds: 3 } },
  { label: '502 HTML page', fault: { kind: 'html-error', status: 502 } },
  { label: 'Malformed JSON', fault: { kind: 'malformed-json' } },
  { label: 'Key expired (401)', fault: { kind: 'expired-key' } },
  { label: 'Connection reset', fault: { kind: 'connection-reset' } },
  { label: 'Hang', fault: { kind: 'hang' } },
];

const status = $('#fault-status');

async function control(body: unknown) {
  // Relative: the hosted playground serves the mock from its own folder, on any sub-path.
  const response = await fetch(new URL('__mock/control', document.baseURI), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.text();
  if (!response.headers.get('content-type')?.includes('json')) {
    // With RENSEI_API_BASE set, the dev server proxies to a real Rensei: there is no mock to break.
    status.textContent = 'The fault panel needs the built-in mock (unset RENSEI_API_BASE).';
    return false;
  }
  status.textContent = response.ok ? 'Done.' : `The mock said ${response.status}: ${answer}`;
  return response.ok;
}

const buttons = $('#fault-buttons');
for (const { label, fault } of FAULTS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', () => {
    const once = $<HTMLInputElement>('#fault-once').checked;
    void control({ inject: [{ ...fault, ...(once ? { count: 1 } : {}) }] }).then((ok) => {
      if (ok) status.textContent = `${label}: on for ${once ? 'the next request' : 'every request, until cleared'}.`;
    });
  });
  buttons.append(button);
}
const clear = document.createElement('button');
clear.type = 'button';
clear.textContent = 'Clear all faults';
clear.addEventListener('click', () => void control({ clear: true }));
buttons.append(clear);
