/**
 * S10: `toCsv()` over the whole view at 50k rows (the widget's export; the others have none), and
 * S11: what a refresh that changes 10 of 50k rows costs the widget's view model, sorted and not.
 */
import type { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner } from './runner.js';

declare const bench: Bench;

export async function exportCsv(runner: Runner, size: number, tabs: Tab[]): Promise<void> {
  const key = runner.results.metric(`S10 toCsv() at ${size.toLocaleString('en-US')}`, 'ms', size);
  for (const tab of tabs) {
    const timed = await tab.page.evaluate(() => bench.timeCsv());
    if (!timed) {
      runner.results.notMeasured(key, tab.impl);
      continue;
    }
    if (timed.lines !== size) runner.results.errors.push(`${tab.impl}: toCsv() gave ${timed.lines} rows, not ${size}`);
    runner.results.add(key, tab.impl, timed.ms);
  }
}

export async function refreshCosts(runner: Runner, size: number, tabs: Tab[]): Promise<void> {
  const at = size.toLocaleString('en-US');
  const keys = {
    '': runner.results.metric(`S11 refresh changing 10 of ${at}, view model, unsorted`, 'ms', size),
    health: runner.results.metric(`S11 refresh changing 10 of ${at}, view model, sort="health"`, 'ms', size),
  };
  const samples = runner.config.smoke ? 3 : 15;
  for (const tab of tabs) {
    for (const [sort, key] of Object.entries(keys)) {
      if (tab.impl !== 'widget') {
        runner.results.notMeasured(key, tab.impl);
        continue;
      }
      const ms = await tab.page.evaluate(([size, sort, samples]) => bench.refreshCost(size, 10, sort, samples), [
        size,
        sort,
        samples,
      ] as const);
      runner.results.add(key, tab.impl, ms);
    }
  }
}
