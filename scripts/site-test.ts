/**
 * `npm run test:site`: the hosted playground as a visitor gets it. Serves build/site/ (from
 * `npm run build:site`) as plain files under a sub-path, with nothing else on the origin (no mock
 * server: a request that reaches the server for the API fails the test), and checks in Chromium that
 * the demo shows rows, every fault switch works, the API page renders and its knobs drive the
 * element, and that file:// explains itself. Exits non-zero on any failure.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { REPO } from './consumer/project.js';
import { assert, step, steps } from './consumer/steps.js';
import { createStaticHandler, listenOnLoopback } from '../mock/node/static.js';
import {
  checkApiPage,
  checkDemoRows,
  checkEveryFault,
  checkFileUrl,
  checkReload,
  checkStop,
  checkServerErrorAndRecovery,
  noProblems,
  openPage,
} from './site/checks.js';

const SITE = join(REPO, 'build/site');
/** A deep, odd sub-path: the site must assume nothing about where it is served. */
const SUB_PATH = '/docs/rensei/playground/';
const DEADLINE_MS = 3 * 60_000;

async function main(): Promise<void> {
  setTimeout(() => {
    process.stdout.write(`\n✗ site test: still running after ${DEADLINE_MS / 60_000} minutes, giving up\n`);
    process.exit(1);
  }, DEADLINE_MS).unref();

  const served: string[] = [];
  const files = createStaticHandler({ [SUB_PATH]: SITE });
  const server = createServer((req, res) => {
    served.push(req.url ?? '');
    files(req, res);
  });
  const origin = await listenOnLoopback(server);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const b = browser;
    const demo = await openPage(b, `${origin}${SUB_PATH}`);
    await step(`the demo under ${SUB_PATH}: rows in both lists, from the mock in the page`, () =>
      checkDemoRows(demo, SUB_PATH),
    );
    await step('the 500 fault, left on: a notice over the rows; cleared: it recovers', () =>
      checkServerErrorAndRecovery(demo),
    );
    await step('every other fault of the panel fails the next refresh (slow: arrives late)', () =>
      checkEveryFault(demo),
    );
    await step('stop a working session (a POST through the worker): the row says stopped', () => checkStop(demo));
    await step('reloaded, with the worker already installed: rows again', () => checkReload(demo));
    await step('no page error or console error on the demo (but the faults’ own HTTP errors)', async () =>
      noProblems(demo.problems, true),
    );
    const api = await openPage(b, `${origin}${SUB_PATH}api.html`);
    await step('the API page: tables from the manifest, a live list, knobs, the snippet follows', () =>
      checkApiPage(api),
    );
    await step('no page error or console error on the API page', async () => noProblems(api.problems));
    await step('nothing but files reached the server (the API never did)', async () => {
      const api = served.filter((url) => /api\/public|__mock/.test(url));
      assert(api.length === 0, `the server got ${api.join(', ')}`);
    });
    await step('from file://, the page says how to serve it', () => checkFileUrl(b, join(SITE, 'index.html')));
  } finally {
    await browser?.close().catch(() => {});
    await new Promise((done) => server.close(done));
  }
}

await main().catch((error: unknown) => {
  steps.push({ name: 'site test', ok: false, ms: 0, detail: error instanceof Error ? error.stack : String(error) });
});
const failed = steps.filter((s) => !s.ok);
process.stdout.write(
  failed.length
    ? `\nsite test FAILED: ${failed.map((s) => s.name).join('; ')}\n`
    : `\nsite test ok: all ${steps.length} checks\n`,
);
process.exit(failed.length ? 1 : 0);
