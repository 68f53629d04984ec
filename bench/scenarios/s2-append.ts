/**
 * S2: appending a page (what the widget's load-more button does), timed for the last appends that
 * reach a size.
 */
import { PAGE_SIZE, SLOW_STEP_MS } from '../config.js';
import { expected } from '../expected.js';
import type { ImplName } from '../impls.js';
import type { MetricKey } from '../metrics.js';
import type { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner, Sample } from './runner.js';

declare const bench: Bench;

export async function appends(
  runner: Runner,
  key: MetricKey,
  size: number,
  windows: Map<ImplName, number>,
  tabs: Tab[],
): Promise<void> {
  const spent = new Map<ImplName, number>();
  const longest = Math.max(0, ...windows.values());
  for (let i = 0; i < longest; i++) {
    const timings = await runner.traced(async () => {
      const samples: Sample[] = [];
      for (const tab of tabs) {
        // Each implementation's appends are its last ones before `size`.
        if (i < longest - windows.get(tab.impl)!) continue;
        if ((spent.get(tab.impl) ?? 0) > SLOW_STEP_MS) continue;
        const at = performance.now();
        const loaded = await tab.loaded();
        const label = runner.label(`s2-${size}`, tab.impl);
        await tab.arm(label, expected(runner.huge, loaded + PAGE_SIZE, '', ''));
        await tab.page.evaluate(() => bench.loadMore());
        samples.push({ label, impl: tab.impl, start: 'response', wait: await tab.waitDone(label) });
        await tab.settle();
        spent.set(tab.impl, (spent.get(tab.impl) ?? 0) + performance.now() - at);
      }
      return samples;
    });
    runner.record(key, timings);
  }
  // Whoever skipped appends for time catches up, untimed.
  for (const tab of tabs) await tab.page.evaluate((target) => bench.fillTo(target), size);
}
