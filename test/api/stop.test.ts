import { expect } from '@open-wc/testing';
import { stopSession, stopUrl, type StopRequest } from '../../src/api/stop.js';

const TOKEN = 'rsk_test_s3cr3tT0k3nValue9f8e7d';
const PAGE_URL = 'https://portal.example/team/sessions.html';

function fakeFetch(answer: () => Response | Promise<Response> = () => json({ newStatus: 'stopped' })) {
  const calls: { url: URL; init: RequestInit }[] = [];
  const impl = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: new URL(String(input)), init });
    return Promise.resolve().then(answer);
  }) as typeof fetch;
  return { impl, calls };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const request = (overrides: Partial<StopRequest> = {}): StopRequest => ({
  apiBase: 'https://api.example/rensei',
  token: TOKEN,
  id: 'a1b2c3d4e5f6a7b8',
  pageUrl: PAGE_URL,
  ...overrides,
});

describe('stop request', () => {
  it('POSTs to {apiBase}/api/public/sessions/{id}/stop with the key, and no body or content type', async () => {
    const fetch = fakeFetch();
    const answer = await stopSession(request(), fetch.impl);
    expect(answer).to.deep.equal({
      id: 'a1b2c3d4e5f6a7b8',
      ok: true,
      status: 200,
      message: 'Stopped.',
      newStatus: 'stopped',
    });
    const [{ url, init }] = fetch.calls;
    expect(url.href).to.equal('https://api.example/rensei/api/public/sessions/a1b2c3d4e5f6a7b8/stop');
    expect(init.method).to.equal('POST');
    expect(init.body).to.equal(undefined);
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).to.equal(`Bearer ${TOKEN}`);
    expect(Object.keys(headers).map((name) => name.toLowerCase())).not.to.include('content-type');
  });

  it('path-encodes ids, so a hostile one never changes the path or the query', async () => {
    for (const [id, path] of [
      ['../x', '/api/public/sessions/..%2Fx/stop'],
      ['a/b?c', '/api/public/sessions/a%2Fb%3Fc/stop'],
      ['a#b', '/api/public/sessions/a%23b/stop'],
      ['%2e%2e%2fx', '/api/public/sessions/%252e%252e%252fx/stop'],
    ]) {
      const url = stopUrl('https://api.example', id!, PAGE_URL);
      expect(url.pathname, id).to.equal(path);
      expect(url.search, id).to.equal('');
      expect(url.origin).to.equal('https://api.example');
    }
  });

  it('refuses a dot segment, encoded or not, without sending anything', async () => {
    for (const id of ['.', '..', '%2e%2e', '.%2E', '%2E']) {
      const fetch = fakeFetch();
      const answer = await stopSession(request({ id }), fetch.impl);
      expect(answer.ok, id).to.equal(false);
      expect(answer.status, id).to.equal(null);
      expect(answer.message, id).to.match(/dot segment/);
      expect(fetch.calls, id).to.have.length(0);
    }
  });

  it('refuses to send the key to plain HTTP other than localhost, as reads do', async () => {
    const fetch = fakeFetch();
    const answer = await stopSession(request({ apiBase: 'http://api.example' }), fetch.impl);
    expect(answer).to.include({ ok: false, status: null });
    expect(answer.message).to.match(/HTTPS/);
    expect(fetch.calls).to.have.length(0);
    await stopSession(request({ apiBase: 'http://localhost:4010' }), fetch.impl);
    expect(fetch.calls).to.have.length(1);
  });

  it('says each failure in its own words: 403 read-only, 404, 409', async () => {
    const words: Record<number, RegExp> = {
      403: /This API key can only read sessions/,
      404: /not found \(404\)/,
      409: /already ended \(409\)/,
    };
    const seen = new Set<string>();
    for (const [status, pattern] of Object.entries(words)) {
      const answer = await stopSession(request(), fakeFetch(() => json({ error: 'x' }, +status)).impl);
      expect(answer).to.include({ ok: false, status: +status });
      expect(answer.message).to.match(pattern);
      seen.add(answer.message);
    }
    expect(seen.size).to.equal(3);
  });

  it('says a network failure may or may not have stopped it, with no status', async () => {
    const answer = await stopSession(request(), fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).impl);
    expect(answer).to.include({ ok: false, status: null });
    expect(answer.message).to.match(/Couldn't reach/);
  });

  it('keeps the key out of the message, even when the server echoes it', async () => {
    const answer = await stopSession(
      request(),
      fakeFetch(() => json({ error: `key ${TOKEN} is read-only` }, 403)).impl,
    );
    expect(answer.message).not.to.include(TOKEN);
    expect(answer.message).not.to.include(TOKEN.slice(9, 20));
  });
});
