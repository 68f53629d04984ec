import { expect } from '@open-wc/testing';
import { filterRows } from '../../src/model/filter.js';
import { cutOf, isRelative } from '../../src/model/range.js';
import { toSessionRow } from '../../src/model/session-row.js';

const NOW = Date.parse('2026-06-02T15:00:00Z');

describe('range', () => {
  it('reads relative ranges back from now, and ISO dates and date-times', () => {
    expect(cutOf('30m', NOW)).to.equal(NOW - 30 * 60_000);
    expect(cutOf('24h', NOW)).to.equal(NOW - 24 * 3_600_000);
    expect(cutOf('7d', NOW)).to.equal(NOW - 7 * 86_400_000);
    expect(cutOf('2026-06-01', NOW)).to.equal(Date.parse('2026-06-01T00:00:00Z'));
    expect(cutOf('2026-06-01T12:30:00+02:00', NOW)).to.equal(Date.parse('2026-06-01T10:30:00Z'));
    expect(cutOf('', NOW)).to.equal(null);
    expect(isRelative('24h')).to.equal(true);
    expect(isRelative('2026-06-01')).to.equal(false);
  });

  it('calls anything else bad, never a range', () => {
    for (const bad of ['yesterday', '24', '5y', '-1h', 'h', '2026-13-45', '12/06/2026', 'Infinityd'])
      expect(cutOf(bad, NOW), bad).to.equal('bad');
  });

  it('keeps rows started at or after the cut, and queued rows (in the filter pass)', () => {
    const at = (id: string, startedAt: string | null) =>
      toSessionRow({ id, status: startedAt ? 'completed' : 'queued', startedAt }, { fetchedAt: NOW });
    const rows = [at('on', '2026-06-02T14:00:00Z'), at('before', '2026-06-02T13:59:59Z'), at('queued', null)];
    const kept = filterRows(rows, { status: '', search: '', health: '' }, Date.parse('2026-06-02T14:00:00Z'));
    expect(kept.rows.map((row) => row.id)).to.deep.equal(['on', 'queued']);
    expect(kept.oldestStartMs).to.equal(Date.parse('2026-06-02T14:00:00Z'));
  });
});
