/**
 * Memoized `Intl` formatters. Building one costs far more than using it, and a refresh formats
 * every visible row, so each (locale, options) pair is built once. Callers pass options that
 * they never mutate.
 */
/**
 * Found by the options object first (callers pass constants: no key to build per call, and a
 * window of rows formats hundreds of values a render), then by value, so equal options share one.
 */
function memo<F, O extends object>(make: (locale: string | undefined, options: O) => F) {
  const byValue = new Map<string, F>();
  const byObject = new WeakMap<O, Map<string | undefined, F>>();
  return (locale: string | undefined, options: O): F => {
    let byLocale = byObject.get(options);
    if (!byLocale) byObject.set(options, (byLocale = new Map()));
    let format = byLocale.get(locale);
    if (!format) {
      const key = JSON.stringify([locale, options]);
      format = byValue.get(key) ?? make(locale, options);
      byValue.set(key, format);
      byLocale.set(locale, format);
    }
    return format;
  };
}

export const numberFormat = memo((locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options));
export const dateTimeFormat = memo(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
export const relativeTimeFormat = memo(
  (locale, options: Intl.RelativeTimeFormatOptions) => new Intl.RelativeTimeFormat(locale, options),
);

/**
 * `tag` as `Intl` reads it (`en_US` and stray spaces forgiven), or undefined when it is empty or
 * malformed: a bad tag would otherwise make every formatter throw.
 */
export function usableLocale(tag: string | null | undefined): string | undefined {
  try {
    return tag?.trim() ? Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'))[0] : undefined;
  } catch {
    return undefined;
  }
}
