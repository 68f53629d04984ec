import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { describeIssue, parseSessionsPage, SchemaError, sessionSchema } from '../../src/api/schema.js';

const valid = {
  id: 'a1b2c3d4e5f6a7b8',
  status: 'working',
  issueIdentifier: 'ENG-124',
  workType: 'development',
  provider: 'e2b',
  startedAt: '2026-06-02T14:22:00Z',
  completedAt: null,
  costUsd: '0.14',
  health: { healthStatus: 'green', stuckSignals: [] },
};

function row(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'a1b2c3d4e5f6a7b8', status: 'working', ...fields };
}

/** Parses a one-row page and returns the row (failing loudly if it was rejected). */
function one(fields: Record<string, unknown>) {
  const page = parseSessionsPage({ sessions: [row(fields)] });
  expect(page.rejected, JSON.stringify(page.rejected)).to.deep.equal([]);
  expect(page.sessions).to.have.length(1);
  return page.sessions[0]!;
}

/** Parses a one-row page and returns why the row was rejected. */
function reasonFor(fields: Record<string, unknown>): string {
  const page = parseSessionsPage({ sessions: [row(fields)] });
  expect(page.sessions, 'row should have been rejected').to.have.length(0);
  expect(page.rejected).to.have.length(1);
  expect(page.rejected[0]!.index).to.equal(0);
  return page.rejected[0]!.reason;
}

function schemaErrorOf(body: unknown): SchemaError {
  try {
    parseSessionsPage(body);
  } catch (error) {
    expect(error).to.be.instanceOf(SchemaError);
    return error as SchemaError;
  }
  throw new Error('expected parseSessionsPage to throw');
}

describe('schema: parseSessionsPage', () => {
  describe('a valid page', () => {
    it('parses the contract example exactly', () => {
      const page = parseSessionsPage({ sessions: [valid], cursor: 'c2' });
      expect(page.sessions).to.deep.equal([valid]);
      expect(page.rejected).to.deep.equal([]);
      expect(page.cursor).to.equal('c2');
    });

    it('parses an empty list', () => {
      expect(parseSessionsPage({ sessions: [] })).to.deep.equal({ sessions: [], rejected: [], cursor: null });
    });

    it('keeps rows in page order', () => {
      const page = parseSessionsPage({ sessions: [row({ id: 'aa' }), row({ id: 'bb' }), row({ id: 'cc' })] });
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['aa', 'bb', 'cc']);
    });

    it('needs only id and status', () => {
      const session = one({});
      expect(session).to.deep.equal({ id: 'a1b2c3d4e5f6a7b8', status: 'working' });
    });
  });

  describe('unknown fields', () => {
    it('strips unknown fields on a row and on health, keeps signal objects as sent, without rejecting', () => {
      const page = parseSessionsPage({
        sessions: [
          {
            ...valid,
            branch: 'main',
            nested: { deep: true },
            health: { healthStatus: 'yellow', stuckSignals: [{ type: 'LongRunning', since: 'x', extra: 1 }], score: 3 },
          },
        ],
        cursor: null,
        total: 12,
        meta: { v: 2 },
      });
      expect(page.rejected).to.deep.equal([]);
      const session = page.sessions[0]!;
      expect(session).to.not.have.property('branch');
      expect(session).to.not.have.property('nested');
      expect(session.health).to.deep.equal({
        healthStatus: 'yellow',
        stuckSignals: [{ type: 'LongRunning', since: 'x', extra: 1 }],
      });
      expect(page).to.have.all.keys('sessions', 'rejected', 'cursor');
    });
  });

  describe('the page itself is not a list', () => {
    it('throws a SchemaError when `sessions` is not an array, naming `sessions`', () => {
      for (const sessions of [{}, 'x', 5, true]) {
        const error = schemaErrorOf({ sessions });
        expect(error.name).to.equal('SchemaError');
        expect(error.message).to.match(/^The server's answer is not a session list: `sessions` .+\.$/);
      }
    });

    it('says `sessions` must be an array when it is not one', () => {
      expect(schemaErrorOf({ sessions: {} }).message).to.equal(
        "The server's answer is not a session list: `sessions` must be an array.",
      );
      expect(schemaErrorOf({ sessions: null }).message).to.equal(
        "The server's answer is not a session list: `sessions` must be an array.",
      );
    });

    it('throws a SchemaError when `sessions` is absent', () => {
      expect(schemaErrorOf({ items: [] }).message).to.equal(
        "The server's answer is not a session list: `sessions` is missing.",
      );
    });

    it('throws a SchemaError for a body that is not an object', () => {
      for (const body of [null, 'sessions', 42, [], true]) {
        const error = schemaErrorOf(body);
        expect(error.message).to.match(/^The server's answer is not a session list: the answer .+\.$/);
      }
    });

    it('says the answer must be a JSON object for a non-object body', () => {
      for (const body of [null, 'sessions', 42, [], true]) {
        expect(schemaErrorOf(body).message).to.equal(
          "The server's answer is not a session list: the answer must be a JSON object.",
        );
      }
    });

    it('says the answer is missing for undefined', () => {
      expect(schemaErrorOf(undefined).message).to.equal(
        "The server's answer is not a session list: the answer is missing.",
      );
    });

    it('is an Error subclass', () => {
      const error = schemaErrorOf(null);
      expect(error).to.be.instanceOf(Error);
    });
  });

  describe('cursor', () => {
    it('is null when absent', () => {
      expect(parseSessionsPage({ sessions: [] }).cursor).to.equal(null);
    });
    it('is null when null', () => {
      expect(parseSessionsPage({ sessions: [], cursor: null }).cursor).to.equal(null);
    });
    it('is passed through untouched when a string', () => {
      const opaque = 'eyJpZCI6MTJ9==/+&?';
      expect(parseSessionsPage({ sessions: [], cursor: opaque }).cursor).to.equal(opaque);
    });
    it('rejects the page when the cursor is not a string', () => {
      expect(schemaErrorOf({ sessions: [], cursor: 5 }).message).to.equal(
        "The server's answer is not a session list: `cursor` must be a string or null.",
      );
    });
  });

  describe('one bad row costs that row only', () => {
    it('keeps the valid rows and reports rejected rows with their index and a readable reason', () => {
      const page = parseSessionsPage({
        sessions: [row({ id: 'good1' }), { status: 'working' }, row({ id: 'good2' }), { id: 'bad2' }],
        cursor: 'next',
      });
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['good1', 'good2']);
      expect(page.rejected).to.deep.equal([
        { index: 1, reason: '`sessions[1].id` is missing' },
        { index: 3, reason: '`sessions[3].status` is missing' },
      ]);
      expect(page.cursor).to.equal('next');
    });

    it('rejects a row whose status is not a string, naming the path', () => {
      const page = parseSessionsPage({
        sessions: [row({ id: 'aa' }), row({ id: 'bb' }), row({ id: 'cc', status: 5 })],
      });
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['aa', 'bb']);
      expect(page.rejected).to.have.length(1);
      expect(page.rejected[0]!.index).to.equal(2);
      expect(page.rejected[0]!.reason).to.match(/^`sessions\[2\]\.status` /);
    });

    it('says `sessions[2].status` must be a string when it is a number', () => {
      const page = parseSessionsPage({
        sessions: [row({ id: 'aa' }), row({ id: 'bb' }), row({ id: 'cc', status: 5 })],
      });
      expect(page.rejected).to.deep.equal([{ index: 2, reason: '`sessions[2].status` must be a string' }]);
    });

    it('tells a missing field from one of the wrong type', () => {
      expect(reasonFor({ id: undefined })).to.equal('`sessions[0].id` is missing');
      expect(reasonFor({ id: 42 })).to.equal('`sessions[0].id` must be a string');
      expect(reasonFor({ startedAt: 5 })).to.equal('`sessions[0].startedAt` must be an ISO 8601 date or null');
      expect(reasonFor({ durationMs: '12' })).to.equal('`sessions[0].durationMs` must be a number or null');
      expect(reasonFor({ health: 'green' })).to.equal('`sessions[0].health` must be an object or null');
      expect(reasonFor({ health: { healthStatus: 5 } })).to.equal(
        '`sessions[0].health.healthStatus` must be a string or null',
      );
      expect(reasonFor({ health: { stuckSignals: 'x' } })).to.equal(
        '`sessions[0].health.stuckSignals` must be a list of signals',
      );
      expect(reasonFor({ issueIdentifier: 7 })).to.equal('`sessions[0].issueIdentifier` must be a string or null');
    });

    it('says a row that is not an object must be an object', () => {
      const page = parseSessionsPage({ sessions: [5] });
      expect(page.rejected).to.deep.equal([{ index: 0, reason: '`sessions[0]` must be an object' }]);
    });

    it('rejects rows that are not objects', () => {
      const page = parseSessionsPage({ sessions: [null, 5, 'x', [], row({ id: 'ok' })] });
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['ok']);
      expect(page.rejected.map((r) => r.index)).to.deep.equal([0, 1, 2, 3]);
      page.rejected.forEach((r) => expect(r.reason).to.match(new RegExp(`^\`sessions\\[${r.index}\\]\` `)));
    });

    it('rejects an empty id or status', () => {
      expect(reasonFor({ id: '' })).to.equal('`sessions[0].id` must be a non-empty string');
      expect(reasonFor({ status: '' })).to.equal('`sessions[0].status` must be a non-empty string');
    });

    it('names nested paths (health.stuckSignals[i])', () => {
      expect(reasonFor({ health: { stuckSignals: ['LongRunning', 5] } })).to.equal(
        '`sessions[0].health.stuckSignals[1]` must be a signal name or an object with a `type`',
      );
    });

    it('rejects a negative duration', () => {
      expect(reasonFor({ durationMs: -1 })).to.equal('`sessions[0].durationMs` must be zero or more');
      expect(reasonFor({ durationSeconds: -0.5 })).to.equal('`sessions[0].durationSeconds` must be zero or more');
    });
  });

  describe('costUsd', () => {
    it('accepts a decimal string as sent', () => {
      expect(one({ costUsd: '0.14' }).costUsd).to.equal('0.14');
      expect(one({ costUsd: '12' }).costUsd).to.equal('12');
    });
    it('accepts a number', () => {
      expect(one({ costUsd: 0.14 }).costUsd).to.equal(0.14);
      expect(one({ costUsd: 0 }).costUsd).to.equal(0);
    });
    it('accepts null and missing', () => {
      expect(one({ costUsd: null }).costUsd).to.equal(null);
      expect(one({})).to.not.have.property('costUsd');
    });
    it('rejects a non-decimal string such as "abc"', () => {
      expect(reasonFor({ costUsd: 'abc' })).to.match(/^`sessions\[0\]\.costUsd` must be /);
      expect(reasonFor({ costUsd: '1e3' })).to.match(/^`sessions\[0\]\.costUsd`/);
      expect(reasonFor({ costUsd: '' })).to.match(/^`sessions\[0\]\.costUsd`/);
    });

    it('explains an invalid cost string readably', () => {
      expect(reasonFor({ costUsd: 'abc' })).to.equal(
        '`sessions[0].costUsd` must be a decimal string, a number or null',
      );
    });

    it('rejects a cost of the wrong type with the union message', () => {
      expect(reasonFor({ costUsd: true })).to.equal('`sessions[0].costUsd` must be a decimal string, a number or null');
      expect(reasonFor({ costUsd: { usd: 1 } })).to.equal(
        '`sessions[0].costUsd` must be a decimal string, a number or null',
      );
    });
  });

  describe('dates', () => {
    it('accepts ISO dates and null', () => {
      const session = one({ startedAt: '2026-06-02T14:22:00Z', completedAt: '2026-06-02T15:00:00.123+02:00' });
      expect(session.startedAt).to.equal('2026-06-02T14:22:00Z');
      expect(one({ startedAt: null, completedAt: null }).startedAt).to.equal(null);
    });
    it('rejects a string that is not a date', () => {
      expect(reasonFor({ startedAt: 'yesterday-ish' })).to.equal('`sessions[0].startedAt` must be an ISO 8601 date');
      expect(reasonFor({ completedAt: '2026-13-45T99:00:00Z' })).to.equal(
        '`sessions[0].completedAt` must be an ISO 8601 date',
      );
    });
    it('rejects a date of the wrong type', () => {
      expect(reasonFor({ startedAt: 1717338120000 })).to.match(/^`sessions\[0\]\.startedAt` /);
    });
  });

  describe('health', () => {
    it('accepts signals as bare strings', () => {
      expect(
        one({ health: { healthStatus: 'red', stuckSignals: ['ToolLoopStuck', 'LongRunning'] } }).health,
      ).to.deep.equal({
        healthStatus: 'red',
        stuckSignals: ['ToolLoopStuck', 'LongRunning'],
      });
    });
    it('accepts signals as {type} objects, mixed with strings', () => {
      expect(
        one({ health: { stuckSignals: [{ type: 'ClaimStuck' }, 'StaleHeartbeat'] } }).health!.stuckSignals,
      ).to.deep.equal([{ type: 'ClaimStuck' }, 'StaleHeartbeat']);
    });
    it('rejects a signal object without a string type', () => {
      expect(reasonFor({ health: { stuckSignals: [{ kind: 'x' }] } })).to.match(
        /^`sessions\[0\]\.health\.stuckSignals\[0\]/,
      );
    });
    it('accepts health missing, null, empty and with null parts', () => {
      expect(one({})).to.not.have.property('health');
      expect(one({ health: null }).health).to.equal(null);
      expect(one({ health: {} }).health).to.deep.equal({});
      expect(one({ health: { healthStatus: null, stuckSignals: null } }).health).to.deep.equal({
        healthStatus: null,
        stuckSignals: null,
      });
    });
    it('accepts an unknown healthStatus word (the model ignores it)', () => {
      expect(one({ health: { healthStatus: 'purple' } }).health!.healthStatus).to.equal('purple');
    });
    it('rejects health that is not an object', () => {
      expect(reasonFor({ health: 'green' })).to.match(/^`sessions\[0\]\.health` /);
      expect(reasonFor({ health: { stuckSignals: 'ToolLoopStuck' } })).to.match(
        /^`sessions\[0\]\.health\.stuckSignals` /,
      );
    });
    it('shares one frozen health among sessions whose health is equal and has no signals', () => {
      const green = () => ({ healthStatus: 'green', stuckSignals: [], checkedAt: '2026-06-02T14:00:00Z' });
      const { sessions } = parseSessionsPage({
        sessions: [
          row({ id: 'a', health: green() }),
          row({ id: 'b', health: green() }),
          row({ id: 'c', health: { healthStatus: 'green' } }),
          row({ id: 'd', health: { healthStatus: 'green', stuckSignals: null } }),
          row({ id: 'e', health: { healthStatus: 'null', stuckSignals: [] } }),
          row({ id: 'f', health: { healthStatus: null, stuckSignals: [] } }),
        ],
      });
      const [a, b, c, d, e, f] = sessions.map((session) => session.health!);
      expect(a).to.equal(b);
      expect(a).to.deep.equal({ healthStatus: 'green', stuckSignals: [] });
      expect(Object.isFrozen(a) && Object.isFrozen(a!.stuckSignals)).to.equal(true);
      // Equal only when equal as parsed: absent, null and empty stay what they were.
      expect(c).to.deep.equal({ healthStatus: 'green' });
      expect(d).to.deep.equal({ healthStatus: 'green', stuckSignals: null });
      expect(new Set([a, c, d, e, f]).size).to.equal(5);
      expect(e).to.deep.equal({ healthStatus: 'null', stuckSignals: [] });
      expect(f).to.deep.equal({ healthStatus: null, stuckSignals: [] });
      expect(() => {
        'use strict';
        (a as { healthStatus: string }).healthStatus = 'red';
      }).to.throw(TypeError);
    });
    it("remembers no long health words: a server sending a new one per row can't grow the memory", () => {
      const long = { healthStatus: 'x'.repeat(300), stuckSignals: [] };
      const { sessions } = parseSessionsPage({
        sessions: [row({ id: 'a', health: long }), row({ id: 'b', health: long })],
      });
      expect(sessions[0]!.health).to.deep.equal(long);
      expect(sessions[0]!.health).to.not.equal(sessions[1]!.health);
    });
    it('keeps health with signals its own, frozen through its signals', () => {
      const signals = () => ({ healthStatus: 'red', stuckSignals: [{ type: 'ToolLoopStuck', severity: 'blocking' }] });
      const { sessions } = parseSessionsPage({
        sessions: [row({ id: 'a', health: signals() }), row({ id: 'b', health: signals() })],
      });
      const [a, b] = sessions.map((session) => session.health!);
      expect(a).to.not.equal(b);
      expect(a).to.deep.equal(signals());
      expect(Object.isFrozen(a!.stuckSignals) && Object.isFrozen(a!.stuckSignals![0])).to.equal(true);
    });
  });

  describe('status', () => {
    it('accepts an unknown status word as is', () => {
      expect(one({ status: 'paused-by-operator' }).status).to.equal('paused-by-operator');
    });
  });

  describe('durations', () => {
    it('keeps durationMs and durationSeconds', () => {
      const session = one({ durationMs: 12_345, durationSeconds: 12.345 });
      expect(session.durationMs).to.equal(12_345);
      expect(session.durationSeconds).to.equal(12.345);
      expect(one({ durationMs: 0, durationSeconds: null }).durationMs).to.equal(0);
    });
    it('rejects a duration of the wrong type', () => {
      expect(reasonFor({ durationMs: '12' })).to.match(/^`sessions\[0\]\.durationMs` /);
    });
  });

  describe('robustness', () => {
    it('accepts huge strings', () => {
      const huge = 'x'.repeat(1_000_000);
      const session = one({ id: huge, issueIdentifier: huge, workType: huge, provider: huge });
      expect(session.id).to.have.length(1_000_000);
      expect(session.issueIdentifier).to.equal(huge);
    });

    it('accepts null in every optional field', () => {
      const session = one({
        issueIdentifier: null,
        workType: null,
        provider: null,
        startedAt: null,
        completedAt: null,
        durationMs: null,
        durationSeconds: null,
        costUsd: null,
        health: null,
      });
      expect(session.issueIdentifier).to.equal(null);
      expect(session.costUsd).to.equal(null);
      expect(session.health).to.equal(null);
    });

    it('rejects null in a required field', () => {
      expect(reasonFor({ id: null })).to.equal('`sessions[0].id` must be a string');
      expect(reasonFor({ status: null })).to.equal('`sessions[0].status` must be a string');
    });

    it('rejects a present value of the wrong type in every optional text field, naming it', () => {
      for (const field of ['issueIdentifier', 'workType', 'provider']) {
        expect(reasonFor({ [field]: 7 })).to.match(new RegExp(`^\`sessions\\[0\\]\\.${field}\` `));
      }
    });

    it('does not mutate its input', () => {
      const body = { sessions: [{ ...valid, extra: 1 }], cursor: 'c' };
      const copy = JSON.parse(JSON.stringify(body));
      parseSessionsPage(body);
      expect(body).to.deep.equal(copy);
    });

    it('gives a valid page the sessions that each row parses to on its own', () => {
      const rows = [
        valid,
        row({ workType: 'coordination', provider: 'a-provider-name', extra: 1 }),
        row({ health: { stuckSignals: [{ type: 'LongRunning', since: 'x' }] }, costUsd: 0.5, durationSeconds: 3 }),
        row({ issueIdentifier: null, startedAt: '2026-06-02T14:22:00.123Z', completedAt: null }),
      ];
      const each = rows.map((fields) => z.parse(sessionSchema, fields));
      const page = parseSessionsPage({ sessions: rows, cursor: 'c' });
      expect(page).to.deep.equal({ sessions: each, rejected: [], cursor: 'c' });
      // One bad row anywhere: the same sessions for the others, and the bad one named.
      const withBad = parseSessionsPage({ sessions: [...rows.slice(0, 2), row({ costUsd: 'x' }), ...rows.slice(2)] });
      expect(withBad.sessions).to.deep.equal(each);
      expect(withBad.rejected).to.deep.equal([
        { index: 2, reason: '`sessions[2].costUsd` must be a decimal string, a number or null' },
      ]);
    });

    it('reports a bad cursor before any bad row, as a page that is not a list', () => {
      expect(schemaErrorOf({ sessions: [row({ id: 5 })], cursor: 5 }).message).to.equal(
        "The server's answer is not a session list: `cursor` must be a string or null.",
      );
    });

    it('keeps work types and providers exactly as sent, however many and however long', () => {
      const words = Array.from({ length: 300 }, (_, i) => `work-type-${i}-${'x'.repeat(i % 3 === 0 ? 100 : 5)}`);
      for (let round = 0; round < 2; round++) {
        const page = parseSessionsPage({
          sessions: words.map((word, i) => row({ id: `id${i}`, workType: word, provider: word.toUpperCase() })),
        });
        expect(page.sessions.map((session) => session.workType)).to.deep.equal(words);
        expect(page.sessions.map((session) => session.provider)).to.deep.equal(words.map((w) => w.toUpperCase()));
      }
      expect(one({ workType: '', provider: '' })).to.deep.equal({ ...row(), workType: '', provider: '' });
    });

    it('exposes sessionSchema for a single row', () => {
      expect(sessionSchema).to.be.an('object');
    });
  });
});

describe('schema: describeIssue', () => {
  const issue = (fields: Record<string, unknown>) =>
    ({ code: 'invalid_type', expected: 'string', path: [], message: 'a string', ...fields }) as unknown as Parameters<
      typeof describeIssue
    >[0];

  it('says "is missing" for an invalid_type issue with undefined input', () => {
    expect(describeIssue(issue({ path: ['id'], input: undefined }))).to.equal('`id` is missing');
  });
  it('says "must be <message>" for an issue with input', () => {
    expect(describeIssue(issue({ path: ['status'], input: 5 }))).to.equal('`status` must be a string');
  });
  it('formats the prefix and numeric indices as sessions[3].status', () => {
    expect(describeIssue(issue({ path: ['status'], input: 5 }), ['sessions', 3])).to.equal(
      '`sessions[3].status` must be a string',
    );
    expect(
      describeIssue(issue({ path: ['health', 'stuckSignals', 0], input: 5, message: 'a signal name' }), [
        'sessions',
        1,
      ]),
    ).to.equal('`sessions[1].health.stuckSignals[0]` must be a signal name');
  });
  it('calls an empty path "the answer"', () => {
    expect(describeIssue(issue({ input: null, message: 'a JSON object' }))).to.equal(
      'the answer must be a JSON object',
    );
  });
  it('uses the message for other issue codes', () => {
    expect(
      describeIssue(issue({ code: 'custom', path: ['startedAt'], input: 'yesterday', message: 'an ISO 8601 date' })),
    ).to.equal('`startedAt` must be an ISO 8601 date');
  });
  it('says "is missing" for any issue about an absent value (the field rules are custom checks)', () => {
    expect(describeIssue(issue({ code: 'custom', path: ['id'], message: 'a string' }))).to.equal('`id` is missing');
  });
});
