/**
 * The bench page. `?impl=<name>` loads one implementation (its own chunk, so the page's heap holds
 * only that one's code) and exposes `window.bench`, which the runner (bench/run.ts) drives through
 * playwright-core.
 *
 * Timing is taken from a Chromium trace by the runner, not here: this page only drops user-timing
 * marks (`arm:<label>`, `t0:<label>`, `done:<label>`) and decides, by reading the DOM, when an
 * implementation shows the expected result. The runner then times from the input (a mark, the
 * key event, or the arrival of the answer) to the end of the next frame's Commit.
 */
import type { Impl, Shown } from './impl.js';
import { refreshCost } from './refresh-cost.js';

const loaders: Record<string, () => Promise<{ default: () => Impl | Promise<Impl> }>> = {
  widget: () => import('./impls/widget.js'),
  'vanilla-windowed': () => import('./impls/vanilla-windowed.js'),
  'vanilla-all': () => import('./impls/vanilla-all.js'),
  vaadin: () => import('./impls/vaadin.js'),
  gridjs: () => import('./impls/gridjs.js'),
  tabulator: () => import('./impls/tabulator.js'),
};

/** Rows compared when deciding that the expected result is on screen. */
const SIGNATURE_ROWS = 5;

export interface Expected {
  ids: string[];
  count: number;
}

export interface WaitResult {
  ok: boolean;
  label: string;
  /** performance.now() at the mark. */
  at: number;
  shown: Shown;
}

export interface ScrollResult {
  /** Steps taken (fewer than asked when it gave up). */
  frames: number;
  elapsedMs: number;
  longFrames: number;
  blockingMs: number;
  longFramesMs: number;
  distancePx: number;
}

const raf = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sameIds(shown: Shown, expected: Expected): boolean {
  if (shown.count !== expected.count) return false;
  const k = Math.min(SIGNATURE_ROWS, expected.ids.length);
  if (shown.ids.length < k) return false;
  for (let i = 0; i < k; i++) if (shown.ids[i] !== expected.ids[i]) return false;
  return true;
}

function countNodes(root: Node): number {
  let count = 0;
  const walk = (node: Node) => {
    count++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
  };
  walk(root);
  return count;
}

async function start() {
  const name = new URLSearchParams(location.search).get('impl') ?? '';
  const loader = loaders[name];
  if (!loader) throw new Error(`Unknown implementation "${name}"`);
  const impl = await (await loader()).default();
  const host = document.getElementById('app')!;
  let inputSeen = false;
  document.addEventListener('input', () => (inputSeen = true), true);
  const waits = new Map<string, Promise<WaitResult>>();

  /** Resolves (and marks `done:<label>`) once the DOM shows `expected`; with `afterInput`, not before an input event. */
  function arm(label: string, expected: Expected, { afterInput = false, timeoutMs = 60_000 } = {}): void {
    performance.mark(`arm:${label}`);
    inputSeen = false;
    waits.set(
      label,
      new Promise<WaitResult>((resolve) => {
        let finished = false;
        const observer = new MutationObserver(() => check());
        const finish = (ok: boolean, shown: Shown) => {
          if (finished) return;
          finished = true;
          if (ok) performance.mark(`done:${label}`);
          observer.disconnect();
          clearTimeout(timer);
          resolve({ ok, label, at: performance.now(), shown });
        };
        const check = () => {
          if (finished || (afterInput && !inputSeen)) return;
          const shown = impl.shown(SIGNATURE_ROWS);
          if (sameIds(shown, expected)) finish(true, shown);
        };
        const options = {
          childList: true,
          subtree: true,
          characterData: true,
          attributeFilter: ['aria-rowcount', 'data-index', 'data-session-id'],
        };
        observer.observe(document.body, options);
        for (const root of impl.roots()) observer.observe(root, options);
        const timer = setTimeout(() => finish(false, impl.shown(SIGNATURE_ROWS)), timeoutMs);
        const loop = () => {
          if (finished) return;
          check();
          requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
        queueMicrotask(check);
      }),
    );
  }

  const bench = {
    name,
    mount(project: string) {
      impl.mount(host, project);
    },
    arm,
    done(label: string): Promise<WaitResult> {
      const wait = waits.get(label);
      if (!wait) throw new Error(`Nothing armed as ${label}`);
      waits.delete(label);
      return wait;
    },
    loaded: () => impl.loaded(),
    hasMore: () => impl.hasMore(),
    shown: () => impl.shown(SIGNATURE_ROWS),
    /** Appends pages, untimed, until `target` rows are loaded (or there are no more). */
    async fillTo(target: number): Promise<number> {
      if (impl.fillTo) await impl.fillTo(target);
      while (impl.loaded() < target && impl.hasMore()) await impl.loadMore();
      return impl.loaded();
    },
    loadMore: () => impl.loadMore(),
    /** A status-filter change as the select fires it, marked `t0:<label>` just before. */
    setStatus(value: string, label: string): void {
      const select = impl.statusSelect();
      performance.mark(`t0:${label}`);
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    },
    canSort: () => !!impl.setSort,
    /** A sort change, marked `t0:<label>` just before. */
    setSort(value: string, label: string): void {
      performance.mark(`t0:${label}`);
      impl.setSort!(value);
    },
    /** Times `toCsv()` over the whole view; answers the milliseconds and the lines made. */
    timeCsv(): { ms: number; lines: number } | null {
      if (!impl.toCsv) return null;
      const at = performance.now();
      const csv = impl.toCsv();
      return { ms: performance.now() - at, lines: csv.split('\r\n').length - 2 };
    },
    refreshCost,
    focusSearch(): void {
      const input = impl.searchInput();
      input.focus();
      input.select();
    },
    setSearch(value: string): void {
      const input = impl.searchInput();
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    },
    /** Two frames and a pause: whatever the last sample changed has been committed. */
    async settle(ms = 40): Promise<void> {
      await raf();
      await raf();
      await sleep(ms);
    },
    async toTop(): Promise<void> {
      impl.scroller().scrollTop = 0;
      await raf();
      await raf();
    },
    /**
     * Scrolls the rows from top to bottom in `frames` equal steps, one per frame; counts long
     * animation frames. Gives up after `maxMs` (an implementation needing seconds per frame).
     */
    async scroll(frames: number, maxMs = Infinity): Promise<ScrollResult> {
      const scroller = impl.scroller();
      scroller.scrollTop = 0;
      await raf();
      await raf();
      await sleep(200);
      const entries: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type: 'long-animation-frame' });
      const startedAt = performance.now();
      const distance = scroller.scrollHeight - scroller.clientHeight;
      let done = 0;
      for (let frame = 1; frame <= frames && performance.now() - startedAt < maxMs; frame++) {
        await raf();
        scroller.scrollTop = Math.round((distance * frame) / frames);
        done = frame;
      }
      await raf();
      await raf();
      const elapsedMs = performance.now() - startedAt;
      await sleep(300);
      entries.push(...observer.takeRecords());
      observer.disconnect();
      const during = entries.filter(
        (entry) => entry.startTime >= startedAt && entry.startTime <= startedAt + elapsedMs,
      ) as (PerformanceEntry & {
        blockingDuration: number;
      })[];
      const reached = scroller.scrollTop;
      scroller.scrollTop = 0;
      await raf();
      await raf();
      return {
        frames: done,
        elapsedMs,
        longFrames: during.length,
        blockingMs: during.reduce((sum, entry) => sum + entry.blockingDuration, 0),
        longFramesMs: during.reduce((sum, entry) => sum + entry.duration, 0),
        distancePx: reached,
      };
    },
    nodes: () => countNodes(document),
  };
  (window as unknown as { bench: typeof bench }).bench = bench;
  return bench;
}

export type Bench = Awaited<ReturnType<typeof start>>;

(window as unknown as { benchReady: Promise<unknown> }).benchReady = start();
