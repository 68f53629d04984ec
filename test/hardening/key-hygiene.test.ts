/**
 * Key hygiene: the API key goes into the `Authorization` header and nowhere else. Not into an
 * attribute, an event, an error text, the console, a URL (the request's, the page's, resource
 * timing), nor storage; whatever the server echoes back. And never to plain HTTP except loopback.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { installFakeFetch, json, page, rawSession, sessions, type FakeFetch } from '../helpers/fake-fetch.js';
import { part, parts, shadow, text } from '../helpers/element.js';
import { mountOnMock, resetMock } from '../helpers/mock-server.js';
import { settleElement } from '../helpers/tasks.js';

const TOKEN = 'rsk_test_K3yHyg13neS3cr3tZq9';
/** Any 10 characters of the secret part: a cut or partly redacted key counts as a leak too. */
const FRAGMENTS = Array.from({ length: TOKEN.length - 9 - 10 + 1 }, (_, i) => TOKEN.slice(9 + i, 19 + i));

function leaks(value: unknown): string | null {
  const serialized =
    typeof value === 'string' ? value : JSON.stringify(value, (_, v) => (v instanceof Element ? v.outerHTML : v));
  return FRAGMENTS.find((fragment) => serialized?.includes(fragment)) ?? null;
}

/** Everything that leaves the widget: events (any), console output, uncaught errors. */
function watchOutputs() {
  const seen: { where: string; value: unknown }[] = [];
  const originalDispatch = EventTarget.prototype.dispatchEvent;
  EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event) {
    const detail = (event as CustomEvent).detail;
    seen.push({
      where: `event ${event.type}`,
      value: { type: event.type, detail, message: (event as ErrorEvent).message },
    });
    return originalDispatch.call(this, event);
  };
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const originalConsole = Object.fromEntries(methods.map((name) => [name, console[name]]));
  for (const name of methods) {
    console[name] = (...args: unknown[]) => {
      seen.push({
        where: `console.${name}`,
        value: args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack}` : arg)),
      });
      originalConsole[name]!.apply(console, args);
    };
  }
  const onError = (event: ErrorEvent) =>
    seen.push({ where: 'window error', value: `${event.message} ${event.error?.stack}` });
  const onRejection = (event: PromiseRejectionEvent) =>
    seen.push({ where: 'unhandled rejection', value: String(event.reason) });
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    restore() {
      EventTarget.prototype.dispatchEvent = originalDispatch;
      Object.assign(console, originalConsole);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** The element as a page could read it: attributes, shadow DOM, and what it exposes. */
function expectNoKeyIn(el: RenseiSessionList, when: string) {
  const attributes = [el, ...shadow(el).querySelectorAll('*')].flatMap((node) =>
    [...node.attributes].map((a) => `${a.name}=${a.value}`),
  );
  expect(leaks(attributes), `${when}: an attribute`).to.equal(null);
  const markup = el.outerHTML + shadow(el).innerHTML;
  const at = markup.indexOf(leaks(markup) ?? '\u0000');
  expect(leaks(markup), `${when}: the markup: ${markup.slice(Math.max(0, at - 300), at + 100)}`).to.equal(null);
  expect(leaks(shadow(el).textContent), `${when}: the text`).to.equal(null);
  expect(leaks(el.sessions), `${when}: sessions`).to.equal(null);
  expect(leaks(location.href) ?? leaks(history.state), `${when}: the page URL`).to.equal(null);
}

describe('hardening: key hygiene', function () {
  this.timeout(20_000);
  let fake: FakeFetch | undefined;
  let outputs: ReturnType<typeof watchOutputs>;
  let el: RenseiSessionList | undefined;

  beforeEach(() => {
    outputs = watchOutputs();
  });
  afterEach(() => {
    outputs.restore();
    fake?.restore();
    fake = undefined;
    el?.remove();
    el = undefined;
  });

  it('through loading, rows, every kind of failure (the server echoing the key back), paging, selection and filters', async () => {
    const echo = (status: number, headers: Record<string, string> = {}) =>
      json({ error: `Key ${TOKEN} refused (prefix ${TOKEN.slice(0, 20)})` }, { status, headers });
    const loaded = sessions(3);
    const answers: Array<() => Response | 'hold'> = [
      () => page(loaded, 'cursor-1'),
      () => echo(401),
      () => echo(403),
      () => echo(404),
      () => echo(429, { 'Retry-After': '3600' }),
      () => echo(500),
      () => echo(503, { 'Retry-After': '3600' }),
      () => new Response(`<html><body>Bad gateway for ${TOKEN}</body></html>`, { status: 502 }),
      () => new Response(`<html>${TOKEN}</html>`, { status: 200 }),
      () => json({ sessions: `not a list ${TOKEN}` }),
      // With a loaded row in it: a page of only new rows would fetch the next one too (a burst).
      () => page([rawSession({ id: 'bad', status: { token: TOKEN } }), loaded[0]!], 'cursor-2'),
      () => Promise.reject(new TypeError(`Failed to fetch ${TOKEN}`)) as never,
      () => page(sessions(2), null),
    ];
    let next = 0;
    fake = installFakeFetch(() => answers[Math.min(next++, answers.length - 1)]!());
    el = document.createElement('rensei-session-list');
    Object.assign(el, {
      apiBase: 'https://api.example',
      project: 'web',
      refreshInterval: 0,
      syncUrl: true,
      detailUrl: 'https://app.example/s/{id}',
    });
    el.token = TOKEN;
    const first = new Promise((resolve) => el!.addEventListener('sessions-load', resolve, { once: true }));
    document.body.append(el);
    await first;
    await settleElement(el);
    expect(parts(el, 'row')).to.have.length(3);
    expectNoKeyIn(el, 'first load');
    for (let i = 1; i < answers.length; i++) {
      const outcome = new Promise((resolve) => {
        el!.addEventListener('sessions-load', resolve, { once: true });
        el!.addEventListener('sessions-error', resolve, { once: true });
      });
      if (i === answers.length - 1) void el.loadMore();
      else void el.refresh();
      await outcome;
      await settleElement(el);
      expectNoKeyIn(el, `answer ${i}`);
    }
    // The failures were shown (so their messages were really rendered and checked).
    const shown = outputs.seen
      .filter(({ where }) => where === 'event sessions-error')
      .map(({ value }) => (value as { detail: { message: string } }).detail.message);
    expect(shown).to.have.length(10);
    // The whole key, and a piece of it (here the server's "prefix"), are masked where quoted.
    expect(shown[0]).to.contain('The server said: “Key rsk_… refused (prefix rsk_test_…)”');
    // A person selects a row and changes a filter: those events carry no key either. (The detail
    // link is not followed: the page must stay.)
    el.addEventListener('session-select', (event) => event.preventDefault());
    parts(el, 'row')[0]!.click();
    const search = part<HTMLInputElement>(el, 'search')!;
    search.value = 'ENG';
    search.dispatchEvent(new Event('input'));
    await settleElement(el);
    expectNoKeyIn(el, 'after selection and filtering');
    expect(outputs.seen.some(({ where }) => where === 'event session-select')).to.equal(true);
    expect(outputs.seen.some(({ where }) => where === 'event filter-change')).to.equal(true);

    for (const { where, value } of outputs.seen) expect(leaks(value), where).to.equal(null);
    // The key went into exactly one place: the Authorization header, over HTTPS.
    for (const call of fake.calls) {
      expect(leaks(call.url.href), 'a request URL').to.equal(null);
      expect(call.url.protocol).to.equal('https:');
      expect(new Headers(call.init.headers).get('Authorization')).to.equal(`Bearer ${TOKEN}`);
      expect(call.init.credentials).to.equal('same-origin');
    }
    expect(
      leaks(JSON.stringify({ ...localStorage })) ??
        leaks(JSON.stringify({ ...sessionStorage })) ??
        leaks(document.cookie),
    ).to.equal(null);
    expect(el.hasAttribute('token')).to.equal(false);
  });

  it('over real HTTP to the mock: not in any resource-timing URL, attribute or event', async () => {
    await resetMock();
    performance.clearResourceTimings();
    el = await mountOnMock({ project: 'web', token: 'rsk_test_K3yHyg13neS3cr3tZq9' });
    await el.loadMore();
    await settleElement(el);
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes('/api/public/sessions'));
    expect(urls.length).to.be.at.least(2);
    for (const url of urls) expect(url).not.to.contain('K3yHyg13ne');
    expect(el.outerHTML + shadow(el).innerHTML).not.to.contain('K3yHyg13ne');
    for (const { where, value } of outputs.seen)
      expect(JSON.stringify(value) ?? '', where).not.to.contain('K3yHyg13ne');
  });

  describe('refuses to send the key over plain HTTP, except to loopback', () => {
    const LOOPBACK = [
      'http://localhost',
      'http://localhost:8787',
      'http://LOCALHOST:3000/rensei',
      'http://127.0.0.1',
      'http://127.0.0.1:8080',
      'http://127.1.2.3',
      'http://127.255.255.254:9',
      'http://127.1', // the URL parser's short forms of 127.0.0.1
      'http://2130706433',
      'http://0x7f.0.0.1',
      'http://0177.0.0.1',
      'http://[::1]',
      'http://[::1]:8080',
      'http://[0:0:0:0:0:0:0:1]',
      'http://[::0:1]',
      'https://app.rensei.ai',
      'https://192.168.1.10',
    ];
    const REFUSED = [
      'http://app.rensei.ai',
      'http://192.168.1.10',
      'http://10.0.0.1',
      'http://0.0.0.0',
      'http://128.0.0.1',
      'http://126.255.255.255',
      'http://[::]',
      'http://[::2]',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'http://evil-localhost',
      'http://localhost@evil.example',
      'http://evil.example#@localhost',
      'http://evil.example/?localhost',
      // Conservative: these reach this machine too, but are not the contract's three forms.
      'http://localhost.',
      'http://api.localhost',
      'http://[::ffff:127.0.0.1]',
      'ws://localhost',
      'ftp://127.0.0.1',
    ];

    async function load(apiBase: string, token = TOKEN) {
      fake?.restore();
      fake = installFakeFetch(() => page(sessions(1)));
      el?.remove();
      el = document.createElement('rensei-session-list');
      Object.assign(el, { apiBase, project: 'web', refreshInterval: 0 });
      el.token = token;
      const settled = new Promise((resolve) => {
        el!.addEventListener('sessions-load', resolve, { once: true });
        el!.addEventListener('sessions-error', resolve, { once: true });
      });
      document.body.append(el);
      await settled;
      await settleElement(el);
      return el;
    }

    for (const apiBase of LOOPBACK) {
      it(`sends it to ${apiBase}`, async () => {
        const el = await load(apiBase);
        expect(fake!.calls).to.have.length(1);
        expect(new Headers(fake!.calls[0]!.init.headers).get('Authorization')).to.equal(`Bearer ${TOKEN}`);
        expect(parts(el, 'row')).to.have.length(1);
      });
    }

    for (const apiBase of REFUSED) {
      it(`refuses ${apiBase}, saying HTTPS is needed, without a request`, async () => {
        const el = await load(apiBase);
        expect(fake!.calls).to.have.length(0);
        const message = text(part(el, 'error'));
        expect(message).to.contain('Refusing to send the API key');
        expect(message).to.contain('api-base must use HTTPS');
        expect(leaks(message)).to.equal(null);
      });
    }

    it('without a key (the cookie is used), plain HTTP is the host’s choice: the request is made, with no Authorization', async () => {
      await load('http://portal.example', '');
      expect(fake!.calls).to.have.length(1);
      expect(new Headers(fake!.calls[0]!.init.headers).has('Authorization')).to.equal(false);
      expect(fake!.calls[0]!.init.credentials).to.equal('include');
    });
  });
});
