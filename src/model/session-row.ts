/**
 * A session plus what the list needs from it at every filtering pass (health, cost), made once
 * when its page arrives. A row is small: a loaded project holds tens of thousands of them, so what
 * only the rendered rows need (times, duration, search matching) is read from the session on use.
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
  /** Clock time (ms) of the answer this row came from. */
  readonly fetchedAt: number;
}

/** Only a queued or working session can be stopped. */
export const isStoppable = (row: SessionRow): boolean =>
  row.session.status === 'queued' || row.session.status === 'working';

export function timeOf(iso: string | null | undefined): number | null {
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

/**
 * One per answer, made by whoever merges it: its rows point at it rather than each holding the
 * time as a number of its own.
 */
export interface Answer {
  readonly fetchedAt: number;
}

class Row implements SessionRow {
  readonly costUsd: number | null;

  constructor(
    readonly session: Session,
    readonly health: Health,
    readonly answer: Answer,
  ) {
    const cost = session.costUsd == null ? null : Number(session.costUsd);
    this.costUsd = cost !== null && Number.isFinite(cost) ? cost : null;
  }

  get id(): string {
    return this.session.id;
  }

  get fetchedAt(): number {
    return this.answer.fetchedAt;
  }

  get startedMs(): number | null {
    return timeOf(this.session.startedAt);
  }

  get durationAtFetchMs(): number | null {
    return durationAtFetch(this.session, this.answer.fetchedAt);
  }
}

export function toSessionRow(session: Session, answer: Answer): SessionRow {
  return new Row(session, deriveHealth(session.health), answer);
}

/** A working session's duration counts up while it is live; anything else shows what was fetched. */
export function isTicking(row: SessionRow): boolean {
  return row.session.status === 'working' && row.session.completedAt == null && row.durationAtFetchMs !== null;
}

export function durationAt(row: SessionRow, now: number, live: boolean): number | null {
  const atFetch = row.durationAtFetchMs;
  if (atFetch === null) return null;
  return isTicking(row) && live ? atFetch + Math.max(0, now - row.fetchedAt) : atFetch;
}
