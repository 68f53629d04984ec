import { expect } from '@open-wc/testing';
import type { Session } from '../../src/api/schema.js';
import { durationAt, isTicking, toSessionRow } from '../../src/model/session-row.js';

const T0 = Date.parse('2026-06-02T14:22:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const s = (fields: Partial<Session> = {}): Session => ({ id: 'abc123', status: 'working', ...fields });

describe('session-row: toSessionRow', () => {
  it('keeps the session, id and fetch time, and derives health', () => {
    const session = s({ health: { healthStatus: 'green', stuckSignals: ['ToolLoopStuck'] } });
    const row = toSessionRow(session, { fetchedAt: T0 });
    expect(row.id).to.equal('abc123');
    expect(row.session).to.equal(session);
    expect(row.fetchedAt).to.equal(T0);
    expect(row.health).to.deep.equal({ colour: 'red', signals: ['ToolLoopStuck'] });
  });

  it('has unknown health when the session has none', () => {
    expect(toSessionRow(s(), { fetchedAt: T0 }).health.colour).to.equal('unknown');
  });

  it('rows of one answer share its fetch time; another answer gets its own', () => {
    const a = toSessionRow(s({ id: 'a' }), { fetchedAt: T0 });
    const b = toSessionRow(s({ id: 'b' }), { fetchedAt: T0 });
    const c = toSessionRow(s({ id: 'c' }), { fetchedAt: T0 + 1 });
    expect([a.fetchedAt, b.fetchedAt, c.fetchedAt]).to.deep.equal([T0, T0, T0 + 1]);
    // An earlier answer's rows keep their time when a later one comes in.
    expect(toSessionRow(s({ id: 'd' }), { fetchedAt: T0 }).fetchedAt).to.equal(T0);
    expect(a.fetchedAt).to.equal(T0);
    expect(c.fetchedAt).to.equal(T0 + 1);
  });

  it('reads the claim time from the session (null while queued or unparseable)', () => {
    expect(toSessionRow(s({ startedAt: iso(T0) }), { fetchedAt: T0 }).startedMs).to.equal(T0);
    expect(toSessionRow(s({ startedAt: '2026-06-02T14:22:00.123Z' }), { fetchedAt: T0 }).startedMs).to.equal(T0 + 123);
    expect(toSessionRow(s({ startedAt: null }), { fetchedAt: T0 }).startedMs).to.equal(null);
    expect(toSessionRow(s(), { fetchedAt: T0 }).startedMs).to.equal(null);
    expect(toSessionRow(s({ startedAt: '' }), { fetchedAt: T0 }).startedMs).to.equal(null);
    expect(toSessionRow(s({ startedAt: 'not a date' }), { fetchedAt: T0 }).startedMs).to.equal(null);
  });

  it('reads the same values on every access', () => {
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0), costUsd: '0.14' }), { fetchedAt: T0 + 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(row.id).to.equal('abc123');
      expect(row.startedMs).to.equal(T0);
      expect(row.durationAtFetchMs).to.equal(60_000);
      expect(row.fetchedAt).to.equal(T0 + 60_000);
      expect(row.costUsd).to.equal(0.14);
    }
  });

  it('shares the health of rows without signals, and gives rows with signals their own', () => {
    const green = toSessionRow(s({ id: 'a', health: { healthStatus: 'green', stuckSignals: [] } }), { fetchedAt: T0 });
    const alsoGreen = toSessionRow(s({ id: 'b', health: { healthStatus: 'green' } }), { fetchedAt: T0 });
    expect(green.health).to.equal(alsoGreen.health);
    const stuck = toSessionRow(s({ id: 'c', health: { stuckSignals: ['ClaimStuck'] } }), { fetchedAt: T0 });
    const alsoStuck = toSessionRow(s({ id: 'd', health: { stuckSignals: ['ClaimStuck'] } }), { fetchedAt: T0 });
    expect(stuck.health).to.not.equal(alsoStuck.health);
    expect(stuck.health).to.deep.equal(alsoStuck.health);
  });

  describe('cost', () => {
    it('parses a decimal string', () => {
      expect(toSessionRow(s({ costUsd: '0.14' }), { fetchedAt: T0 }).costUsd).to.equal(0.14);
      expect(toSessionRow(s({ costUsd: ' 12.5 ' }), { fetchedAt: T0 }).costUsd).to.equal(12.5);
      expect(toSessionRow(s({ costUsd: '0' }), { fetchedAt: T0 }).costUsd).to.equal(0);
    });
    it('keeps a number', () => {
      expect(toSessionRow(s({ costUsd: 0.004 }), { fetchedAt: T0 }).costUsd).to.equal(0.004);
      expect(toSessionRow(s({ costUsd: 0 }), { fetchedAt: T0 }).costUsd).to.equal(0);
    });
    it('is null when null, missing or not a number', () => {
      expect(toSessionRow(s({ costUsd: null }), { fetchedAt: T0 }).costUsd).to.equal(null);
      expect(toSessionRow(s(), { fetchedAt: T0 }).costUsd).to.equal(null);
      expect(toSessionRow(s({ costUsd: 'abc' }), { fetchedAt: T0 }).costUsd).to.equal(null);
    });
  });
});

describe('session-row: durations', () => {
  it('a completed session has a fixed duration from claim to completion', () => {
    const row = toSessionRow(s({ status: 'completed', startedAt: iso(T0), completedAt: iso(T0 + 192_000) }), {
      fetchedAt: T0 + 600_000,
    });
    expect(row.durationAtFetchMs).to.equal(192_000);
    expect(isTicking(row)).to.equal(false);
    expect(durationAt(row, T0 + 10 * 600_000, true)).to.equal(192_000);
    expect(durationAt(row, T0 + 10 * 600_000, false)).to.equal(192_000);
  });

  it('failed and stopped sessions with completion are fixed too', () => {
    for (const status of ['failed', 'stopped']) {
      const row = toSessionRow(s({ status, startedAt: iso(T0), completedAt: iso(T0 + 5_000) }), {
        fetchedAt: T0 + 60_000,
      });
      expect(durationAt(row, T0 + 120_000, true)).to.equal(5_000);
    }
  });

  it('a completion before the claim clamps to 0', () => {
    const row = toSessionRow(s({ status: 'completed', startedAt: iso(T0), completedAt: iso(T0 - 5_000) }), {
      fetchedAt: T0,
    });
    expect(row.durationAtFetchMs).to.equal(0);
  });

  it('a working session counts from the claim to the fetch, then ticks while live', () => {
    const fetchedAt = T0 + 60_000;
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0), completedAt: null }), { fetchedAt: fetchedAt });
    expect(row.durationAtFetchMs).to.equal(60_000);
    expect(isTicking(row)).to.equal(true);
    expect(durationAt(row, fetchedAt, true)).to.equal(60_000);
    expect(durationAt(row, fetchedAt + 5_000, true)).to.equal(65_000);
    expect(durationAt(row, fetchedAt + 3_600_000, true)).to.equal(3_660_000);
  });

  it('a working session is frozen at its fetched duration when not live', () => {
    const fetchedAt = T0 + 60_000;
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0) }), { fetchedAt: fetchedAt });
    expect(durationAt(row, fetchedAt + 5_000, false)).to.equal(60_000);
  });

  it('a clock behind the fetch time never counts backwards', () => {
    const fetchedAt = T0 + 60_000;
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0) }), { fetchedAt: fetchedAt });
    expect(durationAt(row, fetchedAt - 10_000, true)).to.equal(60_000);
  });

  it('a working session claimed after the fetch time (clock skew) starts at 0', () => {
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0 + 5_000) }), { fetchedAt: T0 });
    expect(row.durationAtFetchMs).to.equal(0);
  });

  it('a queued session has no duration', () => {
    const row = toSessionRow(s({ status: 'queued', startedAt: null }), { fetchedAt: T0 });
    expect(row.durationAtFetchMs).to.equal(null);
    expect(isTicking(row)).to.equal(false);
    expect(durationAt(row, T0 + 60_000, true)).to.equal(null);
  });

  it('a working session without a claim time has no duration', () => {
    const row = toSessionRow(s({ status: 'working' }), { fetchedAt: T0 });
    expect(durationAt(row, T0 + 1_000, true)).to.equal(null);
    expect(isTicking(row)).to.equal(false);
  });

  it('an unknown status with a claim but no completion has no duration and does not tick', () => {
    const row = toSessionRow(s({ status: 'paused', startedAt: iso(T0) }), { fetchedAt: T0 + 1_000 });
    expect(row.durationAtFetchMs).to.equal(null);
    expect(isTicking(row)).to.equal(false);
  });

  it('durationMs is preferred over timestamps', () => {
    const row = toSessionRow(
      s({
        status: 'completed',
        startedAt: iso(T0),
        completedAt: iso(T0 + 999_000),
        durationMs: 12_000,
        durationSeconds: 99,
      }),
      { fetchedAt: T0 },
    );
    expect(row.durationAtFetchMs).to.equal(12_000);
    expect(durationAt(row, T0 + 1_000_000, true)).to.equal(12_000);
  });

  it('durationSeconds is used (in ms) when durationMs is absent', () => {
    const row = toSessionRow(
      s({ status: 'completed', startedAt: iso(T0), completedAt: iso(T0 + 999_000), durationSeconds: 42 }),
      { fetchedAt: T0 },
    );
    expect(row.durationAtFetchMs).to.equal(42_000);
    const nulls = toSessionRow(s({ status: 'completed', durationMs: null, durationSeconds: 1.5 }), { fetchedAt: T0 });
    expect(nulls.durationAtFetchMs).to.equal(1_500);
  });

  it('a zero durationMs counts (it is not treated as missing)', () => {
    const row = toSessionRow(
      s({ status: 'completed', startedAt: iso(T0), completedAt: iso(T0 + 5_000), durationMs: 0 }),
      { fetchedAt: T0 },
    );
    expect(row.durationAtFetchMs).to.equal(0);
  });

  it('a working session with durationMs keeps ticking from it while live', () => {
    const fetchedAt = T0 + 60_000;
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0), durationMs: 10_000 }), {
      fetchedAt: fetchedAt,
    });
    expect(row.durationAtFetchMs).to.equal(10_000);
    expect(isTicking(row)).to.equal(true);
    expect(durationAt(row, fetchedAt + 2_500, true)).to.equal(12_500);
    expect(durationAt(row, fetchedAt + 2_500, false)).to.equal(10_000);
  });

  it('a working session with durationSeconds and no claim time still ticks', () => {
    const row = toSessionRow(s({ status: 'working', durationSeconds: 30 }), { fetchedAt: T0 });
    expect(isTicking(row)).to.equal(true);
    expect(durationAt(row, T0 + 1_000, true)).to.equal(31_000);
  });

  it('a working session that already has a completion time does not tick', () => {
    const row = toSessionRow(s({ status: 'working', startedAt: iso(T0), completedAt: iso(T0 + 7_000) }), {
      fetchedAt: T0 + 60_000,
    });
    expect(isTicking(row)).to.equal(false);
    expect(durationAt(row, T0 + 120_000, true)).to.equal(7_000);
  });
});
