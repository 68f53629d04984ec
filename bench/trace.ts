/**
 * Reads a Chromium trace (Playwright's browser.startTracing / stopTracing) and times each sample
 * from its input to the end of the frame Commit that shows the result, as js-framework-benchmark
 * does (input → Commit), on the renderer main thread that ran the sample.
 * Categories: devtools.timeline, blink.user_timing, benchmark, toplevel (TRACE_CATEGORIES).
 *
 * A sample's page-side marks (bench/page/main.ts): `arm:<label>` just before the action,
 * `t0:<label>` when the harness performs the action itself (a status change), `done:<label>` when
 * the DOM first shows the expected result.
 *
 * - start: `t0:<label>`; or the first `keydown` EventDispatch after `arm:` (a real key press);
 *   or the first ResourceFinish of a sessions request after `arm:` (the answer has arrived).
 * - end: the end of the first Commit that starts after `done:<label>`. In case an implementation
 *   keeps working after its DOM already matched (deferred work, or a keystroke that leaves the
 *   rows as they were), also the end of the first Commit after the last long task (≥ 3 ms) of
 *   the busy chain that follows the input (tasks less than 30 ms apart); the later of the two.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown> } & Record<string, unknown>;
}

export type StartKind = 'mark' | 'key' | 'response';

export interface SampleTiming {
  label: string;
  ok: boolean;
  /** Input to the end of the Commit showing the result (ms). */
  ms: number;
  /** Input to the DOM first matching (ms), for sanity. */
  doneMs: number;
  error?: string;
}

/**
 * The main thread's commit to the compositor ("benchmark" category; DevTools' own `Commit` needs
 * disabled-by-default-devtools.timeline, whose per-frame DOM statistics and layer dumps cost
 * several ms a frame and grow with the DOM, so the bench does not enable it).
 */
const COMMITS = new Set(['ProxyMain::BeginMainFrame::commit', 'Commit']);
/** Top-level tasks ("toplevel" category). */
const TASKS = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);
const LONG_TASK_US = 3_000;
const CHAIN_GAP_US = 30_000;

export function parseTrace(buffer: Buffer): TraceEvent[] {
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

interface Thread {
  commits: TraceEvent[];
  tasks: TraceEvent[];
  keydowns: TraceEvent[];
  finishes: TraceEvent[];
}

export function timeSamples(events: TraceEvent[], samples: { label: string; start: StartKind }[]): SampleTiming[] {
  const marks = new Map<string, TraceEvent>();
  const threads = new Map<string, Thread>();
  const sessionRequests = new Set<string>();
  const thread = (event: TraceEvent) => {
    const key = `${event.pid}:${event.tid}`;
    let found = threads.get(key);
    if (!found) {
      found = { commits: [], tasks: [], keydowns: [], finishes: [] };
      threads.set(key, found);
    }
    return found;
  };
  for (const event of events) {
    if (event.cat === 'blink.user_timing') {
      if (!marks.has(event.name)) marks.set(event.name, event);
    } else if (COMMITS.has(event.name) && event.ph === 'X') thread(event).commits.push(event);
    else if (TASKS.has(event.name) && event.ph === 'X' && (event.dur ?? 0) >= LONG_TASK_US)
      thread(event).tasks.push(event);
    else if (event.name === 'EventDispatch' && event.args?.data?.type === 'keydown') thread(event).keydowns.push(event);
    else if (
      event.name === 'ResourceSendRequest' &&
      String(event.args?.data?.url ?? '').includes('/api/public/sessions')
    ) {
      sessionRequests.add(String(event.args?.data?.requestId));
    } else if (event.name === 'ResourceFinish') thread(event).finishes.push(event);
  }
  for (const found of threads.values()) {
    for (const list of Object.values(found) as TraceEvent[][]) list.sort((a, b) => a.ts - b.ts);
  }

  return samples.map(({ label, start: kind }) => {
    const fail = (error: string): SampleTiming => ({ label, ok: false, ms: NaN, doneMs: NaN, error });
    const arm = marks.get(`arm:${label}`);
    const done = marks.get(`done:${label}`);
    if (!arm) return fail('no arm mark in the trace');
    if (!done) return fail('no done mark in the trace (the result never showed)');
    const main = threads.get(`${arm.pid}:${arm.tid}`);
    if (!main) return fail('no events on the sample thread');
    let start: number | undefined;
    if (kind === 'mark') start = marks.get(`t0:${label}`)?.ts;
    else if (kind === 'key') start = main.keydowns.find((event) => event.ts >= arm.ts)?.ts;
    else {
      start = main.finishes.find(
        (event) => event.ts >= arm.ts && sessionRequests.has(String(event.args?.data?.requestId)),
      )?.ts;
    }
    if (start === undefined) return fail(`no ${kind} start event after the arm mark`);
    if (done.ts < start) return fail('the result showed before the input');
    const commitAfter = (ts: number) => main.commits.find((event) => event.ts >= ts);
    const first = commitAfter(done.ts);
    if (!first) return fail('no Commit after the result showed');
    let end = first.ts + (first.dur ?? 0);
    // The busy chain after the input: long tasks, each starting soon after the previous one ended.
    let chainEnd = start;
    let last: TraceEvent | undefined;
    for (const task of main.tasks) {
      const taskEnd = task.ts + (task.dur ?? 0);
      if (taskEnd <= start) continue;
      if (task.ts > chainEnd + CHAIN_GAP_US) break;
      chainEnd = Math.max(chainEnd, taskEnd);
      last = task;
    }
    // The Commit inside the chain's last long task (it was a frame), or the next one after it.
    const afterChain = last && commitAfter(last.ts);
    if (afterChain && afterChain.ts - chainEnd < 100_000) end = Math.max(end, afterChain.ts + (afterChain.dur ?? 0));
    return { label, ok: true, ms: (end - start) / 1000, doneMs: (done.ts - start) / 1000 };
  });
}
