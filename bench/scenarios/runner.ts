/**
 * What every scenario shares: the browser and the run's config, results and known rows, unique
 * sample labels, one Chromium trace around a batch of samples, and recording the times it gives.
 */
import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Config } from '../config.js';
import type { KnownRow } from '../expected.js';
import type { ImplName } from '../impls.js';
import type { MetricKey, Results } from '../metrics.js';
import type { Tab } from '../tabs.js';
import { parseTrace, timeSamples, type SampleTiming, type StartKind } from '../trace.js';
import type { WaitResult } from '../page/main.js';

const TRACE_CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'benchmark', 'toplevel'];
/** Node cannot make a string of more than 512 MB; traces are kept to a handful of samples each. */
const MAX_TRACE_BYTES = 400 * 2 ** 20;

export interface Sample {
  label: string;
  impl: ImplName;
  start: StartKind;
  wait: WaitResult;
}

export class Runner {
  private sequence = 0;

  constructor(
    readonly browser: Browser,
    readonly origin: string,
    readonly config: Config,
    readonly results: Results,
    /** The rows of the "huge" project, which S2–S6 fill from. */
    readonly huge: KnownRow[],
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
}
