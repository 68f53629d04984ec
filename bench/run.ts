/**
 * `npm run bench` (full, writes bench/RESULTS.md) and `npm run bench:smoke` (tiny N, one sample,
 * fails on anything broken; for CI).
 *
 * Builds the bench page with Vite (bench/page → bench/out), serves it and the shared mock API from
 * 127.0.0.1, and drives headless Chromium through playwright-core. Every implementation is fed by
 * the same mock over HTTP: the widget fetches from its `api-base` and appends with `loadMore()`;
 * the others fetch the same URLs. Times come from Chromium traces (input → end of the Commit that
 * shows the result, see trace.ts); long animation frames from the Long Animation Frame API; heap
 * from CDP after a forced GC. Implementations alternate: S1 rotates the order on every sample, the
 * other scenarios on every round.
 *
 *   npm run bench                       # full run (about 10 minutes on 2 cores)
 *   npm run bench -- --rounds 2         # fewer rounds
 *   npm run bench -- --only widget,vanilla-windowed
 *   npm run bench:smoke
 */
import { cpus } from 'node:os';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { buildSync } from 'esbuild';
import * as prettier from 'prettier';
import { buildBenchPage, OUT, ROOT } from './build.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.js';
import { cachedApi, startServer } from './server.js';
import { parseTrace, timeSamples, type SampleTiming, type StartKind } from './trace.js';
import type { Bench, Expected, ScrollResult, WaitResult } from './page/main.js';

const IMPLS = ['widget', 'vanilla-windowed', 'vanilla-all', 'vaadin', 'gridjs', 'tabulator'] as const;
type ImplName = (typeof IMPLS)[number];
const BASELINE: ImplName = 'vanilla-windowed';
const PEERS: ImplName[] = ['vaadin', 'gridjs', 'tabulator'];
const RENDER_ALL = new Set<ImplName>(['vanilla-all', 'gridjs']);
const RENDER_ALL_LIMIT = 10_000;
/** A render-everything implementation at its limit: seconds per step, so it is sampled less. */
const slowAt = (impl: ImplName, size: number) => RENDER_ALL.has(impl) && size >= RENDER_ALL_LIMIT;
const LABELS: Record<ImplName, string> = {
  widget: 'widget',
  'vanilla-windowed': 'vanilla windowed (baseline)',
  'vanilla-all': 'vanilla, every row',
  vaadin: '@vaadin/grid',
  gridjs: 'gridjs',
  tabulator: 'tabulator-tables',
};

const MOCK_TIME = '2026-06-02T14:00:00Z';
const SEED = 1;
const PAGE_SIZE = 250;
/** Typed into the search box in S4, one key at a time: an identifier prefix (`OPS-7…`). */
const SEARCH_TERM = 'ops-7';
const STATUS_CYCLE = ['working', 'completed', 'failed', 'stopped', 'queued', ''];
const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'benchmark', 'toplevel'];
/**
 * Fewer samples where slow: within one step of one round, an implementation that has spent this
 * long takes no more samples (the render-everything ones at 10k need seconds per sample).
 */
const SLOW_STEP_MS = 15_000;
/** S5 gives up on an implementation after this long (it then reports the frames it did). */
const SCROLL_MAX_MS = 15_000;
/** Node cannot make a string of more than 512 MB; traces are kept to a handful of samples each. */
const MAX_TRACE_BYTES = 400 * 2 ** 20;

interface Config {
  smoke: boolean;
  /** S1 first-page sizes. */
  firstPages: number[];
  firstPageSamples: number;
  rounds: number;
  /** S2 sizes; each measures the last `appendWindow` appends that reach it. */
  appendSizes: number[];
  appendWindow: number;
  mid: number;
  big: number;
  statusCycles: number;
  /** Status changes per cycle (a prefix of STATUS_CYCLE). */
  statusChanges: number;
  searchPasses: number;
  /** Keys typed per pass (a prefix of SEARCH_TERM). */
  keys: number;
  scrollFrames: number;
  /** One unmeasured S1 load of each implementation first. */
  warmUp: boolean;
}

const FULL: Config = {
  smoke: false,
  firstPages: [100, 1000],
  firstPageSamples: 15,
  rounds: 3,
  appendSizes: [1000, 10_000, 50_000],
  appendWindow: 5,
  mid: 10_000,
  big: 50_000,
  statusCycles: 1,
  statusChanges: STATUS_CYCLE.length,
  searchPasses: 1,
  keys: SEARCH_TERM.length,
  scrollFrames: 200,
  warmUp: true,
};

const SMOKE: Config = {
  smoke: true,
  firstPages: [100],
  firstPageSamples: 1,
  rounds: 1,
  appendSizes: [500],
  appendWindow: 1,
  mid: 500,
  big: 750,
  statusCycles: 1,
  statusChanges: 2,
  searchPasses: 1,
  keys: 2,
  scrollFrames: 20,
  warmUp: false,
};

// ——— arguments ———

const USAGE = `npm run bench [-- options]
  --smoke              tiny N, one sample, fails on anything broken (CI); writes no RESULTS.md
  --rounds N           rounds of S2-S6 (default ${FULL.rounds})
  --samples N          S1 samples per size (default ${FULL.firstPageSamples})
  --only a,b           implementations (the baseline is always in): ${IMPLS.join(', ')}
  --help               this text`;

function parseArgs(argv: string[]): { config: Config; only: ImplName[] } {
  const config = { ...(argv.includes('--smoke') ? SMOKE : FULL) };
  let only: ImplName[] = [...IMPLS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--smoke') continue;
    else if (arg === '--rounds') config.rounds = Math.max(1, Number(argv[++i]));
    else if (arg === '--samples') config.firstPageSamples = Math.max(1, Number(argv[++i]));
    else if (arg === '--only') {
      only = argv[++i]!.split(',') as ImplName[];
      for (const name of only) if (!IMPLS.includes(name)) throw new Error(`Unknown implementation ${name}`);
      if (!only.includes(BASELINE)) only.unshift(BASELINE);
    } else throw new Error(`Unknown option ${arg}\n${USAGE}`);
  }
  return { config, only };
}

// ——— metrics ———

type MetricKey = string;
interface Metric {
  key: MetricKey;
  scenario: string;
  unit: 'ms' | 'count' | 'MB' | 'nodes';
  /** Size the scenario runs at, for "did not finish" of render-everything implementations. */
  size: number;
}

class Results {
  readonly metrics: Metric[] = [];
  readonly values = new Map<MetricKey, Map<ImplName, number[]>>();
  readonly dnf = new Map<MetricKey, Set<ImplName>>();
  readonly errors: string[] = [];
  readonly notes = new Map<string, string>();

  note(key: MetricKey, impl: ImplName, text: string): void {
    this.notes.set(`${key}\u0000${impl}`, text);
  }

  noteOf(key: MetricKey, impl: ImplName): string | undefined {
    return this.notes.get(`${key}\u0000${impl}`);
  }

  metric(scenario: string, unit: Metric['unit'], size: number): MetricKey {
    const key = `${scenario}`;
    if (!this.metrics.some((metric) => metric.key === key)) this.metrics.push({ key, scenario, unit, size });
    return key;
  }

  add(key: MetricKey, impl: ImplName, value: number): void {
    const byImpl = this.values.get(key) ?? new Map<ImplName, number[]>();
    const list = byImpl.get(impl) ?? [];
    list.push(value);
    byImpl.set(impl, list);
    this.values.set(key, byImpl);
  }

  didNotFinish(key: MetricKey, impl: ImplName): void {
    const set = this.dnf.get(key) ?? new Set<ImplName>();
    set.add(impl);
    this.dnf.set(key, set);
  }

  /** Drops what was recorded for a metric (a warm-up). */
  reset(key: MetricKey): void {
    this.values.delete(key);
  }

  samples(key: MetricKey, impl: ImplName): number[] {
    return this.values.get(key)?.get(impl) ?? [];
  }

  median(key: MetricKey, impl: ImplName): number | null {
    const list = [...this.samples(key, impl)].sort((a, b) => a - b);
    if (list.length === 0) return null;
    const mid = Math.floor(list.length / 2);
    return list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
  }

  isDnf(key: MetricKey, impl: ImplName): boolean {
    return this.dnf.get(key)?.has(impl) ?? false;
  }
}

// ——— data the runner knows, to say what each implementation must show ———

interface KnownRow {
  id: string;
  status: string;
  key1: string;
  key2: string;
}

function knownRows(project: string, count: number, api: ReturnType<typeof cachedApi>): KnownRow[] {
  const rows: KnownRow[] = [];
  let cursor: string | null = null;
  while (rows.length < count) {
    const url = `/api/public/sessions?project=${project}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = api.handle({ method: 'GET', url, headers: { authorization: 'Bearer rsk_test_bench00001' } });
    if (answer.status !== 200) throw new Error(`mock answered ${answer.status} to ${url}`);
    const page = JSON.parse(answer.body) as {
      sessions: { id: string; status: string; issueIdentifier?: string | null }[];
      cursor: string | null;
    };
    for (const session of page.sessions) {
      rows.push({
        id: session.id,
        status: session.status,
        key1: (session.issueIdentifier ?? '').toLowerCase(),
        key2: session.id.toLowerCase(),
      });
    }
    cursor = page.cursor;
    if (!cursor) break;
  }
  return rows;
}

function expected(rows: readonly KnownRow[], n: number, status: string, search: string): Expected {
  const prefix = search.trim().toLowerCase();
  const ids: string[] = [];
  let count = 0;
  for (let i = 0; i < Math.min(n, rows.length); i++) {
    const row = rows[i]!;
    if (status && row.status !== status) continue;
    if (prefix && !row.key1.startsWith(prefix) && !row.key2.startsWith(prefix)) continue;
    if (ids.length < 5) ids.push(row.id);
    count++;
  }
  return { ids, count };
}

// ——— the run ———

declare const bench: Bench;

const log = (...parts: unknown[]) =>
  console.log(`[${((performance.now() - T0) / 1000).toFixed(0).padStart(4)} s]`, ...parts);
const T0 = performance.now();
const rotate = <T>(list: readonly T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]!);

/** Runs one step of a round and logs how long it took (a full run has to stay under 15 minutes). */
async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const at = performance.now();
  try {
    return await run();
  } finally {
    log(`  ${name}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
  }
}

/** One implementation's own browser context (so its own renderer process and heap) and page. */
class Tab {
  page!: Page;
  cdp!: CDPSession;
  readonly errors: string[] = [];

  constructor(
    readonly impl: ImplName,
    private readonly browser: Browser,
    private readonly origin: string,
  ) {}

  async open(): Promise<void> {
    if (!this.page) {
      // Reduced motion: the widget's (and the vanilla tables', same stylesheet) pulsing "working" dot
      // is a composited animation that keeps every open tab drawing 60 frames a second, load on all
      // measurements of a 2-core machine and megabytes a second of trace.
      const context = await this.browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      this.page = await context.newPage();
      this.page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
      this.page.on('console', (message) => {
        if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
      });
      this.cdp = await context.newCDPSession(this.page);
    }
    await this.page.goto(`${this.origin}/index.html?impl=${this.impl}`);
    await this.page.evaluate(() => (window as unknown as { benchReady: Promise<unknown> }).benchReady);
  }

  async close(): Promise<void> {
    await this.page?.context().close();
  }

  async arm(label: string, want: Expected, afterInput = false): Promise<void> {
    await this.page.evaluate(([label, want, afterInput]) => bench.arm(label, want, { afterInput }), [
      label,
      want,
      afterInput,
    ] as const);
  }

  waitDone(label: string): Promise<WaitResult> {
    return this.page.evaluate((label) => bench.done(label), label);
  }

  async settle(ms = 40): Promise<void> {
    await this.page.evaluate((ms) => bench.settle(ms), ms);
  }

  loaded(): Promise<number> {
    return this.page.evaluate(() => bench.loaded());
  }
}

interface Sample {
  label: string;
  impl: ImplName;
  start: StartKind;
  wait: WaitResult;
}

class Runner {
  private sequence = 0;
  private readonly s1Tabs = new Map<ImplName, Tab>();

  constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly config: Config,
    private readonly results: Results,
    private readonly huge: KnownRow[],
    private readonly firstPageRows: Map<number, KnownRow[]>,
  ) {}

  label(what: string, impl: ImplName): string {
    return `${what}#${impl}#${++this.sequence}`;
  }

  takeErrors(tab: Tab): void {
    for (const error of tab.errors.splice(0)) this.results.errors.push(`${tab.impl}: ${error}`);
  }

  /** Runs `run` under one Chromium trace (browser-wide: every tab's renderer) and times its samples. */
  async traced(run: () => Promise<Sample[]>): Promise<(SampleTiming & Sample)[]> {
    await this.browser.startTracing(undefined, { categories: TRACE_CATEGORIES });
    let samples: Sample[] = [];
    let buffer: Buffer;
    try {
      samples = await run();
    } finally {
      buffer = await this.browser.stopTracing();
    }
    if (process.env.BENCH_TRACE_DIR)
      writeFileSync(
        `${process.env.BENCH_TRACE_DIR}/${samples[0]?.label.replace(/[^\w-]+/g, '_') ?? 'empty'}.json`,
        buffer,
      );
    if (buffer.length > MAX_TRACE_BYTES) {
      // Too big to parse as one string: report it rather than crash the run.
      return samples.map((sample) => ({
        ...sample,
        ok: false,
        ms: NaN,
        doneMs: NaN,
        error: `trace too large (${(buffer.length / 2 ** 20).toFixed(0)} MB)`,
      }));
    }
    const timings = timeSamples(parseTrace(buffer), samples);
    if (process.env.BENCH_DEBUG) {
      for (const timing of timings)
        console.log(
          `  ${timing.label}: ${timing.ok ? `${timing.ms.toFixed(1)} ms (DOM at ${timing.doneMs.toFixed(1)})` : timing.error}`,
        );
    }
    return timings.map((timing, i) => ({ ...timing, ...samples[i]! }));
  }

  record(key: MetricKey, timings: (SampleTiming & Sample)[]): void {
    for (const timing of timings) {
      if (!timing.wait.ok) {
        this.results.errors.push(
          `${timing.impl} ${key}: the expected rows never showed (shown ${JSON.stringify(timing.wait.shown)})`,
        );
      } else if (!timing.ok) {
        this.results.errors.push(`${timing.impl} ${key}: ${timing.error}`);
      } else {
        this.results.add(key, timing.impl, timing.ms);
      }
    }
  }

  // S1: the first page on a fresh page load, painted after the answer arrives; implementations
  // alternate sample by sample.
  async firstPage(size: number, order: ImplName[]): Promise<void> {
    const key = this.results.metric(`S1 first page, ${size.toLocaleString('en-US')} rows`, 'ms', size);
    const want = expected(this.firstPageRows.get(size)!, size, '', '');
    for (const impl of order) {
      let tab = this.s1Tabs.get(impl);
      if (!tab) {
        tab = new Tab(impl, this.browser, this.origin);
        this.s1Tabs.set(impl, tab);
      }
      // A fresh page each sample; the trace covers the mount, not the page load (faster, smaller).
      await tab.open();
      const current = tab;
      const timings = await this.traced(async () => {
        const label = this.label(`s1-${size}`, impl);
        await current.page.evaluate(
          ([label, want, project]) => {
            // Mounting starts the fetch; the answer arrives in a later task, after the arm mark.
            bench.mount(project);
            bench.arm(label, want);
          },
          [label, want, `first${size}`] as const,
        );
        const sample: Sample = { label, impl, start: 'response', wait: await current.waitDone(label) };
        await current.settle();
        return [sample];
      });
      this.record(key, timings);
      this.takeErrors(tab);
    }
  }

  async closeFirstPageTabs(): Promise<void> {
    for (const tab of this.s1Tabs.values()) await tab.close();
    this.s1Tabs.clear();
  }

  // S2–S6, one round: every implementation in its own tab, filled side by side; each step
  // alternates between them sample by sample.
  async round(order: ImplName[], round: number): Promise<void> {
    const { config, results } = this;
    let tabs: Tab[] = [];
    for (const impl of order) {
      const tab = new Tab(impl, this.browser, this.origin);
      await tab.open();
      const first = this.label('first', impl);
      await tab.page.evaluate(
        ([label, want]) => {
          bench.mount('huge');
          bench.arm(label, want);
        },
        [first, expected(this.huge, PAGE_SIZE, '', '')] as const,
      );
      const mounted = await tab.waitDone(first);
      if (mounted.ok) tabs.push(tab);
      else {
        results.errors.push(`${impl}: the first page never showed (${JSON.stringify(mounted.shown)})`);
        await tab.close();
      }
    }
    const checkpoints = [...new Set([...config.appendSizes, config.mid, config.big])].sort((a, b) => a - b);
    try {
      for (const size of checkpoints) {
        for (const tab of tabs.filter((tab) => RENDER_ALL.has(tab.impl) && size > RENDER_ALL_LIMIT)) {
          this.markDnfAt(tab.impl, size);
          await tab.close();
        }
        tabs = tabs.filter((tab) => !(RENDER_ALL.has(tab.impl) && size > RENDER_ALL_LIMIT));
        const appendKey = config.appendSizes.includes(size)
          ? results.metric(`S2 append a page, reaching ${size.toLocaleString('en-US')}`, 'ms', size)
          : null;
        const full = appendKey
          ? Math.max(1, Math.min(config.appendWindow, Math.floor((size - PAGE_SIZE) / PAGE_SIZE)))
          : 0;
        // Fewer samples where slow: a render-everything table at 10k appends once, in the first round.
        const windows = new Map(
          tabs.map((tab) => [tab.impl, slowAt(tab.impl, size) ? (round === 0 ? Math.min(1, full) : 0) : full]),
        );
        await phase(`fill to ${size - full * PAGE_SIZE}`, async () => {
          for (const tab of tabs)
            await tab.page.evaluate((target) => bench.fillTo(target), size - windows.get(tab.impl)! * PAGE_SIZE);
        });
        if (appendKey) await phase(`S2 ${size}`, () => this.appends(appendKey, size, windows, tabs));
        for (const tab of tabs) {
          const loaded = await tab.loaded();
          if (loaded !== size) results.errors.push(`${tab.impl}: expected ${size} rows loaded, found ${loaded}`);
        }
        if (size === config.mid) {
          // A render-everything table at 10k: one status change in the first round only.
          await phase(`S3 ${size}`, () =>
            this.statusChanges(
              size,
              tabs.filter((tab) => round === 0 || !slowAt(tab.impl, size)),
            ),
          );
          for (const tab of tabs.filter((tab) => round === 0 || !slowAt(tab.impl, size))) {
            await phase(`S5 ${size} ${tab.impl}`, () => this.scroll(tab, size));
          }
          await phase(`S6 ${size}`, async () => {
            for (const tab of tabs) await this.memory(tab, size);
          });
        }
        if (size === config.big) {
          await phase(`S3 ${size}`, () => this.statusChanges(size, tabs));
          await phase(`S4 ${size}`, () => this.typing(size, tabs));
          await phase(`S6 ${size}`, async () => {
            for (const tab of tabs) await this.memory(tab, size);
          });
        }
        for (const tab of tabs) this.takeErrors(tab);
      }
    } finally {
      for (const tab of tabs) await tab.close();
    }
  }

  /** Render-everything implementations stop at 10k: every scenario at a larger size is "did not finish". */
  markDnfAt(impl: ImplName, size: number): void {
    const { results, config } = this;
    for (const n of [config.mid, config.big].filter((m) => m >= size)) {
      const at = n.toLocaleString('en-US');
      results.didNotFinish(results.metric(`S3 status change at ${at}`, 'ms', n), impl);
      if (n === config.big) results.didNotFinish(results.metric(`S4 keystroke at ${at}`, 'ms', n), impl);
      if (n === config.mid) {
        results.didNotFinish(results.metric(`S5 long frames scrolling ${at}`, 'count', n), impl);
        results.didNotFinish(results.metric(`S5 blocking time scrolling ${at}`, 'ms', n), impl);
      }
      results.didNotFinish(results.metric(`S6 JS heap at ${at}`, 'MB', n), impl);
      results.didNotFinish(results.metric(`S6 DOM nodes at ${at}`, 'nodes', n), impl);
    }
    for (const n of config.appendSizes.filter((m) => m >= size)) {
      results.didNotFinish(results.metric(`S2 append a page, reaching ${n.toLocaleString('en-US')}`, 'ms', n), impl);
    }
  }

  // S2: the last appends before a size.
  async appends(key: MetricKey, size: number, windows: Map<ImplName, number>, tabs: Tab[]): Promise<void> {
    const spent = new Map<ImplName, number>();
    const longest = Math.max(0, ...windows.values());
    for (let i = 0; i < longest; i++) {
      const timings = await this.traced(async () => {
        const samples: Sample[] = [];
        for (const tab of tabs) {
          // Each implementation's appends are its last ones before `size`.
          if (i < longest - windows.get(tab.impl)!) continue;
          if ((spent.get(tab.impl) ?? 0) > SLOW_STEP_MS) continue;
          const at = performance.now();
          const loaded = await tab.loaded();
          const label = this.label(`s2-${size}`, tab.impl);
          await tab.arm(label, expected(this.huge, loaded + PAGE_SIZE, '', ''));
          await tab.page.evaluate(() => bench.loadMore());
          samples.push({ label, impl: tab.impl, start: 'response', wait: await tab.waitDone(label) });
          await tab.settle();
          spent.set(tab.impl, (spent.get(tab.impl) ?? 0) + performance.now() - at);
        }
        return samples;
      });
      this.record(key, timings);
    }
    // Whoever skipped appends for time catches up, untimed.
    for (const tab of tabs) await tab.page.evaluate((target) => bench.fillTo(target), size);
  }

  // S3: status-filter changes.
  async statusChanges(size: number, tabs: Tab[]): Promise<void> {
    const key = this.results.metric(`S3 status change at ${size.toLocaleString('en-US')}`, 'ms', size);
    for (const tab of tabs) await tab.page.evaluate(() => bench.toTop());
    const spent = new Map<ImplName, number>();
    const current = new Map<ImplName, string>();
    for (let cycle = 0; cycle < this.config.statusCycles; cycle++) {
      for (const status of STATUS_CYCLE.slice(0, this.config.statusChanges)) {
        const want = expected(this.huge, size, status, '');
        const timings = await this.traced(async () => {
          const samples: Sample[] = [];
          for (const tab of tabs) {
            if ((spent.get(tab.impl) ?? 0) > SLOW_STEP_MS) continue;
            // A render-everything table at 10k: one change a round (tens of seconds each).
            if (slowAt(tab.impl, size) && current.has(tab.impl)) continue;
            const at = performance.now();
            current.set(tab.impl, status);
            const label = this.label(`s3-${size}-${status || 'all'}`, tab.impl);
            await tab.page.evaluate(
              ([label, want, status]) => {
                bench.arm(label, want);
                bench.setStatus(status, label);
              },
              [label, want, status] as const,
            );
            samples.push({ label, impl: tab.impl, start: 'mark', wait: await tab.waitDone(label) });
            await tab.settle(60);
            spent.set(tab.impl, (spent.get(tab.impl) ?? 0) + performance.now() - at);
          }
          return samples;
        });
        this.record(key, timings);
      }
    }
    // Back to all statuses (untimed) where the changes did not end there.
    {
      for (const tab of tabs.filter((tab) => (current.get(tab.impl) ?? '') !== '')) {
        const label = this.label('s3-reset', tab.impl);
        await tab.page.evaluate(
          ([label, want]) => {
            bench.arm(label, want);
            bench.setStatus('', label);
          },
          [label, expected(this.huge, size, '', '')] as const,
        );
        if (!(await tab.waitDone(label)).ok)
          this.results.errors.push(`${tab.impl}: clearing the status filter did not bring the rows back`);
      }
    }
  }

  // S4: typing an identifier prefix, one real key press at a time.
  async typing(size: number, tabs: Tab[]): Promise<void> {
    const key = this.results.metric(`S4 keystroke at ${size.toLocaleString('en-US')}`, 'ms', size);
    for (let pass = 0; pass < this.config.searchPasses; pass++) {
      for (const tab of tabs) {
        await tab.page.evaluate(() => bench.toTop());
        await tab.page.evaluate(() => bench.focusSearch());
      }
      for (let i = 1; i <= this.config.keys; i++) {
        const prefix = SEARCH_TERM.slice(0, i);
        const want = expected(this.huge, size, '', prefix);
        const timings = await this.traced(async () => {
          const samples: Sample[] = [];
          for (const tab of tabs) {
            const label = this.label(`s4-${size}-${prefix}`, tab.impl);
            await tab.arm(label, want, true);
            await tab.page.keyboard.press(SEARCH_TERM[i - 1]!);
            samples.push({ label, impl: tab.impl, start: 'key', wait: await tab.waitDone(label) });
            await tab.settle(80);
          }
          return samples;
        });
        this.record(key, timings);
      }
      for (const tab of tabs) {
        const reset = this.label('s4-reset', tab.impl);
        await tab.arm(reset, expected(this.huge, size, '', ''));
        await tab.page.evaluate(() => bench.setSearch(''));
        const cleared = await tab.waitDone(reset);
        if (!cleared.ok) this.results.errors.push(`${tab.impl}: clearing the search did not bring the rows back`);
      }
    }
  }

  // S5: a scripted scroll from top to bottom.
  async scroll(tab: Tab, size: number): Promise<void> {
    const at = size.toLocaleString('en-US');
    const count = this.results.metric(`S5 long frames scrolling ${at}`, 'count', size);
    const blocking = this.results.metric(`S5 blocking time scrolling ${at}`, 'ms', size);
    await tab.page.evaluate(() => bench.toTop());
    const result: ScrollResult = await tab.page.evaluate(([frames, maxMs]) => bench.scroll(frames, maxMs), [
      this.config.scrollFrames,
      SCROLL_MAX_MS,
    ] as const);
    if (result.frames < this.config.scrollFrames) {
      const partial = `gave up after ${(SCROLL_MAX_MS / 1000).toFixed(0)} s, ${result.frames} of ${this.config.scrollFrames} steps`;
      this.results.note(count, tab.impl, partial);
      this.results.note(blocking, tab.impl, partial);
    }
    if (result.distancePx <= 0) this.results.errors.push(`${tab.impl}: S5 did not scroll`);
    // After the scroll the rows at the top must be back (a window that missed the scroll shows a gap).
    const back = this.label('s5-back', tab.impl);
    await tab.arm(back, expected(this.huge, size, '', ''));
    const shown = await tab.waitDone(back);
    if (!shown.ok)
      this.results.errors.push(`${tab.impl}: after scrolling back to the top, the first rows are not shown`);
    this.results.add(count, tab.impl, result.longFrames);
    this.results.add(blocking, tab.impl, result.blockingMs);
  }

  // S6: JS heap after a forced GC, and DOM nodes (through shadow roots).
  async memory(tab: Tab, size: number): Promise<void> {
    const at = size.toLocaleString('en-US');
    await tab.page.evaluate(() => bench.toTop());
    await tab.page.waitForTimeout(100);
    await tab.cdp.send('HeapProfiler.collectGarbage');
    const heap = (await tab.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const nodes = await tab.page.evaluate(() => bench.nodes());
    this.results.add(this.results.metric(`S6 JS heap at ${at}`, 'MB', size), tab.impl, heap.usedSize / (1024 * 1024));
    this.results.add(this.results.metric(`S6 DOM nodes at ${at}`, 'nodes', size), tab.impl, nodes);
  }
}

// ——— report ———

function format(value: number | null, unit: Metric['unit']): string {
  if (value === null) return 'n/a';
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  return value.toFixed(0);
}

function cell(results: Results, metric: Metric, impl: ImplName): string {
  if (results.isDnf(metric.key, impl)) return 'did not finish';
  const value = results.median(metric.key, impl);
  const base = results.median(metric.key, BASELINE);
  const n = results.samples(metric.key, impl).length;
  if (value === null) return 'n/a';
  const ratio = base !== null && base > 0 && impl !== BASELINE ? ` (${(value / base).toFixed(2)}×)` : '';
  const note = results.noteOf(metric.key, impl);
  return `${format(value, metric.unit)}${ratio} n=${n}${note ? ` (${note})` : ''}`;
}

interface Target {
  name: string;
  met: boolean;
  detail: string;
}

function targets(results: Results, config: Config, only: ImplName[], bundleGzip: number | null): Target[] {
  const list: Target[] = [];
  const find = (prefix: string) => results.metrics.filter((metric) => metric.scenario.startsWith(prefix));
  const ratio = (metric: Metric) => {
    const widget = results.median(metric.key, 'widget');
    const base = results.median(metric.key, BASELINE);
    return widget !== null && base !== null && base > 0 ? widget / base : null;
  };
  if (!only.includes('widget')) return list;
  for (const metric of [...find('S1'), ...find('S3'), ...find('S4')]) {
    const r = ratio(metric);
    list.push({
      name: `${metric.scenario}: at most 1.3× the baseline`,
      met: r !== null && r <= 1.3,
      detail: r === null ? 'no data' : `${r.toFixed(2)}×`,
    });
  }
  for (const metric of [...find('S3'), ...find('S4')]) {
    const widget = results.median(metric.key, 'widget');
    const slower = PEERS.filter((peer) => only.includes(peer)).filter((peer) => {
      if (results.isDnf(metric.key, peer)) return false;
      const value = results.median(metric.key, peer);
      return value !== null && widget !== null && value <= widget;
    });
    list.push({
      name: `${metric.scenario}: faster than every peer`,
      met: widget !== null && slower.length === 0,
      detail:
        PEERS.filter((peer) => only.includes(peer))
          .map(
            (peer) =>
              `${peer} ${results.isDnf(metric.key, peer) ? 'did not finish' : format(results.median(metric.key, peer), 'ms')}`,
          )
          .join(', ') + (slower.length ? `; not faster than ${slower.join(', ')}` : ''),
    });
  }
  for (const metric of find('S5 long frames')) {
    const widget = results.median(metric.key, 'widget');
    const base = results.median(metric.key, BASELINE);
    list.push({
      name: `${metric.scenario}: no more than the baseline`,
      met: widget !== null && base !== null && widget <= base,
      detail: `widget ${widget ?? 'n/a'}, baseline ${base ?? 'n/a'}`,
    });
  }
  const nodes = find('S6 DOM nodes');
  if (nodes.length >= 2) {
    const values = nodes.map((metric) => results.median(metric.key, 'widget'));
    const [small, large] = [values[0], values[values.length - 1]];
    const flat = small != null && large != null && Math.abs(large - small) <= Math.max(20, small * 0.02);
    list.push({
      name: 'S6 DOM node count independent of N',
      met: flat,
      detail: nodes
        .map((metric, i) => `${metric.scenario.replace('S6 DOM nodes ', '')}: ${values[i] ?? 'n/a'}`)
        .join(', '),
    });
  }
  for (const metric of find('S6 JS heap')) {
    const r = ratio(metric);
    list.push({
      name: `${metric.scenario}: at most 1.5× the baseline`,
      met: r !== null && r <= 1.5,
      detail:
        r === null
          ? 'no data'
          : `${r.toFixed(2)}× (${format(results.median(metric.key, 'widget'), 'MB')} vs ${format(results.median(metric.key, BASELINE), 'MB')})`,
    });
  }
  if (bundleGzip !== null) {
    list.push({
      name: 'Size: bundle under 24 KB min+gzip',
      met: bundleGzip <= 24 * 1024,
      detail: `${(bundleGzip / 1024).toFixed(2)} KB, gzip -9, built from the current source; \`npm run size\` has the breakdown`,
    });
    list.push({
      name: 'Size: aim of 20 KB',
      met: bundleGzip <= 20 * 1024,
      detail: `${(bundleGzip / 1024).toFixed(2)} KB`,
    });
  }
  void config;
  return list;
}

/** S1…S6, each by size (metrics are created in the order the run first meets them). */
function ordered(results: Results): Metric[] {
  const rank = (metric: Metric) => Number(/^S(\d)/.exec(metric.scenario)?.[1] ?? 9) * 1e7 + metric.size;
  return [...results.metrics].sort((a, b) => rank(a) - rank(b) || a.scenario.localeCompare(b.scenario));
}

function textTable(results: Results, only: ImplName[]): string {
  const header = ['scenario', ...only.map((impl) => LABELS[impl])];
  const rows = ordered(results).map((metric) => [metric.scenario, ...only.map((impl) => cell(results, metric, impl))]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((text, i) => text.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdownTable(results: Results, only: ImplName[]): string {
  const header = `| scenario | ${only.map((impl) => LABELS[impl]).join(' | ')} |`;
  const rule = `| --- | ${only.map(() => '---').join(' | ')} |`;
  const rows = ordered(results).map(
    (metric) => `| ${metric.scenario} | ${only.map((impl) => cell(results, metric, impl)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}

function gzipSize(path: string): number | null {
  return existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : null;
}

/** The in-house windowing, bundled alone (lit external), to weigh against @lit-labs/virtualizer. */
function windowControllerSize(): number {
  const result = buildSync({
    entryPoints: [`${ROOT}src/controllers/window.ts`],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    external: ['lit', 'lit/*', '@lit/*'],
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

function cpuModel(): string {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    return /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

async function writeResults(args: {
  results: Results;
  only: ImplName[];
  config: Config;
  chromium: string;
  minutes: number;
  bundleGzip: number | null;
  list: Target[];
}): Promise<void> {
  const { results, only, config, chromium, minutes, bundleGzip, list } = args;
  const windowGzip = windowControllerSize();
  const ratioOf = (prefix: string) =>
    results.metrics
      .filter((metric) => metric.scenario.startsWith(prefix))
      .map((metric) => {
        const widget = results.median(metric.key, 'widget');
        const base = results.median(metric.key, BASELINE);
        return `${metric.scenario}: ${widget !== null && base ? `${(widget / base).toFixed(2)}×` : 'n/a'}`;
      })
      .join('; ');
  const scrollLine = results.metrics
    .filter((metric) => metric.scenario.startsWith('S5'))
    .map(
      (metric) =>
        `${metric.scenario}: widget ${format(results.median(metric.key, 'widget'), metric.unit)}, baseline ${format(results.median(metric.key, BASELINE), metric.unit)}`,
    )
    .join('; ');
  const met = list.filter((target) => target.met).length;
  // The hand-written part: what the misses come from, what was fixed, what is left (bench/NOTES.md).
  const notes = existsSync(`${ROOT}bench/NOTES.md`) ? readFileSync(`${ROOT}bench/NOTES.md`, 'utf8') : '';
  const text = `# Benchmark results

Generated by \`npm run bench\` (bench/run.ts); re-run it to reproduce. One run, so read the ratios:
absolute times on a shared 2-core machine are noise.

- **Date**: ${new Date().toISOString()}
- **Machine**: ${cpuModel()}, ${cpus().length} cores (as Node sees them), ${process.platform} ${process.arch}
- **Browser**: ${chromium} (system Chromium at ${chromiumPath}, headless, \`${chromiumArgs.join(' ')}\`)
- **Node**: ${process.version}
- **Command**: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\` (${config.rounds} rounds, ${config.firstPageSamples} S1 samples per size), whole run ${minutes.toFixed(1)} minutes

## Medians (ratio to the vanilla windowed baseline; n = samples)

${markdownTable(results, only)}

"did not finish": the implementation renders every row, so it stops at 10,000 rows by design.

## Targets (${met} of ${list.length} met)

${list.map((target) => `- ${target.met ? '✅ met' : '❌ missed'}: ${target.name} (${target.detail})`).join('\n')}
${results.errors.length ? `\n## Errors during the run\n\n${results.errors.map((error) => `- ${error}`).join('\n')}\n` : ''}${notes ? `\n${notes.trim()}\n` : ''}
## What is measured, and how

- **Feeding.** Every implementation gets its rows over HTTP from the shared mock (\`mock/\`, seed ${SEED}, clock
  frozen at ${MOCK_TIME}) served by bench/server.ts on 127.0.0.1 through \`createMockRequestHandler\`. The
  widget is fed as a user's page feeds it: \`api-base\` = the bench origin, a token, a project, and
  \`loadMore()\` (what its load-more button calls) to append; it validates every row with its schema. The
  others fetch the same URLs, check rows by hand and keep the same fields. Pages are ${PAGE_SIZE} rows
  (S1: projects whose page is 100 or 1,000 rows). Live refresh is off in the widget (\`refresh-interval=0\`)
  so a refresh never lands inside a measurement; its once-a-second duration clock stays on, as shipped.
- **Same job.** Same columns (health dot with its words, identifier, status, work type, provider, duration,
  cost), same filtering (status equality; case-insensitive prefix of the issue identifier or session id,
  one pass), same 1200 × 640 px box that scrolls itself (the peers need a height to virtualize). The
  baseline and the every-row table reuse the widget's stylesheet and row markup, in a shadow root. The peer
  grids have no status select or search of their own in the same form, so the host page provides a native
  select and input: vaadin gets \`items\` set to the filtered list, tabulator its own \`setFilter\`, gridjs
  \`updateConfig({ data }).forceRender()\` (its 100 ms processing throttle set to 0).
- **Timing** (bench/trace.ts): a Chromium trace per batch of samples; each sample is timed from its input to
  the end of the first main-thread \`Commit\` after the DOM shows the expected rows (checked by a
  MutationObserver and every frame against what the runner computed from the same data), or after the
  last long task chained to the input if that is later. Inputs: S1/S2 the arrival of the answer
  (\`ResourceFinish\`), S3 the \`change\` dispatch, S4 the real key press (\`keydown\`).
- **S1** first page on a fresh page load (warm HTTP cache), all implementations rotated per sample.
  **S2** the last ${config.appendWindow} appends before each size (3 before 1,000). **S3** six status changes
  (${STATUS_CYCLE.map((status) => status || 'all').join(' → ')}) per round. **S4** typing \`${SEARCH_TERM}\` one key at a time
  (the 2nd–4th keys leave the result as it was: every identifier starts \`OPS-\`; still a full filtering
  pass each). **S5** \`scrollTop\` stepped to the bottom in ${config.scrollFrames} equal steps, one per frame; long
  animation frames (> 50 ms) and their \`blockingDuration\` from the Long Animation Frame API. **S6**
  \`Runtime.getHeapUsage\` after a forced GC, and every node in the document counted through shadow roots.
- **Reduced motion.** Every page emulates \`prefers-reduced-motion: reduce\`: the widget's pulsing dot on
  working rows (the vanilla tables share its stylesheet) is a composited animation that would keep every
  open tab drawing 60 frames a second (load on every measurement, and 5 MB/s of trace). The widget honours
  the setting with its own rule; nothing else changes.
- **Alternation.** Every implementation runs in its own browser context (its own renderer process and
  heap), all open side by side; each step takes one sample from each in turn (the order rotates every
  round), so a burst of load from elsewhere on the machine hits all of them alike. S1 reloads each page
  per sample. Rounds: ${config.rounds}; in each: fill to 10k (S2), S3/S5/S6 at 10k, fill to 50k (S2),
  S3/S4/S6 at 50k. S5 runs one implementation at a time (${config.scrollFrames} steps each, given up after
  ${SCROLL_MAX_MS / 1000} s). Fewer samples where slow: the two render-everything tables take one S2 append, one S3
  change and one S5 scroll at 10k, in the first round only (each takes seconds to tens of seconds), and
  within a step an implementation takes no more samples once it has used ${SLOW_STEP_MS / 1000} s.

## Windowing: in-house, or @lit-labs/virtualizer?

**Decision: keep the in-house windowing (\`src/controllers/window.ts\`).**

- **Size.** The in-house controller is ${(windowGzip / 1024).toFixed(2)} KB min+gzip on its own (measured now, lit
  external). \`@lit-labs/virtualizer@2.1.1\` is not a dependency; packed with \`npm pack\` into /tmp and
  bundled there with esbuild (minified, lit external), its \`virtualize\` directive is 31.7 KB min, **8.3 KB
  min+gzip** (the \`<lit-virtualizer>\` element: 8.6 KB). The bundle is ${bundleGzip === null ? 'not built' : `${(bundleGzip / 1024).toFixed(2)} KB`}
  against a 24 KB budget and a 20 KB aim: the virtualizer alone would cost a third of what is left of the
  whole widget once Lit and zod/mini are in, and push the bundle far over budget.
- **Speed.** What the virtualizer could buy is at most the gap between the widget and the hand-written
  windowed baseline, which already is the practical limit of windowing. Measured here: ${ratioOf('S3')};
  ${ratioOf('S4')}; ${scrollLine}. The windowing is not where the widget's remaining time goes
  (see the targets above and the notes below), so a general-purpose virtualizer
  (variable heights, layouts, its own scroller logic) has nothing to win back that would pay for 7 KB.
- **Fit.** Our rows have one height per layout, measured from a rendered row, so a fixed-height window is
  exact; the contract's roving tabindex, \`selected\` row and tooltips are simpler to keep across a window we
  own; and the same code handles the page scrolling and the element scrolling itself.
- Revisit if rows ever need variable heights (the virtualizer measures each), or if the virtualizer's size
  drops a lot.
`;
  // Formatted as the tree is (npm run lint checks it), with the project's Prettier settings.
  const file = `${ROOT}bench/RESULTS.md`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

// ——— main ———

async function main(): Promise<void> {
  const { config, only } = parseArgs(process.argv.slice(2));
  log(`bench ${config.smoke ? 'smoke' : 'full'}: ${only.join(', ')}`);
  await buildBenchPage();
  log('built bench/out');
  const needed = Math.max(...config.appendSizes, config.big) + PAGE_SIZE;
  const api = cachedApi({
    seed: SEED,
    time: MOCK_TIME,
    projects: {
      huge: { initialSessions: 100_000, pageSize: PAGE_SIZE },
      first100: { initialSessions: 5_000, pageSize: 100, issuePrefix: 'OPS' },
      first1000: { initialSessions: 5_000, pageSize: 1000, issuePrefix: 'OPS' },
    },
  });
  const huge = knownRows('huge', needed, api);
  const firstPageRows = new Map(config.firstPages.map((size) => [size, knownRows(`first${size}`, size, api)] as const));
  log(`mock ready: ${huge.length} rows of "huge" known`);
  const { server, origin } = await startServer(api, OUT);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const results = new Results();
  const started = performance.now();
  try {
    const runner = new Runner(browser, origin, config, results, huge, firstPageRows);
    for (const size of config.firstPages) {
      // One unmeasured load of each first, so every sample finds the HTTP and code caches warm.
      if (config.warmUp && size === config.firstPages[0]) {
        await runner.firstPage(size, only);
        results.reset(`S1 first page, ${size.toLocaleString('en-US')} rows`);
      }
      for (let sample = 0; sample < config.firstPageSamples; sample++)
        await runner.firstPage(size, rotate(only, sample));
      log(`S1 ${size}: done`);
    }
    await runner.closeFirstPageTabs();
    for (let round = 0; round < config.rounds; round++) {
      const at = performance.now();
      await runner.round(rotate(only, round), round);
      log(`round ${round + 1}/${config.rounds}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
    }
    const minutes = (performance.now() - started) / 60_000;
    const chromiumVersion = `Chromium ${browser.version()}`;
    console.log(`\n${textTable(results, only)}\n`);
    // The bundle as bench/build.ts just built it with the project's config: what dist/ ships.
    const bundleGzip = gzipSize(`${OUT}/widget/rensei-session-list.bundle.js`);
    const list = targets(results, config, only, bundleGzip);
    for (const target of list) console.log(`${target.met ? 'met   ' : 'MISSED'}  ${target.name} (${target.detail})`);
    if (results.errors.length) {
      console.log(`\n${results.errors.length} error(s):`);
      for (const error of results.errors) console.log(`  ${error}`);
    }
    if (!config.smoke) {
      await writeResults({ results, only, config, chromium: chromiumVersion, minutes, bundleGzip, list });
      log('wrote bench/RESULTS.md');
    }
    log(`finished in ${minutes.toFixed(1)} min`);
    if (results.errors.length) process.exitCode = 1;
    if (config.smoke) {
      // Every scenario must have produced numbers for every implementation (or a did-not-finish).
      const missing = results.metrics.flatMap((metric) =>
        only
          .filter((impl) => !results.isDnf(metric.key, impl) && results.samples(metric.key, impl).length === 0)
          .map((impl) => `${impl}: ${metric.scenario}`),
      );
      if (missing.length) {
        console.log(`smoke: no numbers for ${missing.join('; ')}`);
        process.exitCode = 1;
      }
      console.log(process.exitCode ? 'bench smoke: FAILED' : 'bench smoke: ok');
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
