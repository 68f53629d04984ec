import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { installFakeFetch, page, rawSession, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, parts, rowText, shadow, text } from '../../helpers/element.js';

describe('<rensei-session-list> rendering', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it("shows a row's identifier, status, work type, provider, duration and cost", async () => {
    const row = rawSession({
      id: 'a1b2c3d4e5f6a7b8',
      issueIdentifier: 'ENG-124',
      status: 'completed',
      workType: 'research',
      provider: 'vercel',
      startedAt: '2026-06-02T14:22:00Z',
      completedAt: '2026-06-02T14:25:12Z',
      costUsd: '0.14',
    });
    fake = installFakeFetch(() => page([row]));
    const el = await mount({ attrs: { locale: 'en-US' } });
    const cells = parts(el, 'row')[0]!.querySelectorAll('[role="gridcell"]');
    const texts = [...cells].map((cell) => text(cell));
    expect(texts.slice(0, 5)).to.deep.equal(['Health green', 'ENG-124', 'Completed', 'research', 'vercel']);
    // Started: relative on screen, with the absolute time in the accessible name and tooltip.
    expect(texts[5]).to.match(/^\d+ mo\. ago, Jun 2, 2026, \d{1,2}:22 [AP]M$/);
    expect(cells[5]!.getAttribute('title')).to.match(/^Jun 2, 2026, \d{1,2}:22 [AP]M$/);
    expect(texts.slice(6)).to.deep.equal(['3m 12s', '$0.14']);
  });

  it('shows missing values as an em dash, never undefined, null or NaN', async () => {
    fake = installFakeFetch(() =>
      page([
        { id: 'ffffffffffffffff', status: 'queued' },
        rawSession({
          id: 'eeeeeeeeeeeeeeee',
          issueIdentifier: null,
          workType: null,
          provider: null,
          costUsd: null,
          startedAt: null,
          completedAt: null,
        }),
      ]),
    );
    const el = await mount();
    for (const id of ['ffffffffffffffff', 'eeeeeeeeeeeeeeee']) {
      const line = rowText(el, id);
      expect(line).not.to.match(/undefined|null|NaN/);
      expect(line.match(/—/g)).to.have.length(6);
    }
  });

  it('renders an unknown status as its raw word', async () => {
    fake = installFakeFetch(() => page([rawSession({ id: 'abababababababab', status: 'paused_for_review' })]));
    const el = await mount();
    expect(rowText(el, 'abababababababab')).to.contain('paused_for_review');
    expect(part(el, 'status-badge')!.dataset.status).to.equal('paused_for_review');
  });

  it('shows sub-cent costs honestly', async () => {
    fake = installFakeFetch(() =>
      page([
        rawSession({ id: '1111111111111111', costUsd: '0.004' }),
        rawSession({ id: '2222222222222222', costUsd: 0.00001 }),
        rawSession({ id: '3333333333333333', costUsd: '0' }),
      ]),
    );
    const el = await mount({ attrs: { locale: 'en-US' } });
    expect(rowText(el, '1111111111111111')).to.contain('$0.004');
    expect(rowText(el, '2222222222222222')).to.contain('<$0.0001');
    expect(rowText(el, '3333333333333333')).to.contain('$0.00');
  });

  it('prefers a ready-made durationMs or durationSeconds', async () => {
    fake = installFakeFetch(() =>
      page([
        rawSession({ id: '1111111111111111', completedAt: null, durationMs: 65_000 }),
        rawSession({ id: '2222222222222222', durationSeconds: 7200 }),
      ]),
    );
    const el = await mount({ attrs: { locale: 'en-US' } });
    expect(rowText(el, '1111111111111111')).to.contain('1m 5s');
    expect(rowText(el, '2222222222222222')).to.contain('2h');
  });

  it('gives the health dot its colour, a name with the signals in words, and a tooltip', async () => {
    fake = installFakeFetch(() =>
      page([
        rawSession({ id: '1111111111111111', health: { healthStatus: 'green', stuckSignals: ['ToolLoopStuck'] } }),
        rawSession({
          id: '2222222222222222',
          health: { healthStatus: 'yellow', stuckSignals: [{ type: 'StaleHeartbeat', since: 'x' }] },
        }),
        rawSession({ id: '3333333333333333', health: { healthStatus: 'green', stuckSignals: [] } }),
        rawSession({ id: '4444444444444444', health: null }),
      ]),
    );
    const el = await mount();
    const dots = parts(el, 'health-dot');
    expect(dots.map((dot) => dot.dataset.health)).to.deep.equal(['red', 'yellow', 'green', 'unknown']);
    expect(dots.map((dot) => dot.getAttribute('aria-label'))).to.deep.equal([
      'Health red: Tool Loop Stuck',
      'Health yellow: Stale Heartbeat',
      'Health green',
      'Health unknown',
    ]);
    // The tooltip says the same, in the row under the pointer (see the hover test below).
    const tips: string[] = [];
    for (const row of parts(el, 'row')) {
      row.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      tips.push(text(row.querySelector('[part~="tooltip"]')));
    }
    expect(tips).to.deep.equal(dots.map((dot) => dot.getAttribute('aria-label')));
  });

  it('shows the tooltip when the pointer is on the dot, and holds tooltips only in rows a person is on', async () => {
    fake = installFakeFetch(() => page(sessions(30)));
    const el = await mount();
    const rows = parts(el, 'row');
    // The row holding the Tab stop has one (for keyboard focus); the other rows none.
    expect(parts(el, 'tooltip').length).to.equal(1);
    const dot = rows[3]!.querySelector<HTMLElement>('[part~="health-dot"]')!;
    const box = dot.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await el.updateComplete;
    const tooltip = rows[3]!.querySelector<HTMLElement>('[part~="tooltip"]')!;
    expect(getComputedStyle(tooltip).display).to.equal('block');
    expect(text(tooltip)).to.equal(dot.getAttribute('aria-label'));
    expect(parts(el, 'tooltip').length).to.equal(2);
    await sendMouse({ type: 'move', position: [0, 0] });
    await el.updateComplete;
    expect(parts(el, 'tooltip').length).to.equal(1);
  });

  it('gives each health level its own shape, not only its own colour', async () => {
    fake = installFakeFetch(() =>
      page(
        ['green', 'yellow', 'red']
          .map((healthStatus) => rawSession({ health: { healthStatus } }))
          .concat(rawSession({ health: null })),
      ),
    );
    const el = await mount();
    const shapes = parts(el, 'health-dot').map((dot) => {
      const style = getComputedStyle(dot);
      return `${style.borderRadius}|${style.clipPath}|${style.borderTopWidth}`;
    });
    expect(new Set(shapes).size).to.equal(4);
  });

  it('shows the tooltip while its row has keyboard focus', async () => {
    fake = installFakeFetch(() => page([rawSession()]));
    const el = await mount();
    const tooltip = part(el, 'tooltip')!;
    expect(getComputedStyle(tooltip).display).to.equal('none');
    parts(el, 'row')[0]!.focus();
    expect(getComputedStyle(tooltip).display).to.equal('block');
  });

  it('counts what is shown in the footer; the total cost is in the summary alone', async () => {
    fake = installFakeFetch(() =>
      page([
        rawSession({ status: 'completed', costUsd: '0.10' }),
        rawSession({ status: 'failed', costUsd: '1.25' }),
        rawSession({ status: 'completed', costUsd: null }),
      ]),
    );
    const el = await mount({ attrs: { locale: 'en-US' } });
    expect(text(part(el, 'footer'))).to.equal('3 sessions');
    // One cost unknown: the summary says so, and no line says a plain $1.35 for these rows.
    expect(text(part(el, 'summary')!.querySelector('.total'))).to.equal('Total at least $1.35, 1 unknown');
    el.status = 'completed';
    await el.updateComplete;
    expect(text(part(el, 'footer'))).to.equal('2 sessions of 3 loaded');
    expect(text(part(el, 'summary')!.querySelector('.total'))).to.equal('Total at least $0.10, 1 unknown');
  });

  it('shows when the list was last updated', async () => {
    fake = installFakeFetch(() => page([rawSession()]));
    const el = await mount({ attrs: { locale: 'en-US' } });
    expect(text(part(el, 'updated'))).to.match(/^Updated \d{1,2}:\d{2}:\d{2}/);
  });

  it('keeps hostile strings as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    fake = installFakeFetch(() =>
      page([
        rawSession({
          id: 'hhhhhhhhhhhhhhhh',
          issueIdentifier: payload,
          workType: payload,
          provider: payload,
          status: payload,
          health: { stuckSignals: [payload] },
        }),
      ]),
    );
    const el = await mount();
    expect(shadow(el).querySelector('img, script')).to.equal(null);
    expect(rowText(el, 'hhhhhhhhhhhhhhhh')).to.contain('<img src=x');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('is a block, respects [hidden], and lets the host restyle it through parts and custom properties', async () => {
    const style = document.createElement('style');
    style.textContent = `
      rensei-session-list.themed { --rensei-color-green: rgb(1, 2, 3); }
      rensei-session-list.themed::part(row) { background-color: rgb(4, 5, 6); }`;
    document.head.append(style);
    fake = installFakeFetch(() => page([rawSession({ health: { healthStatus: 'green' } })]));
    const el = await mount({ attrs: { class: 'themed' } });
    expect(getComputedStyle(el).display).to.equal('block');
    expect(getComputedStyle(part(el, 'health-dot')!).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(part(el, 'row')!).backgroundColor).to.equal('rgb(4, 5, 6)');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
    style.remove();
  });

  it('grows with its content by default, and scrolls inside when given a height', async () => {
    fake = installFakeFetch(() => page(Array.from({ length: 30 }, () => rawSession())));
    const grown = await mount();
    expect(grown.getBoundingClientRect().height).to.be.greaterThan(30 * 30);
    const boxed = await mount({ style: 'height: 300px' });
    const scroller = part(boxed, 'scroller')!;
    expect(boxed.getBoundingClientRect().height).to.equal(300);
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
  });

  it('exposes every contract part in the loaded state', async () => {
    fake = installFakeFetch(() => page([rawSession()], 'next'));
    const el = await mount();
    for (const name of ['status-filter', 'search', 'row', 'health-dot', 'load-more']) {
      expect(part(el, name), name).to.exist;
    }
    expect(part(el, 'status-filter')!.tagName).to.equal('SELECT');
    expect(part(el, 'search')!.getAttribute('type')).to.equal('search');
  });

  it('is accessible', async () => {
    fake = installFakeFetch(() => page([rawSession(), rawSession({ status: 'working', completedAt: null })], 'next'));
    const el = await mount();
    await expect(el).to.be.accessible();
  });
});
