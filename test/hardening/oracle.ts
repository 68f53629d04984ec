/**
 * What the contract (CONTRACT.md §2) says an answer must turn into, written independently of
 * `src/api/schema.ts`, so the fuzz tests compare two readings of the contract rather than the
 * parser against itself.
 */

const KNOWN_FIELDS = ['id', 'status', 'issueIdentifier', 'workType', 'provider', 'startedAt', 'completedAt'] as const;
const BLOCKING = new Set(['ToolLoopStuck', 'ClaimStuck']);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const absent = (value: unknown) => value === undefined || value === null;
const optionalString = (value: unknown) => absent(value) || isString(value);
const optionalDate = (value: unknown) => absent(value) || (isString(value) && !Number.isNaN(Date.parse(value)));
const optionalNonNegative = (value: unknown) => absent(value) || (typeof value === 'number' && value >= 0);
const decimal = /^\s*-?\d+(\.\d+)?\s*$/;
const optionalCost = (value: unknown) =>
  absent(value) || (isString(value) && decimal.test(value)) || (typeof value === 'number' && Number.isFinite(value));

function validSignal(signal: unknown): boolean {
  return isString(signal) || (isObject(signal) && isString(signal.type));
}

function validHealth(health: unknown): boolean {
  if (absent(health)) return true;
  if (!isObject(health)) return false;
  if (!optionalString(health.healthStatus)) return false;
  const signals = health.stuckSignals;
  return absent(signals) || (Array.isArray(signals) && signals.every(validSignal));
}

/** True when the contract says this row must be shown. */
export function isValidRow(row: unknown): row is Record<string, unknown> & { id: string; status: string } {
  if (!isObject(row)) return false;
  if (!isString(row.id) || row.id === '' || !isString(row.status) || row.status === '') return false;
  for (const field of KNOWN_FIELDS.slice(2, 5)) if (!optionalString(row[field])) return false;
  if (!optionalDate(row.startedAt) || !optionalDate(row.completedAt)) return false;
  if (!optionalNonNegative(row.durationMs) || !optionalNonNegative(row.durationSeconds)) return false;
  return optionalCost(row.costUsd) && validHealth(row.health);
}

export type Outcome = 'rows' | 'rows+notice' | 'empty' | 'error';

export interface Expected {
  outcome: Outcome;
  /** Ids of the rows to show, in order, each once (first position; the last copy's data). */
  ids: string[];
  /** The row each shown id takes its data from. */
  byId: Map<string, Record<string, unknown>>;
  rejected: number;
  /** Why the answer is an error, when it is one. */
  failure?: 'http' | 'not-json' | 'not-a-list';
}

/** What a first load of this answer must end in. */
export function expectFirstLoad(status: number, body: string): Expected {
  const none = { ids: [], byId: new Map(), rejected: 0 };
  if (status < 200 || status > 299) return { outcome: 'error', failure: 'http', ...none };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { outcome: 'error', failure: 'not-json', ...none };
  }
  if (!isObject(json) || !Array.isArray(json.sessions) || !(absent(json.cursor) || isString(json.cursor))) {
    return { outcome: 'error', failure: 'not-a-list', ...none };
  }
  const ids: string[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  let rejected = 0;
  for (const row of json.sessions) {
    if (!isValidRow(row)) {
      rejected++;
      continue;
    }
    if (!byId.has(row.id)) ids.push(row.id);
    byId.set(row.id, row);
  }
  // No valid row, but some rejected: nothing to show, so the answer is a (blocking) error.
  const outcome: Outcome =
    ids.length === 0 ? (rejected > 0 ? 'error' : 'empty') : rejected > 0 ? 'rows+notice' : 'rows';
  return { outcome, ids, byId, rejected };
}

export type Colour = 'green' | 'yellow' | 'red' | 'unknown';

/** The contract's health table: the worse of `healthStatus` and what the signals imply. */
export function expectedColour(health: unknown): Colour {
  if (!isObject(health)) return 'unknown';
  const names = ((health.stuckSignals as unknown[] | null | undefined) ?? [])
    .map((signal) => (isString(signal) ? signal : (signal as { type: string }).type))
    .filter((name) => name.trim() !== '');
  const rank = { unknown: 0, green: 1, yellow: 2, red: 3 } as const;
  const fromSignals: Colour = names.some((name) => BLOCKING.has(name)) ? 'red' : names.length ? 'yellow' : 'unknown';
  const word = health.healthStatus;
  const fromStatus: Colour = word === 'green' || word === 'yellow' || word === 'red' ? word : 'unknown';
  return rank[fromSignals] > rank[fromStatus] ? fromSignals : fromStatus;
}
