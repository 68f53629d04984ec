/**
 * Counts what outlives an element: timers, intervals and animation frames still pending,
 * listeners still on `window` and `document`, and elements still watched by a ResizeObserver.
 * It wraps the globals while installed (so it sees calls made by any code, read at call time).
 */
export interface LeakCounts {
  timeouts: number;
  intervals: number;
  frames: number;
  /** Listeners on `window` or `document` added and not removed. */
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
  const listeners = new Map<Key, string>();
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

  const watched = (target: EventTarget) => target === window || target === document;
  const keyOf = (target: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    const capture = typeof options === 'boolean' ? options : Boolean(options?.capture);
    return `${target === window ? 'window' : 'document'} ${type} ${idOf(listener as object)} ${capture}`;
  };
  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    if (listener && watched(this)) listeners.set(keyOf(this, type, listener, options), `${type} ${where()}`);
    return originals.addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (listener && watched(this)) listeners.delete(keyOf(this, type, listener, options));
    return originals.removeEventListener.call(this, type, listener, options);
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
      listeners: listeners.size,
      observed: [...observed.values()].reduce((sum, targets) => sum + targets.size, 0),
    }),
    describe: () => [...timeouts.values(), ...intervals.values(), ...listeners.values()].join('\n'),
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
