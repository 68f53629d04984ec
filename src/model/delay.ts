/**
 * The one place every scheduled delay goes through. `setTimeout` takes a signed 32-bit delay: one
 * longer than 2^31−1 ms (about 24.8 days) wraps to about 0 and fires at once, which in a retry
 * loop is a request storm. Every number here may have come from a server or a host's attribute.
 */

/** The longest delay `setTimeout` honours. */
export const MAX_DELAY_MS = 2 ** 31 - 1;
/** A server's `Retry-After` is obeyed up to an hour; past that the widget tries again anyway. */
export const RETRY_AFTER_CAP_MS = 3_600_000;
/** Live refresh is never more often than this; a shorter `refresh-interval` is raised to it. */
export const MIN_REFRESH_INTERVAL_S = 1;
/** A request is given at least this long to answer. */
export const MIN_TIMEOUT_S = 1;
export const DEFAULT_TIMEOUT_MS = 30_000;
/** On becoming visible (or leading), refresh within this long, spread so widgets on one page don't fire together. */
export const WAKE_SPREAD_MS = 1_000;

/**
 * A delay `setTimeout` keeps: whole ms, 0 to MAX_DELAY_MS. Infinity is "as late as possible", not
 * 0. NaN (a bug upstream, never a wish) is `fallback`, as late as possible unless told: a NaN that
 * became 0 would fire at once, every time, and a bug should cost a stall, never a storm.
 */
export function clampDelay(ms: number, fallback = MAX_DELAY_MS): number {
  const value = Number.isNaN(ms) ? fallback : ms;
  // Written so NaN fails every test: a NaN fallback is as late as possible too.
  if (!(value >= 0)) return value < 0 ? 0 : MAX_DELAY_MS;
  return Math.min(MAX_DELAY_MS, Math.round(value));
}

/** A setting in seconds, as a number: what `Number()` makes of it, NaN for anything else. */
const secondsOf = (seconds: unknown): number =>
  typeof seconds === 'number' || typeof seconds === 'string' ? Number(seconds) : NaN;

/**
 * `refresh-interval` (seconds) as ms: 0 = live refresh off, as are a negative, NaN or infinite
 * setting (no refresh, rather than a guess at one). Otherwise at least MIN_REFRESH_INTERVAL_S
 * (see `isBelowRefreshFloor`, so the caller can say so), and at most MAX_DELAY_MS.
 */
export function refreshIntervalMs(seconds: unknown): number {
  const value = secondsOf(seconds);
  if (!(value > 0 && value < Infinity)) return 0;
  return clampDelay(Math.max(value, MIN_REFRESH_INTERVAL_S) * 1000);
}

/** True when a refresh interval is on but shorter than the floor, so it was raised to it. */
export function isBelowRefreshFloor(seconds: unknown): boolean {
  const value = secondsOf(seconds);
  return value > 0 && value < MIN_REFRESH_INTERVAL_S;
}

/**
 * A request timeout setting (seconds) as ms: 0, empty, negative or NaN is the default 30 s; a
 * positive value is at least MIN_TIMEOUT_S and at most MAX_DELAY_MS (Infinity included).
 */
export function timeoutMs(seconds: unknown): number {
  const value = secondsOf(seconds);
  if (!(value > 0)) return DEFAULT_TIMEOUT_MS;
  return clampDelay(Math.max(value, MIN_TIMEOUT_S) * 1000);
}
