import { expect } from '@open-wc/testing';
import { mountOnMock, resetMock } from '../helpers/mock-server.js';
import { part, parts, rowIds, text } from '../helpers/element.js';

describe('<rensei-session-list> against the mock API', () => {
  beforeEach(() => resetMock());

  it('shows the first page of a project from the mock, with health from its simulated fleet', async () => {
    const el = await mountOnMock({ project: 'web' });
    expect(el.sessions).to.have.length(50);
    expect(rowIds(el).length).to.be.greaterThan(0);
    expect(part(el, 'load-more')).to.exist;
    const colours = new Set(parts(el, 'health-dot').map((dot) => dot.dataset.health));
    expect(colours.has('green')).to.equal(true);
  });

  it('pages through the mock with its opaque cursors, without duplicates', async () => {
    const el = await mountOnMock({ project: 'web' });
    await el.loadMore();
    await el.loadMore();
    await el.updateComplete;
    expect(el.sessions).to.have.length(150);
    expect(new Set(el.sessions.map((s) => s.id)).size).to.equal(150);
  });

  it('shows the mock 401 without a key as an auth error', async () => {
    const el = await mountOnMock({ project: 'web', token: '' });
    expect(text(part(el, 'error'))).to.contain('check the API key, or sign in');
  });
});
