/**
 * One round of S2–S6: every implementation in its own tab, filled side by side to each checkpoint
 * size, where the scenarios due at that size run, alternating between the tabs sample by sample.
 */
import { PAGE_SIZE } from '../config.js';
import { expected } from '../expected.js';
import { RENDER_ALL, RENDER_ALL_LIMIT, slowAt, type ImplName } from '../impls.js';
import { phase } from '../log.js';
import { Tab } from '../tabs.js';
import type { Bench } from '../page/main.js';
import type { Runner } from './runner.js';
import { appends } from './s2-append.js';
import { statusChanges } from './s3-status.js';
import { typing } from './s4-typing.js';
import { scroll } from './s5-scroll.js';
import { memory } from './s6-memory.js';
import { sortAll, sortChanges, sortingTabs } from './s8-sort.js';
import { exportCsv, refreshCosts } from './s10-csv.js';

declare const bench: Bench;

export async function runRound(runner: Runner, order: ImplName[], round: number): Promise<void> {
  const { config, results } = runner;
  let tabs: Tab[] = [];
  for (const impl of order) {
    const tab = new Tab(impl, runner.browser, runner.origin);
    await tab.open();
    const first = runner.label('first', impl);
    await tab.page.evaluate(
      ([label, want]) => {
        bench.mount('huge');
        bench.arm(label, want);
      },
      [first, expected(runner.huge, PAGE_SIZE, '', '')] as const,
    );
    const mounted = await tab.waitDone(first);
    if (mounted.ok) tabs.push(tab);
    else {
      results.errors.push(`${impl}: the first page never showed (${JSON.stringify(mounted.shown)})`);
      await tab.close();
    }
  }
  const checkpoints = [...new Set([...config.appendSizes, config.mid, config.big])].sort((a, b) => a - b);
  try {
    for (const size of checkpoints) {
      for (const tab of tabs.filter((tab) => RENDER_ALL.has(tab.impl) && size > RENDER_ALL_LIMIT)) {
        markDnfAt(runner, tab.impl, size);
        await tab.close();
      }
      tabs = tabs.filter((tab) => !(RENDER_ALL.has(tab.impl) && size > RENDER_ALL_LIMIT));
      const appendKey = config.appendSizes.includes(size)
        ? results.metric(`S2 append a page, reaching ${size.toLocaleString('en-US')}`, 'ms', size)
        : null;
      const full = appendKey
        ? Math.max(1, Math.min(config.appendWindow, Math.floor((size - PAGE_SIZE) / PAGE_SIZE)))
        : 0;
      // Fewer samples where slow: a render-everything table at 10k appends once, in the first round.
      const windows = new Map(
        tabs.map((tab) => [tab.impl, slowAt(tab.impl, size) ? (round === 0 ? Math.min(1, full) : 0) : full]),
      );
      await phase(`fill to ${size - full * PAGE_SIZE}`, async () => {
        for (const tab of tabs)
          await tab.page.evaluate((target) => bench.fillTo(target), size - windows.get(tab.impl)! * PAGE_SIZE);
      });
      if (appendKey) await phase(`S2 ${size}`, () => appends(runner, appendKey, size, windows, tabs));
      for (const tab of tabs) {
        const loaded = await tab.loaded();
        if (loaded !== size) results.errors.push(`${tab.impl}: expected ${size} rows loaded, found ${loaded}`);
      }
      if (size === config.mid) {
        // A render-everything table at 10k: one status change in the first round only.
        await phase(`S3 ${size}`, () =>
          statusChanges(
            runner,
            size,
            tabs.filter((tab) => round === 0 || !slowAt(tab.impl, size)),
          ),
        );
        for (const tab of tabs.filter((tab) => round === 0 || !slowAt(tab.impl, size))) {
          await phase(`S5 ${size} ${tab.impl}`, () => scroll(runner, tab, size));
        }
        await phase(`S8 ${size}`, () => sortChanges(runner, size, tabs));
        await phase(`S6 ${size}`, async () => {
          for (const tab of tabs) await memory(runner, tab, size);
        });
      }
      if (size === config.big) {
        await phase(`S3 ${size}`, () => statusChanges(runner, size, tabs));
        await phase(`S4 ${size}`, () => typing(runner, size, tabs));
        await phase(`S8 ${size}`, () => sortChanges(runner, size, tabs));
        await phase(`S9 ${size}`, async () => {
          const at = size.toLocaleString('en-US');
          const sorting = await sortingTabs(
            runner,
            runner.results.metric(`S9 keystroke at ${at}, sort="health"`, 'ms', size),
            tabs,
          );
          await sortAll(runner, size, sorting, 'health');
          await typing(runner, size, sorting, 'health');
          await sortAll(runner, size, sorting, '');
        });
        await phase(`S10 ${size}`, () => exportCsv(runner, size, tabs));
        await phase(`S11 ${size}`, () => refreshCosts(runner, size, tabs));
        await phase(`S6 ${size}`, async () => {
          for (const tab of tabs) await memory(runner, tab, size);
        });
      }
      for (const tab of tabs) runner.takeErrors(tab);
    }
  } finally {
    for (const tab of tabs) await tab.close();
  }
}

/** Render-everything implementations stop at 10k: every scenario at a larger size is "did not finish". */
function markDnfAt(runner: Runner, impl: ImplName, size: number): void {
  const { results, config } = runner;
  for (const n of [config.mid, config.big].filter((m) => m >= size)) {
    const at = n.toLocaleString('en-US');
    results.didNotFinish(results.metric(`S3 status change at ${at}`, 'ms', n), impl);
    if (n === config.big) results.didNotFinish(results.metric(`S4 keystroke at ${at}`, 'ms', n), impl);
    if (n === config.mid) {
      results.didNotFinish(results.metric(`S5 long frames scrolling ${at}`, 'count', n), impl);
      results.didNotFinish(results.metric(`S5 blocking time scrolling ${at}`, 'ms', n), impl);
    }
    results.didNotFinish(results.metric(`S6 JS heap at ${at}`, 'MB', n), impl);
    results.didNotFinish(results.metric(`S6 DOM nodes at ${at}`, 'nodes', n), impl);
  }
  for (const n of config.appendSizes.filter((m) => m >= size)) {
    results.didNotFinish(results.metric(`S2 append a page, reaching ${n.toLocaleString('en-US')}`, 'ms', n), impl);
  }
}
