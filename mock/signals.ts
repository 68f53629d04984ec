// The platform's stuck-session rules, as pure functions of what its watchdog observes. The fleet
// never paints a signal on a session: it simulates activity, and these rules read it.

export type StuckSignal = 'ToolLoopStuck' | 'ClaimStuck' | 'LongRunning' | 'StaleHeartbeat';
export type HealthStatus = 'green' | 'yellow' | 'red';

/** All durations are in simulated milliseconds. */
export interface Thresholds {
  /** The SLA: a session active (claimed) for longer than this is `LongRunning`. */
  longRunningMs: number;
  /** A dispatched session with no heartbeat for longer than this is `StaleHeartbeat`. */
  heartbeatWindowMs: number;
  /** This many calls of one tool in a row, none making progress, is `ToolLoopStuck`. */
  toolLoopRepeats: number;
  /** A claim with no work dispatched for longer than this is `ClaimStuck`. */
  claimDispatchMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  longRunningMs: 45 * MINUTE,
  heartbeatWindowMs: 3 * MINUTE,
  toolLoopRepeats: 8,
  claimDispatchMs: 2 * MINUTE,
};

export interface ToolCall {
  tool: string;
  at: number;
  /** Whether the call changed anything (files, output): a loop is calls that change nothing. */
  progressed: boolean;
}

/** What the watchdog sees of one active session at `now`; `null` for what has not happened yet. */
export interface ActivitySnapshot {
  now: number;
  claimedAt: number;
  dispatchedAt: number | null;
  lastHeartbeatAt: number | null;
  /** The latest tool calls, oldest first: at least `toolLoopRepeats` of them when that many exist. */
  recentToolCalls: readonly ToolCall[];
}

export interface DetectedSignal {
  type: StuckSignal;
  /** When the rule started to hold. */
  since: number;
}

/** Each rule answers when it started to hold, or `null` when it does not hold at `now`. */
export type Rule = (activity: ActivitySnapshot, thresholds: Thresholds) => number | null;

/** Holds strictly after `start + limit`, i.e. once the limit is exceeded, not merely reached. */
function exceeded(now: number, start: number, limit: number): number | null {
  return now - start > limit ? start + limit : null;
}

export const longRunningSince: Rule = (activity, { longRunningMs }) =>
  exceeded(activity.now, activity.claimedAt, longRunningMs);

/** A worker starts beating when work is dispatched; before that there is no one to be silent. */
export const staleHeartbeatSince: Rule = (activity, { heartbeatWindowMs }) =>
  activity.dispatchedAt === null
    ? null
    : exceeded(activity.now, activity.lastHeartbeatAt ?? activity.dispatchedAt, heartbeatWindowMs);

export const claimStuckSince: Rule = (activity, { claimDispatchMs }) =>
  activity.dispatchedAt === null ? exceeded(activity.now, activity.claimedAt, claimDispatchMs) : null;

/** The newest calls that repeat the latest call's tool without progress, oldest first. */
export function trailingLoop(calls: readonly ToolCall[]): readonly ToolCall[] {
  const latest = calls.at(-1);
  if (!latest || latest.progressed) return [];
  let start = calls.length - 1;
  while (start > 0 && calls[start - 1].tool === latest.tool && !calls[start - 1].progressed) start--;
  return calls.slice(start);
}

export const toolLoopStuckSince: Rule = (activity, { toolLoopRepeats }) => {
  const loop = trailingLoop(activity.recentToolCalls);
  return loop.length >= toolLoopRepeats ? loop[toolLoopRepeats - 1].at : null;
};

export const BLOCKING_SIGNALS: readonly StuckSignal[] = ['ToolLoopStuck', 'ClaimStuck'];

/** Blocking rules first, so the worst news leads the list. */
const RULES: readonly (readonly [StuckSignal, Rule])[] = [
  ['ToolLoopStuck', toolLoopStuckSince],
  ['ClaimStuck', claimStuckSince],
  ['LongRunning', longRunningSince],
  ['StaleHeartbeat', staleHeartbeatSince],
];

export function detectStuckSignals(activity: ActivitySnapshot, thresholds: Thresholds): DetectedSignal[] {
  return RULES.flatMap(([type, rule]) => {
    const since = rule(activity, thresholds);
    return since === null ? [] : [{ type, since }];
  });
}

/** Any blocking signal → red; else any advisory one → yellow; else green. */
export function healthStatusOf(signals: readonly { type: StuckSignal }[]): HealthStatus {
  if (signals.some((signal) => BLOCKING_SIGNALS.includes(signal.type))) return 'red';
  return signals.length > 0 ? 'yellow' : 'green';
}
