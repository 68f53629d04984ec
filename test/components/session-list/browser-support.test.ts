/**
 * Below the README's browser minimums, the widget says the browser is too old, in its error state
 * and its `sessions-error`, instead of the wrong diagnosis a missing API would otherwise get ("it
 * may be refusing this page (CORS)"), and it neither sends a request nor retries.
 */
import { expect } from '@open-wc/testing';
import { installFakeFetch, page, rawSession, type FakeFetch } from '../../helpers/fake-fetch.js';
import { mount, part, text } from '../../helpers/element.js';
import type { SessionsErrorEvent } from '../../../src/events.js';

describe('<rensei-session-list> in a browser too old for it', () => {
  let fake: FakeFetch;
  const any = AbortSignal.any;
  afterEach(() => {
    AbortSignal.any = any;
    fake.restore();
  });

  it('says so in the error state when AbortSignal.any is missing (Safari before 17.4), and sends nothing', async () => {
    fake = installFakeFetch(() => page([rawSession()]));
    // @ts-expect-error: deleting what an older browser lacks
    delete AbortSignal.any;
    const errors: SessionsErrorEvent[] = [];
    const listen = (event: SessionsErrorEvent) => errors.push(event);
    document.addEventListener('sessions-error', listen);
    const el = await mount({ refreshInterval: 1 }).finally(() =>
      document.removeEventListener('sessions-error', listen),
    );
    const [event] = errors;
    expect(errors).to.have.length(1);
    expect(event!.detail.kind).to.equal('unsupported');
    expect(event!.detail.retryInMs).to.equal(null);
    const message = text(part(el, 'error'));
    expect(message).to.contain('This browser is too old for this widget');
    expect(message).to.contain('Safari 17.5');
    expect(message).not.to.contain('CORS');
    expect(fake.calls).to.have.length(0);
  });
});
