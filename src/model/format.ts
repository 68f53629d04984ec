/** How values read on screen. Pure: the locale and the clock come in as arguments. */
import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl.js';

/** What a missing value shows as: never "undefined", "null" or "NaN". */
export const MISSING = '—';

const SMALLEST_SHOWN_COST = 0.0001;
/** Past this a cost shows as `>$999,999,999.99`: a server's 1e300 must not fill a cell with digits. */
const LARGEST_SHOWN_COST = 999_999_999.99;

// Options as constants: the formatter cache finds them by identity (see intl.ts).
const CURRENCY: Intl.NumberFormatOptions = { style: 'currency', currency: 'USD' };
const CURRENCY_TINY: Intl.NumberFormatOptions = { ...CURRENCY, maximumFractionDigits: 4 };
const CURRENCY_SUB_CENT: Intl.NumberFormatOptions = { ...CURRENCY, maximumSignificantDigits: 2 };
const COUNT: Intl.NumberFormatOptions = {};
const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto', style: 'short' };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'medium' };

/** A value there is something to show for: not null, NaN or infinite (those show as MISSING). */
const shown = (value: number | null): value is number => Number.isFinite(value);

/**
 * `$0.14`; sub-cent costs honestly (`$0.004`, never `$0.00`); below a hundredth of a cent,
 * `<$0.0001`; above a billion, `>$999,999,999.99`.
 */
export function formatCost(usd: number | null, locale?: string): string {
  if (!shown(usd)) return MISSING;
  const magnitude = Math.abs(usd);
  if (magnitude > LARGEST_SHOWN_COST) {
    return `${usd > 0 ? '>' : '<'}${numberFormat(locale, CURRENCY).format(Math.sign(usd) * LARGEST_SHOWN_COST)}`;
  }
  if (usd === 0 || magnitude >= 0.01) {
    // `|| 0`: -0 (zero, in every way that counts) would show as "-$0.00".
    return numberFormat(locale, CURRENCY).format(usd || 0);
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

/** Largest first: `[unit, its length]`. */
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
  ['second', SECOND],
];

/** Day to second, as `[format options, unit length]`. */
const UNITS = RELATIVE_UNITS.slice(2).map(([unit, ms]): [Intl.NumberFormatOptions, number] => [
  { style: 'unit', unit, unitDisplay: 'narrow' },
  ms,
]);

/** Past this a duration shows as `>9,999d`: a server's 1e300 ms must not fill a cell with digits. */
const LONGEST_SHOWN_DAYS = 9_999;

/** `45s`, `3m 12s`, `1h 4m`, `2d 3h`: the two largest units, through `Intl` units; `>9,999d` at most. */
export function formatDuration(ms: number | null, locale?: string): string {
  if (!shown(ms)) return MISSING;
  if (ms >= (LONGEST_SHOWN_DAYS + 1) * DAY) return `>${numberFormat(locale, UNITS[0]![0]).format(LONGEST_SHOWN_DAYS)}`;
  let rest = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  // Under a second: the seconds alone, which show 0.
  const first = UNITS.findIndex(([, size], i) => rest >= size || i === 3);
  const parts: string[] = [];
  for (const [options, size] of UNITS.slice(first, first + 2)) {
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

/** "3 min. ago", "in 2 hr." (clock skew), "now" under a second: the largest whole unit. */
export function formatRelativeTime(ms: number | null, now: number, locale?: string): string {
  if (!shown(ms)) return MISSING;
  const elapsed = now - ms;
  // Under a second: 0 (or -0) seconds, which is "now".
  const [unit, size] = RELATIVE_UNITS.find(([, size], i) => Math.abs(elapsed) >= size || i === 5)!;
  return relativeTimeFormat(locale, RELATIVE).format(-Math.trunc(elapsed / size), unit);
}

/** The absolute date and time in the viewer's own timezone. */
export function formatDateTime(ms: number | null, locale?: string): string {
  if (!shown(ms)) return MISSING;
  return dateTimeFormat(locale, DATE_TIME).format(ms);
}

/** The time of day, to the second ("updated 2:04:05 PM"). */
export function formatTime(ms: number, locale?: string): string {
  return dateTimeFormat(locale, TIME).format(ms);
}

/**
 * Builds the formatters a page of rows uses (building one costs far more than using it), so a
 * caller can do it while the first page is on its way instead of after it lands.
 */
export function warmFormatters(locale?: string): void {
  formatCost(1, locale);
  formatCount(1, locale);
  formatDuration(DAY + HOUR, locale);
  formatDuration(MINUTE + SECOND, locale);
  formatRelativeTime(0, 0, locale);
  formatDateTime(0, locale);
  formatTime(0, locale);
}

/** Words longer than this are cut: a status word of hundreds of KB made the status select slow. */
export const LONGEST_LABEL = 80;

/** `text`, or its first characters and "…" when it is longer than `max`. */
export function clip(text: string, max = LONGEST_LABEL): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
