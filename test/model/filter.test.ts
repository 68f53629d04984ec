import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Session } from '../../src/api/schema.js';
import {
  filterRows,
  hasActiveFilters,
  KNOWN_STATUSES,
  searchKey,
  startsLowered,
  statusOptions,
  withSelectedStatus,
  type SessionFilters,
} from '../../src/model/filter.js';
import { toSessionRow, type SessionRow } from '../../src/model/session-row.js';

const T0 = Date.parse('2026-06-02T14:22:00Z');
const row = (fields: Partial<Session> & { id: string }): SessionRow =>
  toSessionRow({ status: 'working', ...fields }, { fetchedAt: T0 });
const NO_FILTERS: SessionFilters = { status: '', search: '', health: '' };
const f = (filters: Partial<SessionFilters>): SessionFilters => ({ ...NO_FILTERS, ...filters });
const ids = (rows: readonly SessionRow[]) => rows.map((r) => r.id);

const rows = [
  row({
    id: 'aaa111',
    status: 'working',
    issueIdentifier: 'ENG-124',
    costUsd: '0.14',
    health: { healthStatus: 'green' },
  }),
  row({
    id: 'bbb222',
    status: 'completed',
    issueIdentifier: 'ENG-12',
    costUsd: 1.5,
    health: { healthStatus: 'yellow' },
  }),
  row({
    id: 'ccc333',
    status: 'failed',
    issueIdentifier: 'OPS-7',
    costUsd: null,
    health: { stuckSignals: ['ToolLoopStuck'] },
  }),
  row({ id: 'ddd444', status: 'queued', issueIdentifier: null }),
  row({ id: 'eng999', status: 'paused', issueIdentifier: 'XENG-1', costUsd: '2', health: { healthStatus: 'red' } }),
];

describe('filter: filterRows', () => {
  it('keeps everything, in order, with no filters', () => {
    const result = filterRows(rows, NO_FILTERS);
    expect(ids(result.rows)).to.deep.equal(['aaa111', 'bbb222', 'ccc333', 'ddd444', 'eng999']);
    expect(result.totalCostUsd).to.be.closeTo(0.14 + 1.5 + 2, 1e-9);
  });

  it('does not mutate the input', () => {
    const copy = [...rows];
    filterRows(rows, f({ status: 'failed' }));
    expect(rows).to.deep.equal(copy);
  });

  describe('status', () => {
    it('keeps rows with exactly that status', () => {
      expect(ids(filterRows(rows, f({ status: 'completed' })).rows)).to.deep.equal(['bbb222']);
      expect(ids(filterRows(rows, f({ status: 'queued' })).rows)).to.deep.equal(['ddd444']);
    });
    it('works with an unknown status word', () => {
      expect(ids(filterRows(rows, f({ status: 'paused' })).rows)).to.deep.equal(['eng999']);
    });
    it('keeps nothing for a status no row has', () => {
      expect(filterRows(rows, f({ status: 'stopped' }))).to.deep.include({
        rows: [],
        totalCostUsd: 0,
        unknownCosts: 0,
        blocking: 0,
        attention: 0,
      });
    });
  });

  describe('search', () => {
    it('matches an identifier prefix', () => {
      expect(ids(filterRows(rows, f({ search: 'ENG-12' })).rows)).to.deep.equal(['aaa111', 'bbb222']);
      expect(ids(filterRows(rows, f({ search: 'ENG-124' })).rows)).to.deep.equal(['aaa111']);
    });
    it('is case-insensitive', () => {
      expect(ids(filterRows(rows, f({ search: 'eng-12' })).rows)).to.deep.equal(['aaa111', 'bbb222']);
      expect(ids(filterRows(rows, f({ search: 'oPs' })).rows)).to.deep.equal(['ccc333']);
    });
    it('is trimmed', () => {
      expect(ids(filterRows(rows, f({ search: '  ops-7 \t' })).rows)).to.deep.equal(['ccc333']);
    });
    it('treats a blank search as no search', () => {
      expect(filterRows(rows, f({ search: '   ' })).rows).to.have.length(rows.length);
    });
    it('matches a session id prefix too', () => {
      expect(ids(filterRows(rows, f({ search: 'DDD4' })).rows)).to.deep.equal(['ddd444']);
      // "eng" matches ENG-124, ENG-12 by identifier and eng999 by id; not XENG-1 by substring.
      expect(ids(filterRows(rows, f({ search: 'eng' })).rows)).to.deep.equal(['aaa111', 'bbb222', 'eng999']);
    });
    it('does not match a substring that is not a prefix', () => {
      expect(filterRows(rows, f({ search: '124' })).rows).to.have.length(0);
      expect(filterRows(rows, f({ search: 'NG-' })).rows).to.have.length(0);
      expect(filterRows(rows, f({ search: 'a111' })).rows).to.have.length(0);
    });
  });

  describe('search beyond ASCII, as `toLowerCase().startsWith()` has it', () => {
    const more = [
      row({ id: 'u1', issueIdentifier: 'ÉTÉ-1' }),
      row({ id: 'u2', issueIdentifier: 'İSTANBUL-2' }), // İ lower-cases to two code units: i + U+0307
      row({ id: 'u3', issueIdentifier: 'ΟΔΟΣ-3' }), // a final sigma
      row({ id: 'u4', issueIdentifier: '\u212A-4' }), // KELVIN SIGN lower-cases to an ASCII k
      row({ id: 'u5', issueIdentifier: 'ENG-5\u0130' }),
    ];
    const found = (search: string) => ids(filterRows(more, f({ search })).rows);
    it('matches accented and other cased letters', () => {
      expect(found('été')).to.deep.equal(['u1']);
      expect(found('ÉT')).to.deep.equal(['u1']);
      expect(found('οδος')).to.deep.equal(['u3']);
      expect(found('οδοσ')).to.deep.equal([]);
    });
    it('follows case mappings that change the length or leave ASCII', () => {
      expect(found('i\u0307stanbul')).to.deep.equal(['u2']);
      expect(found('istanbul')).to.deep.equal([]);
      expect(found('k-4')).to.deep.equal(['u4']);
      expect(found('eng-5i\u0307')).to.deep.equal(['u5']);
      expect(found('eng-5i')).to.deep.equal(['u5']);
    });
  });

  describe('startsLowered', () => {
    // The prefix is a search key (NFC, lower case), as filterRows makes it; the text is as sent.
    const reference = (text: string, prefix: string) => text.normalize('NFC').toLowerCase().startsWith(prefix);
    const check = (text: string, prefix: string) =>
      expect(startsLowered(text, searchKey(prefix)), `${text} / ${prefix}`).to.equal(
        reference(text, searchKey(prefix)),
      );
    it('agrees with normalize("NFC").toLowerCase().startsWith() on hand-picked cases', () => {
      const texts = ['', 'A', 'ops-1', 'OPS-1', 'ÉTÉ', 'İx', 'Σ', 'ΑΣ', 'AΣ b', '\u212A', 'a\u{1F600}b', 'ẞ', 'ǅ'];
      for (const text of texts) {
        const lower = text.toLowerCase();
        for (let end = 0; end <= lower.length + 1; end++) {
          for (const prefix of [lower.slice(0, end), lower.slice(0, end) + 'x', text.slice(0, end)])
            check(text, prefix);
        }
      }
    });
    it('agrees with normalize("NFC").toLowerCase().startsWith() on generated strings', () => {
      const char = fc.constantFrom(
        'a',
        'Z',
        '-',
        '1',
        'É',
        'é',
        'e\u0301', // é decomposed
        '\u0301',
        'İ',
        'i',
        '\u0307',
        'Σ',
        'σ',
        'ς',
        '\u212A',
        'k',
        'ẞ',
        '\u{1F600}',
      );
      const text = fc.array(char, { maxLength: 8 }).map((chars) => chars.join(''));
      fc.assert(
        fc.property(text, text, fc.nat(8), (a, b, cut) => {
          // Prefixes that match (lower-cased slices of the text) as well as ones that do not.
          for (const prefix of [a.toLowerCase().slice(0, cut), b.toLowerCase(), b]) check(a, prefix);
        }),
        { numRuns: 2000 },
      );
    });
  });

  describe('search across Unicode forms', () => {
    const e = row({ id: 'x1', issueIdentifier: 'E\u0301TE-1' }); // É decomposed
    const precomposed = row({ id: 'x2', issueIdentifier: 'ÉTÉ-2' });
    it('a precomposed "é" finds a decomposed one, and the other way round', () => {
      expect(ids(filterRows([e, precomposed], f({ search: 'é' })).rows)).to.deep.equal(['x1', 'x2']);
      expect(ids(filterRows([e, precomposed], f({ search: 'e\u0301' })).rows)).to.deep.equal(['x1', 'x2']);
    });
    it('a plain "e" does not find "é", composed or not', () => {
      expect(ids(filterRows([e, precomposed], f({ search: 'e' })).rows)).to.deep.equal([]);
    });
  });

  describe('health', () => {
    it('a word the widget does not know filters nothing, and is not counted as a filter', () => {
      expect(filterRows(rows, f({ health: 'bogus' })).rows).to.have.length(rows.length);
      expect(hasActiveFilters(f({ health: 'bogus' }))).to.equal(false);
      expect(hasActiveFilters(f({ health: 'blocking' }))).to.equal(true);
    });
    it('attention keeps yellow and red', () => {
      expect(ids(filterRows(rows, f({ health: 'attention' })).rows)).to.deep.equal(['bbb222', 'ccc333', 'eng999']);
    });
    it('blocking keeps red only (from status or from a blocking signal)', () => {
      expect(ids(filterRows(rows, f({ health: 'blocking' })).rows)).to.deep.equal(['ccc333', 'eng999']);
    });
  });

  it('combines all filters', () => {
    expect(ids(filterRows(rows, f({ status: 'completed', search: 'eng', health: 'attention' })).rows)).to.deep.equal([
      'bbb222',
    ]);
    expect(ids(filterRows(rows, f({ status: 'completed', search: 'eng', health: 'blocking' })).rows)).to.deep.equal([]);
    expect(ids(filterRows(rows, f({ search: 'eng', health: 'blocking' })).rows)).to.deep.equal(['eng999']);
  });

  it('sums the cost of kept rows only, treating null as 0', () => {
    expect(filterRows(rows, f({ health: 'attention' })).totalCostUsd).to.be.closeTo(1.5 + 2, 1e-9);
    expect(filterRows(rows, f({ status: 'failed' })).totalCostUsd).to.equal(0);
    expect(filterRows(rows, f({ search: 'eng-12' })).totalCostUsd).to.be.closeTo(1.64, 1e-9);
  });

  it('handles no rows', () => {
    expect(filterRows([], f({ search: 'x' }))).to.deep.include({
      rows: [],
      totalCostUsd: 0,
      unknownCosts: 0,
      blocking: 0,
      attention: 0,
    });
  });
});

describe('filter: statusOptions', () => {
  it('lists the five known statuses first, with counts, even at 0', () => {
    expect(KNOWN_STATUSES).to.deep.equal(['queued', 'working', 'completed', 'failed', 'stopped']);
    expect(statusOptions([])).to.deep.equal([
      { status: 'queued', count: 0 },
      { status: 'working', count: 0 },
      { status: 'completed', count: 0 },
      { status: 'failed', count: 0 },
      { status: 'stopped', count: 0 },
    ]);
  });

  it('counts rows and adds unknown statuses in first-seen order', () => {
    const more = [
      row({ id: '1', status: 'zeta' }),
      row({ id: '2', status: 'working' }),
      row({ id: '3', status: 'alpha' }),
      row({ id: '4', status: 'zeta' }),
      row({ id: '5', status: 'working' }),
      row({ id: '6', status: 'failed' }),
    ];
    expect(statusOptions(more)).to.deep.equal([
      { status: 'queued', count: 0 },
      { status: 'working', count: 2 },
      { status: 'completed', count: 0 },
      { status: 'failed', count: 1 },
      { status: 'stopped', count: 0 },
      { status: 'zeta', count: 2 },
      { status: 'alpha', count: 1 },
    ]);
  });

  it('includes a selected status no row has, after the others', () => {
    const options = withSelectedStatus(statusOptions(rows), 'archived');
    expect(options.map((o) => o.status)).to.deep.equal([
      'queued',
      'working',
      'completed',
      'failed',
      'stopped',
      'paused',
      'archived',
    ]);
    expect(options.at(-1)).to.deep.equal({ status: 'archived', count: 0 });
  });

  it('does not duplicate a selected status that is known or present', () => {
    expect(withSelectedStatus(statusOptions(rows), 'paused').filter((o) => o.status === 'paused')).to.deep.equal([
      { status: 'paused', count: 1 },
    ]);
    expect(withSelectedStatus(statusOptions(rows), 'stopped')).to.have.length(6);
    expect(withSelectedStatus(statusOptions(rows), '')).to.have.length(6);
  });
});

describe('filter: hasActiveFilters', () => {
  it('is false for no filters and a blank search', () => {
    expect(hasActiveFilters(NO_FILTERS)).to.equal(false);
    expect(hasActiveFilters(f({ search: '   ' }))).to.equal(false);
  });
  it('is true when any filter is set', () => {
    expect(hasActiveFilters(f({ status: 'working' }))).to.equal(true);
    expect(hasActiveFilters(f({ search: 'e' }))).to.equal(true);
    expect(hasActiveFilters(f({ health: 'blocking' }))).to.equal(true);
  });
});
