import { expect } from '@open-wc/testing';
import { dateTimeFormat, numberFormat, relativeTimeFormat, usableLocale } from '../../src/model/intl.js';

describe('intl: memoized formatters', () => {
  it('returns the same NumberFormat for the same locale and options', () => {
    const a = numberFormat('en-US', { style: 'currency', currency: 'USD' });
    const b = numberFormat('en-US', { style: 'currency', currency: 'USD' });
    expect(a).to.be.instanceOf(Intl.NumberFormat);
    expect(b).to.equal(a);
  });

  it('returns a different NumberFormat for a different locale', () => {
    const en = numberFormat('en-US', { style: 'currency', currency: 'USD' });
    const de = numberFormat('de-DE', { style: 'currency', currency: 'USD' });
    expect(de).to.not.equal(en);
    expect(en.resolvedOptions().locale).to.equal('en-US');
    expect(de.resolvedOptions().locale).to.equal('de-DE');
  });

  it('returns a different NumberFormat for different options', () => {
    const two = numberFormat('en-US', { maximumFractionDigits: 2 });
    const four = numberFormat('en-US', { maximumFractionDigits: 4 });
    expect(four).to.not.equal(two);
    expect(two.format(1.23456)).to.equal('1.23');
    expect(four.format(1.23456)).to.equal('1.2346');
  });

  it('memoizes the default locale separately from an explicit one', () => {
    const byDefault = numberFormat(undefined, { style: 'percent' });
    expect(numberFormat(undefined, { style: 'percent' })).to.equal(byDefault);
    expect(numberFormat('fr-FR', { style: 'percent' })).to.not.equal(byDefault);
  });

  it('builds formatters that honour their options', () => {
    expect(numberFormat('en-US', { style: 'currency', currency: 'USD' }).format(0.14)).to.equal('$0.14');
  });

  it('memoizes DateTimeFormat the same way', () => {
    const a = dateTimeFormat('en-US', { dateStyle: 'short' });
    expect(a).to.be.instanceOf(Intl.DateTimeFormat);
    expect(dateTimeFormat('en-US', { dateStyle: 'short' })).to.equal(a);
    expect(dateTimeFormat('en-US', { dateStyle: 'long' })).to.not.equal(a);
    expect(dateTimeFormat('de-DE', { dateStyle: 'short' })).to.not.equal(a);
  });

  it('memoizes RelativeTimeFormat the same way', () => {
    const a = relativeTimeFormat('en-US', { numeric: 'auto' });
    expect(a).to.be.instanceOf(Intl.RelativeTimeFormat);
    expect(relativeTimeFormat('en-US', { numeric: 'auto' })).to.equal(a);
    expect(relativeTimeFormat('en-US', { numeric: 'always' })).to.not.equal(a);
    expect(a.format(-1, 'day')).to.equal('yesterday');
  });

  it('keeps the three caches apart', () => {
    const options = {};
    const n = numberFormat('en-US', options);
    const d = dateTimeFormat('en-US', options);
    const r = relativeTimeFormat('en-US', options);
    expect(n).to.be.instanceOf(Intl.NumberFormat);
    expect(d).to.be.instanceOf(Intl.DateTimeFormat);
    expect(r).to.be.instanceOf(Intl.RelativeTimeFormat);
  });

  it('finds a formatter by its options object without building a key on every call', () => {
    const options: Intl.NumberFormatOptions = { minimumIntegerDigits: 3 };
    const first = numberFormat('en-US', options);
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof stringify;
    try {
      for (let i = 0; i < 100; i++) expect(numberFormat('en-US', options)).to.equal(first);
    } finally {
      JSON.stringify = stringify;
    }
    expect(calls).to.equal(0);
    expect(first.format(7)).to.equal('007');
  });
});

describe('intl: usableLocale', () => {
  it('reads a tag as Intl does, and gives undefined (the browser locale) for an empty or malformed one', () => {
    expect(usableLocale('de-de')).to.equal('de-DE');
    expect(usableLocale('en-US')).to.equal('en-US');
    expect(usableLocale(' en_US ')).to.equal('en-US');
    expect(usableLocale('-')).to.equal(undefined);
    expect(usableLocale('12')).to.equal(undefined);
    expect(usableLocale(' ')).to.equal(undefined);
    expect(usableLocale('')).to.equal(undefined);
    expect(usableLocale(null)).to.equal(undefined);
    expect(usableLocale(undefined)).to.equal(undefined);
  });
});
