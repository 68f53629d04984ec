/** How values read on screen. Pure: the locale and the clock come in as arguments. */
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl.js';

/** What a missing value shows as: never "undefined", "null" or "NaN". */
export const MISSING = '—';

const SMALLEST_SHOWN_COST = 0.0001;

// Options as constants: the formatter cache finds them by identity (see intl.ts).
const CURRENCY: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD' };
const CURRENCY_TINY: Intl.NumberFormatOptions = { ...CURRENCY, maximumFractionDigits: 4 };
const CURRENCY_SUB_CENT: Intl.NumberFormatOptions = { ...CURRENCY, maximumSignificantDigits: 2 };
const COUNT: Intl.NumberFormatOptions = {};
const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto', style: 'short' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };
const unitOptions = (unit: string): Intl.NumberFormatOptions => ({ style: 'unit', unit, unitDisplay: 'narrow' });

/**
 * `$0.14`; sub-cent costs honestly (`$0.004`, never `$0.00`); below a hundredth of a cent,
 * `<$0.0001`.
 */
export function formatCost(usd: number | null, locale?: string): string {
  if (usd === null || !Number.isFinite(usd)) return MISSING;
  const magnitude = Math.abs(usd);
  if (usd === 0 || magnitude >= 0.01) {
    return numberFormat(locale, CURRENCY).format(usd);
  }
  if (usd > 0 && magnitude < SMALLEST_SHOWN_COST) {
    return `<${numberFormat(locale, CURRENCY_TINY).format(SMALLEST_SHOWN_COST)}`;
  }
  return numberFormat(locale, CURRENCY_SUB_CENT).format(usd);
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const UNITS = [
  { options: unitOptions('day'), ms: DAY },
  { options: unitOptions('hour'), ms: HOUR },
  { options: unitOptions('minute'), ms: MINUTE },
  { options: unitOptions('second'), ms: SECOND },
] as const;

/** `45s`, `3m 12s`, `1h 4m`, `2d 3h`: the two largest units, through `Intl` units. */
export function formatDuration(ms: number | null, locale?: string): string {
  if (ms === null || !Number.isFinite(ms)) return MISSING;
  let rest = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  const first = UNITS.findIndex(({ ms: size }) => rest >= size);
  if (first === -1) return numberFormat(locale, UNITS[3].options).format(0);
  const parts: string[] = [];
  for (const { options, ms: size } of UNITS.slice(first, first + 2)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length === 0) {
      parts.push(numberFormat(locale, options).format(amount));
    }
  }
  return parts.join(' ');
}

export function formatCount(count: number, locale?: string): string {
  return numberFormat(locale, COUNT).format(count);
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
  const format = relativeTimeFormat(locale, RELATIVE);
  const match = RELATIVE_UNITS.find(({ ms: size }) => Math.abs(elapsed) >= size);
  if (!match) return format.format(0, 'second');
  return format.format(-Math.trunc(elapsed / match.ms), match.unit);
}

/** The absolute date and time in the viewer's own timezone. */
export function formatDateTime(ms: number | null, locale?: string): string {
  if (ms === null || !Number.isFinite(ms)) return MISSING;
  return dateTimeFormat(locale, DATE_TIME).format(ms);
}

/** The time of day, to the second ("updated 2:04:05 PM"). */
export function formatTime(ms: number, locale?: string): string {
  return dateTimeFormat(locale, TIME).format(ms);
}
