/**
 * The consumer test's checks in Chromium: each built page (and the plain one) loads against the
 * mock, shows rows, and hands a row click to the host's code, with no page error, console error or
 * failed request on the way.
 */
import type { Browser, Page } from 'playwright-core';
import { assert } from './steps.js';

async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  const response = await page.goto(url);
  assert(response?.ok(), `${url}: HTTP ${response?.status()}`);
  return { page, problems };
}

/** Waits for rows in `selector`'s shadow root; answers how many. */
async function rowsIn(page: Page, selector: string): Promise<number> {
  try {
    await page.waitForFunction(
      (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) > 0,
      selector,
      { timeout: 15_000 },
    );
  } catch {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return {
        defined: el ? Boolean(customElements.get(el.localName)) : false,
        text: el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? '(no shadow root)',
        body: JSON.stringify(document.body.dataset),
      };
    }, selector);
    throw new Error(`no rows in ${selector}: ${JSON.stringify(state)}`);
  }
  return page.evaluate(
    (sel) => document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part~="row"]').length,
    selector,
  );
}

/** Clicks the first row; answers its session id. */
async function clickFirstRow(page: Page, selector: string): Promise<string> {
  const row = page.locator(`${selector} [part~="row"]`).first();
  const id = await row.getAttribute('data-session-id');
  assert(id, 'the first row has no data-session-id');
  await row.click();
  return id;
}

function noProblems(problems: string[]): void {
  assert(problems.length === 0, problems.join('\n'));
}

/** vanilla.html (src/vanilla.ts): rows, and a typed `session-select` that is a SessionSelectEvent. */
export async function checkVanilla(browser: Browser, origin: string): Promise<number> {
  const { page, problems } = await openPage(browser, `${origin}/vanilla.html`);
  const rows = await rowsIn(page, 'rensei-session-list');
  const id = await clickFirstRow(page, 'rensei-session-list');
  await page.waitForFunction((want) => document.body.dataset.picked === want, id, { timeout: 5000 });
  const data = await page.evaluate(() => ({ ...document.body.dataset }));
  assert(data.pickedIsEvent === 'true', 'the event is not a SessionSelectEvent');
  assert(Number(data.total) > 0, `sessions-load said total=${data.total}`);
  // One Lit on the page: each copy of lit-html adds its version here (production builds too).
  const lits = await page.evaluate(() => (window as { litHtmlVersions?: string[] }).litHtmlVersions ?? []);
  assert(lits.length === 1, `${lits.length} copies of Lit loaded: ${lits.join(', ')}`);
  noProblems(problems);
  await page.close();
  return rows;
}

/** element.html (src/element-entry.ts): `./element` leaves <rensei-session-list> free. */
export async function checkElementEntry(browser: Browser, origin: string): Promise<void> {
  const { page, problems } = await openPage(browser, `${origin}/element.html`);
  await rowsIn(page, 'acme-sessions');
  const data = await page.evaluate(() => ({
    defaultTagTaken: document.body.dataset.defaultTagTaken,
    stillFree: customElements.get('rensei-session-list') === undefined,
  }));
  assert(
    data.defaultTagTaken === 'false' && data.stillFree,
    `./element registered <rensei-session-list>: ${JSON.stringify(data)}`,
  );
  noProblems(problems);
  await page.close();
}

/** react.html (the README's App): the pick reaches React, and the token stays out of attributes. */
export async function checkReact(browser: Browser, origin: string): Promise<void> {
  const { page, problems } = await openPage(browser, `${origin}/react.html`);
  await rowsIn(page, 'rensei-session-list');
  const id = await clickFirstRow(page, 'rensei-session-list');
  await page.waitForFunction(
    (want) => document.querySelector('[data-picked]')?.getAttribute('data-picked') === want,
    id,
    { timeout: 5000 },
  );
  const selected = await page.evaluate(() => document.querySelector('rensei-session-list')!.getAttribute('selected'));
  assert(selected === id, `the picked row is not marked selected (selected=${selected})`);
  const tokenAttribute = await page.evaluate(() =>
    document.querySelector('rensei-session-list')!.hasAttribute('token'),
  );
  assert(!tokenAttribute, 'React wrote the token into an attribute');
  noProblems(problems);
  await page.close();
}

/** plain/index.html: the installed bundle, no build step. */
export async function checkPlainPage(browser: Browser, origin: string): Promise<void> {
  const { page, problems } = await openPage(browser, `${origin}/plain/`);
  await rowsIn(page, 'rensei-session-list');
  const id = await clickFirstRow(page, 'rensei-session-list');
  await page.waitForFunction((want) => document.body.dataset.picked === want, id, { timeout: 5000 });
  noProblems(problems);
  await page.close();
}
