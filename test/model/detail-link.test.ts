import { expect } from '@open-wc/testing';
import { detailHref } from '../../src/model/detail-link.js';

describe('detail-link', () => {
  const base = 'https://portal.example/app/';

  it('fills {id} in an absolute or relative template', () => {
    expect(detailHref('https://app.rensei.ai/sessions/{id}', 'a1b2', base)).to.equal(
      'https://app.rensei.ai/sessions/a1b2',
    );
    expect(detailHref('sessions/{id}?tab=log', 'a1b2', base)).to.equal(
      'https://portal.example/app/sessions/a1b2?tab=log',
    );
  });

  it('encodes the id, so a hostile id stays one path segment', () => {
    expect(detailHref('/s/{id}', '../../admin?x=1#y', base)).to.equal(
      'https://portal.example/s/..%2F..%2Fadmin%3Fx%3D1%23y',
    );
  });

  it('makes no link without a template, or for a non-http(s) one', () => {
    expect(detailHref('', 'a1b2', base)).to.equal(null);
    expect(detailHref('javascript:alert({id})', 'a1b2', base)).to.equal(null);
    expect(detailHref('data:text/html,{id}', 'a1b2', base)).to.equal(null);
  });
});
