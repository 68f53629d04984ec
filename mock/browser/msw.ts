// The mock API inside a browser tab, for a playground on a static host: MSW's service worker hands
// each request of this page to `api.handle` here, in the page, so the page needs no server. The
// mock answers under `base` (the page's folder by default), whatever sub-path the site is served
// from. Like mock/node/http.ts, it acts out the transport faults: a delay, a reset mid-body, a hang.

import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { MockApi, MockRequest, MockResponse } from '../api.js';

export interface BrowserMockOptions {
  /** Where the mock answers: `{base}api/public/…` and `{base}__mock/…`. Default: the page's folder. */
  base?: string | URL;
  /** MSW's worker script, `npx msw init` writes it. Default: `mockServiceWorker.js` beside the page. */
  workerUrl?: string | URL;
}

const MOCK_PATHS = /^\/(api\/public|__mock)(\/|$)/;
/** Statuses whose response has no body: the Response constructor refuses one. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

async function toMockRequest(request: Request, path: string): Promise<MockRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  // The service worker never sees the cookie or the referer the browser adds on the wire.
  if (!headers.cookie && request.credentials !== 'omit' && document.cookie) headers.cookie = document.cookie;
  if (!headers.referer && request.referrer && request.referrer !== 'about:client') headers.referer = request.referrer;
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
  return { method: request.method, url: path, headers, body };
}

/** Half the body, then an error: what a connection reset looks like to `fetch` once headers are in. */
function halfThenReset(body: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(body);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes.subarray(0, Math.floor(bytes.length / 2)));
      controller.error(new TypeError('Connection reset (mock fault)'));
    },
  });
}

async function toResponse(answer: MockResponse): Promise<Response> {
  if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
  if (answer.fault === 'hang') await new Promise(() => {});
  const body = NULL_BODY.has(answer.status)
    ? null
    : answer.fault === 'reset'
      ? halfThenReset(answer.body)
      : answer.body;
  return new Response(body, { status: answer.status, headers: answer.headers });
}

/** Starts MSW's worker and resolves once this page's requests go through it. */
export async function startBrowserMock(api: MockApi, options: BrowserMockOptions = {}): Promise<void> {
  const base = new URL(options.base ?? '.', document.baseURI);
  const workerUrl = new URL(options.workerUrl ?? 'mockServiceWorker.js', document.baseURI);
  const worker = setupWorker(
    http.all('*', async ({ request }) => {
      const url = new URL(request.url);
      if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return undefined;
      const path = `/${url.pathname.slice(base.pathname.length)}`;
      if (!MOCK_PATHS.test(path)) return undefined; // the site's own files
      return toResponse(api.handle(await toMockRequest(request, path + url.search)));
    }),
  );
  await worker.start({
    // The worker controls the folder it is served from, so the site works under any sub-path.
    serviceWorker: { url: workerUrl.href, options: { scope: new URL('.', workerUrl).pathname } },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
