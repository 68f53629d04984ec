/** Mounting and reading `<rensei-session-list>` in element tests. */
import { fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import type { SessionsLoadEvent, SessionsErrorEvent } from '../../src/events.js';

export const API = 'https://api.example';

export interface MountOptions {
  project?: string;
  token?: string;
  refreshInterval?: number;
  attrs?: Record<string, string>;
  style?: string;
}

/**
 * Mounts the element with its settings in place before it connects (as a page's markup would),
 * and, unless `settle` is false, resolves once its first request has settled (load or error).
 */
export async function mount(options: MountOptions = {}, { settle = true } = {}): Promise<RenseiSessionList> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('rensei-session-list');
  el.setAttribute('api-base', API);
  el.setAttribute('project', options.project ?? 'web');
  el.setAttribute('refresh-interval', String(options.refreshInterval ?? 0));
  if (options.style) el.setAttribute('style', options.style);
  for (const [name, value] of Object.entries(options.attrs ?? {})) el.setAttribute(name, value);
  if (options.token) el.token = options.token;
  const first = settledEvent(el);
  container.append(el);
  await el.updateComplete;
  if (settle) {
    await first;
    await el.updateComplete;
  }
  return el;
}

function settledEvent(el: RenseiSessionList): Promise<SessionsLoadEvent | SessionsErrorEvent> {
  return Promise.race([oneEvent(el, 'sessions-load'), oneEvent(el, 'sessions-error')]) as Promise<
    SessionsLoadEvent | SessionsErrorEvent
  >;
}

/** Resolves after the next `sessions-load` or `sessions-error`, once rendered. */
export async function settled(el: RenseiSessionList): Promise<SessionsLoadEvent | SessionsErrorEvent> {
  const event = await settledEvent(el);
  await el.updateComplete;
  return event;
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return shadow(el).querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return [...shadow(el).querySelectorAll<T>(`[part~="${name}"]`)];
}

export function rowIds(el: Element): string[] {
  return parts(el, 'row').map((row) => row.dataset.sessionId!);
}

export function rowText(el: Element, id: string): string {
  const row = shadow(el).querySelector(`[part~="row"][data-session-id="${id}"]`);
  return (row?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Lets queued fetch promises and Lit updates run. */
export async function flush(el: RenseiSessionList, rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}
