/**
 * S4: typing an identifier prefix into the search box, one real key press at a time, then
 * clearing it. S9 is the same with `sort="health"` set first (on the implementations that sort).
 */
import { SEARCH_TERM } from '../config.js';
import { expected } from '../expected.js';
import type { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner, Sample } from './runner.js';

declare const bench: Bench;

export async function typing(runner: Runner, size: number, tabs: Tab[], sort = ''): Promise<void> {
  const at = size.toLocaleString('en-US');
  const key = runner.results.metric(
    sort ? `S9 keystroke at ${at}, sort="${sort}"` : `S4 keystroke at ${at}`,
    'ms',
    size,
  );
  for (let pass = 0; pass < runner.config.searchPasses; pass++) {
    for (const tab of tabs) {
      await tab.page.evaluate(() => bench.toTop());
      await tab.page.evaluate(() => bench.focusSearch());
    }
    for (let i = 1; i <= runner.config.keys; i++) {
      const prefix = SEARCH_TERM.slice(0, i);
      const want = expected(runner.huge, size, '', prefix, sort);
      const timings = await runner.traced(async () => {
        const samples: Sample[] = [];
        for (const tab of tabs) {
          const label = runner.label(`s4-${size}-${prefix}`, tab.impl);
          await tab.arm(label, want, true);
          await tab.page.keyboard.press(SEARCH_TERM[i - 1]!);
          samples.push({ label, impl: tab.impl, start: 'key', wait: await tab.waitDone(label) });
          await tab.settle(80);
        }
        return samples;
      });
      runner.record(key, timings);
    }
    for (const tab of tabs) {
      const reset = runner.label('s4-reset', tab.impl);
      await tab.arm(reset, expected(runner.huge, size, '', '', sort));
      await tab.page.evaluate(() => bench.setSearch(''));
      const cleared = await tab.waitDone(reset);
      if (!cleared.ok) runner.results.errors.push(`${tab.impl}: clearing the search did not bring the rows back`);
    }
  }
}
