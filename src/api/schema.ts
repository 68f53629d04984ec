/**
 * The shape of `GET /api/public/sessions`, as the contract (§2) allows it to vary.
 *
 * Every answer is untrusted. A page is checked as a whole first; when anything in it is wrong, it
 * is checked again as a list (is it a session list at all?), then each row on its own, so one bad
 * row costs that row and not the page. Unknown fields are stripped (the API grows); known fields
 * of the wrong type reject their row.
 *
 * Each schema's `error` is a noun phrase ("a string"), so a message reads
 * "`sessions[3].status` must be a string": zod/mini's own messages are generic.
 */
import * as z from 'zod/mini';

/*
 * The schemas are zod/mini's core classes (`z.core.$ZodObject`, …), the ones `z.object()` and its
 * siblings subclass. The subclasses add methods this module never calls (`parse`, `parseAsync`,
 * `check`, `clone`, `register`…), and methods on a prototype can't be tree-shaken: they cost the
 * bundle 0.5 KB. The defs are what those functions build; parsing and issues are zod's own, run by
 * `z.safeParse`.
 */
const custom = <T>(fn: (value: unknown) => boolean, error: z.core.$ZodErrorMap) =>
  // `abort`, as `z.custom()` sets it: a failed rule ends its field's checks.
  new z.core.$ZodCustom({ type: 'custom', check: 'custom', fn, abort: true, error }) as z.core.$ZodCustom<T, T>;
const optional = <T extends z.core.$ZodType>(innerType: T) =>
  new z.core.$ZodOptional({ type: 'optional', innerType }) as z.core.$ZodOptional<T>;
const nullable = <T extends z.core.$ZodType>(innerType: T) =>
  new z.core.$ZodNullable({ type: 'nullable', innerType }) as z.core.$ZodNullable<T>;
const array = <T extends z.core.$ZodType>(element: T, error: string) =>
  new z.core.$ZodArray({ type: 'array', element, error: () => error }) as z.core.$ZodArray<T>;
/** Unknown keys are stripped, as `z.object()` does. */
const object = <Shape extends z.core.$ZodShape>(shape: Shape, error: string) =>
  new z.core.$ZodObject({ type: 'object', shape, error: () => error }) as z.core.$ZodObject<Shape, z.core.$strip>;

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
const optionalText = optional(
  field<string | null>((value) => (value === null || isText(value) ? '' : 'a string or null')),
);
const optionalDate = optional(
  field<string | null>((value) =>
    value === null
      ? ''
      : !isText(value)
        ? 'an ISO 8601 date or null'
        : Number.isNaN(Date.parse(value))
          ? 'an ISO 8601 date'
          : '',
  ),
);
const optionalNonNegative = optional(
  field<number | null>((value) =>
    value === null
      ? ''
      : typeof value !== 'number' || !Number.isFinite(value)
        ? 'a number or null'
        : value < 0
          ? 'zero or more'
          : '',
  ),
);
const optionalCost = optional(
  field<string | number | null>((value) =>
    value === null ||
    (typeof value === 'number' ? Number.isFinite(value) : isText(value) && /^\s*-?\d+(\.\d+)?\s*$/.test(value))
      ? ''
      : 'a decimal string, a number or null',
  ),
);
const stuckSignalSchema = field<string | { type: string }>((value) =>
  isText(value) || (typeof value === 'object' && value !== null && isText((value as { type?: unknown }).type))
    ? ''
    : 'a signal name or an object with a `type`',
);

const healthSchema = object(
  {
    healthStatus: optionalText,
    stuckSignals: optional(nullable(array(stuckSignalSchema, 'a list of signals'))),
  },
  'an object or null',
);

export const sessionSchema = object(
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
    health: optional(nullable(healthSchema)),
  },
  'an object',
);

const pageOf = <Row extends z.core.$ZodType>(row: Row) =>
  object(
    {
      sessions: array(row, 'an array'),
      cursor: optionalText,
    },
    'a JSON object',
  );
// Accepts anything, as `z.unknown()` would, without a zod type of its own in the bundle.
const pageSchema = pageOf(
  custom<unknown>(
    () => true,
    () => '',
  ),
);
/** The page and every row in one parse: a safeParse per row costs more than its row's checks. */
const validPageSchema = pageOf(sessionSchema);

/** One session as parsed: the contract's fields, unknown ones dropped. */
export type Session = z.infer<typeof sessionSchema>;
export type StuckSignal = NonNullable<NonNullable<Session['health']>['stuckSignals']>[number];

/** A row that failed validation: where it stood in the page, and why. */
export interface RejectedRow {
  index: number;
  reason: string;
}

export interface ParsedPage {
  sessions: Session[];
  rejected: RejectedRow[];
  cursor: string | null;
}

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
 * One copy of each repeated word. JSON.parse makes a string of its own per row for a value over 10
 * characters ("development"): tens of thousands of equal copies once a big project is loaded.
 * Strings compare by value, so which copy a session holds is invisible. Bounded, against a server
 * that sends a new word on every row.
 */
const words = new Map<string, string>();

function oneCopy(word: string): string {
  const known = words.get(word);
  if (known !== undefined) return known;
  if (words.size < 256 && word.length <= 64) words.set(word, word);
  return word;
}

/**
 * One frozen `health` per distinct signal-less value, shared by the sessions that have it: nearly
 * every row of a loaded project has the same health, and this saves two objects a row. Frozen
 * (every health, so all behave alike), so a host that changes a session's health by mistake gets
 * an error instead of changing every session that shares it. Bounded, like `words`.
 */
const healths = new Map<string, NonNullable<Session['health']>>();

function sharedHealth(health: NonNullable<Session['health']>): NonNullable<Session['health']> {
  const signals = health.stuckSignals;
  signals?.forEach(Object.freeze);
  Object.freeze(signals);
  Object.freeze(health);
  if (signals?.length) return health;
  const key = JSON.stringify(health);
  const known = healths.get(key);
  if (known) return known;
  if (healths.size < 64 && key.length <= 200) healths.set(key, health);
  return health;
}

function page(sessions: Session[], rejected: RejectedRow[], cursor: string | null | undefined): ParsedPage {
  for (const session of sessions) {
    if (session.workType) session.workType = oneCopy(session.workType);
    if (session.provider) session.provider = oneCopy(session.provider);
    if (session.health) session.health = sharedHealth(session.health);
  }
  return { sessions, rejected, cursor: cursor ?? null };
}

/** Parses one page, keeping the valid rows; throws SchemaError when the page itself is not a list. */
export function parseSessionsPage(body: unknown): ParsedPage {
  // Nearly every page is valid throughout: one parse. Otherwise row by row (below), which gives
  // the same rows and messages, as a valid page is one where every row parses on its own.
  const valid = z.safeParse(validPageSchema, body);
  if (valid.success) return page(valid.data.sessions, [], valid.data.cursor);
  const list = z.safeParse(pageSchema, body, { reportInput: true });
  if (!list.success) {
    throw new SchemaError(`The server's answer is not a session list: ${describeIssue(list.error.issues[0]!)}.`);
  }
  const sessions: Session[] = [];
  const rejected: RejectedRow[] = [];
  list.data.sessions.forEach((row, index) => {
    const parsed = z.safeParse(sessionSchema, row, { reportInput: true });
    if (parsed.success) sessions.push(parsed.data);
    else rejected.push({ index, reason: describeIssue(parsed.error.issues[0]!, ['sessions', index]) });
  });
  return page(sessions, rejected, list.data.cursor);
}
