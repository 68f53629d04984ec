/**
 * "Tabs" for cross-tab sharing tests: same-origin iframes, each with its own copy of the widget's
 * modules (so its own hubs), sharing the origin's BroadcastChannels and Web Locks as tabs do.
 * The runner's own tab may be hidden; each frame's `document.hidden` is stubbed, visible to start.
 */
import type { RenseiSessionList } from '../../src/index.js';

export interface Tab {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  document: Document;
  /** Sessions requests this frame made (its fetch, wrapped), with their `If-None-Match`. */
  requests: { at: number; url: string; ifNoneMatch: string | null }[];
  setHidden(hidden: boolean): void;
  /** Stops the frame's fetch from ever answering: a leader that holds the lock but sends nothing. */
  freeze(): void;
  mount(
    settings: Partial<Pick<RenseiSessionList, 'project' | 'token' | 'refreshInterval' | 'sharing'>>,
  ): RenseiSessionList;
  close(): void;
}

const frames: HTMLIFrameElement[] = [];

export interface TabOptions {
  /** Runs in the frame before the widget's modules load (remove an API, say). */
  before?: (window: Window & typeof globalThis) => void;
}

export async function openTab({ before }: TabOptions = {}): Promise<Tab> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = 'about:blank';
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  let hidden = false;
  Object.defineProperty(doc, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(doc, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  const requests: Tab['requests'] = [];
  let frozen = false;
  const original = win.fetch.bind(win);
  win.fetch = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    if (/\/api\/public\/sessions/.test(url)) {
      const headers = new Headers(init.headers);
      requests.push({ at: Date.now(), url, ifNoneMatch: headers.get('If-None-Match') });
      if (frozen) return new Promise(() => {});
    }
    return original(input, init);
  }) as typeof fetch;
  before?.(win);
  // The frame's own module graph: a new instance of every module, as in another tab.
  const script = doc.createElement('script');
  script.type = 'module';
  script.textContent = `import '${new URL('/src/index.ts', location.href).href}';`;
  doc.head.append(script);
  await win.customElements.whenDefined('rensei-session-list');
  return {
    frame,
    window: win,
    document: doc,
    requests,
    setHidden(value) {
      hidden = value;
      doc.dispatchEvent(new win.Event('visibilitychange'));
    },
    freeze() {
      frozen = true;
    },
    mount(settings) {
      const el = doc.createElement('rensei-session-list');
      el.apiBase = location.origin;
      Object.assign(el, { project: 'web', ...settings });
      doc.body.append(el);
      return el;
    },
    close() {
      win.dispatchEvent(new win.PageTransitionEvent('pagehide'));
      frame.remove();
    },
  };
}

export function closeTabs(): void {
  for (const frame of frames.splice(0)) frame.remove();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `check` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms = 3000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export interface MockLogEntry {
  url: string;
  credential: string;
  ifNoneMatch: string | null;
  status: number;
}

export async function mockRequests(): Promise<MockLogEntry[]> {
  return (await fetch('/__mock/requests')).json() as Promise<MockLogEntry[]>;
}
