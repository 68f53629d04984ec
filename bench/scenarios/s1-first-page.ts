/**
 * S1: the first page on a fresh page load, painted after the answer arrives. Each implementation
 * keeps one tab, reloaded for every sample; implementations alternate sample by sample.
 */
import { expected, type KnownRow } from '../expected.js';
import type { ImplName } from '../impls.js';
import { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner, Sample } from './runner.js';

declare const bench: Bench;

export class FirstPage {
  private readonly tabs = new Map<ImplName, Tab>();

  constructor(
    private readonly runner: Runner,
    /** The rows of the `first<size>` projects, whose first page is `size` rows. */
    private readonly rows: Map<number, KnownRow[]>,
  ) {}

  async sample(size: number, order: ImplName[]): Promise<void> {
    const { runner } = this;
    const key = runner.results.metric(`S1 first page, ${size.toLocaleString('en-US')} rows`, 'ms', size);
    const want = expected(this.rows.get(size)!, size, '', '');
    for (const impl of order) {
      let tab = this.tabs.get(impl);
      if (!tab) {
        tab = new Tab(impl, runner.browser, runner.origin);
        this.tabs.set(impl, tab);
      }
      // A fresh page each sample; the trace covers the mount, not the page load (faster, smaller).
      await tab.open();
      const current = tab;
      const timings = await runner.traced(async () => {
        const label = runner.label(`s1-${size}`, impl);
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
      runner.record(key, timings);
      runner.takeErrors(tab);
    }
  }

  async close(): Promise<void> {
    for (const tab of this.tabs.values()) await tab.close();
    this.tabs.clear();
  }
}
