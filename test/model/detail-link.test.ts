import { expect } from '@open-wc/testing';
import { detailHref, isDotSegment } from '../../src/model/detail-link.js';

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

  describe('dot-segment ids', () => {
    const template = 'https://app.rensei.ai/acme/web/sessions/{id}';

    it('makes no link for an id that is a dot segment, as sent or once decoded', () => {
      // `..` would link to the project's page, `.` to the list: URL parsers resolve both, and read
      // `%2e` as a dot.
      for (const id of ['.', '..', '%2e', '%2E', '%2e%2e', '%2E%2e', '.%2E', '%2e.']) {
        expect(detailHref(template, id, base), id).to.equal(null);
      }
    });

    it('keeps an id with dots and more in the template path, encoded whole', () => {
      expect(detailHref(template, '../x', base)).to.equal('https://app.rensei.ai/acme/web/sessions/..%2Fx');
      expect(detailHref(template, 'a/b?c#d', base)).to.equal('https://app.rensei.ai/acme/web/sessions/a%2Fb%3Fc%23d');
      expect(detailHref(template, '...', base)).to.equal('https://app.rensei.ai/acme/web/sessions/...');
      expect(detailHref(template, 'v1.2', base)).to.equal('https://app.rensei.ai/acme/web/sessions/v1.2');
      for (const id of ['../x', 'a/b?c#d', '%2e%2e%2fx', '..%2F..']) {
        const url = new URL(detailHref(template, id, base)!);
        expect(url.pathname.startsWith('/acme/web/sessions/'), id).to.equal(true);
        expect(url.pathname.split('/'), id).to.have.length(5);
        expect(url.search + url.hash, id).to.equal('');
      }
    });
  });
});

describe('detail-link: isDotSegment', () => {
  it('is true for ".", "..", and their percent-encoded forms in any case', () => {
    for (const id of ['.', '..', '%2e', '%2E', '%2e%2e', '%2E%2E', '.%2e', '%2E.']) {
      expect(isDotSegment(id), id).to.equal(true);
    }
  });

  it('is false for anything else', () => {
    for (const id of ['', '...', '%2e%2e%2e', 'a1b2c3d4e5f6a7b8', '../x', '.a', 'a.', '%2', '%2f', ' ..', '.. ']) {
      expect(isDotSegment(id), JSON.stringify(id)).to.equal(false);
    }
  });
});
