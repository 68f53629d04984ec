/**
 * Issue 14: setTimeout wraps a delay over 2^31-1 ms to about 0, so a hostile or careless number (a
 * server's Retry-After, a host's refresh-interval or timeout) became a request storm. Every class
 * of it, through the real element: no storm, and words without absurd numbers.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { installFakeFetch, json, page, sessions, type FakeFetch } from '../helpers/fake-fetch.js';
import { mount, part, text } from '../helpers/element.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('hardening: no request storm from any delay', () => {
  let fake: FakeFetch;
  afterEach(() => {
    fake.restore();
    sinon.restore();
  });

  for (const retryAfter of ['2200000', new Date(Date.now() + 400 * 86_400_000).toUTCString()]) {
    it(`a Retry-After of ${retryAfter.length > 10 ? 'a far-future date' : retryAfter} waits at most an hour, and says so`, async () => {
      fake = installFakeFetch(() =>
        json({ error: 'slow down' }, { status: 429, headers: { 'Retry-After': retryAfter } }),
      );
      const el = await mount({ refreshInterval: 15 });
      await sleep(600);
      expect(fake.calls).to.have.length(1);
      const said = text(part(el, 'error'));
      expect(said).to.match(/Retrying in (3,[56]\d\d|\d+ min)/);
      expect(said).not.to.match(/\d{3},\d{3},\d{3}/);
    });
  }

  it('a refresh-interval past the timer limit waits, it does not fire at once', async () => {
    fake = installFakeFetch(() => page(sessions(1)));
    await mount({ refreshInterval: 3_000_000 });
    await sleep(600);
    expect(fake.calls).to.have.length(1);
  });

  for (const interval of ['0.001', '1e-9']) {
    it(`a refresh-interval of ${interval} is raised to 1 s, with one warning`, async () => {
      const warn = sinon.stub(console, 'warn');
      fake = installFakeFetch(() => page(sessions(1)));
      const el = await mount({ attrs: { 'refresh-interval': interval } });
      // The test runs in a background tab, where refreshes wait: say it is visible.
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      try {
        void el.refresh();
        await sleep(1500);
      } finally {
        delete (document as { hidden?: boolean }).hidden;
      }
      expect(fake.calls.length).to.be.within(2, 4);
      expect(warn.callCount).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.contain('below the 1 s minimum');
    });
  }

  it('a timeout past the timer limit does not fail every request at once', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({ attrs: { timeout: '3000000' } }, { settle: false });
    await sleep(500);
    expect(part(el, 'error')).to.equal(null);
    expect(fake.open).to.have.length(1);
  });

  it('a timeout of 0.001 waits the 1 s floor, so "within 1 s" is true', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({ attrs: { timeout: '0.001' } }, { settle: false });
    await sleep(500);
    expect(part(el, 'error')).to.equal(null);
    await sleep(900);
    expect(text(part(el, 'error'))).to.contain('within 1 s');
  });
});
