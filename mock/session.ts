// One simulated session: a script drawn once from its seed (when it arrives, is claimed, gets
// work dispatched, beats, calls tools, ends), and its state at any instant read off that script.
// Stuck sessions are scripted behaviours (a tool loop, a silent worker...); whether they count as
// stuck is left to the rules in signals.ts. All times are simulated milliseconds.

import { between, chance, exponential, hashInts, mulberry32, pick, weighted, type Random } from './random.js';
import {
  detectStuckSignals,
  healthStatusOf,
  type DetectedSignal,
  type HealthStatus,
  type Thresholds,
  type ToolCall,
} from './signals.js';

export type SessionStatus = 'queued' | 'working' | 'completed' | 'failed' | 'stopped';
type Outcome = Exclude<SessionStatus, 'queued' | 'working'>;

/** What a session is scripted to do. At the default thresholds each stuck one trips its own rule. */
export type Scenario = 'healthy' | 'long-run' | 'heartbeat-gap' | 'tool-loop' | 'claim-stuck' | 'cancelled-in-queue';

interface Timing {
  /** `null`: cancelled while still queued. */
  readonly claimedAt: number | null;
  /** `null`: work never dispatched (a stuck claim, or cancelled). */
  readonly dispatchedAt: number | null;
  readonly endedAt: number;
  readonly outcome: Outcome;
  /** A span with no heartbeats; `to` is `endedAt` when the worker never comes back. */
  readonly heartbeatGap: { readonly from: number; readonly to: number } | null;
  /** From `from` on, the agent repeats one tool without progress until the session ends. */
  readonly toolLoop: { readonly from: number; readonly tool: string; readonly everyMs: number } | null;
}

export interface SessionScript extends Timing {
  readonly id: string;
  /** The session's own seed: its tool names and wire-format quirks derive from it. */
  readonly hash: number;
  readonly scenario: Scenario;
  readonly issueIdentifier: string | null;
  readonly workType: string;
  readonly provider: string;
  readonly agentModel: string;
  readonly arrivedAt: number;
  readonly heartbeatEveryMs: number;
  readonly toolCallEveryMs: number;
  readonly costPerMinuteUsd: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Independent draws derived from a session's seed: `hashInts(hash, stream, n)`. */
export const SEED_STREAMS = { id: 1, tool: 2, quirk: 3 } as const;

const SCENARIO_WEIGHTS: Readonly<Record<Scenario, number>> = {
  healthy: 70,
  'long-run': 6,
  'heartbeat-gap': 8,
  'tool-loop': 7,
  'claim-stuck': 5,
  'cancelled-in-queue': 4,
};
const WORK_TYPES = { development: 55, qa: 15, research: 15, coordination: 10, refinement: 5 };
const PROVIDERS = { e2b: 35, modal: 20, local: 20, vercel: 15, daytona: 10 };
const AGENT_MODELS = { 'claude-sonnet-4-5': 50, 'claude-opus-4-1': 20, 'gpt-5-codex': 20, 'gemini-2.5-pro': 10 };
/** Estimated USD per simulated minute of work, by model: a short run costs cents, a long one on a big model tens of dollars. */
const COST_PER_MINUTE_USD: Readonly<Record<string, readonly [number, number]>> = {
  'claude-sonnet-4-5': [0.03, 0.12],
  'claude-opus-4-1': [0.12, 0.45],
  'gpt-5-codex': [0.02, 0.1],
  'gemini-2.5-pro': [0.02, 0.08],
};
const PRODUCTIVE_TOOLS = ['read_file', 'edit_file', 'grep', 'run_tests', 'bash', 'list_dir', 'git_diff', 'web_fetch'];
const LOOPING_TOOLS = ['run_tests', 'read_file', 'bash', 'grep'];

const minutes = (random: Random, min: number, max: number) => Math.round(between(random, min, max) * MINUTE);
const seconds = (random: Random, min: number, max: number) => Math.round(between(random, min, max) * SECOND);

/** Queue waits are mostly short, with a long tail when the fleet is busy. */
function claimTime(random: Random, arrivedAt: number): number {
  return arrivedAt + 2 * SECOND + Math.round(Math.min(exponential(random(), 70 * SECOND), 12 * MINUTE));
}

/** Everything between dispatch and the end, per scenario, for sessions that get work dispatched. */
function dispatchedTiming(random: Random, scenario: Scenario, dispatchedAt: number): Omit<Timing, 'claimedAt'> {
  const plain = { dispatchedAt, heartbeatGap: null, toolLoop: null };
  switch (scenario) {
    case 'long-run': {
      const endedAt = dispatchedAt + minutes(random, 55, 180);
      return { ...plain, endedAt, outcome: chance(random, 0.85) ? 'completed' : 'stopped' };
    }
    case 'heartbeat-gap': {
      const from = dispatchedAt + minutes(random, 2, 10);
      if (chance(random, 0.65)) {
        const to = from + minutes(random, 4, 15);
        return { ...plain, heartbeatGap: { from, to }, endedAt: to + minutes(random, 2, 10), outcome: 'completed' };
      }
      // The worker is lost for good; the platform reaps the session.
      const endedAt = from + minutes(random, 15, 20);
      return { ...plain, heartbeatGap: { from, to: endedAt }, endedAt, outcome: 'failed' };
    }
    case 'tool-loop': {
      const from = dispatchedAt + minutes(random, 2, 12);
      const toolLoop = { from, tool: pick(random, LOOPING_TOOLS), everyMs: seconds(random, 8, 20) };
      // Until an operator stops it, or it runs out of budget.
      const endedAt = from + minutes(random, 8, 30);
      return { ...plain, toolLoop, endedAt, outcome: chance(random, 0.7) ? 'stopped' : 'failed' };
    }
    default:
      return {
        ...plain,
        // Under the 45-minute SLA, so a healthy run never shows as long-running.
        endedAt: dispatchedAt + minutes(random, 2, 40),
        outcome: weighted(random, { completed: 85, failed: 10, stopped: 5 }),
      };
  }
}

function timing(random: Random, scenario: Scenario, arrivedAt: number): Timing {
  const idle = { dispatchedAt: null, heartbeatGap: null, toolLoop: null };
  if (scenario === 'cancelled-in-queue') {
    return { ...idle, claimedAt: null, endedAt: arrivedAt + seconds(random, 20, 300), outcome: 'stopped' };
  }
  const claimedAt = claimTime(random, arrivedAt);
  if (scenario === 'claim-stuck') {
    // The platform's reaper eventually releases the claim, or an operator stops it.
    const outcome = chance(random, 0.75) ? 'failed' : 'stopped';
    return { ...idle, claimedAt, endedAt: claimedAt + minutes(random, 10, 25), outcome };
  }
  return { claimedAt, ...dispatchedTiming(random, scenario, claimedAt + seconds(random, 3, 25)) };
}

const hex8 = (value: number) => value.toString(16).padStart(8, '0');

/** The session's public id: 16 lowercase hex characters. */
export function sessionIdOf(hash: number): string {
  return hex8(hashInts(hash, SEED_STREAMS.id, 1)) + hex8(hashInts(hash, SEED_STREAMS.id, 2));
}

/** Issue numbers climb with the project's history; a few sessions share an issue (retries). */
function issueIdentifier(random: Random, issuePrefix: string, index: number, workType: string): string | null {
  const withoutIssue = chance(random, workType === 'coordination' ? 0.5 : 0.02);
  const number = 100 + Math.floor(index * 0.8) + Math.floor(random() * 3);
  return withoutIssue ? null : `${issuePrefix}-${number}`;
}

/** The `index`-th session of a project (0 = oldest), from its own seed `hash`. */
export function scriptSession(hash: number, index: number, arrivedAt: number, issuePrefix: string): SessionScript {
  const random = mulberry32(hash);
  const scenario = weighted(random, SCENARIO_WEIGHTS);
  const workType = weighted(random, WORK_TYPES);
  const issue = issueIdentifier(random, issuePrefix, index, workType);
  const provider = weighted(random, PROVIDERS);
  const agentModel = weighted(random, AGENT_MODELS);
  const heartbeatEveryMs = seconds(random, 20, 40);
  const toolCallEveryMs = seconds(random, 10, 60);
  const [cheapest, dearest] = COST_PER_MINUTE_USD[agentModel];
  return {
    id: sessionIdOf(hash),
    hash,
    scenario,
    workType,
    issueIdentifier: issue,
    provider,
    agentModel,
    arrivedAt,
    heartbeatEveryMs,
    toolCallEveryMs,
    costPerMinuteUsd: between(random, cheapest, dearest),
    ...timing(random, scenario, arrivedAt),
  };
}

export interface SessionState {
  readonly script: SessionScript;
  readonly status: SessionStatus;
  /** When it was claimed; `null` while queued. */
  readonly startedAt: number | null;
  readonly completedAt: number | null;
  /** Estimated USD so far; `null` until claimed. */
  readonly costUsd: number | null;
  readonly lastHeartbeatAt: number | null;
  readonly toolCallCount: number;
  /** Only a working session is watched: queued and finished ones have none. */
  readonly signals: readonly DetectedSignal[];
  readonly healthStatus: HealthStatus;
}

function statusAt(script: SessionScript, now: number): SessionStatus {
  if (now >= script.endedAt) return script.outcome;
  return script.claimedAt !== null && now >= script.claimedAt ? 'working' : 'queued';
}

/** Productive calls: the k-th (k ≥ 1) at dispatch + k·every, before any loop begins. */
function productiveCallCount(script: SessionScript, dispatchedAt: number | null, until: number): number {
  if (dispatchedAt === null) return 0;
  const phaseEnd = script.toolLoop?.from ?? script.endedAt;
  return Math.max(0, Math.floor((Math.min(until, phaseEnd - 1) - dispatchedAt) / script.toolCallEveryMs));
}

/** Looping calls: the j-th (j ≥ 0) at loop start + j·every, until the session ends. */
function loopCallCount(script: SessionScript, until: number): number {
  const loop = script.toolLoop;
  if (!loop || until < loop.from) return 0;
  return Math.floor((Math.min(until, script.endedAt - 1) - loop.from) / loop.everyMs) + 1;
}

/** The latest `limit` tool calls up to `until`, oldest first. */
function recentToolCalls(script: SessionScript, dispatchedAt: number | null, until: number, limit: number): ToolCall[] {
  if (dispatchedAt === null) return [];
  const looping: ToolCall[] = [];
  const loop = script.toolLoop;
  const loopCalls = loopCallCount(script, until);
  if (loop) {
    for (let j = Math.max(0, loopCalls - limit); j < loopCalls; j++) {
      looping.push({ tool: loop.tool, at: loop.from + j * loop.everyMs, progressed: false });
    }
  }
  const productive: ToolCall[] = [];
  const productiveCalls = productiveCallCount(script, dispatchedAt, until);
  for (let k = Math.max(1, productiveCalls - (limit - looping.length) + 1); k <= productiveCalls; k++) {
    const tool = PRODUCTIVE_TOOLS[hashInts(script.hash, SEED_STREAMS.tool, k) % PRODUCTIVE_TOOLS.length];
    productive.push({ tool, at: dispatchedAt + k * script.toolCallEveryMs, progressed: true });
  }
  return [...productive, ...looping];
}

/** Beats come every `heartbeatEveryMs` from dispatch, except inside the gap. */
function lastHeartbeatBefore(script: SessionScript, dispatchedAt: number | null, until: number): number | null {
  if (dispatchedAt === null) return null;
  const every = script.heartbeatEveryMs;
  const beat = dispatchedAt + Math.floor((until - dispatchedAt) / every) * every;
  const gap = script.heartbeatGap;
  if (!gap || beat < gap.from || beat >= gap.to) return beat;
  return dispatchedAt + (Math.ceil((gap.from - dispatchedAt) / every) - 1) * every;
}

export function sessionStateAt(script: SessionScript, now: number, thresholds: Thresholds): SessionState {
  const status = statusAt(script, now);
  const startedAt = status === 'queued' ? null : script.claimedAt;
  // A finished session's activity froze when it ended.
  const activeUntil = Math.min(now, script.endedAt);
  const dispatchedAt = script.dispatchedAt !== null && script.dispatchedAt <= activeUntil ? script.dispatchedAt : null;
  const lastHeartbeatAt = lastHeartbeatBefore(script, dispatchedAt, activeUntil);
  const signals =
    status === 'working' && startedAt !== null
      ? detectStuckSignals(
          {
            now,
            claimedAt: startedAt,
            dispatchedAt,
            lastHeartbeatAt,
            recentToolCalls: recentToolCalls(script, dispatchedAt, now, thresholds.toolLoopRepeats),
          },
          thresholds,
        )
      : [];
  const workedMs = dispatchedAt === null ? 0 : activeUntil - dispatchedAt;
  return {
    script,
    status,
    startedAt,
    completedAt: now >= script.endedAt ? script.endedAt : null,
    costUsd: startedAt === null ? null : (script.costPerMinuteUsd * workedMs) / MINUTE,
    lastHeartbeatAt,
    toolCallCount: productiveCallCount(script, dispatchedAt, activeUntil) + loopCallCount(script, activeUntil),
    signals,
    healthStatus: healthStatusOf(signals),
  };
}
