/**
 * The site test's checks in Chromium, against build/site/ served as plain files under a sub-path:
 * the demo's rows come from the mock inside the page (nothing reaches the server), every fault of
 * the fault panel does what it says, and the API page renders from the manifest and its knobs work.
 */
import type { Browser, Page } from 'playwright-core';
import { assert } from '../consumer/steps.js';

export interface OpenedPage {
  page: Page;
  problems: string[];
}

export async function openPage(browser: Browser, url: string): Promise<OpenedPage> {
  // A context of its own: a fresh service worker registration each time, as a first visit has.
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  const response = await page.goto(url);
  assert(response?.ok(), `${url}: HTTP ${response?.status()}`);
  return { page, problems };
}

/** The number of `part` elements in the shadow root of `host`, once it is at least `atLeast`. */
async function waitForParts(page: Page, host: string, part: string, atLeast = 1, timeout = 15_000): Promise<number> {
  // Each function runs in the page: it can use nothing from here but its argument.
  const count = (args: { host: string; part: string; atLeast: number }) =>
    (document.querySelector(args.host)?.shadowRoot?.querySelectorAll(`[part~="${args.part}"]`).length ?? 0) >=
    args.atLeast;
  try {
    await page.waitForFunction(count, { host, part, atLeast }, { timeout });
  } catch {
    const text = await page.evaluate(
      (sel) => document.querySelector(sel)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300),
      host,
    );
    throw new Error(`no ${part} in ${host} within ${timeout} ms; it shows: ${text ?? '(no shadow root)'}`);
  }
  return page.evaluate(
    (args) => document.querySelector(args.host)!.shadowRoot!.querySelectorAll(`[part~="${args.part}"]`).length,
    { host, part },
  );
}

async function waitForNoPart(page: Page, host: string, part: string, timeout = 15_000): Promise<void> {
  await page
    .waitForFunction(
      (args) => !document.querySelector(args.host)?.shadowRoot?.querySelector(`[part~="${args.part}"]`),
      { host, part },
      { timeout },
    )
    .catch(() => {
      throw new Error(`${part} still shown in ${host} after ${timeout} ms`);
    });
}

/** `expectedHttpErrors`: the faults' own 4xx/5xx answers, which Chromium logs as console errors. */
export function noProblems(problems: string[], expectedHttpErrors = false): void {
  const unexpected = expectedHttpErrors
    ? problems.filter(
        (problem) =>
          !/^console\.error: Failed to load resource: the server responded with a status of [45]\d\d/.test(problem),
      )
    : problems;
  assert(unexpected.length === 0, unexpected.join('\n'));
}

/** Both demo widgets show rows, fetched from the page's own folder. */
export async function checkDemoRows({ page }: OpenedPage, subPath: string): Promise<void> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  const rows = await waitForParts(page, '#main-list', 'row');
  assert(rows >= 10, `only ${rows} rows in the demo's list`);
  // The restyled copy sits below the fold: rows render where they can be seen.
  await page.locator('rensei-session-list.themed').scrollIntoViewIfNeeded();
  await waitForParts(page, 'rensei-session-list.themed', 'row');
  await page.click('#refresh');
  await page.waitForTimeout(300);
  const api = requests.filter((path) => path.includes('/api/public/sessions'));
  assert(api.length > 0, 'the page made no API request');
  const outside = api.filter((path) => !path.startsWith(`${subPath}api/public/sessions`));
  assert(outside.length === 0, `API requests outside the site's folder: ${outside.join(', ')}`);
}

/** A second visit, the worker already installed: rows again (the server never sees the API: checked last). */
export async function checkReload({ page }: OpenedPage): Promise<void> {
  await page.reload();
  await waitForParts(page, '#main-list', 'row');
}

/** Clicks `refresh()` and waits for the event log to gain a line of `kind`. */
async function refreshAndLog(page: Page, kind: 'load' | 'error', timeout = 15_000): Promise<void> {
  const before = await page.locator(`#log li[data-kind="${kind}"]`).count();
  await page.click('#refresh');
  await page
    .waitForFunction(
      (args) => document.querySelectorAll(`#log li[data-kind="${args.kind}"]`).length > args.before,
      { kind, before },
      { timeout },
    )
    .catch(async () => {
      const last = await page.locator('#log li').first().textContent();
      throw new Error(`refresh() logged no sessions-${kind} within ${timeout} ms (last line: ${last})`);
    });
}

async function fault(page: Page, label: string, once: boolean): Promise<void> {
  await page.setChecked('#fault-once', once);
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.waitForFunction(() => /^(.+: on for|Done\.)/.test(document.querySelector('#fault-status')!.textContent!));
  await page.evaluate(() => (document.querySelector('#fault-status')!.textContent = ''));
}

/** The 500 fault left on shows the notice over the rows; clearing it recovers. */
export async function checkServerErrorAndRecovery({ page }: OpenedPage): Promise<void> {
  await waitForParts(page, '#main-list', 'row');
  await fault(page, '500', false);
  await refreshAndLog(page, 'error');
  await waitForParts(page, '#main-list', 'notice');
  assert((await waitForParts(page, '#main-list', 'row')) > 0, 'the rows went away on a failed refresh');
  await fault(page, 'Clear all faults', false);
  await refreshAndLog(page, 'load');
  await waitForNoPart(page, '#main-list', 'notice');
}

/** Every other fault of the panel, once each: the next refresh fails (or, slow, arrives late). */
export async function checkEveryFault({ page }: OpenedPage): Promise<void> {
  await waitForParts(page, '#main-list', 'row');
  // A hang ends at the widget's timeout: a short one keeps the test short. No live refresh: a
  // one-request fault must meet the refresh clicked here, not one the timer started meanwhile.
  await page.evaluate(() => ((document.querySelector('#main-list') as HTMLElement & { timeout: number }).timeout = 2));
  await page.fill('#interval', '0');
  await page.dispatchEvent('#interval', 'change');
  // A fault with no project meets every list's requests: the restyled copy must not take it.
  await page.evaluate(() => {
    (
      document.querySelector('rensei-session-list.themed') as HTMLElement & { refreshInterval: number }
    ).refreshInterval = 0;
  });
  const labels = await page.locator('#fault-buttons button').allTextContents();
  const failing = labels.filter((label) => label !== 'Slow (3 s)' && label !== 'Clear all faults' && label !== '500');
  assert(failing.length >= 8, `the fault panel has only ${labels.join(', ')}`);
  for (const label of failing) {
    await fault(page, label, true);
    await refreshAndLog(page, 'error').catch((error: Error) => {
      throw new Error(`${label}: ${error.message}`);
    });
    // Let a Retry-After or a backoff pass, so the next refresh is a plain one.
    await fault(page, 'Clear all faults', false);
    await refreshAndLog(page, 'load');
  }
  await page.evaluate(() => ((document.querySelector('#main-list') as HTMLElement & { timeout: number }).timeout = 30));
  await fault(page, 'Slow (3 s)', true);
  const started = Date.now();
  await refreshAndLog(page, 'load');
  assert(Date.now() - started >= 2500, `"Slow (3 s)" answered in ${Date.now() - started} ms`);
}

/** `actions="stop"` in the playground: a POST through the worker stops a session, and the row says so. */
export async function checkStop({ page }: OpenedPage): Promise<void> {
  await waitForParts(page, '#main-list', 'stop');
  const row = page.locator('#main-list [part~="row"]:has([part~="stop"])').first();
  const id = await row.getAttribute('data-session-id');
  assert(id, 'a stoppable row has no data-session-id');
  await row.locator('[part~="stop"]').click();
  await page.locator('#main-list [part~="confirm-accept"]').click();
  await page
    .waitForFunction(
      (sessionId) =>
        Array.from(document.querySelectorAll('#log li')).some((line) =>
          line.textContent!.includes(`sessions-stopped ${sessionId} ok 200`),
        ),
      id,
      { timeout: 10_000 },
    )
    .catch(async () => {
      throw new Error(
        `no "sessions-stopped ${id} ok 200" in the log: ${await page.locator('#log li').first().textContent()}`,
      );
    });
  const badge = page.locator(`#main-list [part~="row"][data-session-id="${id}"] [part~="status-badge"]`);
  assert(
    (await badge.getAttribute('data-status')) === 'stopped',
    `the stopped row shows ${await badge.getAttribute('data-status')}`,
  );
}

/** The API page: tables from the manifest, a live element with rows, knobs that drive it and its snippet. */
export async function checkApiPage({ page }: OpenedPage): Promise<void> {
  const live = '.live rensei-session-list';
  await waitForParts(page, live, 'row');
  for (const section of ['attributes', 'events', 'parts', 'css-properties']) {
    const rows = await page.locator(`#${section} tbody tr`).count();
    assert(rows > 0, `the API page's ${section} table is empty`);
  }
  assert((await page.locator('#parts tbody tr').count()) >= 10, 'the parts table lists fewer than 10 parts');
  await page.fill('#knob-status', 'completed');
  await page.press('#knob-status', 'Enter');
  await page.locator('#knob-status').blur();
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('status') === 'completed', live);
  await page.fill('#knob---rensei-color-accent', '#ff00aa');
  await page.locator('#knob---rensei-color-accent').blur();
  const accent = await page.evaluate(
    (sel) => getComputedStyle(document.querySelector(sel)!).getPropertyValue('--rensei-color-accent').trim(),
    live,
  );
  assert(accent === '#ff00aa', `the accent knob set ${accent}`);
  const snippet = (await page.locator('#snippet-markup code').textContent()) ?? '';
  assert(snippet.includes('status="completed"'), `the snippet misses the status: ${snippet}`);
  assert(snippet.includes('--rensei-color-accent: #ff00aa;'), `the snippet misses the accent: ${snippet}`);
  assert(!snippet.includes('rsk_'), 'the snippet holds a key');
  const cdn = (await page.locator('#snippet-cdn code').textContent()) ?? '';
  assert(/rensei-session-list@\d+\.\d+\.\d+\//.test(cdn), `the CDN snippet pins no version: ${cdn}`);
}

/** From file:// (no service worker), the page says how to serve it instead of failing silently. */
export async function checkFileUrl(browser: Browser, indexFile: string): Promise<void> {
  const page = await browser.newPage();
  await page.goto(`file://${indexFile}`);
  const text = await page.locator('.playground-error').textContent({ timeout: 5000 });
  assert(text?.includes('file://'), `file:// shows: ${text}`);
  await page.close();
}
