/** Retry timing: exponential with jitter, capped, so many widgets never retry in lockstep. */
import { clampDelay } from './delay.js';

/** Spreads `ms` over ±20 %; never past what `setTimeout` can wait (see delay.ts). */
export function jitter(ms: number, random: () => number = Math.random): number {
  return clampDelay(ms * (0.8 + 0.4 * random()));
}

/**
 * Delay before retry number `failures` (1 = the first retry): base · 2^(failures-1), capped,
 * then spread over 60–100 % of that, so it never passes the cap (nor what `setTimeout` can wait).
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const capped = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return clampDelay(capped * (0.6 + 0.4 * random()));
}

/** Live refresh off, 429/503 are still retried by themselves this many times. */
const MAX_AUTO_RETRIES = 4;
const RETRY_BASE_MS = 2_000;
const RETRY_CAP_MS = 5 * 60_000;
/** Failures that no retry can cure: a person (or the host) has to change something first. */
const FINAL = ['auth', 'not-found', 'insecure', 'config', 'unsupported'];

/**
 * How long after failure number `failures` the next automatic attempt comes, or null for none.
 * A 429/503 waits the server's `Retry-After` (no sooner than `floorMs`: a `Retry-After: 0` sent
 * every time must not make a retry every half second), else backs off from 2 s; it is retried
 * by itself a few times even with live refresh off. Anything else is retried only by live
 * refresh (`intervalMs` > 0), backing off from its interval.
 */
export function retryDelay(
  error: { kind: string; retryAfterMs: number | null },
  failures: number,
  intervalMs: number,
  floorMs: number,
): number | null {
  if (FINAL.includes(error.kind)) return null;
  if (error.kind === 'rate-limited') {
    if (intervalMs === 0 && failures > MAX_AUTO_RETRIES) return null;
    return error.retryAfterMs !== null
      ? Math.max(error.retryAfterMs + jitter(500), floorMs)
      : backoffDelay(failures, RETRY_BASE_MS, RETRY_CAP_MS);
  }
  if (intervalMs === 0) return null;
  return backoffDelay(failures, intervalMs, Math.max(intervalMs, RETRY_CAP_MS));
}

/** `ms` spread ±10 %, so widgets, tabs and pages that refresh at one interval drift apart. */
export const spread = (ms: number): number => ms * (0.9 + 0.2 * Math.random());
