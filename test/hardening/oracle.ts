/**
 * What the contract (CONTRACT.md §2) says an answer must turn into, written independently of
 * `src/api/schema.ts`, so the fuzz tests compare two readings of the contract rather than the
 * parser against itself.
 */

const BLOCKING = new Set(['ToolLoopStuck', 'ClaimStuck']);

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const absent = (value: unknown) => value === undefined || value === null;

/**
 * An ISO 8601 date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then `THH:mm[:ss[.f]]`, a zone) that is on the
 * calendar: its parts, set on a Date, come back unchanged (`2026-02-30` would come back as March 2).
 */
function isIsoDate(value: string): boolean {
  const match =
    /^([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d)(?:[Tt ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?([Zz]|[+-](\d\d):?(\d\d))?)?)?)?$/.exec(
      value,
    );
  if (!match || match[1] === '-000000') return false;
  const [year, month = 1, day = 1, hours = 0, minutes = 0, seconds = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part)));
  const date = new Date(0);
  date.setUTCFullYear(year!, month - 1, day);
  date.setUTCHours(hours, minutes, seconds);
  const sameParts =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hours &&
    date.getUTCMinutes() === minutes &&
    date.getUTCSeconds() === seconds;
  const zoneOk = match[8] === undefined || (Number(match[8]) < 24 && Number(match[9]) < 60);
  return sameParts && zoneOk && !Number.isNaN(Date.parse(value));
}

/** Whether a known optional field's value can be read (null always can: the value is unknown). */
const readText = (value: unknown) => value === null || isString(value);
const readDate = (value: unknown) => value === null || (isString(value) && isIsoDate(value));
const readDuration = (value: unknown) => value === null || (typeof value === 'number' && value >= 0);
const readCost = (value: unknown) =>
  value === null ||
  (isString(value) && /^\s*\d+(\.\d+)?\s*$/.test(value) && Number.isFinite(Number(value))) ||
  (typeof value === 'number' && Number.isFinite(value) && (value > 0 || Object.is(value, 0)));

const READERS: Record<string, (value: unknown) => boolean> = {
  issueIdentifier: readText,
  workType: readText,
  provider: readText,
  startedAt: readDate,
  completedAt: readDate,
  durationMs: readDuration,
  durationSeconds: readDuration,
  costUsd: readCost,
};

function validSignal(signal: unknown): boolean {
  return isString(signal) || (isObject(signal) && isString(signal.type));
}

/** True when the contract says this row must be shown: it has an id and a status. */
export function isValidRow(row: unknown): row is Record<string, unknown> & { id: string; status: string } {
  if (!isObject(row)) return false;
  return isString(row.id) && row.id !== '' && isString(row.status) && row.status !== '';
}

/**
 * A row to show, as it must read: every known field that can't be read set to null (a signal that
 * is not one left out), and how many there were.
 */
export function readableRow(row: Record<string, unknown>): { row: Record<string, unknown>; unreadable: number } {
  const out: Record<string, unknown> = { ...row };
  let unreadable = 0;
  for (const [field, read] of Object.entries(READERS)) {
    if (row[field] !== undefined && !read(row[field])) {
      out[field] = null;
      unreadable++;
    }
  }
  const health = row.health;
  if (health !== undefined && health !== null) {
    if (!isObject(health)) {
      out.health = null;
      unreadable++;
    } else {
      const copy: Record<string, unknown> = { ...health };
      if (health.healthStatus !== undefined && !readText(health.healthStatus)) {
        copy.healthStatus = null;
        unreadable++;
      }
      const signals = health.stuckSignals;
      if (signals !== undefined && signals !== null) {
        if (!Array.isArray(signals)) {
          copy.stuckSignals = null;
          unreadable++;
        } else {
          copy.stuckSignals = signals.filter(validSignal);
          unreadable += signals.length - (copy.stuckSignals as unknown[]).length;
        }
      }
      out.health = copy;
    }
  }
  return { row: out, unreadable };
}

/** A cursor that can be sent back: a string or a number (absent or null: the last page). */
const readableCursor = (cursor: unknown) => absent(cursor) || isString(cursor) || typeof cursor === 'number';

export type Outcome = 'rows' | 'rows+notice' | 'empty' | 'error';

export interface Expected {
  outcome: Outcome;
  /** Ids of the rows to show, in order, each once (first position; the last copy's data). */
  ids: string[];
  /** The row each shown id takes its data from. */
  byId: Map<string, Record<string, unknown>>;
  rejected: number;
  /** Fields of the rows to show (and the cursor) that were sent but can't be read. */
  unreadable: number;
  /** Why the answer is an error, when it is one. */
  failure?: 'http' | 'not-json' | 'not-a-list';
}

/** What a first load of this answer must end in. */
export function expectFirstLoad(status: number, body: string): Expected {
  const none = { ids: [], byId: new Map(), rejected: 0, unreadable: 0 };
  if (status < 200 || status > 299) return { outcome: 'error', failure: 'http', ...none };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { outcome: 'error', failure: 'not-json', ...none };
  }
  if (!isObject(json) || !Array.isArray(json.sessions)) {
    return { outcome: 'error', failure: 'not-a-list', ...none };
  }
  const ids: string[] = [];
  const byId = new Map<string, Record<string, unknown>>();
  let rejected = 0;
  let unreadable = readableCursor(json.cursor) ? 0 : 1;
  for (const sent of json.sessions) {
    if (!isValidRow(sent)) {
      rejected++;
      continue;
    }
    const { row, unreadable: fields } = readableRow(sent);
    unreadable += fields;
    if (!byId.has(sent.id)) ids.push(sent.id);
    byId.set(sent.id, row);
  }
  // No valid row, but some rejected: nothing to show, so the answer is a (blocking) error.
  const outcome: Outcome =
    ids.length === 0 ? (rejected > 0 ? 'error' : 'empty') : rejected > 0 ? 'rows+notice' : 'rows';
  return { outcome, ids, byId, rejected, unreadable };
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
