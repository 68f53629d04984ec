/**
 * S8: changing the sort (by health, reversed, then back to the API's order), where an
 * implementation sorts: the widget and the vanilla baseline, which sorts the same way. Timed once
 * the widget's sort chunk is in (see sortChanges).
 */
import { expected } from '../expected.js';
import type { Tab } from '../tabs.js';
import type { Bench, Expected } from '../page/main.js';
import type { Runner, Sample } from './runner.js';

declare const bench: Bench;

export const SORT_CYCLE = ['health', '-health', ''] as const;

/** The tabs whose implementation sorts; the others are marked "not measured" for `key`. */
export async function sortingTabs(runner: Runner, key: string, tabs: Tab[]): Promise<Tab[]> {
  const sorting: Tab[] = [];
  for (const tab of tabs) {
    if (await tab.page.evaluate(() => bench.canSort())) sorting.push(tab);
    else runner.results.notMeasured(key, tab.impl);
  }
  return sorting;
}

/** Arms `label` for `want`, then sets `sort` (marked `t0:<label>`). */
function armSort(tab: Tab, label: string, want: Expected, sort: string): Promise<void> {
  return tab.page.evaluate(
    ([label, want, sort]) => {
      bench.arm(label, want);
      bench.setSort(sort, label);
    },
    [label, want, sort] as const,
  );
}

/** Sets `sort` on every tab, untimed, and waits until each shows it. */
export async function sortAll(runner: Runner, size: number, tabs: Tab[], sort: string): Promise<void> {
  for (const tab of tabs) {
    const label = runner.label(`sort-${sort || 'none'}`, tab.impl);
    await armSort(tab, label, expected(runner.huge, size, '', '', sort), sort);
    if (!(await tab.waitDone(label)).ok) runner.results.errors.push(`${tab.impl}: sort="${sort}" never showed`);
  }
}

export async function sortChanges(runner: Runner, size: number, all: Tab[]): Promise<void> {
  const key = runner.results.metric(`S8 sort change at ${size.toLocaleString('en-US')}`, 'ms', size);
  const tabs = await sortingTabs(runner, key, all);
  for (const tab of tabs) await tab.page.evaluate(() => bench.toTop());
  // A sort change once the widget's sort chunk is in: the first `sort` on a page also fetches it
  // (1.5 KB, once), which the baseline has no counterpart for. Untimed, and back to the API's order.
  await sortAll(runner, size, tabs, SORT_CYCLE[0]);
  await sortAll(runner, size, tabs, '');
  for (const sort of SORT_CYCLE) {
    const want = expected(runner.huge, size, '', '', sort);
    const timings = await runner.traced(async () => {
      const samples: Sample[] = [];
      for (const tab of tabs) {
        const label = runner.label(`s8-${size}-${sort || 'none'}`, tab.impl);
        await armSort(tab, label, want, sort);
        samples.push({ label, impl: tab.impl, start: 'mark', wait: await tab.waitDone(label) });
        await tab.settle(60);
      }
      return samples;
    });
    runner.record(key, timings);
  }
}
