/**
 * S3: changing the status filter, through every status in turn, then back to all statuses.
 */
import { SLOW_STEP_MS, STATUS_CYCLE } from '../config.js';
import { expected } from '../expected.js';
import { slowAt, type ImplName } from '../impls.js';
import type { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner, Sample } from './runner.js';

declare const bench: Bench;

export async function statusChanges(runner: Runner, size: number, tabs: Tab[]): Promise<void> {
  const key = runner.results.metric(`S3 status change at ${size.toLocaleString('en-US')}`, 'ms', size);
  for (const tab of tabs) await tab.page.evaluate(() => bench.toTop());
  const spent = new Map<ImplName, number>();
  const current = new Map<ImplName, string>();
  for (let cycle = 0; cycle < runner.config.statusCycles; cycle++) {
    for (const status of STATUS_CYCLE.slice(0, runner.config.statusChanges)) {
      const want = expected(runner.huge, size, status, '');
      const timings = await runner.traced(async () => {
        const samples: Sample[] = [];
        for (const tab of tabs) {
          if ((spent.get(tab.impl) ?? 0) > SLOW_STEP_MS) continue;
          // A render-everything table at 10k: one change a round (tens of seconds each).
          if (slowAt(tab.impl, size) && current.has(tab.impl)) continue;
          const at = performance.now();
          current.set(tab.impl, status);
          const label = runner.label(`s3-${size}-${status || 'all'}`, tab.impl);
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
      runner.record(key, timings);
    }
  }
  // Back to all statuses (untimed) where the changes did not end there.
  {
    for (const tab of tabs.filter((tab) => (current.get(tab.impl) ?? '') !== '')) {
      const label = runner.label('s3-reset', tab.impl);
      await tab.page.evaluate(
        ([label, want]) => {
          bench.arm(label, want);
          bench.setStatus('', label);
        },
        [label, expected(runner.huge, size, '', '')] as const,
      );
      if (!(await tab.waitDone(label)).ok)
        runner.results.errors.push(`${tab.impl}: clearing the status filter did not bring the rows back`);
    }
  }
}
