import { expect } from '@open-wc/testing';
import { Fleet } from '../../mock/fleet.js';
import { resolveProjects } from '../../mock/org.js';
import { mulberry32, weighted } from '../../mock/random.js';
import { sessionStateAt, type Scenario, type SessionScript } from '../../mock/session.js';
import { DEFAULT_THRESHOLDS } from '../../mock/signals.js';

const MINUTE = 60_000;
const thresholds = DEFAULT_THRESHOLDS;
const fleet = new Fleet(1, resolveProjects());
const platform = fleet.page(['platform'], 0, 10_000).rows.map((row) => row.script);

function scriptOf(scenario: Scenario, where: (script: SessionScript) => boolean = () => true): SessionScript {
  const script = platform.find((candidate) => candidate.scenario === scenario && where(candidate));
  if (!script) throw new Error(`No ${scenario} session in the platform project`);
  return script;
}

const stateAt = (script: SessionScript, time: number) => sessionStateAt(script, time, thresholds);
const signalsAt = (script: SessionScript, time: number) => stateAt(script, time).signals.map((signal) => signal.type);

describe('random', () => {
  it('replays the same sequence from the same seed, and another from another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed));
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).not.to.deep.equal(draw(43));
    expect(draw(42).every((value) => value >= 0 && value < 1)).to.equal(true);
  });

  it('picks by weight', () => {
    const random = mulberry32(7);
    const picks = Array.from({ length: 2000 }, () => weighted(random, { common: 9, rare: 1, never: 0 }));
    const rare = picks.filter((pick) => pick === 'rare').length;
    expect(picks).not.to.include('never');
    expect(rare).to.be.within(120, 280);
  });
});

describe('simulated fleet', () => {
  describe('a session’s lifecycle', () => {
    const script = scriptOf('healthy', (candidate) => candidate.outcome === 'completed');

    it('is queued, then working from its claim, then finished at its end', () => {
      const { arrivedAt, claimedAt, endedAt } = script;
      expect(stateAt(script, arrivedAt).status).to.equal('queued');
      expect(stateAt(script, claimedAt! - 1).startedAt).to.equal(null);
      expect(stateAt(script, claimedAt!)).to.include({ status: 'working', startedAt: claimedAt, completedAt: null });
      expect(stateAt(script, endedAt - 1).status).to.equal('working');
      expect(stateAt(script, endedAt)).to.include({ status: 'completed', completedAt: endedAt });
    });

    it('costs nothing while queued, more and more while working, and no more once ended', () => {
      const dispatchedAt = script.dispatchedAt!;
      expect(stateAt(script, script.arrivedAt).costUsd).to.equal(null);
      const early = stateAt(script, dispatchedAt + MINUTE).costUsd!;
      const later = stateAt(script, dispatchedAt + 2 * MINUTE).costUsd!;
      expect(early).to.be.above(0);
      expect(later).to.be.closeTo(2 * early, 1e-9);
      expect(stateAt(script, script.endedAt + 60 * MINUTE).costUsd).to.equal(stateAt(script, script.endedAt).costUsd);
    });

    it('beats and calls tools while working', () => {
      const dispatchedAt = script.dispatchedAt!;
      const early = stateAt(script, dispatchedAt + 2 * MINUTE);
      const later = stateAt(script, dispatchedAt + 3 * MINUTE);
      expect(later.toolCallCount).to.be.above(early.toolCallCount);
      expect(later.lastHeartbeatAt!).to.be.above(early.lastHeartbeatAt!);
      expect(dispatchedAt + 3 * MINUTE - later.lastHeartbeatAt!).to.be.below(thresholds.heartbeatWindowMs);
    });

    it('can be cancelled while queued: stopped, never started, never charged', () => {
      const cancelled = scriptOf('cancelled-in-queue');
      expect(stateAt(cancelled, cancelled.endedAt)).to.include({ status: 'stopped', startedAt: null, costUsd: null });
    });
  });

  describe('stuck sessions: scripted behaviour, read by the rules', () => {
    it('a tool loop turns red at the N-th repeated call, and green once the session ends', () => {
      const script = scriptOf('tool-loop');
      const loop = script.toolLoop!;
      const nthCall = loop.from + (thresholds.toolLoopRepeats - 1) * loop.everyMs;
      expect(signalsAt(script, nthCall - 1)).not.to.include('ToolLoopStuck');
      expect(signalsAt(script, nthCall)).to.include('ToolLoopStuck');
      expect(stateAt(script, nthCall).healthStatus).to.equal('red');
      expect(stateAt(script, script.endedAt).healthStatus).to.equal('green');
      expect(stateAt(script, script.endedAt).signals).to.deep.equal([]);
    });

    it('a loop counts only as long as the threshold it is read with', () => {
      const script = scriptOf('tool-loop');
      const loop = script.toolLoop!;
      const nthCall = loop.from + (thresholds.toolLoopRepeats - 1) * loop.everyMs;
      const stricter = { ...thresholds, toolLoopRepeats: thresholds.toolLoopRepeats + 1 };
      expect(sessionStateAt(script, nthCall, stricter).signals).to.deep.equal([]);
    });

    it('a claim with nothing dispatched turns red just past the limit', () => {
      const script = scriptOf('claim-stuck');
      const limit = script.claimedAt! + thresholds.claimDispatchMs;
      expect(signalsAt(script, limit)).to.deep.equal([]);
      expect(signalsAt(script, limit + 1)).to.deep.equal(['ClaimStuck']);
      expect(stateAt(script, limit + 1).healthStatus).to.equal('red');
    });

    it('a silent worker turns yellow past the heartbeat window, and green again when it beats', () => {
      const script = scriptOf('heartbeat-gap', (candidate) => candidate.heartbeatGap!.to < candidate.endedAt);
      const gap = script.heartbeatGap!;
      const lastBeat = stateAt(script, gap.from).lastHeartbeatAt!;
      expect(signalsAt(script, lastBeat + thresholds.heartbeatWindowMs)).to.deep.equal([]);
      expect(signalsAt(script, lastBeat + thresholds.heartbeatWindowMs + 1)).to.deep.equal(['StaleHeartbeat']);
      expect(stateAt(script, lastBeat + thresholds.heartbeatWindowMs + 1).healthStatus).to.equal('yellow');
      expect(stateAt(script, gap.to + script.heartbeatEveryMs).signals).to.deep.equal([]);
    });

    it('a session past the SLA turns yellow', () => {
      const script = scriptOf('long-run');
      const sla = script.claimedAt! + thresholds.longRunningMs;
      expect(signalsAt(script, sla)).to.deep.equal([]);
      expect(signalsAt(script, sla + 1)).to.deep.equal(['LongRunning']);
      expect(stateAt(script, sla + 1).healthStatus).to.equal('yellow');
    });

    it('a healthy session never trips a rule at the default thresholds', () => {
      const healthy = platform.filter((script) => script.scenario === 'healthy').slice(0, 300);
      const flagged = healthy.filter((script) => {
        for (let time = script.claimedAt!; time < script.endedAt; time += 20_000) {
          if (stateAt(script, time).signals.length > 0) return true;
        }
        return false;
      });
      expect(healthy).to.have.length(300);
      expect(flagged).to.deep.equal([]);
    });
  });

  describe('arrivals and paging', () => {
    it('gives the same sessions for the same seed, and others for another seed', () => {
      const ids = (seed: number) =>
        new Fleet(seed, resolveProjects()).page(['web'], 0, 20).rows.map((row) => row.script.id);
      expect(ids(1)).to.deep.equal(ids(1));
      expect(ids(1)).not.to.deep.equal(ids(2));
      expect(ids(1).every((id) => /^[0-9a-f]{16}$/.test(id))).to.equal(true);
    });

    it('keeps receiving sessions as time runs, except in a project that takes none', () => {
      expect(fleet.sessionCount('web', 0)).to.equal(150);
      expect(fleet.sessionCount('web', 60 * MINUTE)).to.be.above(150);
      expect(fleet.sessionCount('web', -24 * 60 * MINUTE)).to.equal(0);
      expect(fleet.sessionCount('docs', 60 * MINUTE)).to.equal(0);
    });

    it('merges projects newest first', () => {
      const { rows } = fleet.page(['web', 'platform', 'mobile'], 0, 300);
      const arrivals = rows.map((row) => row.script.arrivedAt);
      expect(arrivals).to.deep.equal([...arrivals].sort((a, b) => b - a));
      expect(new Set(rows.map((row) => row.project.slug))).to.have.keys('web', 'platform', 'mobile');
    });

    it('pages after a key without repeats or gaps, while new sessions arrive on top', () => {
      const first = fleet.page(['web', 'mobile'], 0, 30);
      const last = first.rows.at(-1)!.script;
      const second = fleet.page(['web', 'mobile'], 30 * MINUTE, 30, last);
      const everything = fleet.page(['web', 'mobile'], 30 * MINUTE, 1000).rows.map((row) => row.script.id);
      const start = everything.indexOf(last.id) + 1;
      expect(second.rows.map((row) => row.script.id)).to.deep.equal(everything.slice(start, start + 30));
      // Sessions arrived meanwhile: the first page's top is no longer the list's top.
      expect(everything.indexOf(first.rows[0].script.id)).to.be.above(0);
    });

    it('answers a page of a 100,000-session project, at the top and deep in its history', () => {
      const big = new Fleet(1, resolveProjects({ huge: { initialSessions: 100_000 } }));
      expect(big.sessionCount('huge', 0)).to.equal(100_000);
      const top = big.page(['huge'], 0, 50);
      expect(top.rows).to.have.length(50);
      expect(top.hasMore).to.equal(true);
      // The history spans about 100,000 × 30 s ≈ 3e9 ms before the start.
      const key = { arrivedAt: -2.5e9, id: 'f'.repeat(16) };
      const deep = big.page(['huge'], 0, 50, key);
      expect(deep.rows).to.have.length(50);
      expect(deep.rows.every((row) => row.script.arrivedAt < key.arrivedAt)).to.equal(true);
      expect(big.page(['huge'], 0, 50, { arrivedAt: -1e12, id: '' })).to.deep.equal({ rows: [], hasMore: false });
    });
  });
});
