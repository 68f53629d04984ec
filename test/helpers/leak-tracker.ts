/**
 * Counts what outlives an element: timers, intervals and animation frames still pending,
 * listeners still on something that outlives it, and elements still watched by a ResizeObserver.
 * It wraps the globals while installed (so it sees calls made by any code, read at call time).
 *
 * Listeners are counted as the browser keeps them: an addition counts once (adding the same one
 * again is a no-op), and it ends with `removeEventListener`, with its `once` firing, or with its
 * `signal` aborting. Counted are those on `window`, `document`, a node of the document's own tree
 * that is still in it (`document.body`, an ancestor that scrolls), or any other target
 * (`matchMedia(…)`, `visualViewport`); not those on a node in a shadow tree or out of the document
 * (the element's own, which go with it), nor on an AbortSignal (which goes with its request).
 */
export interface LeakCounts {
  timeouts: number;
  intervals: number;
  frames: number;
  /** Listeners added and not removed (nor ended) on something that outlives the element (above). */
  listeners: number;
  /** Elements observed by a ResizeObserver that was not disconnected (nor unobserved them). */
  observed: number;
}

export interface LeakTracker {
  counts(): LeakCounts;
  /** What is still active, for a failure message. */
  describe(): string;
  restore(): void;
}

type Key = string;

export function trackLeaks(): LeakTracker {
  type Schedule = (handler: TimerHandler, ms?: number, ...args: unknown[]) => number;
  const originals = {
    setTimeout: window.setTimeout as unknown as Schedule,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval as unknown as Schedule,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
    ResizeObserver: window.ResizeObserver,
  };
  const timeouts = new Map<number, string>();
  const intervals = new Map<number, string>();
  const frames = new Set<number>();
  const listeners = new Map<Key, { target: EventTarget; text: string }>();
  const observed = new Map<ResizeObserver, Set<Element>>();
  const ids = new WeakMap<object, number>();
  let nextId = 1;
  const idOf = (value: object) => {
    if (!ids.has(value)) ids.set(value, nextId++);
    return ids.get(value)!;
  };
  const where = () => new Error().stack?.split('\n').slice(3, 6).join(' | ') ?? '';

  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = originals.setTimeout.call(
      window,
      (...rest: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...rest);
      },
      ms,
      ...args,
    );
    timeouts.set(id, `setTimeout(${ms}) ${where()}`);
    return id;
  }) as typeof setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) timeouts.delete(id);
    originals.clearTimeout.call(window, id);
  }) as typeof clearTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id: number = originals.setInterval.call(window, handler, ms, ...args);
    intervals.set(id, `setInterval(${ms}) ${where()}`);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    originals.clearInterval.call(window, id);
  }) as typeof clearInterval;
  window.requestAnimationFrame = (callback: FrameRequestCallback) => {
    const id = originals.requestAnimationFrame.call(window, (time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  };
  window.cancelAnimationFrame = (id: number) => {
    frames.delete(id);
    originals.cancelAnimationFrame.call(window, id);
  };

  const nameOf = (target: EventTarget) =>
    target === window ? 'window' : target === document ? 'document' : String((target as Node).nodeName ?? target);
  const keyOf = (target: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return `${idOf(target)} ${type} ${idOf(listener as object)} ${capture}`;
  };
  /** What outlives an element: see the top of this file. */
  const outlives = (target: EventTarget) =>
    !(target instanceof Node) || target === document || (target.isConnected && target.getRootNode() === document);
  // `this` is undefined for a bare `addEventListener(…)`, which the browser runs on `window`.
  EventTarget.prototype.addEventListener = function (this: EventTarget | undefined, type, listener, options) {
    const target = this ?? window;
    const key = listener && !(target instanceof AbortSignal) ? keyOf(target, type, listener, options) : undefined;
    const signal = typeof options === 'object' ? options.signal : undefined;
    // The browser adds nothing for a listener it already has, nor for an aborted signal.
    const adds = key !== undefined && !listeners.has(key) && !signal?.aborted;
    const result = originals.addEventListener.call(target, type, listener, options);
    if (adds) {
      const entry = { target, text: `${nameOf(target)} ${type} ${where()}` };
      listeners.set(key, entry);
      const end = () => {
        if (listeners.get(key) === entry) listeners.delete(key);
      };
      // Added after the listener, so it runs after it in the same dispatch.
      if (typeof options === 'object' && options.once) {
        originals.addEventListener.call(target, type, end, { once: true, capture: Boolean(options.capture) });
      }
      if (signal) originals.addEventListener.call(signal, 'abort', end, { once: true });
    }
    return result;
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget | undefined, type, listener, options) {
    const target = this ?? window;
    if (listener) listeners.delete(keyOf(target, type, listener, options));
    return originals.removeEventListener.call(target, type, listener, options);
  };

  window.ResizeObserver = class extends originals.ResizeObserver {
    constructor(callback: ResizeObserverCallback) {
      super(callback);
      observed.set(this, new Set());
    }
    override observe(target: Element, options?: ResizeObserverOptions) {
      observed.get(this)!.add(target);
      super.observe(target, options);
    }
    override unobserve(target: Element) {
      observed.get(this)!.delete(target);
      super.unobserve(target);
    }
    override disconnect() {
      observed.get(this)!.clear();
      super.disconnect();
    }
  };

  return {
    counts: () => ({
      timeouts: timeouts.size,
      intervals: intervals.size,
      frames: frames.size,
      listeners: [...listeners.values()].filter(({ target }) => outlives(target)).length,
      observed: [...observed.values()].reduce((sum, targets) => sum + targets.size, 0),
    }),
    describe: () =>
      [
        ...timeouts.values(),
        ...intervals.values(),
        ...[...listeners.values()].filter(({ target }) => outlives(target)).map(({ text }) => text),
      ].join('\n'),
    restore() {
      Object.assign(window, {
        setTimeout: originals.setTimeout,
        clearTimeout: originals.clearTimeout,
        setInterval: originals.setInterval,
        clearInterval: originals.clearInterval,
        requestAnimationFrame: originals.requestAnimationFrame,
        cancelAnimationFrame: originals.cancelAnimationFrame,
        ResizeObserver: originals.ResizeObserver,
      });
      EventTarget.prototype.addEventListener = originals.addEventListener;
      EventTarget.prototype.removeEventListener = originals.removeEventListener;
    },
  };
}
