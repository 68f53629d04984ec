/**
 * A session plus what the list derives from it, computed once when its page arrives rather
 * than on every render (a refresh re-renders the window every second).
 */
import type { Session } from '../api/schema.js';
import { deriveHealth, type Health } from './health.js';

export interface SessionRow {
  readonly id: string;
  readonly session: Session;
  readonly health: Health;
  /** When the session was claimed (clock ms), or null while queued. */
  readonly startedMs: number | null;
  /** Duration known when fetched (ms): given by the server, or claim to completion, or claim to fetch while working. */
  readonly durationAtFetchMs: number | null;
  readonly costUsd: number | null;
  /** Lower-cased identifier and id, for the case-insensitive prefix search. */
  readonly searchKeys: readonly string[];
  /** Clock time (ms) of the answer this row came from. */
  readonly fetchedAt: number;
}

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

function durationAtFetch(session: Session, fetchedAt: number): number | null {
  if (session.durationMs != null) return session.durationMs;
  if (session.durationSeconds != null) return session.durationSeconds * 1000;
  const started = timeOf(session.startedAt);
  if (started === null) return null;
  const completed = timeOf(session.completedAt);
  if (completed !== null) return Math.max(0, completed - started);
  return session.status === 'working' ? Math.max(0, fetchedAt - started) : null;
}

export function toSessionRow(session: Session, fetchedAt: number): SessionRow {
  const cost = session.costUsd == null ? null : Number(session.costUsd);
  return {
    id: session.id,
    session,
    health: deriveHealth(session.health),
    startedMs: timeOf(session.startedAt),
    durationAtFetchMs: durationAtFetch(session, fetchedAt),
    costUsd: cost !== null && Number.isFinite(cost) ? cost : null,
    searchKeys: [session.issueIdentifier?.toLowerCase() ?? '', session.id.toLowerCase()],
    fetchedAt,
  };
}

/** A working session's duration counts up while it is live; anything else shows what was fetched. */
export function isTicking(row: SessionRow): boolean {
  return row.session.status === 'working' && row.durationAtFetchMs !== null && row.session.completedAt == null;
}

export function durationAt(row: SessionRow, now: number, live: boolean): number | null {
  if (row.durationAtFetchMs === null) return null;
  return isTicking(row) && live ? row.durationAtFetchMs + Math.max(0, now - row.fetchedAt) : row.durationAtFetchMs;
}
