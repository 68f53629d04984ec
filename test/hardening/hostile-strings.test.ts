/**
 * Hostile strings stay text: every string field of a session, shown in every column, in the
 * health tooltip and its accessible name, in attributes, in the status filter, and every message
 * quoted from the server. Also the host's own filter attributes.
 */
import { expect } from '@open-wc/testing';
import type { RenseiSessionList } from '../../src/index.js';
import { signalWords } from '../../src/model/health.js';
import { installFakeFetch, json, page, rawSession, type FakeFetch } from '../helpers/fake-fetch.js';
import { mount, part, parts, text } from '../helpers/element.js';
import { settleElement } from '../helpers/tasks.js';
import { HOSTILE } from './answers.js';
import { expectOnlyOwnMarkup, has } from './render-check.js';

type Pwned = { __pwned?: unknown };

/** Each payload with a prefix, so every field's copy is told apart. */
const PAYLOADS = HOSTILE.filter((payload) => payload.trim() !== '');

describe('hardening: hostile strings stay text', () => {
  let fake: FakeFetch;
  let errors: string[];
  const consoleError = console.error;
  const onError = (event: ErrorEvent) => errors.push(event.message);

  beforeEach(() => {
    errors = [];
    delete (window as Pwned).__pwned;
    window.addEventListener('error', onError);
    console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  });
  afterEach(() => {
    fake.restore();
    window.removeEventListener('error', onError);
    console.error = consoleError;
  });

  /** Waits long enough for an injected <img onerror> or <svg onload> to have run. */
  async function nothingRan(el: RenseiSessionList) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise(requestAnimationFrame);
    expectOnlyOwnMarkup(el);
    expect((window as Pwned).__pwned).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  }

  it('in every column, the tooltip, the accessible name, the attributes and the status filter', async () => {
    const rows = PAYLOADS.map((payload, i) =>
      rawSession({
        id: `${payload}#${i}`,
        status: `s:${payload}`,
        issueIdentifier: `i:${payload}`,
        workType: `w:${payload}`,
        provider: `p:${payload}`,
        health: { healthStatus: payload, stuckSignals: [payload, { type: `t:${payload}` }] },
      }),
    );
    fake = installFakeFetch(() => page(rows, `cursor:${PAYLOADS[0]}`));
    const el = await mount({
      attrs: { locale: 'en-US', 'detail-url': 'https://app.example/sessions/{id}' },
      style: 'height: 4000px',
    });
    await settleElement(el);
    expect(parts(el, 'row')).to.have.length(rows.length);
    for (const [i, payload] of PAYLOADS.entries()) {
      const id = `${payload}#${i}`;
      const row = parts(el, 'row').find((candidate) => candidate.dataset.sessionId === id);
      expect(row !== undefined, `row for ${JSON.stringify(payload)}`).to.equal(true);
      expect(row!.dataset.sessionId).to.equal(id);
      const link = row!.querySelector<HTMLAnchorElement>('a[part~="identifier"]')!;
      expect(link.textContent).to.equal(`i:${payload}`);
      // The id goes into the detail link encoded: it can't leave the path, or change the scheme.
      expect(link.href).to.equal(`https://app.example/sessions/${encodeURIComponent(id)}`);
      const badge = row!.querySelector('[part~="status-badge"]')!;
      expect(badge.textContent).to.equal(`s:${payload}`);
      expect(badge.getAttribute('data-status')).to.equal(`s:${payload}`);
      expect(row!.querySelector('.c-work-type')!.textContent).to.equal(`w:${payload}`);
      expect(row!.querySelector('.c-provider')!.textContent).to.equal(`p:${payload}`);
      // The tooltip exists in the row under the pointer.
      row!.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      const tooltip = row!.querySelector('[part~="tooltip"]')!.textContent!;
      const words = [signalWords(payload), signalWords(`t:${payload}`)].filter((word) => word !== '');
      expect(tooltip).to.equal(`Health yellow: ${words.join(', ')}`);
      expect(row!.querySelector('[part~="health-dot"]')!.getAttribute('aria-label')).to.equal(tooltip);
    }
    const options = [...part<HTMLSelectElement>(el, 'status-filter')!.options];
    for (const payload of PAYLOADS) {
      const option = options.find((candidate) => candidate.value === `s:${payload}`);
      expect(option !== undefined, `option for ${JSON.stringify(payload)}`).to.equal(true);
      expect(text(option!)).to.equal(`s:${payload.replace(/\s+/g, ' ').trim()} (1)`);
    }
    // The opaque cursor goes back as one query parameter, exactly as sent.
    await el.loadMore();
    expect(fake.calls.at(-1)!.url.searchParams.get('cursor')).to.equal(`cursor:${PAYLOADS[0]}`);
    expect([...fake.calls.at(-1)!.url.searchParams.keys()].sort()).to.deep.equal(['cursor', 'project']);
    await nothingRan(el);
  });

  for (const payload of PAYLOADS.slice(0, 6)) {
    it(`in the error state and the notice, when the server's error says ${JSON.stringify(payload).slice(0, 40)}`, async () => {
      fake = installFakeFetch(() => json({ error: payload }, { status: 500 }));
      const el = await mount();
      expect(text(part(el, 'error'))).to.contain(payload.replace(/\s+/g, ' ').trim());
      // Rows on screen, then a refresh fails with the same message: a notice, as text.
      fake.responder = () => page([rawSession()]);
      part(el, 'retry')!.click();
      await settleElement(el);
      await settleElement(el);
      fake.responder = () => json({ error: payload }, { status: 502 });
      await el.refresh();
      await settleElement(el);
      expect(text(part(el, 'notice'))).to.contain(payload.replace(/\s+/g, ' ').trim());
      await nothingRan(el);
    });
  }

  it('in the rejected-rows notice, whatever the bad row holds', async () => {
    fake = installFakeFetch(() => page([rawSession(), { id: PAYLOADS[0], status: 7, issueIdentifier: PAYLOADS[1] }]));
    const el = await mount();
    expect(text(part(el, 'notice'))).to.contain('`sessions[1].status` must be');
    expect(text(part(el, 'notice'))).not.to.contain('<');
    await nothingRan(el);
  });

  it('in the host’s own filters and selection, prototype keys included', async () => {
    fake = installFakeFetch(() =>
      page([rawSession({ issueIdentifier: 'ENG-1' }), rawSession({ issueIdentifier: 'ENG-2' })]),
    );
    const el = await mount({ attrs: { locale: 'en-US' } });
    for (const value of [...PAYLOADS, 'valueOf', '__defineGetter__']) {
      for (const name of ['status', 'search', 'health', 'selected'] as const) {
        el[name] = value;
        await settleElement(el);
        expect(el.getAttribute(name)).to.equal(value);
        expect(has(el, 'base')).to.equal(true);
      }
      // A search nothing matches: the filtered-empty state names the filters, as text.
      el.status = '';
      el.health = value;
      el.search = `zz${value}`;
      await settleElement(el);
      expect(has(el, 'empty')).to.equal(true);
      expect(text(part(el, 'empty'))).to.contain(`identifier starts with “zz${value.replace(/\s+/g, ' ').trim()}”`);
      el.health = '';
      el.search = '';
      el.selected = '';
    }
    await nothingRan(el);
  });
});
