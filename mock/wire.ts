// A session as the API sends it (CONTRACT.md §2). Where the contract allows more than one form
// (a signal as a bare name or an object, an empty field as null or absent, cost as a string or a
// number), each session picks one from its own seed, so the variety is real but replays exactly.
// A few fields beyond the contract ride along, as a growing API's would.

import type { SimClock } from './clock.js';
import type { DurationField } from './org.js';
import { hashInts } from './random.js';
import { SEED_STREAMS, type SessionState, type SessionStatus } from './session.js';
import { BLOCKING_SIGNALS, type DetectedSignal, type HealthStatus, type StuckSignal } from './signals.js';

export type WireSignal = StuckSignal | { type: StuckSignal; detectedAt: string; severity: 'blocking' | 'advisory' };

export interface WireSession {
  id: string;
  status: SessionStatus;
  issueIdentifier?: string | null;
  workType?: string | null;
  provider?: string | null;
  startedAt: string | null;
  completedAt?: string | null;
  durationMs?: number;
  durationSeconds?: number;
  costUsd?: string | number | null;
  health?: { healthStatus: HealthStatus; stuckSignals: WireSignal[]; checkedAt: string };
  // Beyond the contract:
  createdAt: string;
  projectId: string;
  agentModel: string;
  toolCallCount: number;
  lastHeartbeatAt: string | null;
}

export interface WireContext {
  projectId: string;
  durationField: DurationField;
  /** The simulated present. */
  simNow: number;
  /** Turns simulated instants into the times the API sends (simulated time, anchored at now). */
  clock: Pick<SimClock, 'stampOf'>;
}

/** quirk → [slot, outOf]: a coin per session and quirk, true for about 1 session in `outOf`. */
const QUIRKS = { signalObjects: [1, 3], costAsNumber: [2, 8], omitEmpty: [3, 2] } as const;

function hasQuirk(state: SessionState, quirk: keyof typeof QUIRKS): boolean {
  const [slot, outOf] = QUIRKS[quirk];
  return hashInts(state.script.hash, SEED_STREAMS.quirk, slot) % outOf === 0;
}

const iso = (context: WireContext, simTime: number) =>
  new Date(context.clock.stampOf(simTime, context.simNow)).toISOString();

/** `null`, or nothing at all when this session leaves empty fields out. */
function empty(state: SessionState): null | undefined {
  return hasQuirk(state, 'omitEmpty') ? undefined : null;
}

type WireEnd = Pick<WireSession, 'completedAt' | 'durationMs' | 'durationSeconds'>;

function wireEnd(state: SessionState, context: WireContext): WireEnd {
  const { startedAt, completedAt } = state;
  if (context.durationField === 'completedAt') {
    return { completedAt: completedAt === null ? null : iso(context, completedAt) };
  }
  // These deployments send a duration only once there is a final one; a live one is counted from startedAt.
  if (startedAt === null || completedAt === null) return {};
  // Simulated time: the span the run lasted, as the timestamps say.
  const span = completedAt - startedAt;
  return context.durationField === 'durationMs' ? { durationMs: span } : { durationSeconds: span / 1000 };
}

function wireCost(state: SessionState): WireSession['costUsd'] {
  if (state.costUsd === null) return empty(state);
  return hasQuirk(state, 'costAsNumber') ? Math.round(state.costUsd * 10_000) / 10_000 : state.costUsd.toFixed(2);
}

function wireSignal(signal: DetectedSignal, asObject: boolean, context: WireContext): WireSignal {
  if (!asObject) return signal.type;
  const severity = BLOCKING_SIGNALS.includes(signal.type) ? 'blocking' : 'advisory';
  return { type: signal.type, detectedAt: iso(context, signal.since), severity };
}

/** The platform does not watch queued sessions; some deployments then send no health at all. */
function wireHealth(state: SessionState, context: WireContext): WireSession['health'] {
  if (state.status === 'queued' && hasQuirk(state, 'omitEmpty')) return undefined;
  const asObjects = hasQuirk(state, 'signalObjects');
  return {
    healthStatus: state.healthStatus,
    stuckSignals: state.signals.map((signal) => wireSignal(signal, asObjects, context)),
    checkedAt: iso(context, context.simNow),
  };
}

export function toWireSession(state: SessionState, context: WireContext): WireSession {
  const { script } = state;
  return {
    id: script.id,
    status: state.status,
    issueIdentifier: script.issueIdentifier ?? empty(state),
    workType: script.workType,
    // A provider is assigned when the session is claimed.
    provider: state.startedAt === null ? empty(state) : script.provider,
    startedAt: state.startedAt === null ? null : iso(context, state.startedAt),
    ...wireEnd(state, context),
    costUsd: wireCost(state),
    health: wireHealth(state, context),
    createdAt: iso(context, script.arrivedAt),
    projectId: context.projectId,
    agentModel: script.agentModel,
    toolCallCount: state.toolCallCount,
    lastHeartbeatAt: state.lastHeartbeatAt === null ? null : iso(context, state.lastHeartbeatAt),
  };
}
