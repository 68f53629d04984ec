/**
 * Fuzzing the answer path without the DOM: generated answers through `fetchSessionsPage` (the
 * body as text, so truncation and non-JSON count), then sequences of parsed pages through the
 * `SessionStore` merge. Cheap enough to run many more cases than the rendering fuzz.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ApiError, fetchSessionsPage, type ApiErrorKind } from '../../src/api/client.js';
import { parseSessionsPage } from '../../src/api/forgiving.js';
import { unreadableFields, type Session } from '../../src/api/schema.js';
import { SessionStore } from '../../src/model/session-store.js';
import { anyAnswer, bigPageAnswer, hugeAnswer, pageOf, pooledRow, type Answer } from './answers.js';
import { expectFirstLoad, isValidRow, readableRow } from './oracle.js';

const TOKEN = 'rsk_test_fuzzfuzzfuzz0000';

/** Runs counted here are reported in the README's Reliability figures. */
export const PARSE_RUNS = { answers: 3000, huge: 12, big: 6, merges: 1000 };

function answerWith({ status, body, contentType }: Answer): typeof fetch {
  return (async () => new Response(body, { status, headers: { 'Content-Type': contentType } })) as typeof fetch;
}

function load(answer: Answer) {
  return fetchSessionsPage(
    {
      apiBase: 'https://api.example',
      project: 'web',
      token: TOKEN,
      pageUrl: 'https://portal.example/',
      signal: new AbortController().signal,
    },
    answerWith(answer),
  );
}

const ERROR_KINDS: Record<string, ApiErrorKind[]> = {
  http: ['auth', 'not-found', 'rate-limited', 'server', 'http'],
  'not-json': ['not-json'],
  'not-a-list': ['invalid'],
};

async function checkAnswer(answer: Answer): Promise<void> {
  const expected = expectFirstLoad(answer.status, answer.body);
  let page: Awaited<ReturnType<typeof load>> | undefined;
  let error: unknown;
  try {
    page = await load(answer);
  } catch (caught) {
    error = caught;
  }
  if (expected.failure) {
    expect(error, `${answer.kind}: must fail`).to.be.instanceOf(ApiError);
    const apiError = error as ApiError;
    expect(ERROR_KINDS[expected.failure]).to.include(apiError.kind);
    // A message a person can act on: present, bounded whatever the server sent, never the key.
    expect(apiError.message.length).to.be.within(10, 400);
    expect(apiError.message).not.to.contain(TOKEN);
    return;
  }
  expect(error, `${answer.kind}: must not throw (${String(error)})`).to.equal(undefined);
  // Every valid row, as sent (duplicates too: the store dedupes), in order; every other one rejected.
  const sent: unknown[] = JSON.parse(answer.body).sessions;
  expect(page!.sessions.map((s) => s.id)).to.deep.equal(sent.filter(isValidRow).map((row) => row.id));
  expect(page!.rejected.map((r) => r.index)).to.deep.equal(sent.flatMap((row, i) => (isValidRow(row) ? [] : [i])));
  expect(page!.rejected.length).to.equal(expected.rejected);
  // A field that can't be read costs that field, not the row: it reads as unknown, and is counted.
  expect(page!.unreadable, 'unreadable fields').to.equal(expected.unreadable);
  const readable = sent.filter(isValidRow).map((row) => readableRow(row));
  page!.sessions.forEach((session, i) => {
    const { row, unreadable } = readable[i]!;
    expect(unreadableFields(session)).to.have.length(unreadable);
    for (const field of ['issueIdentifier', 'workType', 'provider', 'startedAt', 'completedAt', 'costUsd'] as const) {
      expect(session[field] ?? null, field).to.equal(row[field] ?? null);
    }
    // Health's own fields (unknown ones are dropped from it, as from a row).
    const known = (health: unknown) => {
      const { healthStatus = null, stuckSignals = null } = (health ?? {}) as Record<string, unknown>;
      return health == null ? null : { healthStatus, stuckSignals };
    };
    expect(known(session.health)).to.deep.equal(known(row.health));
  });
  expect(new Set(page!.sessions.map((s) => s.id))).to.deep.equal(new Set(expected.ids));
  for (const { reason } of page!.rejected) {
    expect(reason).to.match(/^`sessions\[\d+\]/);
    expect(reason.length).to.be.below(200);
  }
  expect(page!.cursor === null || typeof page!.cursor === 'string').to.equal(true);
}

describe('hardening: fuzzing parse', function () {
  this.timeout(60_000);

  it(`turns ${PARSE_RUNS.answers} generated answers into rows and rejected rows, or one ApiError, as the contract says`, async () => {
    await fc.assert(fc.asyncProperty(anyAnswer, checkAnswer), { numRuns: PARSE_RUNS.answers });
  });

  it(`keeps up with huge strings (${PARSE_RUNS.huge} cases of up to 1,000,000 characters per field)`, async () => {
    await fc.assert(fc.asyncProperty(hugeAnswer([100_000, 1_000_000]), checkAnswer), { numRuns: PARSE_RUNS.huge });
  });

  // Correctness only: speed is the benchmark's to measure, not a timed test's.
  it(`parses pages of 10,000 rows (${PARSE_RUNS.big} cases)`, async () => {
    await fc.assert(fc.asyncProperty(bigPageAnswer(), checkAnswer), { numRuns: PARSE_RUNS.big });
  });
});

const ops = fc.array(
  fc.oneof(
    {
      arbitrary: fc.record({
        op: fc.constant('refresh' as const),
        rows: fc.array(pooledRow, { maxLength: 10 }),
        hold: fc.boolean(),
      }),
      weight: 4,
    },
    {
      arbitrary: fc.record({
        op: fc.constant('append' as const),
        rows: fc.array(pooledRow, { maxLength: 10 }),
        cursor: fc.option(fc.string({ maxLength: 3 }), { nil: null }),
      }),
      weight: 2,
    },
    { arbitrary: fc.record({ op: fc.constant('release' as const) }), weight: 1 },
  ),
  { minLength: 1, maxLength: 12 },
);

/** The store as the contract describes merging: by id, rows keep their place, new ones on top. */
class Model {
  rows: string[] = [];
  pending: string[] = [];
  data = new Map<string, Session>();
  pages = 0;

  #known = (id: string) => this.rows.includes(id) || this.pending.includes(id);

  refresh(sessions: Session[], hold: boolean) {
    if (this.pages === 0) {
      this.rows = [];
      this.pending = [];
      this.data.clear();
      this.pages = 1;
      return this.append(sessions, true);
    }
    const fresh: string[] = [];
    for (const session of sessions) {
      if (!this.#known(session.id) && !fresh.includes(session.id)) fresh.push(session.id);
      this.data.set(session.id, session); // the last copy's data
    }
    this.pending = [...fresh, ...this.pending];
    if (!hold) this.release();
  }

  append(sessions: Session[], first = false) {
    for (const session of sessions) {
      if (!this.#known(session.id)) this.rows.push(session.id);
      this.data.set(session.id, session);
    }
    if (!first) this.pages++;
  }

  release() {
    this.rows = [...this.pending, ...this.rows];
    this.pending = [];
  }
}

describe('hardening: fuzzing merge', function () {
  this.timeout(60_000);

  it(`merges ${PARSE_RUNS.merges} generated sequences of refreshes, pages and releases by id, as the model does`, () => {
    fc.assert(
      fc.property(ops, (sequence) => {
        const store = new SessionStore();
        const model = new Model();
        let now = 1_000;
        let version = store.version;
        for (const step of sequence) {
          now += 1_000;
          if (step.op === 'release') {
            store.releasePending();
            model.release();
          } else {
            // Through the parser, as the feed does: rejected rows never reach the store.
            const { sessions } = parseSessionsPage({ sessions: step.rows, cursor: null });
            if (step.op === 'refresh') {
              store.mergeRefresh(sessions, 'c', now, step.hold);
              model.refresh(sessions, step.hold);
            } else {
              store.appendPage(sessions, step.cursor, 'c', now);
              model.append(sessions);
            }
            expect(store.version).to.be.greaterThan(version);
          }
          version = store.version;
          expect(store.rows.map((row) => row.id)).to.deep.equal(model.rows);
          expect(store.pending.map((row) => row.id)).to.deep.equal(model.pending);
          for (const row of [...store.rows, ...store.pending]) {
            expect(store.get(row.id)).to.equal(row);
            expect(row.session).to.equal(model.data.get(row.id));
          }
        }
      }),
      { numRuns: PARSE_RUNS.merges },
    );
  });

  it('parses pages of anything the row generator makes without throwing, whatever is inside', () => {
    fc.assert(
      fc.property(pageOf(fc.anything({ maxDepth: 3 }), { maxLength: 6 }), (page) => {
        const parsed = parseSessionsPage(JSON.parse(JSON.stringify(page)));
        expect(parsed.sessions.length + parsed.rejected.length).to.equal(page.sessions.length);
      }),
      { numRuns: 1000 },
    );
  });
});
