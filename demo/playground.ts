/**
 * The hosted playground (`npm run build:site`) has no server: before a page's own script runs, the
 * mock API starts inside the page, behind MSW's service worker, in the page's own folder. `npm
 * start` serves the same pages with the mock on the dev server instead, and never loads this.
 */
import { createMockApi } from '../mock/api.js';
import { startBrowserMock } from '../mock/browser/msw.js';

function explain(message: string): void {
  const note = document.createElement('p');
  note.className = 'playground-error';
  note.setAttribute('role', 'alert');
  note.textContent = message;
  document.body.prepend(note);
}

/** Starts the mock, or says why it cannot run here; the page's script runs either way. */
export async function startPlayground(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    // (file:// never gets here: its modules do not load, and the page explains that by itself.)
    explain(
      'This playground runs its mock API in a service worker, which this page cannot use: it needs HTTPS, or localhost.',
    );
    return;
  }
  try {
    await startBrowserMock(createMockApi());
  } catch (error) {
    explain(`The mock API could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}
