import { expect } from '@open-wc/testing';
import { installFakeFetch, page, rawSession, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, parts, rowIds, settled, text } from '../../helpers/element.js';

function fleet() {
  return [
    rawSession({
      id: 'a000000000000001',
      issueIdentifier: 'ENG-101',
      status: 'working',
      completedAt: null,
      health: { healthStatus: 'green' },
    }),
    rawSession({
      id: 'a000000000000002',
      issueIdentifier: 'ENG-102',
      status: 'working',
      completedAt: null,
      health: { stuckSignals: ['LongRunning'] },
    }),
    rawSession({
      id: 'a000000000000003',
      issueIdentifier: 'OPS-7',
      status: 'failed',
      health: { healthStatus: 'red', stuckSignals: ['ClaimStuck'] },
    }),
    rawSession({
      id: 'a000000000000004',
      issueIdentifier: 'eng-200',
      status: 'completed',
      health: { healthStatus: 'green' },
    }),
    rawSession({ id: 'a000000000000005', issueIdentifier: 'DOC-1', status: 'paused', health: null }),
  ];
}

describe('<rensei-session-list> filters', () => {
  let fake: FakeFetch;
  afterEach(() => fake.restore());

  it('lists the five known statuses, then others present, each with its count', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount();
    const options = [...part<HTMLSelectElement>(el, 'status-filter')!.options];
    expect(options.map((option) => option.value)).to.deep.equal([
      '',
      'queued',
      'working',
      'completed',
      'failed',
      'stopped',
      'paused',
    ]);
    expect(options.map((option) => text(option))).to.deep.equal([
      'All statuses',
      'Queued (0)',
      'Working (2)',
      'Completed (1)',
      'Failed (1)',
      'Stopped (0)',
      'paused (1)',
    ]);
  });

  it('filters by status from the select, and reflects it to the attribute', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount();
    const select = part<HTMLSelectElement>(el, 'status-filter')!;
    select.value = 'working';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a000000000000001', 'a000000000000002']);
    expect(el.getAttribute('status')).to.equal('working');
  });

  it('filters by an identifier prefix, case-insensitive, and reflects it', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount();
    const input = part<HTMLInputElement>(el, 'search')!;
    input.value = 'eng-1';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a000000000000001', 'a000000000000002']);
    expect(el.getAttribute('search')).to.equal('eng-1');
    input.value = 'ENG';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(3);
  });

  it('filters by health: attention is yellow and red, blocking is red; reflected', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount();
    const select = part<HTMLSelectElement>(el, 'health-filter')!;
    select.value = 'attention';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a000000000000002', 'a000000000000003']);
    expect(el.getAttribute('health')).to.equal('attention');
    el.setAttribute('health', 'blocking');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['a000000000000003']);
    expect(select.value).to.equal('blocking');
  });

  it('applies filters set by the host as attributes, including a status no row has yet', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount({ attrs: { status: 'stopped' } });
    expect(part<HTMLSelectElement>(el, 'status-filter')!.value).to.equal('stopped');
    el.setAttribute('status', 'archived');
    await el.updateComplete;
    expect(part<HTMLSelectElement>(el, 'status-filter')!.value).to.equal('archived');
    expect(part(el, 'empty')).to.exist;
  });

  // Issue 14: health="bogus" left the select blank and the footer said "of 5 loaded".
  it('shows a health value it does not know as given, and does not count it as a filter', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount({ attrs: { health: 'bogus' } });
    const select = part<HTMLSelectElement>(el, 'health-filter')!;
    expect(select.value).to.equal('bogus');
    expect(select.selectedOptions[0]!.textContent!.trim()).to.equal('bogus');
    expect(rowIds(el)).to.have.length(5);
    expect(text(part(el, 'footer'))).not.to.contain('loaded');
  });

  it('tells a project with no sessions apart', async () => {
    fake = installFakeFetch(() => page([]));
    const el = await mount();
    expect(part(el, 'empty')!.dataset.empty).to.equal('project');
    expect(text(part(el, 'empty'))).to.contain('no sessions yet');
    expect(part(el, 'load-more')).to.equal(null);
  });

  it('says which filters match nothing, and clears them', async () => {
    fake = installFakeFetch(() => page(fleet()));
    const el = await mount({ attrs: { status: 'queued', search: 'ENG' } });
    const empty = part(el, 'empty')!;
    expect(empty.dataset.empty).to.equal('filtered');
    expect(text(empty)).to.contain('No sessions match these filters');
    expect(text(empty)).to.contain('status Queued');
    expect(text(empty)).to.contain('“ENG”');
    part(el, 'clear-filters')!.click();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(5);
    expect(el.hasAttribute('status') && el.getAttribute('status') !== '').to.equal(false);
  });

  it('offers load more when none of the loaded sessions match but more exist', async () => {
    let call = 0;
    fake = installFakeFetch(() =>
      ++call === 1 ? page(fleet(), 'page-2') : page([rawSession({ status: 'queued', id: 'b000000000000001' })]),
    );
    const el = await mount({ attrs: { status: 'queued' } });
    const empty = part(el, 'empty')!;
    expect(empty.dataset.empty).to.equal('loaded');
    expect(text(empty)).to.contain('None of the 5 loaded sessions match');
    expect(parts(el, 'load-more')).to.have.length(1);
    part(el, 'load-more')!.click();
    await settled(el);
    expect(rowIds(el)).to.deep.equal(['b000000000000001']);
  });
});
