/**
 * `npm run screenshots`: the demo, on the built-in mock, in headless Chromium; writes the PNGs
 * the README shows into docs/. Regenerate whenever the look changes.
 */
import { chromium, type Page } from 'playwright-core';
import { createServer } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.js';

const server = await createServer({
  configFile: 'vite.config.ts',
  server: { port: 0, host: '127.0.0.1' },
  logLevel: 'error',
});
await server.listen();
const address = server.httpServer!.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 5173}`;
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });

async function control(page: Page, path: string, body: unknown) {
  await page.evaluate(
    async ([url, payload]) => {
      await fetch(url as string, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
    },
    [path, body] as const,
  );
}

async function open(colorScheme: 'light' | 'dark', width = 1440): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 1000 }, colorScheme, deviceScaleFactor: 1 });
  await page.goto(`${origin}/`);
  await control(page, '/__mock/reset', { seed: 7 });
  await page.reload();
  // Two refreshes in: the fleet has moved, some sessions have got stuck.
  await page.waitForTimeout(4500);
  return page;
}

async function shot(page: Page, selector: string, file: string) {
  await page
    .locator(selector)
    .first()
    .screenshot({ path: `docs/${file}`, animations: 'disabled' });
  console.log(`docs/${file}`);
}

try {
  const light = await open('light');
  await light.screenshot({ path: 'docs/demo.png', fullPage: true, animations: 'disabled' });
  console.log('docs/demo.png');
  await shot(light, '#main-list', 'light.png');
  // The incident view: the demo's triage preset (sort="health" since="24h").
  await light.click('#triage');
  await light.waitForTimeout(800);
  await shot(light, '#main-list', 'triage.png');
  await light.click('#all-view');
  await light.evaluate(() => document.querySelector('#main-list')!.setAttribute('health', 'attention'));
  await light.waitForTimeout(300);
  await shot(light, '#main-list', 'filtered.png');
  await control(light, '/__mock/control', { inject: [{ kind: 'html-error', status: 502 }] });
  await light.evaluate(() => document.querySelector('#main-list')!.setAttribute('project', 'mobile'));
  await light.waitForTimeout(800);
  await shot(light, '#main-list', 'error.png');
  await control(light, '/__mock/control', { clear: true });

  const dark = await open('dark');
  await shot(dark, '#main-list', 'dark.png');

  const narrow = await open('light', 400);
  await shot(narrow, '#main-list', 'narrow.png');

  // The API page: knobs beside a live element, what the playground (npm run build:site) opens on.
  const api = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await api.goto(`${origin}/api.html`);
  await api.waitForTimeout(2500);
  await api.screenshot({ path: 'docs/api.png', animations: 'disabled' });
  console.log('docs/api.png');
} finally {
  await browser.close();
  await server.close();
}
