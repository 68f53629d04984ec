/**
 * `npm run bench` (full, writes bench/RESULTS.md) and `npm run bench:smoke` (tiny N, one sample,
 * fails on anything broken; for CI).
 *
 * Builds the bench page with Vite (bench/page → bench/out), serves it and the shared mock API from
 * 127.0.0.1, and drives headless Chromium through playwright-core. Every implementation is fed by
 * the same mock over HTTP: the widget fetches from its `api-base` and appends with `loadMore()`;
 * the others fetch the same URLs. Times come from Chromium traces (input → end of the Commit that
 * shows the result, see trace.ts); long animation frames from the Long Animation Frame API; heap
 * from CDP after a forced GC. Implementations alternate: S1 rotates the order on every sample, the
 * other scenarios on every round.
 *
 *   npm run bench                       # full run (about 10 minutes on 2 cores)
 *   npm run bench -- --rounds 2         # fewer rounds
 *   npm run bench -- --only widget,vanilla-windowed
 *   npm run bench:smoke
 *
 * This file only wires the parts together: config.ts (settings and options), expected.ts (what each
 * implementation must show), scenarios/ (S1 and the S2–S6 rounds), metrics.ts and report/.
 */
import { chromium } from 'playwright-core';
import { buildBenchPage, OUT } from './build.js';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.js';
import { cachedApi, startServer } from './server.js';
import { MOCK_TIME, PAGE_SIZE, SEED, parseArgs } from './config.js';
import { knownRows } from './expected.js';
import { log } from './log.js';
import { Results } from './metrics.js';
import { gzipSize, writeResults } from './report/results-md.js';
import { textTable } from './report/tables.js';
import { targets } from './report/targets.js';
import { Runner } from './scenarios/runner.js';
import { FirstPage } from './scenarios/s1-first-page.js';
import { runRound } from './scenarios/round.js';
import { describeSharing, runSharing, sharingProblems } from './scenarios/s7-sharing.js';
import { appendFileSync } from 'node:fs';

const rotate = <T>(list: readonly T[], by: number): T[] => list.map((_, i) => list[(i + by) % list.length]!);

async function main(): Promise<void> {
  const { config, only } = parseArgs(process.argv.slice(2));
  log(`bench ${config.smoke ? 'smoke' : 'full'}: ${only.join(', ')}`);
  await buildBenchPage();
  log('built bench/out');
  const needed = Math.max(...config.appendSizes, config.big) + PAGE_SIZE;
  const api = cachedApi({
    seed: SEED,
    time: MOCK_TIME,
    projects: {
      huge: { initialSessions: 100_000, pageSize: PAGE_SIZE },
      first100: { initialSessions: 5_000, pageSize: 100, issuePrefix: 'OPS' },
      first1000: { initialSessions: 5_000, pageSize: 1000, issuePrefix: 'OPS' },
    },
  });
  const huge = knownRows('huge', needed, api);
  const firstPageRows = new Map(config.firstPages.map((size) => [size, knownRows(`first${size}`, size, api)] as const));
  log(`mock ready: ${huge.length} rows of "huge" known`);
  const { server, origin } = await startServer(api, OUT);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const results = new Results();
  const started = performance.now();
  try {
    const runner = new Runner(browser, origin, config, results, huge);
    const firstPage = new FirstPage(runner, firstPageRows);
    for (const size of config.firstPages) {
      // One unmeasured load of each first, so every sample finds the HTTP and code caches warm.
      if (config.warmUp && size === config.firstPages[0]) {
        await firstPage.sample(size, only);
        results.reset(`S1 first page, ${size.toLocaleString('en-US')} rows`);
      }
      for (let sample = 0; sample < config.firstPageSamples; sample++)
        await firstPage.sample(size, rotate(only, sample));
      log(`S1 ${size}: done`);
    }
    await firstPage.close();
    for (let round = 0; round < config.rounds; round++) {
      const at = performance.now();
      await runRound(runner, rotate(only, round), round);
      log(`round ${round + 1}/${config.rounds}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
    }
    // S7: widgets sharing one feed across tabs (the widget only: the others have no such thing).
    const sharing = only.includes('widget') ? await runSharing(browser, OUT, config.smoke) : null;
    if (sharing) {
      log('S7: done');
      results.errors.push(...sharingProblems(sharing, config.smoke));
    }
    const minutes = (performance.now() - started) / 60_000;
    const chromiumVersion = `Chromium ${browser.version()}`;
    console.log(`\n${textTable(results, only)}\n`);
    // The bundle as bench/build.ts just built it with the project's config: what dist/ ships.
    const bundleGzip = gzipSize(`${OUT}/widget/rensei-session-list.bundle.js`);
    const list = targets(results, config, only, bundleGzip);
    for (const target of list) console.log(`${target.met ? 'met   ' : 'MISSED'}  ${target.name} (${target.detail})`);
    if (sharing) console.log(`\n${describeSharing(sharing).join('\n')}`);
    if (results.errors.length) {
      console.log(`\n${results.errors.length} error(s):`);
      for (const error of results.errors) console.log(`  ${error}`);
    }
    if (!config.smoke) {
      await writeResults({ results, only, config, chromium: chromiumVersion, minutes, bundleGzip, list });
      if (sharing)
        appendFileSync(
          'bench/RESULTS.md',
          `\n## S7: one feed per browser\n\n\`\`\`\n${describeSharing(sharing).join('\n')}\n\`\`\`\n`,
        );
      log('wrote bench/RESULTS.md');
    }
    log(`finished in ${minutes.toFixed(1)} min`);
    if (results.errors.length) process.exitCode = 1;
    if (config.smoke) {
      // Every scenario must have produced numbers for every implementation (or a did-not-finish).
      const missing = results.metrics.flatMap((metric) =>
        only
          .filter((impl) => !results.isDnf(metric.key, impl) && results.samples(metric.key, impl).length === 0)
          .map((impl) => `${impl}: ${metric.scenario}`),
      );
      if (missing.length) {
        console.log(`smoke: no numbers for ${missing.join('; ')}`);
        process.exitCode = 1;
      }
      console.log(process.exitCode ? 'bench smoke: FAILED' : 'bench smoke: ok');
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
