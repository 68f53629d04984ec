/**
 * A page that is not valid throughout, read row by row (schema.ts says how a page may vary): is it
 * a session list at all, then each row on its own, so one bad row costs that row and not the page,
 * and a known field that can't be read becomes null and is named. Its own chunk: client.ts loads
 * it when a page fails the one-parse check, which nearly none do.
 */
import * as z from 'zod/mini';
import {
  anything,
  pageOf,
  parseValidPage,
  sessionSchema,
  setUnreadable,
  toPage,
  type ParsedPage,
  type RejectedRow,
  type Session,
} from './schema.js';

const pageSchema = pageOf(anything);

/** Thrown when the answer as a whole is not a session list; carries a sentence a person can act on. */
export class SchemaError extends Error {
  override name = 'SchemaError';
}

type Issue = z.core.$ZodIssue;

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** "`sessions[3].status` must be a string", "`id` is missing". */
export function describeIssue(issue: Issue, prefix: readonly PropertyKey[] = []): string {
  const path = formatPath([...prefix, ...issue.path]);
  const subject = path ? `\`${path}\`` : 'the answer';
  // Parsed with `reportInput: true`, an issue lacks its input only when the value is absent (JSON
  // has no undefined).
  if (issue.input === undefined) return `${subject} is missing`;
  return `${subject} must be ${issue.message}`;
}

/**
 * A row that failed, made readable: each unreadable value set to null (a bad signal left out); or
 * null when the row itself can't be shown (not an object, no usable id or status).
 */
function readable(row: unknown, issues: readonly Issue[]): Record<string, unknown> | null {
  const copy = { ...(row as Record<string, unknown>) };
  let health: Record<string, unknown> | undefined;
  const dropped = new Set<PropertyKey>();
  for (const { path } of issues) {
    const [key, inner, index] = path;
    if (key === undefined || key === 'id' || key === 'status') return null;
    if (inner === undefined) copy[key as string] = null;
    else {
      // An issue inside `health`: it is an object (and `stuckSignals` a list, for a signal's).
      health ??= copy.health = { ...(copy.health as object) };
      if (index === undefined) health[inner as string] = null;
      else dropped.add(index);
    }
  }
  if (dropped.size > 0) health!.stuckSignals = (health!.stuckSignals as unknown[]).filter((_, i) => !dropped.has(i));
  return copy;
}

/** Parses one page, keeping the valid rows; throws SchemaError when the page itself is not a list. */
export function parseSessionsPage(body: unknown): ParsedPage {
  // Nearly every page is valid throughout: one parse. Otherwise row by row, which gives the same
  // rows and messages, as a valid page is one where every row parses on its own.
  return parseValidPage(body) ?? parseRows(body);
}

/** A page that failed `parseValidPage`, row by row: what `parseSessionsPage` does after that check. */
export function parseRows(body: unknown): ParsedPage {
  const list = z.safeParse(pageSchema, body, { reportInput: true });
  if (!list.success) {
    throw new SchemaError(`The server's answer is not a session list: ${describeIssue(list.error.issues[0]!)}.`);
  }
  const sessions: Session[] = [];
  const rejected: RejectedRow[] = [];
  let unreadable = 0;
  list.data.sessions.forEach((row, index) => {
    const parsed = z.safeParse(sessionSchema, row, { reportInput: true });
    if (parsed.success) return void sessions.push(parsed.data);
    const { issues } = parsed.error;
    const fixed = readable(row, issues);
    // With every unreadable value nulled, the row reads as a valid one would.
    const again = fixed && z.safeParse(sessionSchema, fixed);
    if (!again?.success) {
      // Why it can't be shown: the row, its id or its status (zod's order).
      const why = issues.find(({ path }) => path.length === 0 || path[0] === 'id' || path[0] === 'status');
      return void rejected.push({ index, reason: describeIssue(why ?? issues[0]!, ['sessions', index]) });
    }
    const session = again.data;
    const fields = Object.freeze(issues.map(({ path }) => formatPath(path)));
    setUnreadable(session, fields);
    unreadable += fields.length;
    sessions.push(session);
  });
  return toPage(sessions, rejected, list.data.cursor, unreadable);
}
