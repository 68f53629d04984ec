/**
 * Counts the `Intl` formatters built for one locale: the three constructors are swapped for
 * proxies that count, until `restore()`. The formatter cache looks the constructors up at each
 * build, so it builds through these.
 */
export interface IntlCounter {
  /** Formatters built for the locale since install. */
  readonly built: number;
  restore(): void;
}

type Constructor = new (...args: never[]) => object;

export function countIntlBuilds(locale: string): IntlCounter {
  const originals = {
    NumberFormat: Intl.NumberFormat,
    DateTimeFormat: Intl.DateTimeFormat,
    RelativeTimeFormat: Intl.RelativeTimeFormat,
  };
  let built = 0;
  const counting = <C extends Constructor>(Base: C): C =>
    new Proxy(Base, {
      construct(target, args: unknown[], newTarget: Constructor) {
        if (args[0] === locale) built++;
        return Reflect.construct(target, args, newTarget);
      },
    });
  Object.assign(Intl, {
    NumberFormat: counting(originals.NumberFormat),
    DateTimeFormat: counting(originals.DateTimeFormat),
    RelativeTimeFormat: counting(originals.RelativeTimeFormat),
  });
  return {
    get built() {
      return built;
    },
    restore: () => Object.assign(Intl, originals),
  };
}
