import { expect } from '@open-wc/testing';
import {
  formatCost,
  formatCount,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatTime,
  MISSING,
  warmFormatters,
} from '../../src/model/format.js';
import { countIntlBuilds, type IntlCounter } from '../helpers/intl-counter.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('format: formatCost', () => {
  it('formats cents as USD currency in en-US', () => {
    expect(formatCost(0.14, 'en-US')).to.equal('$0.14');
    expect(formatCost(1, 'en-US')).to.equal('$1.00');
    expect(formatCost(0.01, 'en-US')).to.equal('$0.01');
    expect(formatCost(1234.5, 'en-US')).to.equal('$1,234.50');
  });

  it('shows $0.00 for exactly zero', () => {
    expect(formatCost(0, 'en-US')).to.equal('$0.00');
  });

  it('shows sub-cent costs honestly', () => {
    expect(formatCost(0.004, 'en-US')).to.equal('$0.004');
    expect(formatCost(0.0045, 'en-US')).to.equal('$0.0045');
    expect(formatCost(0.0001, 'en-US')).to.equal('$0.0001');
  });

  it('never shows $0.00 for a non-zero cost', () => {
    for (const usd of [0.009, 0.005, 0.004, 0.001, 0.0004, 0.0001, 0.00009, 1e-9, Number.MIN_VALUE]) {
      expect(formatCost(usd, 'en-US'), String(usd)).to.not.equal('$0.00');
      expect(formatCost(usd, 'en-US'), String(usd)).to.not.match(/^\$0(\.0*)?$/);
    }
  });

  it('shows tiny costs as <$0.0001', () => {
    expect(formatCost(0.00009, 'en-US')).to.equal('<$0.0001');
    expect(formatCost(1e-9, 'en-US')).to.equal('<$0.0001');
  });

  it('shows null, NaN and infinities as the missing mark', () => {
    expect(MISSING).to.equal('—');
    expect(formatCost(null, 'en-US')).to.equal('—');
    expect(formatCost(Number.NaN, 'en-US')).to.equal('—');
    expect(formatCost(Number.POSITIVE_INFINITY, 'en-US')).to.equal('—');
    expect(formatCost(Number.NEGATIVE_INFINITY, 'en-US')).to.equal('—');
  });

  it('formats in the given locale, keeping the currency USD', () => {
    const de = formatCost(0.14, 'de-DE');
    expect(de).to.contain('0,14');
    expect(de).to.contain('$');
    expect(de).to.not.contain('€');
    expect(formatCost(0.004, 'de-DE')).to.contain('0,004');
    expect(formatCost(0.00001, 'de-DE')).to.match(/^<.*0,0001/);
  });
});

describe('format: formatDuration', () => {
  it('shows seconds under a minute', () => {
    expect(formatDuration(45 * SECOND, 'en-US')).to.equal('45s');
    expect(formatDuration(1 * SECOND, 'en-US')).to.equal('1s');
  });
  it('shows minutes and seconds', () => {
    expect(formatDuration(3 * MINUTE + 12 * SECOND, 'en-US')).to.equal('3m 12s');
    expect(formatDuration(3 * MINUTE, 'en-US')).to.equal('3m');
  });
  it('shows hours and minutes, dropping seconds', () => {
    expect(formatDuration(HOUR + 4 * MINUTE + 59 * SECOND, 'en-US')).to.equal('1h 4m');
    expect(formatDuration(HOUR + 30 * SECOND, 'en-US')).to.equal('1h');
  });
  it('shows days and hours', () => {
    expect(formatDuration(2 * DAY + 3 * HOUR + 59 * MINUTE, 'en-US')).to.equal('2d 3h');
    expect(formatDuration(400 * DAY, 'en-US')).to.equal('400d');
  });
  it('floors to whole seconds', () => {
    expect(formatDuration(45_999, 'en-US')).to.equal('45s');
    expect(formatDuration(999, 'en-US')).to.equal('0s');
  });
  it('shows 0 as 0s', () => {
    expect(formatDuration(0, 'en-US')).to.equal('0s');
  });
  it('clamps negative durations to 0s', () => {
    expect(formatDuration(-5 * SECOND, 'en-US')).to.equal('0s');
    expect(formatDuration(-1, 'en-US')).to.equal('0s');
  });
  it('shows null, NaN and infinities as the missing mark', () => {
    expect(formatDuration(null, 'en-US')).to.equal('—');
    expect(formatDuration(Number.NaN, 'en-US')).to.equal('—');
    expect(formatDuration(Number.POSITIVE_INFINITY, 'en-US')).to.equal('—');
  });
  it('formats through Intl units in other locales', () => {
    const expected = [
      new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'minute', unitDisplay: 'narrow' }).format(3),
      new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'second', unitDisplay: 'narrow' }).format(12),
    ].join(' ');
    expect(formatDuration(3 * MINUTE + 12 * SECOND, 'de-DE')).to.equal(expected);
  });
});

describe('format: formatCount', () => {
  it('groups digits per locale', () => {
    expect(formatCount(50_000, 'en-US')).to.equal('50,000');
    expect(formatCount(50_000, 'de-DE')).to.equal('50.000');
  });
});

describe('format: relative and absolute time', () => {
  const now = Date.parse('2026-06-02T15:00:00Z');
  it('says how long ago in the largest whole unit', async () => {
    const { formatRelativeTime } = await import('../../src/model/format.js');
    expect(formatRelativeTime(now, now, 'en-US')).to.equal('now');
    expect(formatRelativeTime(now - 45_000, now, 'en-US')).to.equal('45 sec. ago');
    expect(formatRelativeTime(now - 3 * 60_000 - 59_000, now, 'en-US')).to.equal('3 min. ago');
    expect(formatRelativeTime(now - 5 * 3_600_000, now, 'en-US')).to.equal('5 hr. ago');
    expect(formatRelativeTime(now - 86_400_000, now, 'en-US')).to.equal('yesterday');
    expect(formatRelativeTime(now - 3 * 86_400_000, now, 'de-DE')).to.equal('vor 3 Tagen');
    expect(formatRelativeTime(now + 120_000, now, 'en-US')).to.equal('in 2 min.');
    expect(formatRelativeTime(null, now, 'en-US')).to.equal('—');
  });

  it('gives the absolute date and time for the locale', async () => {
    const { formatDateTime } = await import('../../src/model/format.js');
    expect(formatDateTime(now, 'en-US')).to.match(/^Jun 2, 2026, \d{1,2}:00 [AP]M$/);
    expect(formatDateTime(now, 'de-DE')).to.match(/^02\.06\.2026, \d{2}:00$/);
    expect(formatDateTime(null, 'en-US')).to.equal('—');
  });
});

describe('format: warmFormatters', () => {
  let counter: IntlCounter | undefined;
  afterEach(() => counter?.restore());

  /** What a row, the footer and the toolbar format (costs of a cent or more). */
  function formatLikeARow(locale: string): void {
    formatCost(0.42, locale);
    formatCount(1234, locale);
    formatDuration(2 * DAY + 3 * HOUR, locale);
    formatDuration(HOUR + 4 * MINUTE, locale);
    formatDuration(3 * MINUTE + 12 * SECOND, locale);
    formatDuration(45 * SECOND, locale);
    formatRelativeTime(0, 5 * MINUTE, locale);
    formatDateTime(0, locale);
    formatTime(0, locale);
  }

  it('builds every formatter a row uses, so formatting the first rows builds none', () => {
    // Locales no other test uses: the cache is shared by the whole test run.
    counter = countIntlBuilds('fr-CA');
    warmFormatters('fr-CA');
    const warmed = counter.built;
    formatLikeARow('fr-CA');
    expect(counter.built - warmed).to.equal(0);
    expect(warmed).to.equal(9); // currency, count, four duration units, relative, date and time, time
  });

  it('is what saves the builds: without it, formatting a row builds them', () => {
    counter = countIntlBuilds('fr-BE');
    formatLikeARow('fr-BE');
    expect(counter.built).to.equal(9);
  });
});

describe('format: bounded output, whatever number a server sends', () => {
  it('caps a duration at >9,999d, locale-formatted, instead of hundreds of digits', () => {
    expect(formatDuration(1e300, 'en-US')).to.equal('>9,999d');
    expect(formatDuration(Number.MAX_VALUE, 'en-US')).to.equal('>9,999d');
    expect(formatDuration(10_000 * DAY, 'en-US')).to.equal('>9,999d');
    expect(formatDuration(9_999 * DAY + 23 * HOUR, 'en-US')).to.equal('9,999d 23h');
    const de = new Intl.NumberFormat('de-DE', { style: 'unit', unit: 'day', unitDisplay: 'narrow' }).format(9_999);
    expect(formatDuration(1e300, 'de-DE')).to.equal(`>${de}`);
    for (const ms of [1e20, 1e100, 1e300]) expect(formatDuration(ms, 'en-US').length).to.be.below(12);
  });

  it('caps a cost at >$999,999,999.99 instead of hundreds of digits', () => {
    expect(formatCost(1e300, 'en-US')).to.equal('>$999,999,999.99');
    expect(formatCost(1e9, 'en-US')).to.equal('>$999,999,999.99');
    expect(formatCost(999_999_999.99, 'en-US')).to.equal('$999,999,999.99');
    expect(formatCost(-1e300, 'en-US')).to.equal('<-$999,999,999.99');
    expect(formatCost(1e300, 'de-DE').length).to.be.below(24);
  });

  it('shows a cost of -0 as $0.00, never "-$0.00"', () => {
    expect(formatCost(-0, 'en-US')).to.equal('$0.00');
    expect(formatCost(-0, 'de-DE')).to.equal(formatCost(0, 'de-DE'));
  });
});
