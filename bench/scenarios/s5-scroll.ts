/**
 * S5: a scripted scroll from top to bottom, one step a frame, counting long animation frames; then
 * a check that the first rows come back at the top.
 */
import { SCROLL_MAX_MS } from '../config.js';
import { expected } from '../expected.js';
import type { Tab } from '../tabs.js';
import type { Bench, ScrollResult } from '../page/main.js';
import type { Runner } from './runner.js';

declare const bench: Bench;

export async function scroll(runner: Runner, tab: Tab, size: number): Promise<void> {
  const at = size.toLocaleString('en-US');
  const count = runner.results.metric(`S5 long frames scrolling ${at}`, 'count', size);
  const blocking = runner.results.metric(`S5 blocking time scrolling ${at}`, 'ms', size);
  await tab.page.evaluate(() => bench.toTop());
  const result: ScrollResult = await tab.page.evaluate(([frames, maxMs]) => bench.scroll(frames, maxMs), [
    runner.config.scrollFrames,
    SCROLL_MAX_MS,
  ] as const);
  if (result.frames < runner.config.scrollFrames) {
    const partial = `gave up after ${(SCROLL_MAX_MS / 1000).toFixed(0)} s, ${result.frames} of ${runner.config.scrollFrames} steps`;
    runner.results.note(count, tab.impl, partial);
    runner.results.note(blocking, tab.impl, partial);
  }
  if (result.distancePx <= 0) runner.results.errors.push(`${tab.impl}: S5 did not scroll`);
  // After the scroll the rows at the top must be back (a window that missed the scroll shows a gap).
  const back = runner.label('s5-back', tab.impl);
  await tab.arm(back, expected(runner.huge, size, '', ''));
  const shown = await tab.waitDone(back);
  if (!shown.ok)
    runner.results.errors.push(`${tab.impl}: after scrolling back to the top, the first rows are not shown`);
  runner.results.add(count, tab.impl, result.longFrames);
  runner.results.add(blocking, tab.impl, result.blockingMs);
}
