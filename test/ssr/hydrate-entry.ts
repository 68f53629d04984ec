/**
 * The script of the server-rendered page (test/ssr/ssr-middleware.mjs): Lit's hydration support
 * first, as a host page must load it, then a note of the shell the server sent, then the element.
 * The test reads `window.ssr` from the frame.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import type { RenseiSessionList } from '../../src/index.js';

export interface SsrProbe {
  /** The server's shell, as parsed, before the element was defined. */
  before: { statusFilter: Element | null; search: Element | null; loading: Element | null; defined: boolean };
  /** Errors thrown in the page (a hydration mismatch throws). */
  errors: string[];
  /** Resolves with the element once it is defined and has hydrated. */
  ready: Promise<RenseiSessionList>;
}

declare global {
  interface Window {
    ssr: SsrProbe;
  }
}

const el = document.querySelector('rensei-session-list')!;
const root = el.shadowRoot;
const errors: string[] = [];
addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

window.ssr = {
  before: {
    statusFilter: root?.querySelector('[part~="status-filter"]') ?? null,
    search: root?.querySelector('[part~="search"]') ?? null,
    loading: root?.querySelector('[part~="loading"]') ?? null,
    defined: customElements.get('rensei-session-list') !== undefined,
  },
  errors,
  ready: (async () => {
    // The key as a property, set before the element is defined (as a host page would): never markup.
    (el as RenseiSessionList).token = EXAMPLE_API_KEY;
    await import('../../src/index.js');
    const list = el as RenseiSessionList;
    await list.updateComplete;
    return list;
  })(),
};
