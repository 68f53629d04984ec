import { expect, oneEvent } from '@open-wc/testing';
import { installFakeFetch, json, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { flush, mount, part, parts, rowIds, settled, text } from '../../helpers/element.js';
import type { SessionsErrorEvent } from '../../../src/events.js';

const TOKEN = 'rsk_test_supersecretkey000000';

describe('<rensei-session-list> errors', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  async function failWith(response: () => Response | Promise<Response>) {
    fake = installFakeFetch(() => response());
    const el = await mount({ token: TOKEN });
    return { el, message: text(part(el, 'error')) };
  }

  it('shows an answer that is not a session list as an error with a precise message, and a retry', async () => {
    const { el, message } = await failWith(() => json({ sessions: 'nope' }));
    expect(message).to.contain("The server's answer is not a session list: `sessions` must be an array");
    expect(part(el, 'retry')).to.exist;
    expect(part(el, 'error')!.querySelector('[part~="retry"]')).to.exist;
  });

  it('shows the valid rows of a partly invalid page and says how many could not be shown', async () => {
    fake = installFakeFetch(() => page([rawSession(), { status: 'working' }, rawSession(), rawSession({ status: 7 })]));
    const el = await mount();
    expect(rowIds(el)).to.have.length(2);
    const notice = text(part(el, 'notice'));
    expect(notice).to.contain('2 sessions');
    expect(notice).to.contain('could not be shown');
    expect(notice).to.contain('`sessions[1].id` is missing');
  });

  it('says a non-JSON answer is not JSON, and hints at a wrong api-base for HTML', async () => {
    const { message } = await failWith(() => new Response('<!doctype html><h1>Bad gateway</h1>', { status: 200 }));
    expect(message).to.contain('not JSON');
    expect(message).to.contain('HTML page');
  });

  it('says a network failure may be a CORS refusal', async () => {
    const { message } = await failWith(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(message).to.contain("Couldn't reach the Rensei API at https://api.example");
    expect(message).to.contain('CORS');
  });

  for (const status of [401, 403]) {
    it(`asks to check the key or sign in on ${status}`, async () => {
      const { message } = await failWith(() => json({ error: 'Invalid API key' }, { status }));
      expect(message).to.contain(`(${status})`);
      expect(message).to.contain('check the API key, or sign in');
      expect(message).to.contain('Invalid API key');
    });
  }

  it('says the project was not found on 404', async () => {
    const { message } = await failWith(() => json({ error: 'Project not found' }, { status: 404 }));
    expect(message).to.contain('Project “web” was not found (404)');
  });

  for (const status of [500, 502]) {
    it(`says the API had a problem on ${status}, even with an HTML body`, async () => {
      const { el, message } = await failWith(() => new Response('<html>oops</html>', { status }));
      expect(message).to.contain(`The Rensei API had a problem (${status})`);
      expect(part(el, 'retry')).to.exist;
    });
  }

  it('tries again when retry is pressed, and shows the rows', async () => {
    let fail = true;
    fake = installFakeFetch(() => (fail ? json({ error: 'boom' }, { status: 500 }) : page(sessions(2))));
    const el = await mount();
    expect(part(el, 'error')).to.exist;
    fail = false;
    part(el, 'retry')!.click();
    await settled(el);
    expect(part(el, 'error')).to.equal(null);
    expect(rowIds(el)).to.have.length(2);
  });

  it('waits for Retry-After on 429, then retries by itself', async () => {
    let calls = 0;
    fake = installFakeFetch(() =>
      ++calls === 1
        ? json({ error: 'Slow down' }, { status: 429, headers: { 'Retry-After': '0.2' } })
        : page(sessions(1)),
    );
    const el = await mount();
    expect(text(part(el, 'error'))).to.contain('rate-limiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.calls).to.have.length(1);
    await settled(el);
    expect(fake.calls).to.have.length(2);
    expect(rowIds(el)).to.have.length(1);
  });

  it('retries 503 a bounded number of times when live refresh is off', async () => {
    fake = installFakeFetch(() => new Response('busy', { status: 503, headers: { 'Retry-After': '0' } }));
    const el = await mount();
    // Retry-After: 0 is obeyed no sooner than the 1 s refresh floor (issue 14): four retries take 4 s.
    await new Promise((resolve) => setTimeout(resolve, 5500));
    await flush(el);
    // The first try, then MAX_AUTO_RETRIES more: then it stops and waits for the person.
    expect(fake.calls).to.have.length(5);
    expect(part(el, 'retry')).to.exist;
  });

  it('stops live refresh after a 401 until the token changes', async () => {
    let status = 200;
    fake = installFakeFetch(() =>
      status === 200 ? page(sessions(1)) : json({ error: 'API key expired' }, { status }),
    );
    const el = await mount({ refreshInterval: 0.05 });
    status = 401;
    await settled(el); // the refresh that fails
    const count = fake.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fake.calls.length).to.equal(count);
    // Rows stay; a notice asks to re-authenticate.
    expect(rowIds(el)).to.have.length(1);
    expect(text(part(el, 'notice'))).to.contain('check the API key, or sign in');
    expect(text(part(el, 'notice'))).to.contain('paused');
    status = 200;
    el.token = 'rsk_test_freshkey12345';
    await settled(el);
    expect(fake.calls.length).to.be.greaterThan(count);
  });

  it('keeps the rows and shows a notice when a refresh fails', async () => {
    let fail = false;
    const rows = sessions(3);
    fake = installFakeFetch(() => (fail ? new Response('nope', { status: 502 }) : page(rows)));
    const el = await mount();
    fail = true;
    void el.refresh();
    await settled(el);
    expect(rowIds(el)).to.have.length(3);
    expect(part(el, 'error')).to.equal(null);
    expect(text(part(el, 'notice'))).to.contain("Couldn't refresh");
    fail = false;
    part(el, 'notice-action')!.click();
    await settled(el);
    expect(part(el, 'notice')).to.equal(null);
  });

  it('fires sessions-error with kind, status and message, never the key', async () => {
    fake = installFakeFetch(() => json({ error: `bad key ${TOKEN}` }, { status: 401 }));
    const logged: unknown[] = [];
    const originals = { error: console.error, warn: console.warn, log: console.log };
    console.error = console.warn = console.log = (...args: unknown[]) => logged.push(...args);
    try {
      const el = document.createElement('rensei-session-list');
      el.apiBase = 'https://api.example';
      el.refreshInterval = 0;
      el.token = TOKEN;
      const event = oneEvent(el, 'sessions-error') as Promise<SessionsErrorEvent>;
      document.body.append(el);
      const { detail } = await event;
      expect(detail.kind).to.equal('auth');
      expect(detail.status).to.equal(401);
      expect(detail.message).to.contain('check the API key');
      expect(JSON.stringify(detail)).not.to.contain(TOKEN.slice(9));
      expect(JSON.stringify(detail)).not.to.contain('supersecret');
      await el.updateComplete;
      el.remove();
    } finally {
      Object.assign(console, originals);
    }
    expect(JSON.stringify(logged)).not.to.contain('supersecret');
  });

  it('refuses to send a key to a plain-HTTP api-base that is not loopback', async () => {
    fake = installFakeFetch(() => page([]));
    const el = await mount({ token: TOKEN, attrs: {} }, { settle: false });
    el.apiBase = 'http://rensei.example';
    await settled(el);
    expect(text(part(el, 'error'))).to.contain('must use HTTPS');
    expect(fake.calls.every((call) => call.url.protocol === 'https:')).to.equal(true);
    expect(parts(el, 'row')).to.have.length(0);
  });
});
