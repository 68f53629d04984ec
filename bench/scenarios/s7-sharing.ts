/**
 * S7, one feed per browser: one headless Chromium, one browser context, 4 tabs × 2 widgets on one
 * project at a 1 s interval. Counts requests to /api/public/sessions with `sharing="browser"` and
 * with `sharing="off"`, the bytes 304s saved, whether all 8 widgets show the same first page after
 * the mock changes, and how long rows take to keep updating when the leading tab is closed, and
 * when it is frozen (CDP `Page.setWebLifecycleState`).
 *
 * It runs its own mock (its clock frozen, then moved on once), so the page is unchanged (304s)
 * except when S7 changes it.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createMockApi, EXAMPLE_API_KEY, type MockApi } from '../../mock/api.js';
import { MOCK_TIME, SEED } from '../config.js';
import { startServer } from '../server.js';

const TABS = 4;
const PER_TAB = 2;
const INTERVAL_S = 1;
const PROJECT = 's7';
const PAGE_SIZE = 1000;

export interface SharingResult {
  seconds: number;
  shared: { requests: number; notModified: number; bytes: number; bytesSaved: number };
  off: { requests: number; bytes: number };
  /** Requests per interval, all tabs together. */
  perInterval: number;
  offPerInterval: number;
  /** All 8 widgets showed the mock's new first page after it changed. */
  samePage: boolean;
  /** Leader closed / frozen → the first request from another tab (ms), and → rows showing a change (ms). */
  closed: { request: number | null; rows: number | null };
  frozen: { request: number | null; rows: number | null };
}

interface Counter {
  requests: number;
  notModified: number;
  bytes: number;
  byTab: Map<string, number>;
  /** The tab of the latest request (its page URL's `?tab=`). */
  lastTab: string | null;
}

function countingApi(): { api: MockApi; raw: MockApi; counter: Counter; reset(): void } {
  const api = createMockApi({
    seed: SEED,
    time: MOCK_TIME,
    projects: { [PROJECT]: { initialSessions: 3000, pageSize: PAGE_SIZE, issuePrefix: 'S' } },
  });
  const counter: Counter = { requests: 0, notModified: 0, bytes: 0, byTab: new Map(), lastTab: null };
  return {
    counter,
    raw: api,
    reset() {
      Object.assign(counter, { requests: 0, notModified: 0, bytes: 0, byTab: new Map(), lastTab: null });
    },
    api: {
      ...api,
      handle(request) {
        const response = api.handle(request);
        if (request.method === 'GET' && request.url.startsWith('/api/public/sessions')) {
          counter.requests++;
          if (response.status === 304) counter.notModified++;
          counter.bytes += Buffer.byteLength(response.body);
          const tab = /[?&]tab=(\d+)/.exec(request.headers.referer ?? '')?.[1] ?? '?';
          counter.byTab.set(tab, (counter.byTab.get(tab) ?? 0) + 1);
          counter.lastTab = tab;
        }
        return response;
      },
    },
  };
}

const page = (sharing: string) => `<!doctype html>
<meta charset="utf-8"><title>S7</title>
<script type="module" src="/widget/rensei-session-list.bundle.js"></script>
${Array.from({ length: PER_TAB }, () => `<rensei-session-list project="${PROJECT}" refresh-interval="${INTERVAL_S}" sharing="${sharing}" style="height:300px"></rensei-session-list>`).join('\n')}
<script type="module">
  for (const el of document.querySelectorAll('rensei-session-list')) {
    el.apiBase = location.origin;
    el.token = ${JSON.stringify(EXAMPLE_API_KEY)};
  }
</script>`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first rows' ids and statuses each widget of the page shows. */
function firstPages(tab: Page): Promise<string[]> {
  return tab.evaluate(() =>
    Array.from(document.querySelectorAll('rensei-session-list'), (el) =>
      (el as unknown as { sessions: { id: string; status: string }[] }).sessions
        .slice(0, 50)
        .map((s) => `${s.id}:${s.status}`)
        .join(','),
    ),
  );
}

async function until(check: () => Promise<boolean>, limitMs: number): Promise<number | null> {
  const start = performance.now();
  while (performance.now() - start < limitMs) {
    if (await check()) return performance.now() - start;
    await sleep(50);
  }
  return null;
}

export async function runSharing(browser: Browser, outDir: string, smoke: boolean): Promise<SharingResult> {
  const seconds = smoke ? 5 : 20;
  // `raw` answers S7's own look-ups, which must not count as the widgets' requests.
  const { api, raw, counter, reset } = countingApi();
  writeFileSync(`${outDir}/s7-browser.html`, page('browser'));
  writeFileSync(`${outDir}/s7-off.html`, page('off'));
  const { server, origin } = await startServer(api, outDir);
  const expected = () => {
    const answer = raw.handle({
      method: 'GET',
      url: `/api/public/sessions?project=${PROJECT}`,
      headers: { authorization: `Bearer ${EXAMPLE_API_KEY}` },
    });
    const sessions = (JSON.parse(answer.body) as { sessions: { id: string; status: string }[] }).sessions;
    return sessions
      .slice(0, 50)
      .map((s) => `${s.id}:${s.status}`)
      .join(',');
  };
  let context: BrowserContext | undefined;
  const openTabs = async (sharing: string) => {
    context = await browser.newContext({ viewport: { width: 1000, height: 700 }, reducedMotion: 'reduce' });
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const tab = await context.newPage();
      await tab.goto(`${origin}/s7-${sharing}.html?tab=${i}`);
      tabs.push(tab);
    }
    for (const tab of tabs) await until(async () => (await firstPages(tab)).every((ids) => ids.length > 0), 10_000);
    return tabs;
  };
  try {
    // sharing="off": every widget for itself.
    let tabs = await openTabs('off');
    reset();
    await sleep(seconds * 1000);
    const off = { requests: counter.requests, bytes: counter.bytes };
    await context!.close();

    // sharing="browser": one feed; the mock changes half-way.
    tabs = await openTabs('browser');
    reset();
    await sleep((seconds * 1000) / 2);
    api.advance(60_000);
    await sleep((seconds * 1000) / 2);
    const shared = {
      requests: counter.requests,
      notModified: counter.notModified,
      bytes: counter.bytes,
      bytesSaved: 0,
    };
    const fullPage = Buffer.byteLength(
      raw.handle({
        method: 'GET',
        url: `/api/public/sessions?project=${PROJECT}`,
        headers: { authorization: `Bearer ${EXAMPLE_API_KEY}` },
      }).body,
    );
    shared.bytesSaved = shared.notModified * fullPage;
    const want = expected();
    const samePage = (await Promise.all(tabs.map(firstPages))).flat().every((ids) => ids === want);

    // Which tab leads: the one that makes the next request.
    const leader = async () => {
      reset();
      await until(async () => counter.lastTab !== null, INTERVAL_S * 3000);
      const index = Number(counter.lastTab);
      return tabs.find((tab) => tab.url().endsWith(`tab=${index}`))!;
    };
    const handOff = async (act: (tab: Page) => Promise<void>) => {
      const gone = await leader();
      const others = tabs.filter((tab) => tab !== gone);
      reset();
      // Right after a refresh, so the next is an interval away: the change reaches the rows only
      // if another tab takes over.
      await sleep(100);
      await act(gone);
      reset();
      api.advance(60_000);
      const want = expected();
      const request = until(async () => counter.requests > 0, INTERVAL_S * 6000);
      const rows = await until(
        async () => (await Promise.all(others.map(firstPages))).flat().every((ids) => ids === want),
        INTERVAL_S * 6000,
      );
      tabs = others;
      const first = await request;
      return {
        request: first === null ? null : Math.round(first),
        rows: rows === null ? null : Math.round(rows),
      };
    };
    const closed = await handOff((tab) => tab.close({ runBeforeUnload: false }));
    const frozen = await handOff(async (tab) => {
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
    });
    return {
      seconds,
      shared,
      off,
      perInterval: shared.requests / (seconds / INTERVAL_S),
      offPerInterval: off.requests / (seconds / INTERVAL_S),
      samePage,
      closed,
      frozen,
    };
  } finally {
    await context?.close().catch(() => {});
    server.close();
  }
}

/** S7 as lines of text, for the console and RESULTS.md. */
export function describeSharing(r: SharingResult): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  return [
    `S7 one feed per browser: ${TABS} tabs × ${PER_TAB} widgets, one project, ${INTERVAL_S} s interval, ${r.seconds} s`,
    `  sharing="browser": ${r.shared.requests} requests (${r.perInterval.toFixed(2)} per interval; target ≤ 1.2), ${r.shared.notModified} of them 304, ${kb(r.shared.bytes)} sent, ${kb(r.shared.bytesSaved)} saved by 304s`,
    `  sharing="off":     ${r.off.requests} requests (${r.offPerInterval.toFixed(2)} per interval), ${kb(r.off.bytes)} sent; ratio ${(r.off.requests / Math.max(1, r.shared.requests)).toFixed(1)}×`,
    `  all ${TABS * PER_TAB} widgets show the new first page after the mock changes: ${r.samePage ? 'yes' : 'NO'}`,
    `  leader tab closed → next request ${r.closed.request ?? 'never'} ms, rows updated ${r.closed.rows ?? 'never'} ms (target ≤ ${2 * INTERVAL_S * 1000} ms)`,
    `  leader tab frozen → next request ${r.frozen.request ?? 'never'} ms, rows updated ${r.frozen.rows ?? 'never'} ms (watchdog: 2 intervals of silence)`,
  ];
}

/** What S7 must meet (smoke: the same, with room for a short run on a loaded machine). */
export function sharingProblems(r: SharingResult, smoke: boolean): string[] {
  const problems: string[] = [];
  if (r.perInterval > (smoke ? 1.6 : 1.2)) problems.push(`S7: ${r.perInterval.toFixed(2)} requests per interval`);
  if (!r.samePage) problems.push('S7: the widgets show different first pages');
  if (r.closed.rows === null) problems.push('S7: rows stopped updating after the leader closed');
  if (r.frozen.rows === null) problems.push('S7: rows stopped updating after the leader froze');
  return problems;
}
