import { expect, fixture, html } from '@open-wc/testing';
import { RenseiSessionList } from '../../../src/index.js';
import { installFakeFetch, page, sessions, type FakeFetch } from '../../helpers/fake-fetch.js';
import { API, flush, mount, rowIds, settled } from '../../helpers/element.js';
import { countIntlBuilds } from '../../helpers/intl-counter.js';

describe('<rensei-session-list> loading', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it('fetches the first page on connect with its attributes', async () => {
    fake = installFakeFetch(() => page(sessions(2)));
    const el = await mount({ project: 'web', token: 'rsk_test_abcdefgh1234' });
    expect(fake.calls).to.have.length(1);
    const { url, init } = fake.calls[0]!;
    expect(url.origin + url.pathname).to.equal(`${API}/api/public/sessions`);
    expect(url.searchParams.get('project')).to.equal('web');
    expect(url.searchParams.has('projectId')).to.equal(false);
    expect((init.headers as Record<string, string>).Authorization).to.equal('Bearer rsk_test_abcdefgh1234');
    expect(rowIds(el)).to.have.length(2);
  });

  it('sends a proj_ id as projectId, and neither param for an empty project', async () => {
    fake = installFakeFetch(() => page([]));
    await mount({ project: 'proj_abc123' });
    expect(fake.calls[0]!.url.searchParams.get('projectId')).to.equal('proj_abc123');
    expect(fake.calls[0]!.url.searchParams.has('project')).to.equal(false);
    await mount({ project: '' });
    expect([...fake.calls[1]!.url.searchParams.keys()]).to.deep.equal([]);
  });

  it('uses the cookie (credentials: include) when no token is set', async () => {
    fake = installFakeFetch(() => page([]));
    await mount({ token: '' });
    const { init } = fake.calls[0]!;
    expect(init.credentials).to.equal('include');
    expect((init.headers as Record<string, string>).Authorization).to.equal(undefined);
  });

  it('refetches from scratch when the project changes, aborting what is in flight', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({ project: 'web' }, { settle: false });
    await flush(el);
    const first = fake.calls[0]!;
    el.project = 'platform';
    await flush(el);
    expect((first.init.signal as AbortSignal).aborted).to.equal(true);
    expect(fake.calls).to.have.length(2);
    expect(fake.calls[1]!.url.searchParams.get('project')).to.equal('platform');
  });

  it('never renders an answer for a project it no longer shows, whatever the order of answers', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({ project: 'web' }, { settle: false });
    await flush(el);
    el.project = 'platform';
    await flush(el);
    const [old, current] = fake.calls;
    const loaded = settled(el);
    current!.respond(page([{ ...sessions(1)[0], id: 'platform000000001' }]));
    await loaded;
    old!.respond(page([{ ...sessions(1)[0], id: 'web0000000000001' }])); // too late, and aborted
    await flush(el);
    expect(rowIds(el)).to.deep.equal(['platform000000001']);
  });

  it('refetches when the token or api-base changes', async () => {
    fake = installFakeFetch(() => page(sessions(1)));
    const el = await mount();
    el.token = 'rsk_test_another12345';
    await settled(el);
    el.apiBase = 'https://proxy.example/rensei';
    await settled(el);
    expect(fake.calls.map((call) => call.url.origin + call.url.pathname)).to.deep.equal([
      `${API}/api/public/sessions`,
      `${API}/api/public/sessions`,
      'https://proxy.example/rensei/api/public/sessions',
    ]);
    expect((fake.calls[1]!.init.headers as Record<string, string>).Authorization).to.equal(
      'Bearer rsk_test_another12345',
    );
  });

  it('builds its formatters, in its locale, while the first page is on its way', async () => {
    fake = installFakeFetch(() => 'hold');
    // A locale no other test uses: the formatter cache is shared by the whole run.
    const counter = countIntlBuilds('pt-PT');
    try {
      const el = await mount({ attrs: { locale: 'pt-PT' } }, { settle: false });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(fake.open).to.have.length(1);
      const warmed = counter.built;
      expect(warmed).to.be.greaterThan(0);
      // The rows it then shows (costs of a cent or more) need no formatter it has not built.
      const landed = settled(el);
      fake.open[0]!.respond(page(sessions(3, (index) => ({ costUsd: `${index + 1}.25` }))));
      await landed;
      expect(rowIds(el)).to.have.length(3);
      expect(counter.built).to.equal(warmed);
    } finally {
      counter.restore();
    }
  });

  it('keeps at most one request in flight: refresh() while one is pending is skipped', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({}, { settle: false });
    await flush(el);
    await el.refresh(); // skipped: resolves at once
    await el.refresh();
    expect(fake.calls).to.have.length(1);
    fake.calls[0]!.respond(page(sessions(1)));
    await flush(el);
    void el.refresh();
    await flush(el);
    expect(fake.calls).to.have.length(2);
  });

  it('aborts the request and makes no more after it is disconnected', async () => {
    fake = installFakeFetch(() => 'hold');
    const el = await mount({ refreshInterval: 0.05 }, { settle: false });
    await flush(el);
    el.remove();
    expect((fake.calls[0]!.init.signal as AbortSignal).aborted).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(fake.calls).to.have.length(1);
  });

  it('refreshes when reconnected, keeping its rows meanwhile', async () => {
    const rows = sessions(2);
    fake = installFakeFetch(() => page(rows));
    const el = await mount();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await settled(el);
    expect(fake.calls).to.have.length(2);
    expect(rowIds(el)).to.have.length(2);
  });

  it('honours properties set before the element is defined', async () => {
    fake = installFakeFetch(() => page(sessions(1)));
    const tag = 'lazy-session-list';
    const el = document.createElement(tag) as RenseiSessionList;
    Object.assign(el, {
      apiBase: 'https://lazy.example',
      project: 'lazy',
      token: 'rsk_test_lazylazylazy',
      refreshInterval: 0,
    });
    document.body.append(el);
    RenseiSessionList.define(tag);
    await settled(el);
    expect(fake.calls[0]!.url.origin).to.equal('https://lazy.example');
    expect(fake.calls[0]!.url.searchParams.get('project')).to.equal('lazy');
    expect((fake.calls[0]!.init.headers as Record<string, string>).Authorization).to.equal(
      'Bearer rsk_test_lazylazylazy',
    );
    expect(el.hasAttribute('token')).to.equal(false);
    el.remove();
  });

  it('registers once: defining the tag again, or importing again, does not throw', async () => {
    fake = installFakeFetch(() => page([]));
    expect(() => RenseiSessionList.define()).not.to.throw();
    await import('../../../src/index.js?again' as string).catch(() => import('../../../src/index.js'));
    expect(customElements.get('rensei-session-list')).to.equal(RenseiSessionList);
  });

  it('exposes the loaded sessions, read-only, in order', async () => {
    const rows = sessions(3);
    fake = installFakeFetch(() => page(rows));
    const el = await mount();
    expect(el.sessions.map((s) => s.id)).to.deep.equal(rows.map((row) => row.id));
    expect(el.sessions[0]).to.not.have.property('unknownField');
  });

  it('does not reflect the token into an attribute', async () => {
    fake = installFakeFetch(() => page([]));
    const el = await fixture<RenseiSessionList>(
      html`<rensei-session-list api-base=${API} refresh-interval="0"></rensei-session-list>`,
    );
    el.token = 'rsk_test_secretsecretsecret';
    await settled(el);
    expect(el.outerHTML).not.to.contain('rsk_test_secretsecretsecret');
  });
});
