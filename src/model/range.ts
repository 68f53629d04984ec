/**
 * The `since` attribute, pure: `30m`, `24h`, `7d` back from now, or an ISO 8601 date or date-time.
 * A session is in range when it started at or after the cut; a queued one (not started) always is
 * (filterRows applies it, in its one pass).
 */
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };
/** `30m`, `24h`, `1.5d`: back from now. */
const RELATIVE = /^(\d+(?:\.\d+)?)([mhd])$/;

/** Why `since` is ignored, or the cut: ms since the epoch, or null for no range. */
export type Cut = number | null | 'bad';

/** The cut `since` names at `now`: null for `""`, `'bad'` for anything that is not a range. */
export function cutOf(since: string, now: number): Cut {
  const value = since.trim();
  if (!value) return null;
  const relative = RELATIVE.exec(value);
  if (relative) return now - Number(relative[1]) * UNIT_MS[relative[2]!]!;
  // A date first (`2026-06-01`), so a bare number or a word that Date.parse forgives is refused.
  const ms = /^\d{4}-\d\d-\d\d/.test(value) ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : 'bad';
}

/** True for a relative range, whose cut moves with the clock. */
export function isRelative(since: string): boolean {
  return RELATIVE.test(since.trim());
}
