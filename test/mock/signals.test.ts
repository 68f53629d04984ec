import { expect } from '@open-wc/testing';
import {
  claimStuckSince,
  DEFAULT_THRESHOLDS,
  detectStuckSignals,
  healthStatusOf,
  longRunningSince,
  staleHeartbeatSince,
  toolLoopStuckSince,
  trailingLoop,
  type ActivitySnapshot,
  type ToolCall,
} from '../../mock/signals.js';

const thresholds = DEFAULT_THRESHOLDS;
const CLAIMED = 1_000_000;

/** A healthy session claimed at CLAIMED, dispatched at once, that just beat. */
function activity(fields: Partial<ActivitySnapshot>): ActivitySnapshot {
  const now = fields.now ?? CLAIMED + 60_000;
  return { now, claimedAt: CLAIMED, dispatchedAt: CLAIMED, lastHeartbeatAt: now, recentToolCalls: [], ...fields };
}

function calls(...tools: [tool: string, progressed: boolean][]): ToolCall[] {
  return tools.map(([tool, progressed], i) => ({ tool, progressed, at: CLAIMED + i * 1000 }));
}

const repeat = (count: number, tool = 'run_tests'): [string, boolean][] => Array(count).fill([tool, false]);

describe('stuck-signal rules', () => {
  describe('LongRunning: active longer than the SLA', () => {
    it('holds just over the SLA, from the moment the SLA ran out', () => {
      expect(longRunningSince(activity({ now: CLAIMED + thresholds.longRunningMs + 1 }), thresholds)).to.equal(
        CLAIMED + thresholds.longRunningMs,
      );
    });
    it('does not hold just under it, nor exactly at it', () => {
      expect(longRunningSince(activity({ now: CLAIMED + thresholds.longRunningMs - 1 }), thresholds)).to.equal(null);
      expect(longRunningSince(activity({ now: CLAIMED + thresholds.longRunningMs }), thresholds)).to.equal(null);
    });
    it('follows a configured SLA', () => {
      const now = CLAIMED + 10_001;
      expect(longRunningSince(activity({ now }), { ...thresholds, longRunningMs: 10_000 })).to.equal(CLAIMED + 10_000);
      expect(longRunningSince(activity({ now }), { ...thresholds, longRunningMs: 10_001 })).to.equal(null);
    });
  });

  describe('StaleHeartbeat: no heartbeat within the window', () => {
    const beat = CLAIMED + 5000;
    it('holds just over the window since the last beat', () => {
      const now = beat + thresholds.heartbeatWindowMs + 1;
      expect(staleHeartbeatSince(activity({ now, lastHeartbeatAt: beat }), thresholds)).to.equal(
        beat + thresholds.heartbeatWindowMs,
      );
    });
    it('does not hold just under it', () => {
      const now = beat + thresholds.heartbeatWindowMs - 1;
      expect(staleHeartbeatSince(activity({ now, lastHeartbeatAt: beat }), thresholds)).to.equal(null);
    });
    it('counts from dispatch when the worker never beat', () => {
      const dispatchedAt = CLAIMED + 3000;
      const over = activity({
        now: dispatchedAt + thresholds.heartbeatWindowMs + 1,
        dispatchedAt,
        lastHeartbeatAt: null,
      });
      const under = activity({
        now: dispatchedAt + thresholds.heartbeatWindowMs - 1,
        dispatchedAt,
        lastHeartbeatAt: null,
      });
      expect(staleHeartbeatSince(over, thresholds)).to.equal(dispatchedAt + thresholds.heartbeatWindowMs);
      expect(staleHeartbeatSince(under, thresholds)).to.equal(null);
    });
    it('never holds before work is dispatched (there is no worker yet)', () => {
      const now = CLAIMED + 10 * thresholds.heartbeatWindowMs;
      expect(staleHeartbeatSince(activity({ now, dispatchedAt: null, lastHeartbeatAt: null }), thresholds)).to.equal(
        null,
      );
    });
  });

  describe('ToolLoopStuck: one tool, N times in a row, without progress', () => {
    const N = thresholds.toolLoopRepeats;
    it('holds at N repeats, from the N-th call', () => {
      const recentToolCalls = calls(['edit_file', true], ...repeat(N));
      expect(toolLoopStuckSince(activity({ recentToolCalls }), thresholds)).to.equal(recentToolCalls[N].at);
    });
    it('does not hold at N - 1 repeats', () => {
      expect(
        toolLoopStuckSince(activity({ recentToolCalls: calls(['edit_file', true], ...repeat(N - 1)) }), thresholds),
      ).to.equal(null);
    });
    it('is broken by a call that made progress, or by another tool', () => {
      const progressed = calls(...repeat(N - 1), ['run_tests', true], ...repeat(N - 1));
      const otherTool = calls(...repeat(N - 1), ['grep', false], ...repeat(N - 1));
      expect(toolLoopStuckSince(activity({ recentToolCalls: progressed }), thresholds)).to.equal(null);
      expect(toolLoopStuckSince(activity({ recentToolCalls: otherTool }), thresholds)).to.equal(null);
    });
    it('ends as soon as the latest call makes progress', () => {
      expect(trailingLoop(calls(...repeat(N + 3), ['run_tests', true]))).to.deep.equal([]);
      expect(trailingLoop(calls(['grep', true], ...repeat(3)))).to.have.length(3);
    });
  });

  describe('ClaimStuck: a claim, but no work dispatched within the limit', () => {
    it('holds just over the limit while nothing is dispatched', () => {
      const now = CLAIMED + thresholds.claimDispatchMs + 1;
      expect(claimStuckSince(activity({ now, dispatchedAt: null, lastHeartbeatAt: null }), thresholds)).to.equal(
        CLAIMED + thresholds.claimDispatchMs,
      );
    });
    it('does not hold just under the limit', () => {
      const now = CLAIMED + thresholds.claimDispatchMs - 1;
      expect(claimStuckSince(activity({ now, dispatchedAt: null, lastHeartbeatAt: null }), thresholds)).to.equal(null);
    });
    it('does not hold once work is dispatched, however late', () => {
      const now = CLAIMED + 10 * thresholds.claimDispatchMs;
      expect(claimStuckSince(activity({ now, dispatchedAt: now - 1 }), thresholds)).to.equal(null);
    });
  });

  describe('healthStatus', () => {
    it('is red with any blocking signal, even beside advisory ones', () => {
      expect(healthStatusOf([{ type: 'ToolLoopStuck' }])).to.equal('red');
      expect(healthStatusOf([{ type: 'LongRunning' }, { type: 'ClaimStuck' }])).to.equal('red');
    });
    it('is yellow with advisory signals only', () => {
      expect(healthStatusOf([{ type: 'LongRunning' }])).to.equal('yellow');
      expect(healthStatusOf([{ type: 'StaleHeartbeat' }, { type: 'LongRunning' }])).to.equal('yellow');
    });
    it('is green with none', () => {
      expect(healthStatusOf([])).to.equal('green');
    });
  });

  it('detects every rule that holds, blocking ones first', () => {
    const now = CLAIMED + thresholds.longRunningMs + 1;
    const signals = detectStuckSignals(
      activity({ now, dispatchedAt: null, lastHeartbeatAt: null, recentToolCalls: [] }),
      thresholds,
    );
    expect(signals.map((signal) => signal.type)).to.deep.equal(['ClaimStuck', 'LongRunning']);
    expect(detectStuckSignals(activity({}), thresholds)).to.deep.equal([]);
  });
});
