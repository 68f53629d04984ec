/**
 * The shape of `GET /api/public/sessions`, as the contract (§2) allows it to vary.
 *
 * Every answer is untrusted. A page is checked as a whole first; when anything in it is wrong, it
 * is checked again as a list (is it a session list at all?), then each row on its own, so one bad
 * row costs that row and not the page. Unknown fields are stripped (the API grows). Only a row
 * without a usable `id` or `status` is rejected: any other known field that can't be read becomes
 * null (a bad signal is dropped), and its name is kept (`unreadableFields`), so one odd cost never
 * hides a session.
 *
 * Each schema's `error` is a noun phrase ("a string"), so a message reads
 * "`sessions[3].status` must be a string": zod/mini's own messages are generic.
 */
import * as z from 'zod/mini';
import { oneCopy, sharedHealth } from './shared-values.js';

/*
 * zod/mini's public functions only (no `z.core` classes, no full `zod`): what its docs promise to
 * keep across 4.x, so `zod` is a caret range a host can share. `z.custom()` aborts its field's
 * checks on failure; `z.object()` strips unknown keys. A string `error` is the issue's message.
 */
const custom = <T>(fn: (value: unknown) => boolean, error: z.core.$ZodErrorMap) => z.custom<T>(fn, { error });
/**
 * One zod schema per field, its rule one function: `rule` says what the value must be ("a
 * string"), or `''` when it is fine. A chain of zod's own types (optional, nullable, string,
 * refine) walks three or four schemas per field, on every row of a first page parsed cold.
 */
function field<T>(rule: (value: unknown) => string) {
  return custom<T>(
    (value) => !rule(value),
    (issue) => rule(issue.input),
  );
}

const isText = (value: unknown): value is string => typeof value === 'string';
const nonEmptyText = field<string>((value) => (!isText(value) ? 'a string' : value ? '' : 'a non-empty string'));

/**
 * A known optional field, readable when `read` says so; null always is (the value is unknown).
 * What it must be is never shown (an unreadable field becomes null), so there is no message.
 */
const optionalField = <T>(read: (value: unknown) => boolean) =>
  z.optional(custom<T | null>((value) => value === null || read(value), noMessage));
function noMessage(): string {
  return '';
}

/**
 * `2026-06-02`, `2026-06-02T14:22:00Z`, `…T14:22:00.123+02:00` (`t`, `z`, a space, `+0200` too), each
 * part in its range; only the day against its month is left to `isIsoDate`.
 */
const ISO_DATE =
  /^([+-]\d{6}|\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01])(?:[T ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?)?)?$/i;

/**
 * A real ISO 8601 date. `Date.parse` alone is not enough: it rolls `2026-02-30` over to March 2, and
 * reads "June 2, 2026" or "-5" as dates in ways that differ between browsers.
 */
function isIsoDate(value: string): boolean {
  const part = ISO_DATE.exec(value);
  if (!part || part[1] === '-000000') return false;
  const day = +(part[3] ?? 1);
  if (day > 28) {
    const year = +part[1]!;
    const month = +part[2]!;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    // 31 days in months 1, 3, 5, 7, 8, 10 and 12: odd months up to July, even ones after.
    if (day > (month === 2 ? (leap ? 29 : 28) : 30 + ((month + (month >> 3)) & 1))) return false;
  }
  return !Number.isNaN(Date.parse(value));
}

const optionalText = optionalField<string>(isText);
const optionalDate = optionalField<string>((value) => isText(value) && isIsoDate(value));
const optionalNonNegative = optionalField<number>(
  (value) => typeof value === 'number' && value >= 0 && value < Infinity,
);
/** A cost of zero or more: a negative one (`-0` too) is not a cost, so it is unknown. */
const isCost = (usd: number) => (usd > 0 && usd < Infinity) || Object.is(usd, 0);
const optionalCost = optionalField<string | number>((value) =>
  typeof value === 'number' ? isCost(value) : isText(value) && /^\s*\d+(\.\d+)?\s*$/.test(value) && isCost(+value),
);
/** A signal is a name or an object with a `type`; any other is dropped (and counted). */
const stuckSignalSchema = custom<string | { type: string }>(
  (value) =>
    isText(value) || (typeof value === 'object' && value !== null && isText((value as { type?: unknown }).type)),
  noMessage,
);

const healthSchema = z.object(
  {
    healthStatus: optionalText,
    stuckSignals: z.optional(z.nullable(z.array(stuckSignalSchema, 'a list of signals'))),
  },
  'an object or null',
);

export const sessionSchema = z.object(
  {
    id: nonEmptyText,
    status: nonEmptyText,
    issueIdentifier: optionalText,
    workType: optionalText,
    provider: optionalText,
    startedAt: optionalDate,
    completedAt: optionalDate,
    durationMs: optionalNonNegative,
    durationSeconds: optionalNonNegative,
    costUsd: optionalCost,
    health: z.optional(z.nullable(healthSchema)),
  },
  'an object',
);

// Accepts anything, as `z.unknown()` would, without a zod type of its own in the bundle.
export const anything = custom<unknown>(() => true, noMessage);
/** The cursor is read by `cursorOf`: whatever it is, it never costs the page its rows. */
export const pageOf = <Row extends z.ZodMiniType>(row: Row) =>
  z.object({ sessions: z.array(row, 'an array'), cursor: z.optional(anything) }, 'a JSON object');
/** The page and every row in one parse: a safeParse per row costs more than its row's checks. */
const validPageSchema = pageOf(sessionSchema);

/** A stuck signal as the API sends it: a bare name (`ToolLoopStuck`), or an object with a `type`. */
export type StuckSignal = string | { type: string };

/** A session's health, as parsed. */
export interface SessionHealth {
  healthStatus?: string | null;
  stuckSignals?: StuckSignal[] | null;
}

/**
 * One session as parsed: the contract's fields (§2), unknown ones dropped; a field that was sent
 * but could not be read is null (`unreadableFields`). Declared here rather than inferred, so the
 * package's types don't depend on zod's generics; test/types checks that the schema's output is
 * exactly this.
 */
export interface Session {
  id: string;
  status: string;
  issueIdentifier?: string | null;
  workType?: string | null;
  provider?: string | null;
  startedAt?: string | null;
  completedAt?: string | null;
  durationMs?: number | null;
  durationSeconds?: number | null;
  costUsd?: string | number | null;
  health?: SessionHealth | null;
}

/** A row that failed validation: where it stood in the page, and why. */
export interface RejectedRow {
  index: number;
  reason: string;
}

export interface ParsedPage {
  sessions: Session[];
  rejected: RejectedRow[];
  cursor: string | null;
  /**
   * How many fields of the page's sessions (and its cursor) were sent but could not be read, so a
   * notice can say "N fields could not be read". Each session's own are `unreadableFields(session)`.
   */
  unreadable: number;
}

/** The fields each session was sent but could not read, by path; only sessions that had any. */
const unreadableBySession = new WeakMap<Session, readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

/**
 * The fields of a session (as `parseSessionsPage` returned it) that were sent but could not be
 * read, so are null now (a signal: dropped), by path: `costUsd`, `health.stuckSignals[1]`.
 */
export function unreadableFields(session: Session): readonly string[] {
  return unreadableBySession.get(session) ?? NONE;
}

/** Notes what of `session` could not be read (forgiving.ts, as it makes a row readable). */
export function setUnreadable(session: Session, fields: readonly string[]): void {
  unreadableBySession.set(session, fields);
}

/**
 * Cursors are opaque: a string goes back as sent (`""`, like null, means no further page), a number
 * as its digits (an offset, say). Anything else (an object, `true`) could only be sent back by
 * building a cursor of our own, which the contract rules out: the list ends there, the page keeps
 * its rows, and the cursor counts as a field that could not be read.
 */
function cursorOf(cursor: unknown): string | null | undefined {
  if (cursor == null || cursor === '') return null;
  if (isText(cursor)) return cursor;
  return typeof cursor === 'number' ? String(cursor) : undefined;
}

/** The page as parsed: its sessions' repeated words and healths one copy each, its cursor read. */
export function toPage(sessions: Session[], rejected: RejectedRow[], sentCursor: unknown, unreadable = 0): ParsedPage {
  for (const session of sessions) {
    if (session.workType) session.workType = oneCopy(session.workType);
    if (session.provider) session.provider = oneCopy(session.provider);
    if (session.health) session.health = sharedHealth(session.health);
  }
  const cursor = cursorOf(sentCursor);
  return { sessions, rejected, cursor: cursor ?? null, unreadable: unreadable + (cursor === undefined ? 1 : 0) };
}

/** Parses a page that is valid throughout (nearly every page) in one parse; null when anything in it is not. */
export function parseValidPage(body: unknown): ParsedPage | null {
  const valid = z.safeParse(validPageSchema, body);
  return valid.success ? toPage(valid.data.sessions, [], valid.data.cursor) : null;
}
