/**
 * The leak tracker itself: a lifecycle test is only as good as what it can see. It must count a
 * listener left behind, and count one that ended (removed, `once` fired, signal aborted) as gone.
 */
import { expect } from '@open-wc/testing';
import { trackLeaks, type LeakTracker } from '../helpers/leak-tracker.js';

describe('hardening: the leak tracker', () => {
  let tracker: LeakTracker;
  let container: HTMLDivElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    tracker = trackLeaks();
  });
  afterEach(() => {
    tracker.restore();
    container.remove();
  });

  const listeners = () => tracker.counts().listeners;

  it('catches a listener left on window or document, and counts its removal', () => {
    const onResize = () => {};
    const onVisible = { handleEvent() {} };
    window.addEventListener('resize', onResize);
    document.addEventListener('visibilitychange', onVisible, { capture: true });
    expect(listeners()).to.equal(2);
    expect(tracker.describe()).to.contain('window resize');
    expect(tracker.describe()).to.contain('document visibilitychange');
    window.removeEventListener('resize', onResize);
    // Removed with another capture: the browser keeps it, so must the count.
    document.removeEventListener('visibilitychange', onVisible);
    expect(listeners()).to.equal(1);
    document.removeEventListener('visibilitychange', onVisible, true);
    expect(listeners()).to.equal(0);
  });

  it('counts the same listener added twice once, as the browser keeps it once', () => {
    const onScroll = () => {};
    window.addEventListener('scroll', onScroll);
    window.addEventListener('scroll', onScroll, { passive: true });
    expect(listeners()).to.equal(1);
    window.addEventListener('scroll', onScroll, true);
    expect(listeners()).to.equal(2);
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('scroll', onScroll, true);
    expect(listeners()).to.equal(0);
  });

  it('catches a listener left by a bare addEventListener(…) (on window)', () => {
    const onFocus = () => {};
    const bare = window.addEventListener;
    bare('focus', onFocus);
    expect(listeners()).to.equal(1);
    window.removeEventListener('focus', onFocus);
    expect(listeners()).to.equal(0);
  });

  it('catches a listener left on something else that outlives an element: the body, a media query', () => {
    const onClick = () => {};
    const query = matchMedia('(min-width: 1px)');
    const onChange = () => {};
    document.body.addEventListener('click', onClick);
    query.addEventListener('change', onChange);
    expect(listeners()).to.equal(2);
    document.body.removeEventListener('click', onClick);
    query.removeEventListener('change', onChange);
    expect(listeners()).to.equal(0);
  });

  it('counts a `once` listener as gone once it fired, and a `signal` one once the signal aborted', () => {
    window.addEventListener('tracker-test', () => {}, { once: true });
    const controller = new AbortController();
    document.addEventListener('tracker-test', () => {}, { signal: controller.signal });
    expect(listeners()).to.equal(2);
    window.dispatchEvent(new Event('tracker-test'));
    expect(listeners()).to.equal(1);
    controller.abort();
    expect(listeners()).to.equal(0);
    // An already-aborted signal adds nothing.
    window.addEventListener('tracker-test', () => {}, { signal: controller.signal });
    expect(listeners()).to.equal(0);
  });

  it("does not count an element's own listeners once it is out of the document, nor those in its shadow tree", () => {
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('button'));
    container.append(host);
    inner.addEventListener('click', () => {});
    host.addEventListener('keydown', () => {});
    expect(listeners()).to.equal(1); // the host, while it is in the document
    host.remove();
    expect(listeners()).to.equal(0);
    // Nor an AbortSignal's (they go with their request).
    new AbortController().signal.addEventListener('abort', () => {});
    expect(listeners()).to.equal(0);
  });

  it('catches deliberately leaked listeners the way a lifecycle test reads them', () => {
    const idle = tracker.counts();
    const motion = matchMedia('(prefers-reduced-motion: reduce)');
    // A widget-like object that, on disconnect, forgets its window and media-query listeners.
    const leaky = {
      onChange: () => {},
      connect() {
        window.addEventListener('resize', this.onChange);
        motion.addEventListener('change', this.onChange);
        document.addEventListener('visibilitychange', this.onChange);
      },
      disconnect() {
        document.removeEventListener('visibilitychange', this.onChange);
      },
    };
    leaky.connect();
    leaky.disconnect();
    expect(tracker.counts()).to.not.deep.equal(idle);
    expect(tracker.counts().listeners - idle.listeners).to.equal(2);
    expect(tracker.describe()).to.contain('window resize');
    expect(tracker.describe()).to.contain('MediaQueryList] change');
    window.removeEventListener('resize', leaky.onChange);
    motion.removeEventListener('change', leaky.onChange);
    expect(tracker.counts()).to.deep.equal(idle);
  });

  it('still counts timers, intervals and observed elements', () => {
    const idle = tracker.counts();
    const timeout = setTimeout(() => {}, 10_000);
    const interval = setInterval(() => {}, 10_000);
    const observer = new ResizeObserver(() => {});
    observer.observe(container);
    expect(tracker.counts()).to.deep.include({
      timeouts: idle.timeouts + 1,
      intervals: idle.intervals + 1,
      observed: idle.observed + 1,
    });
    clearTimeout(timeout);
    clearInterval(interval);
    observer.disconnect();
    expect(tracker.counts()).to.deep.equal(idle);
  });

  it('restores the originals', () => {
    tracker.restore();
    expect(EventTarget.prototype.addEventListener.toString()).to.contain('[native code]');
    expect(window.setTimeout.toString()).to.contain('[native code]');
    tracker = trackLeaks();
  });
});
