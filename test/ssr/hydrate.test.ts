/**
 * Server rendering: the element rendered in Node by @lit-labs/ssr (test/ssr/ssr-middleware.mjs),
 * then hydrated in Chromium by @lit-labs/ssr-client. The server's output carries the shell (the
 * toolbar's `status-filter` and `search`, the header, the loading state) in a declarative shadow
 * root; the browser takes those very nodes over (no second shell, no flash) and the element works.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { resetMock } from '../helpers/mock-server.js';
import type { RenseiSessionList } from '../../src/index.js';
import type { SsrProbe } from './hydrate-entry.js';

const PAGE = '/__ssr/session-list.html';

async function openFrame(): Promise<{ frame: HTMLIFrameElement; probe: SsrProbe }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 600px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = PAGE;
  document.body.append(frame);
  await loaded;
  await waitUntil(() => (frame.contentWindow as Window | null)?.ssr, 'the page ran no script', { timeout: 5000 });
  return { frame, probe: frame.contentWindow!.ssr };
}

/** The element, hydrated; fails (rather than hangs the run) when it never gets there. */
function hydrated(probe: SsrProbe): Promise<RenseiSessionList> {
  const late = new Promise<never>((_, fail) =>
    setTimeout(() => fail(new Error(`not hydrated within 8 s; page errors: ${probe.errors.join('; ')}`)), 8000),
  );
  return Promise.race([probe.ready, late]);
}

describe('server rendering (@lit-labs/ssr) and hydration', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => resetMock());
  afterEach(() => frame?.remove());

  it("renders the shell into a declarative shadow root, with the toolbar's status-filter and search", async () => {
    const response = await fetch(PAGE);
    const body = await response.text();
    expect(response.status, body).to.equal(200);
    const shadow = body.slice(body.indexOf('<template shadowroot'));
    expect(body).to.match(/<rensei-session-list[^>]*><template shadowroot(mode)?="open"/);
    expect(shadow).to.match(/<select[^>]*part="status-filter"/);
    expect(shadow).to.match(/<input[^>]*type="search"[^>]*part="search"|<input[^>]*part="search"[^>]*type="search"/);
    expect(shadow).to.include('part="header"');
    expect(shadow).to.include('part="loading"');
  });

  it('hydrates the server shell in place: the same nodes, one shell, no error', async () => {
    ({ frame } = await openFrame());
    const probe = frame.contentWindow!.ssr;
    // Parsed from the server's markup before the element existed.
    expect(probe.before.defined).to.equal(false);
    expect(probe.before.statusFilter, 'status-filter in the server shell').to.exist;
    expect(probe.before.search, 'search in the server shell').to.exist;
    const el = await hydrated(probe);
    const root = el.shadowRoot!;
    // Hydration adopted the server's nodes: rendering anew would replace them (a flash).
    expect(root.querySelector('[part~="status-filter"]')).to.equal(probe.before.statusFilter);
    expect(root.querySelector('[part~="search"]')).to.equal(probe.before.search);
    expect(root.querySelectorAll('[part~="toolbar"]')).to.have.length(1);
    expect(root.querySelectorAll('[part~="status-filter"]')).to.have.length(1);
    expect(root.querySelectorAll('[part~="header"]')).to.have.length(1);
    expect(probe.errors).to.deep.equal([]);
  });

  it('works once hydrated: rows load from the API, and the filters are live', async () => {
    ({ frame } = await openFrame());
    const probe = frame.contentWindow!.ssr;
    const el = await hydrated(probe);
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('[part~="row"]').length > 0, 'no rows after hydration', {
      timeout: 10000,
    });
    expect(root.querySelector('[part~="loading"]')).to.equal(null);
    const select = root.querySelector<HTMLSelectElement>('[part~="status-filter"]')!;
    select.value = 'working';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.status).to.equal('working');
    expect(el.getAttribute('status')).to.equal('working');
    expect(root.querySelectorAll('[part~="toolbar"]')).to.have.length(1);
    expect(probe.errors).to.deep.equal([]);
  });
});
