/** How values read on screen. Pure: the locale and the clock come in as arguments. */
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl.js';

/** What a missing value shows as: never "undefined", "null" or "NaN". */
export const MISSING = '—';

const SMALLEST_SHOWN_COST = 0.0001;

/**
 * `$0.14`; sub-cent costs honestly (`$0.004`, never `$0.00`); below a hundredth of a cent,
 * `<$0.0001`.
 */
export function formatCost(usd: number | null, locale?: string): string {
  if (usd === null || !Number.isFinite(usd)) return MISSING;
  const magnitude = Math.abs(usd);
  if (usd === 0 || magnitude >= 0.01) {
    return numberFormat(locale, { style: 'currency', currency: 'USD' }).format(usd);
  }
  if (usd > 0 && magnitude < SMALLEST_SHOWN_COST) {
    return `<${numberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 }).format(SMALLEST_SHOWN_COST)}`;
  }
  return numberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    maximumSignificantDigits: 2,
  }).format(usd);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = [
  { unit: 'day', ms: DAY },
  { unit: 'hour', ms: HOUR },
  { unit: 'minute', ms: MINUTE },
  { unit: 'second', ms: SECOND },
] as const;

/** `45s`, `3m 12s`, `1h 4m`, `2d 3h`: the two largest units, through `Intl` units. */
export function formatDuration(ms: number | null, locale?: string): string {
  if (ms === null || !Number.isFinite(ms)) return MISSING;
  let rest = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  const first = UNITS.findIndex(({ ms: size }) => rest >= size);
  if (first === -1) return numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(0);
  const parts: string[] = [];
  for (const { unit, ms: size } of UNITS.slice(first, first + 2)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length === 0) {
      parts.push(numberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(amount));
    }
  }
  return parts.join(' ');
}

export function formatCount(count: number, locale?: string): string {
  return numberFormat(locale, {}).format(count);
}

const RELATIVE_UNITS = [
  { unit: 'year', ms: 365 * DAY },
  { unit: 'month', ms: 30 * DAY },
  { unit: 'day', ms: DAY },
  { unit: 'hour', ms: HOUR },
  { unit: 'minute', ms: MINUTE },
  { unit: 'second', ms: SECOND },
] as const;

/** "3 min. ago", "in 2 hr." (clock skew), "now" under a second: the largest whole unit. */
export function formatRelativeTime(ms: number | null, now: number, locale?: string): string {
  if (ms === null || !Number.isFinite(ms)) return MISSING;
  const elapsed = now - ms;
  const format = relativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  const match = RELATIVE_UNITS.find(({ ms: size }) => Math.abs(elapsed) >= size);
  if (!match) return format.format(0, 'second');
  return format.format(-Math.trunc(elapsed / match.ms), match.unit);
}

/** The absolute date and time in the viewer's own timezone. */
export function formatDateTime(ms: number | null, locale?: string): string {
  if (ms === null || !Number.isFinite(ms)) return MISSING;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}
