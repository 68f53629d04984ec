/**
 * One browser tab per implementation: its own context (renderer process and heap), the bench page
 * loaded for it, and the calls into the page's `window.bench` that every scenario uses.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { ImplName } from './impls.js';
import type { Bench, Expected, WaitResult } from './page/main.js';

declare const bench: Bench;

/** One implementation's own browser context (so its own renderer process and heap) and page. */
export class Tab {
  page!: Page;
  cdp!: CDPSession;
  readonly errors: string[] = [];

  constructor(
    readonly impl: ImplName,
    private readonly browser: Browser,
    private readonly origin: string,
  ) {}

  async open(): Promise<void> {
    if (!this.page) {
      // Reduced motion: the widget's (and the vanilla tables', same stylesheet) pulsing "working" dot
      // is a composited animation that keeps every open tab drawing 60 frames a second, load on all
      // measurements of a 2-core machine and megabytes a second of trace.
      const context = await this.browser.newContext({
        viewport: { width: 1280, height: 800 },
        deviceScaleFactor: 1,
        reducedMotion: 'reduce',
      });
      this.page = await context.newPage();
      this.page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
      this.page.on('console', (message) => {
        if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
      });
      this.cdp = await context.newCDPSession(this.page);
    }
    await this.page.goto(`${this.origin}/index.html?impl=${this.impl}`);
    await this.page.evaluate(() => (window as unknown as { benchReady: Promise<unknown> }).benchReady);
  }

  async close(): Promise<void> {
    await this.page?.context().close();
  }

  async arm(label: string, want: Expected, afterInput = false): Promise<void> {
    await this.page.evaluate(([label, want, afterInput]) => bench.arm(label, want, { afterInput }), [
      label,
      want,
      afterInput,
    ] as const);
  }

  waitDone(label: string): Promise<WaitResult> {
    return this.page.evaluate((label) => bench.done(label), label);
  }

  async settle(ms = 40): Promise<void> {
    await this.page.evaluate((ms) => bench.settle(ms), ms);
  }

  loaded(): Promise<number> {
    return this.page.evaluate(() => bench.loaded());
  }
}
