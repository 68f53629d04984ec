/**
 * S6: memory, as the JS heap after a forced GC and the DOM nodes counted through shadow roots.
 */
import type { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner } from './runner.js';

declare const bench: Bench;

export async function memory(runner: Runner, tab: Tab, size: number): Promise<void> {
  const at = size.toLocaleString('en-US');
  await tab.page.evaluate(() => bench.toTop());
  await tab.page.waitForTimeout(100);
  await tab.cdp.send('HeapProfiler.collectGarbage');
  const heap = (await tab.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const nodes = await tab.page.evaluate(() => bench.nodes());
  runner.results.add(runner.results.metric(`S6 JS heap at ${at}`, 'MB', size), tab.impl, heap.usedSize / (1024 * 1024));
  runner.results.add(runner.results.metric(`S6 DOM nodes at ${at}`, 'nodes', size), tab.impl, nodes);
}
