// The bodies of POST /__mock/control and POST /__mock/reset, checked strictly: a typo in a test's
// fault is a 400 naming it, not a fault that silently never fires.

import { FAULT_KINDS, SERVER_ERROR_STATUSES, type FaultKind, type FaultSpec } from './faults.js';
import type { DurationField, ProjectOverrides, ProjectSettings } from './org.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './signals.js';
import { parseInstant, type SimulationSettings } from './simulation.js';

/** A body the mock cannot act on; answered 400 with this message. */
export class ControlError extends Error {}

export interface ControlCommand {
  /** First: `true` clears every fault, a slug clears that project's. */
  clear?: true | string;
  /** Then these faults are added, in order. */
  inject: FaultSpec[];
  /** Last: the clock skips ahead by this much wall-clock time. */
  advanceMs?: number;
}

type JsonObject = Record<string, unknown>;

const DAY = 86_400_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const DURATION_FIELDS: readonly DurationField[] = ['completedAt', 'durationMs', 'durationSeconds'];

function parseJson(body: string | undefined): unknown {
  try {
    return JSON.parse(body || '{}');
  } catch {
    throw new ControlError('The body is not JSON');
  }
}

function record(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlError(`${what} must be an object`);
  }
  return value as JsonObject;
}

function onlyFields(source: JsonObject, what: string, allowed: readonly string[]): JsonObject {
  const unknown = Object.keys(source).find((key) => !allowed.includes(key));
  if (unknown !== undefined)
    throw new ControlError(`${what}: unknown field "${unknown}" (known: ${allowed.join(', ')})`);
  return source;
}

function recordOf(value: unknown, what: string, allowed: readonly string[]): JsonObject {
  return onlyFields(record(value, what), what, allowed);
}

/** Drops the fields left undefined, so that spreading the result over defaults keeps them. */
function given<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined)) as T;
}

function number(source: JsonObject, key: string, min: number, max: number, integer = false): number | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw new ControlError(`${key} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}

function oneOf<T>(source: JsonObject, key: string, choices: readonly T[]): T | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) throw new ControlError(`${key} must be one of: ${choices.join(', ')}`);
  return value as T;
}

/** The fields each kind reads, beyond `kind`, `project` and `count`. */
const FIELDS_BY_KIND: Readonly<Record<FaultKind, readonly string[]>> = {
  latency: ['latencyMs'],
  'rate-limit': ['retryAfterSeconds'],
  'server-error': ['status', 'retryAfterSeconds'],
  'html-error': ['status'],
  'malformed-json': [],
  'no-etag': [],
  'refuse-if-none-match': [],
  'expired-key': [],
  'connection-reset': [],
  hang: [],
};

const HTTP_ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);

export function parseFaultSpec(value: unknown, projectSlugs: readonly string[]): FaultSpec {
  const source = record(value, 'A fault');
  const kind = oneOf(source, 'kind', FAULT_KINDS);
  if (kind === undefined) throw new ControlError(`A fault needs a kind: ${FAULT_KINDS.join(', ')}`);
  onlyFields(source, `A ${kind} fault`, ['kind', 'project', 'count', ...FIELDS_BY_KIND[kind]]);
  const spec: FaultSpec = given({
    kind,
    project: oneOf(source, 'project', projectSlugs),
    count: number(source, 'count', 1, 1_000_000, true),
    latencyMs: number(source, 'latencyMs', 0, 120_000),
    status: oneOf(source, 'status', kind === 'server-error' ? SERVER_ERROR_STATUSES : HTTP_ERROR_STATUSES),
    retryAfterSeconds: number(source, 'retryAfterSeconds', 0, 86_400, true),
  });
  if (kind === 'latency' && spec.latencyMs === undefined) throw new ControlError('A latency fault needs latencyMs');
  return spec;
}

export function parseControl(body: string | undefined, projectSlugs: readonly string[]): ControlCommand {
  const source = recordOf(parseJson(body), 'The control body', ['clear', 'inject', 'advanceMs']);
  const { clear, inject = [] } = source;
  if (clear !== undefined && clear !== true && !projectSlugs.includes(clear as string)) {
    throw new ControlError(`clear must be true or a project slug: ${projectSlugs.join(', ')}`);
  }
  return {
    clear: clear as ControlCommand['clear'],
    inject: (Array.isArray(inject) ? inject : [inject]).map((fault) => parseFaultSpec(fault, projectSlugs)),
    advanceMs: number(source, 'advanceMs', 0, DAY),
  };
}

function parseProjectSettings(slug: string, value: unknown): Partial<ProjectSettings> {
  if (!SLUG.test(slug)) throw new ControlError(`Not a project slug: "${slug}"`);
  const what = `projects.${slug}`;
  const source = recordOf(value, what, [
    'initialSessions',
    'meanArrivalGapMs',
    'arriving',
    'pageSize',
    'durationField',
  ]);
  return given({
    initialSessions: number(source, 'initialSessions', 0, 2_000_000, true),
    meanArrivalGapMs: number(source, 'meanArrivalGapMs', 1000, DAY),
    arriving: oneOf(source, 'arriving', [true, false]),
    pageSize: number(source, 'pageSize', 1, 200, true),
    durationField: oneOf(source, 'durationField', DURATION_FIELDS),
  });
}

function parseProjects(value: unknown): ProjectOverrides {
  const entries = Object.entries(record(value, 'projects'));
  return Object.fromEntries(entries.map(([slug, settings]) => [slug, parseProjectSettings(slug, settings)]));
}

function parseThresholds(value: unknown): Partial<Thresholds> {
  const source = recordOf(value, 'thresholds', Object.keys(DEFAULT_THRESHOLDS));
  return given({
    longRunningMs: number(source, 'longRunningMs', 0, 30 * DAY),
    heartbeatWindowMs: number(source, 'heartbeatWindowMs', 0, 30 * DAY),
    toolLoopRepeats: number(source, 'toolLoopRepeats', 1, 1000, true),
    claimDispatchMs: number(source, 'claimDispatchMs', 0, 30 * DAY),
  });
}

export function parseReset(body: string | undefined): SimulationSettings {
  const source = recordOf(parseJson(body), 'The reset body', ['seed', 'speed', 'time', 'projects', 'thresholds']);
  const { time, projects, thresholds } = source;
  if (time !== undefined && ((typeof time !== 'string' && typeof time !== 'number') || parseInstant(time) === null)) {
    throw new ControlError('time must be an ISO 8601 instant or epoch milliseconds');
  }
  return given({
    seed: number(source, 'seed', 0, 2 ** 32 - 1, true),
    speed: number(source, 'speed', 0.001, 100_000),
    time: time as string | number | undefined,
    projects: projects === undefined ? undefined : parseProjects(projects),
    thresholds: thresholds === undefined ? undefined : parseThresholds(thresholds),
  });
}
