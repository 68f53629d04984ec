import { expect } from '@open-wc/testing';
import { readFiltersFromUrl, withFiltersInUrl } from '../../src/model/url-filters.js';

describe('url-filters', () => {
  it('reads only the parameters under the prefix, and only those present', () => {
    const href = 'https://portal.example/runs?rensei-status=failed&rensei-health=blocking&status=x&b-search=y';
    expect(readFiltersFromUrl(href, 'rensei-')).to.deep.equal({ status: 'failed', health: 'blocking' });
    expect(readFiltersFromUrl(href, 'b-')).to.deep.equal({ search: 'y' });
    expect(readFiltersFromUrl('https://portal.example/', 'rensei-')).to.deep.equal({});
  });

  it('writes filters in, removes empty ones, and keeps every other part of the URL', () => {
    const href = 'https://portal.example/runs?tab=2&rensei-search=old#frag';
    const out = new URL(
      withFiltersInUrl(href, { status: 'working', search: '', health: 'attention', sort: '', since: '' }, 'rensei-'),
    );
    expect(out.searchParams.get('tab')).to.equal('2');
    expect(out.searchParams.get('rensei-status')).to.equal('working');
    expect(out.searchParams.has('rensei-search')).to.equal(false);
    expect(out.searchParams.get('rensei-health')).to.equal('attention');
    expect(out.hash).to.equal('#frag');
  });

  it('round-trips values that need encoding', () => {
    const filters = { status: 'paused & waiting', search: 'ENG-1?#', health: '', sort: '', since: '' };
    const href = withFiltersInUrl('https://portal.example/', filters, 'x.');
    expect(readFiltersFromUrl(href, 'x.')).to.deep.equal({ status: 'paused & waiting', search: 'ENG-1?#' });
  });
});
