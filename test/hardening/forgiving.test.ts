/**
 * Issue 14, through the real element: one bad field never hides a session; unbounded input gets
 * bounded output; a dot-segment id gets no link but still activates.
 */
import { expect } from '@open-wc/testing';
import { installFakeFetch, page, rawSession, type FakeFetch } from '../helpers/fake-fetch.js';
import { mount, part, parts, rowIds, shadow, text } from '../helpers/element.js';
import type { SessionSelectEvent } from '../../src/events.js';

const row = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLElement>(`[data-session-id="${CSS.escape(id)}"]`)!;

describe('hardening: forgiving rows and bounded output', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it('shows a session whose cost and start time are malformed, marks them, and counts them in a notice', async () => {
    const bad = rawSession({ id: 'bad1', status: 'working', costUsd: '0,14', startedAt: '2026-02-30T10:00:00Z' });
    const good = rawSession({ id: 'good1' });
    fake = installFakeFetch(() => page([bad, good]));
    const el = await mount();
    expect(rowIds(el)).to.deep.equal(['bad1', 'good1']);
    const cells = row(el, 'bad1').querySelectorAll('[role="gridcell"]');
    expect(text(cells[7] as HTMLElement)).to.equal('—');
    expect(row(el, 'bad1').textContent).to.contain('Could not read: start time, cost.');
    expect(row(el, 'good1').textContent).not.to.contain('Could not read');
    const notice = parts(el, 'notice').find((n) => n.dataset.kind === 'unreadable')!;
    expect(text(notice)).to.contain('2 fields in the last answer could not be read');
  });

  it('names the first three of 10,001 signals and counts the rest', async () => {
    const signals = Array.from({ length: 10_001 }, (_, i) => `Signal${i}`);
    fake = installFakeFetch(() =>
      page([rawSession({ id: 'many', health: { healthStatus: 'yellow', stuckSignals: signals } })]),
    );
    const el = await mount();
    const name = row(el, 'many').querySelector('[part~="health-dot"]')!.getAttribute('aria-label')!;
    expect(name).to.equal('Health yellow: Signal0, Signal1, Signal2, and 9998 more');
  });

  it('cuts a huge status word in the status select', async () => {
    const word = 'x'.repeat(300_000);
    fake = installFakeFetch(() => page([rawSession({ id: 'huge', status: word })]));
    const el = await mount();
    const option = [...part<HTMLSelectElement>(el, 'status-filter')!.options].find((o) => o.value === word)!;
    expect(option.textContent!.trim().length).to.be.below(100);
    expect(option.textContent).to.contain('…');
  });

  for (const id of ['.', '..', '%2e%2e']) {
    it(`gives the id ${JSON.stringify(id)} no detail link, and still fires session-select`, async () => {
      fake = installFakeFetch(() => page([rawSession({ id, issueIdentifier: 'ENG-1' })]));
      const el = await mount({ attrs: { 'detail-url': 'https://app.example/acme/web/sessions/{id}' } });
      expect(row(el, id).querySelector('a')).to.equal(null);
      let selected = '';
      el.addEventListener('session-select', (event: SessionSelectEvent) => {
        selected = event.detail.session.id;
        event.preventDefault();
      });
      row(el, id).click();
      expect(selected).to.equal(id);
    });
  }

  it('does not retry a bad api-base: it says what is wrong and waits', async () => {
    fake = installFakeFetch(() => page([]));
    const el = await mount({ refreshInterval: 1, attrs: { 'api-base': 'javascript:alert(1)' } });
    expect(text(part(el, 'error'))).to.contain('api-base is not a valid http(s) URL');
    expect(text(part(el, 'error'))).not.to.contain('Retrying');
    expect(fake.calls).to.have.length(0);
  });
});
