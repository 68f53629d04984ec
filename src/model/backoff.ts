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
