/**
 * fast-check arbitraries for answers of `GET /api/public/sessions`: well-formed rows, rows with a
 * wrong type in any field, `null` everywhere, unknown statuses and signals, hostile and huge
 * strings, random JSON, truncated bodies, non-2xx answers and pages of many rows.
 */
import fc from 'fast-check';

/** Markup and script payloads, and strings that look like Lit's own markers or prototype keys. */
export const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><iframe srcdoc='<script>parent.__pwned=1</script>'>",
  '<style>*{display:none}</style>',
  'javascript:window.__pwned=1',
  '<!--?lit$123456$-->',
  'lit$123456$',
  '${window.__pwned=1}',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '&lt;b&gt;not bold&lt;/b&gt;',
  '\u202Egnp.exe',
  '\u0000\u0001\u001F',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

const KNOWN_STATUSES = ['queued', 'working', 'completed', 'failed', 'stopped'];
const KNOWN_SIGNALS = ['ToolLoopStuck', 'ClaimStuck', 'LongRunning', 'StaleHeartbeat'];

/** Any string a server might send: short, unicode, hostile, or (rarely) huge. */
export const anyText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 12 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 3 },
  { arbitrary: fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

const nonEmptyText = anyText.filter((text) => text !== '');

/** A JSON value that is not a string (nor missing): the wrong type for a string field. */
const notAString = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
);

const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString());
const oddDate = fc.constantFrom(
  '2026',
  '2026-06-02',
  'June 2, 2026 14:22',
  '2026-06-02T14:22:00+09:00',
  '+275760-09-13T00:00:00Z',
);
const notADate = fc.oneof(
  fc.constantFrom('', 'yesterday', 'not a date', '2026-13-45T99:99:99Z'),
  fc.integer(),
  fc.boolean(),
);

const decimalText = fc.oneof(
  fc
    .tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.nat(6), fc.boolean())
    .map(([n, digits, negative]) => `${negative ? '-' : ''}${n.toFixed(digits)}`),
  fc.constantFrom('0', '0.14', '-0.5', ' 0.14 ', '0.00001', '9'.repeat(400)),
);

/** A value the contract allows for an optional field: the value, `null`, or missing (`undefined`). */
function optional<T>(valid: fc.Arbitrary<T>) {
  return fc.oneof(
    { arbitrary: valid, weight: 6 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
}

const signal = fc.oneof(
  { arbitrary: fc.constantFrom(...KNOWN_SIGNALS), weight: 4 },
  { arbitrary: anyText, weight: 2 },
  {
    arbitrary: fc.record({ type: fc.oneof(fc.constantFrom(...KNOWN_SIGNALS), anyText), severity: fc.string() }),
    weight: 2,
  },
  // Wrong: a number, null, an object without a string `type`.
  {
    arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant({}), fc.record({ type: fc.integer() })),
    weight: 1,
  },
);

const health = fc.oneof(
  {
    arbitrary: fc.record(
      {
        healthStatus: optional(fc.oneof(fc.constantFrom('green', 'yellow', 'red'), anyText)),
        stuckSignals: optional(fc.array(signal, { maxLength: 4 })),
        checkedAt: isoDate,
      },
      { requiredKeys: [] },
    ),
    weight: 10,
  },
  { arbitrary: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 })), weight: 1 },
);

/** A row the contract allows (unknown statuses and signals, nulls and hostile text included). */
export const validRow = fc.record(
  {
    id: nonEmptyText,
    status: fc.oneof(fc.constantFrom(...KNOWN_STATUSES), nonEmptyText),
    issueIdentifier: optional(
      fc.oneof(
        fc.integer({ min: 1, max: 9999 }).map((n) => `ENG-${n}`),
        anyText,
      ),
    ),
    workType: optional(fc.oneof(fc.constantFrom('development', 'research', 'qa', 'coordination'), anyText)),
    provider: optional(fc.oneof(fc.constantFrom('local', 'e2b', 'vercel'), anyText)),
    startedAt: optional(fc.oneof(isoDate, oddDate)),
    completedAt: optional(fc.oneof(isoDate, oddDate)),
    durationMs: optional(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e308, noNaN: true }))),
    durationSeconds: optional(fc.oneof(fc.nat(), fc.double({ min: 0, max: 1e308, noNaN: true }))),
    costUsd: optional(fc.oneof(decimalText, fc.double({ noNaN: true, noDefaultInfinity: true }))),
    health: optional(health),
    // Fields the contract does not name: ignored, never a reason to reject.
    agentModel: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    toolCallCount: fc.anything({ maxDepth: 2 }),
  },
  { requiredKeys: ['id', 'status'] },
);

/** For each field the contract names, values of the wrong type (or, for required ones, missing or empty). */
const WRONG: Record<string, fc.Arbitrary<unknown>> = {
  id: fc.oneof(fc.constant(''), fc.constant(undefined), fc.constant(null), notAString),
  status: fc.oneof(fc.constant(''), fc.constant(undefined), fc.constant(null), notAString),
  issueIdentifier: notAString,
  workType: notAString,
  provider: notAString,
  startedAt: notADate,
  completedAt: notADate,
  durationMs: fc.oneof(fc.integer({ max: -1 }), fc.string(), fc.boolean()),
  durationSeconds: fc.oneof(fc.integer({ max: -1 }), fc.string(), fc.constant([])),
  costUsd: fc.oneof(fc.constantFrom('abc', '$0.14', '1e5', '', 'NaN', 'Infinity'), fc.boolean(), fc.constant({})),
  health: fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 })),
  'health.healthStatus': notAString,
  'health.stuckSignals': fc.oneof(fc.string(), fc.integer(), fc.constant({})),
  'health.stuckSignals[]': fc.oneof(
    fc.integer(),
    fc.constant(null),
    fc.constant({}),
    fc.record({ type: fc.integer() }),
  ),
};

/** A valid row with one to three fields given a wrong value. */
export const corruptRow = fc
  .tuple(validRow, fc.uniqueArray(fc.constantFrom(...Object.keys(WRONG)), { minLength: 1, maxLength: 3 }))
  .chain(([base, fields]) =>
    fc.tuple(...fields.map((name) => WRONG[name]!)).map((values) => {
      const out: Record<string, unknown> = { ...base };
      fields.forEach((name, i) => {
        const value = values[i];
        if (!name.startsWith('health.')) return void (out[name] = value);
        const health = {
          ...(typeof out.health === 'object' && out.health && !Array.isArray(out.health) ? out.health : {}),
        } as Record<string, unknown>;
        if (name === 'health.stuckSignals[]')
          health.stuckSignals = [
            ...(Array.isArray(health.stuckSignals) ? (health.stuckSignals as unknown[]) : []),
            value,
          ];
        else health[name.slice(7)] = value;
        out.health = health;
      });
      return out;
    }),
  );

/** One row of a page: mostly valid, often wrong in a few fields, now and then not an object at all. */
export const row = fc.oneof(
  { arbitrary: validRow, weight: 6 },
  { arbitrary: corruptRow, weight: 3 },
  {
    arbitrary: fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.array(fc.integer(), { maxLength: 2 })),
    weight: 1,
  },
);

/**
 * The ids rows draw from when a page must repeat some (a refresh, or a page with duplicates): a
 * small pool, so ids collide often.
 */
export const pooledRow = fc
  .tuple(fc.oneof({ arbitrary: validRow, weight: 3 }, { arbitrary: corruptRow, weight: 1 }), fc.nat({ max: 30 }))
  .map(([raw, n]) => (typeof raw.id === 'string' && raw.id !== '' ? { ...raw, id: `pool-${n}` } : raw));

/** A page: `{ sessions, cursor }`, with unknown extra fields now and then. */
export function pageOf(rows: fc.Arbitrary<unknown>, { maxLength = 12 } = {}) {
  return fc.record(
    {
      sessions: fc.array(rows, { maxLength }),
      cursor: fc.oneof(
        fc.constant(null),
        fc.constant(undefined),
        fc.string({ maxLength: 20 }),
        fc.constantFrom(...HOSTILE),
      ),
      total: fc.nat(),
      nextPage: fc.anything({ maxDepth: 1 }),
    },
    { requiredKeys: ['sessions'] },
  );
}

export interface Answer {
  status: number;
  body: string;
  contentType: string;
  /** What made it: reported when a property fails. */
  kind: string;
}

const json = (status: number, value: unknown, kind: string): Answer => ({
  status,
  body: JSON.stringify(value) ?? 'null',
  contentType: 'application/json',
  kind,
});

/** A page of mostly valid rows with wrong types sprinkled in. */
export const structuredAnswer = fc
  .oneof(pageOf(validRow), pageOf(row), pageOf(pooledRow))
  .map((page) => json(200, page, 'structured'));

/** `null` in every field of every row, and in the page's own fields. */
export const nullAnswer = fc
  .tuple(
    fc.nat({ max: 5 }),
    fc.boolean(),
    fc.subarray([
      'id',
      'status',
      'issueIdentifier',
      'workType',
      'provider',
      'startedAt',
      'completedAt',
      'costUsd',
      'health',
      'durationMs',
    ]),
  )
  .map(([count, nullCursor, keep]) => {
    const sessions = Array.from({ length: count }, (_, i) => {
      const out: Record<string, unknown> = { id: `n${i}`, status: 'working' };
      for (const key of [
        'issueIdentifier',
        'workType',
        'provider',
        'startedAt',
        'completedAt',
        'costUsd',
        'health',
        'durationMs',
        'durationSeconds',
        'id',
        'status',
      ]) {
        if (!keep.includes(key)) out[key] = null;
      }
      return out;
    });
    return json(200, { sessions: count === 0 && !nullCursor ? null : sessions, cursor: null }, 'nulls');
  });

/** Any JSON at all, of any shape: almost never a session list. */
export const randomJsonAnswer = fc
  .oneof(
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ sessions: value })),
  )
  .map((body) => ({ status: 200, body, contentType: 'application/json', kind: 'random-json' }));

/** A page's body cut short anywhere, as a proxy or a dropped connection leaves it. */
export const truncatedAnswer = fc
  .tuple(pageOf(row, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([page, at]) => {
    const body = JSON.stringify(page);
    return {
      status: 200,
      body: body.slice(0, Math.floor(body.length * at)),
      contentType: 'application/json',
      kind: 'truncated',
    };
  });

/** Errors: a JSON `{ error }` (hostile text included), an HTML page, or nothing. */
export const errorAnswer = fc
  .tuple(
    fc.constantFrom(400, 401, 403, 404, 409, 418, 429, 500, 502, 503, 504),
    fc.oneof(
      anyText.map((error) => JSON.stringify({ error })),
      fc.constant('<html><body><h1>502 Bad Gateway</h1><script>window.__pwned=1</script></body></html>'),
      fc.constant(''),
      fc.json({ maxDepth: 2 }),
    ),
  )
  .map(([status, body]) => ({
    status,
    body,
    contentType: body.startsWith('<') ? 'text/html' : 'application/json',
    kind: `http-${status}`,
  }));

/** Rows with huge strings (`sizes` characters) in every string field. */
export const hugeAnswer = (sizes: number[]) =>
  fc.nat({ max: 2 }).chain((count) =>
    fc.constantFrom(...sizes).map((size) => {
      const big = (c: string) => c.repeat(size);
      const sessions = Array.from({ length: count + 1 }, (_, i) => ({
        id: `${i}${big('i')}`,
        status: big('s'),
        issueIdentifier: big('<b>'),
        workType: big('w'),
        provider: big('p'),
        health: { healthStatus: big('h'), stuckSignals: [big('Z')] },
      }));
      return json(200, { sessions, cursor: big('c') }, `huge-${size}`);
    }),
  );

/** A page of many rows (10,000 by default), some invalid, some repeated, unknown statuses and signals. */
export function bigPageAnswer(rows = 10_000) {
  return fc
    .tuple(fc.nat({ max: 50 }), fc.nat({ max: 50 }), fc.integer({ min: 1, max: 1000 }))
    .map(([badEvery, dupEvery, salt]) => {
      const sessions = Array.from({ length: rows }, (_, i) => {
        if (badEvery > 0 && i % (badEvery + 7) === 3) return { id: i, status: null };
        const id = dupEvery > 0 && i % (dupEvery + 11) === 5 ? `big-${salt}-${i - 1}` : `big-${salt}-${i}`;
        return {
          id,
          status: i % 97 === 0 ? `status-${i % 5}` : KNOWN_STATUSES[i % 5],
          issueIdentifier: `ENG-${i}`,
          startedAt: '2026-06-02T14:22:00Z',
          completedAt: i % 3 ? '2026-06-02T14:25:30Z' : null,
          costUsd: i % 4 ? String(i / 100) : i,
          health: {
            healthStatus: 'green',
            stuckSignals: i % 13 === 0 ? [`Unknown${i % 3}`, { type: 'ToolLoopStuck' }] : [],
          },
        };
      });
      return json(200, { sessions, cursor: `cursor-${salt}` }, `big-${rows}`);
    });
}

/** Every kind above, weighted towards the ones with most to find. */
export const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
  { arbitrary: structuredAnswer, weight: 10 },
  { arbitrary: randomJsonAnswer, weight: 2 },
  { arbitrary: truncatedAnswer, weight: 2 },
  { arbitrary: errorAnswer, weight: 2 },
  { arbitrary: nullAnswer, weight: 1 },
);
