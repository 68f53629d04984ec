import { expect } from '@open-wc/testing';
import type { Session } from '../../src/api/schema.js';
import { toSessionRow, type SessionRow } from '../../src/model/session-row.js';
import { nextSort } from '../../src/model/sort.js';
import { ariaSort, parseSort } from '../../src/model/sort-order.js';
import { SessionView } from '../../src/model/session-view.js';
import { SortedRows } from '../../src/model/sorted-rows.js';

const NOW = Date.parse('2026-06-02T15:00:00Z');
const row = (fields: Partial<Session> & { id: string }, fetchedAt = NOW): SessionRow =>
  toSessionRow({ status: 'completed', ...fields }, { fetchedAt });
const ids = (rows: readonly SessionRow[]) => rows.map((r) => r.id);

function sortOf(rows: SessionRow[], sort: string): string[] {
  return ids(new SortedRows().update({ rows, version: 1 }, sort, NOW));
}

// API order a..f; each key has a missing value (f, or e) and a tie.
const rows = [
  row({
    id: 'a',
    issueIdentifier: 'ENG-10',
    status: 'working',
    startedAt: '2026-06-02T14:00:00Z',
    completedAt: null,
    costUsd: '0.5',
    health: { healthStatus: 'green' },
  }),
  row({
    id: 'b',
    issueIdentifier: 'eng-9',
    status: 'failed',
    startedAt: '2026-06-02T13:00:00Z',
    completedAt: '2026-06-02T13:10:00Z',
    costUsd: '2',
    health: { stuckSignals: ['ToolLoopStuck'] },
  }),
  row({
    id: 'c',
    issueIdentifier: 'ENG-9',
    status: 'paused',
    startedAt: '2026-06-02T14:30:00Z',
    completedAt: '2026-06-02T14:40:00Z',
    costUsd: '0.5',
    health: null,
  }),
  row({
    id: 'd',
    issueIdentifier: 'DOC-2',
    status: 'queued',
    startedAt: null,
    costUsd: '1',
    health: { healthStatus: 'yellow' },
  }),
  row({
    id: 'e',
    issueIdentifier: 'ENG-100',
    status: 'completed',
    startedAt: '2026-06-02T12:00:00Z',
    completedAt: '2026-06-02T14:00:00Z',
    costUsd: '0.1',
    health: { healthStatus: 'red' },
  }),
  row({
    id: 'f',
    issueIdentifier: null,
    status: 'aborted',
    startedAt: '2026-06-02T14:30:00Z',
    completedAt: '2026-06-02T14:31:00Z',
    costUsd: null,
    health: { healthStatus: 'green' },
  }),
];

describe('sort', () => {
  const cases: [string, string[], string[]][] = [
    // key, natural, reversed ("-key"): missing values last both ways, ties in API order both ways
    ['health', ['b', 'e', 'd', 'c', 'a', 'f'], ['a', 'f', 'c', 'd', 'b', 'e']],
    ['identifier', ['d', 'b', 'c', 'a', 'e', 'f'], ['e', 'a', 'b', 'c', 'd', 'f']],
    ['status', ['d', 'a', 'e', 'b', 'f', 'c'], ['c', 'f', 'b', 'e', 'a', 'd']],
    ['started', ['c', 'f', 'a', 'b', 'e', 'd'], ['e', 'b', 'a', 'c', 'f', 'd']],
    ['duration', ['e', 'a', 'b', 'c', 'f', 'd'], ['f', 'b', 'c', 'a', 'e', 'd']],
    ['cost', ['b', 'd', 'a', 'c', 'e', 'f'], ['e', 'a', 'c', 'd', 'b', 'f']],
  ];
  for (const [key, natural, reversed] of cases) {
    it(`sorts by ${key} in its natural direction, and reversed with "-${key}"`, () => {
      expect(sortOf(rows, key)).to.deep.equal(natural);
      expect(sortOf(rows, `-${key}`)).to.deep.equal(reversed);
    });
  }

  it('puts rows that lack the value last in both directions', () => {
    expect(sortOf(rows, 'cost').at(-1)).to.equal('f');
    expect(sortOf(rows, '-cost').at(-1)).to.equal('f');
    expect(sortOf(rows, 'started').at(-1)).to.equal('d');
    expect(sortOf(rows, '-started').at(-1)).to.equal('d');
  });

  it("keeps the API's order for ties, in both directions", () => {
    const same = ['p', 'q', 'r', 's'].map((id) => row({ id, costUsd: '1', health: { healthStatus: 'red' } }));
    for (const sort of ['cost', '-cost', 'health', '-health'])
      expect(sortOf(same, sort)).to.deep.equal(['p', 'q', 'r', 's']);
  });

  it('orders identifiers naturally: ENG-9 before ENG-10, case-insensitive', () => {
    const named = ['ENG-10', 'eng-2', 'ENG-9', 'ENG-009b', 'ENG-1'].map((issueIdentifier, i) =>
      row({ id: `${i}`, issueIdentifier }),
    );
    expect(sortOf(named, 'identifier').map((id) => named[Number(id)]!.session.issueIdentifier)).to.deep.equal([
      'ENG-1',
      'eng-2',
      'ENG-9',
      'ENG-009b',
      'ENG-10',
    ]);
  });

  it("takes a working session's duration as of now, not as of its fetch", () => {
    // Fetched 30 min ago 10 min into its run: 40 min as of now, against a finished 20 min run.
    const working = row(
      { id: 'w', status: 'working', startedAt: '2026-06-02T14:20:00Z', completedAt: null },
      NOW - 30 * 60_000,
    );
    const done = row({ id: 'd', startedAt: '2026-06-02T14:00:00Z', completedAt: '2026-06-02T14:20:00Z' });
    expect(sortOf([done, working], 'duration')).to.deep.equal(['w', 'd']);
  });

  it("keeps the API's order for an empty or unknown key", () => {
    expect(sortOf(rows, '')).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(sortOf(rows, 'bogus')).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(parseSort('-bogus')).to.equal(null);
  });

  it('says the real direction in aria-sort, and cycles a header: key, reversed, none', () => {
    expect(ariaSort(parseSort('identifier'), 'identifier')).to.equal('ascending');
    expect(ariaSort(parseSort('-identifier'), 'identifier')).to.equal('descending');
    expect(ariaSort(parseSort('health'), 'health')).to.equal('descending');
    expect(ariaSort(parseSort('-cost'), 'cost')).to.equal('ascending');
    expect(ariaSort(parseSort('cost'), 'status')).to.equal(undefined);
    expect([
      nextSort('', 'cost'),
      nextSort('cost', 'cost'),
      nextSort('-cost', 'cost'),
      nextSort('-cost', 'status'),
    ]).to.deep.equal(['cost', '-cost', '', 'status']);
  });
});

describe('SortedRows: a refresh moves what changed', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      row({ id: `r${i}`, costUsd: String((i * 7919) % 101), health: { healthStatus: 'green' } }),
    );

  it('gives the same order as a full sort after updates, new rows on top and a new page below', () => {
    const sorted = new SortedRows();
    let current = many(500);
    sorted.update({ rows: current, version: 1 }, '-cost', NOW);
    // A refresh: 10 rows change (cost and health), 3 new ones on top; then a page below.
    current = current.map((r, i) =>
      i % 50 === 0 ? row({ id: r.id, costUsd: String(i % 13), health: { healthStatus: 'red' } }) : r,
    );
    const top = ['n1', 'n2', 'n3'].map((id) => row({ id, costUsd: '50' }));
    current = [...top, ...current];
    const incremental = ids(sorted.update({ rows: current, version: 2 }, '-cost', NOW));
    expect(incremental).to.deep.equal(sortOf(current, '-cost'));
    current = [...current, ...['p1', 'p2'].map((id) => row({ id, costUsd: '50' }))];
    expect(ids(sorted.update({ rows: current, version: 3 }, '-cost', NOW))).to.deep.equal(sortOf(current, '-cost'));
  });

  it('does not sort all the rows again when a refresh changes a few', () => {
    const sorted = new SortedRows();
    let current = many(2000);
    sorted.update({ rows: current, version: 1 }, 'cost', NOW);
    current = current.map((r, i) => (i % 200 === 0 ? row({ id: r.id, costUsd: '3' }) : r));
    const original = Array.prototype.sort;
    let sortedLength = 0;
    Array.prototype.sort = function (this: unknown[], ...args) {
      sortedLength = Math.max(sortedLength, this.length);
      return original.apply(this, args as never) as never;
    };
    try {
      sorted.update({ rows: current, version: 2 }, 'cost', NOW);
    } finally {
      Array.prototype.sort = original;
    }
    expect(sortedLength).to.equal(10);
  });

  it('does not sort again on a keystroke: a search or filter change reuses the order', () => {
    const view = new SessionView();
    view.extend({ sorter: new SortedRows() });
    const source = { rows: many(500), version: 1 };
    const query = { status: '', search: '', health: '', sort: 'cost', since: '' };
    view.update(source, query, NOW);
    const original = Array.prototype.sort;
    let sorts = 0;
    Array.prototype.sort = function (this: unknown[], ...args) {
      sorts++;
      return original.apply(this, args as never) as never;
    };
    try {
      for (const search of ['e', 'en', 'eng']) view.update(source, { ...query, search }, NOW);
      view.update(source, { ...query, health: 'attention' }, NOW);
    } finally {
      Array.prototype.sort = original;
    }
    expect(sorts).to.equal(0);
    expect(view.rows.length).to.be.below(500);
    // Still in cost order: what a view that sorts from scratch shows for the same query.
    const fresh = new SessionView();
    fresh.extend({ sorter: new SortedRows() });
    const last = { ...query, health: 'attention' };
    expect(view.rows.map((row) => row.id)).to.deep.equal(fresh.update(source, last, NOW).rows.map((row) => row.id));
  });
});
