import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import { describeIssue, parseSessionsPage, SchemaError } from '../../src/api/forgiving.js';
import { sessionSchema, unreadableFields } from '../../src/api/schema.js';

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

/**
 * Parses a one-row page whose row has fields that can't be read: the row is kept, and those fields
 * are named (on the session and in the page's count). Returns the session.
 */
function unread(fields: Record<string, unknown>, names: string[]) {
  const page = parseSessionsPage({ sessions: [row(fields)] });
  expect(page.rejected, JSON.stringify(page.rejected)).to.deep.equal([]);
  expect(page.sessions).to.have.length(1);
  const session = page.sessions[0]!;
  expect(unreadableFields(session), JSON.stringify(fields)).to.deep.equal(names);
  expect(page.unreadable).to.equal(names.length);
  return session;
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
      expect(parseSessionsPage({ sessions: [] })).to.deep.equal({
        sessions: [],
        rejected: [],
        cursor: null,
        unreadable: 0,
      });
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
      expect(page).to.have.all.keys('sessions', 'rejected', 'cursor', 'unreadable');
      expect(page.unreadable).to.equal(0);
      expect(unreadableFields(session)).to.deep.equal([]);
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
    it('reads a numeric cursor as its digits: opaque like any other, never a reason to lose the page', () => {
      const page = parseSessionsPage({ sessions: [row({ id: 'aa' })], cursor: 5 });
      expect(page.cursor).to.equal('5');
      expect(page.sessions.map((s) => s.id)).to.deep.equal(['aa']);
      expect(page.unreadable).to.equal(0);
      expect(parseSessionsPage({ sessions: [], cursor: 0 }).cursor).to.equal('0');
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

    it('tells a missing id from one of the wrong type', () => {
      expect(reasonFor({ id: undefined })).to.equal('`sessions[0].id` is missing');
      expect(reasonFor({ id: 42 })).to.equal('`sessions[0].id` must be a string');
    });

    it('keeps a row with a known field of the wrong type: that field is unknown (null), and named', () => {
      expect(unread({ startedAt: 5 }, ['startedAt']).startedAt).to.equal(null);
      expect(unread({ durationMs: '12' }, ['durationMs']).durationMs).to.equal(null);
      expect(unread({ health: 'green' }, ['health']).health).to.equal(null);
      expect(unread({ health: { healthStatus: 5 } }, ['health.healthStatus']).health).to.deep.equal({
        healthStatus: null,
      });
      expect(unread({ health: { stuckSignals: 'x' } }, ['health.stuckSignals']).health).to.deep.equal({
        stuckSignals: null,
      });
      expect(unread({ issueIdentifier: 7 }, ['issueIdentifier']).issueIdentifier).to.equal(null);
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

    it('names nested paths (health.stuckSignals[i]), dropping the signal that is not one', () => {
      const session = unread({ health: { stuckSignals: ['LongRunning', 5] } }, ['health.stuckSignals[1]']);
      expect(session.health).to.deep.equal({ stuckSignals: ['LongRunning'] });
    });

    it('reads a negative duration as unknown', () => {
      expect(unread({ durationMs: -1 }, ['durationMs']).durationMs).to.equal(null);
      expect(unread({ durationSeconds: -0.5 }, ['durationSeconds']).durationSeconds).to.equal(null);
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
    it('reads a non-decimal string such as "abc" as unknown, naming it', () => {
      expect(unread({ costUsd: 'abc' }, ['costUsd']).costUsd).to.equal(null);
      expect(unread({ costUsd: '1e3' }, ['costUsd']).costUsd).to.equal(null);
      expect(unread({ costUsd: '' }, ['costUsd']).costUsd).to.equal(null);
    });

    it('reads a cost of the wrong type as unknown, naming it', () => {
      expect(unread({ costUsd: true }, ['costUsd']).costUsd).to.equal(null);
      expect(unread({ costUsd: { usd: 1 } }, ['costUsd']).costUsd).to.equal(null);
    });
  });

  describe('dates', () => {
    it('accepts ISO dates and null', () => {
      const session = one({ startedAt: '2026-06-02T14:22:00Z', completedAt: '2026-06-02T15:00:00.123+02:00' });
      expect(session.startedAt).to.equal('2026-06-02T14:22:00Z');
      expect(one({ startedAt: null, completedAt: null }).startedAt).to.equal(null);
    });
    it('reads a string that is not a date as unknown, naming it', () => {
      expect(unread({ startedAt: 'yesterday-ish' }, ['startedAt']).startedAt).to.equal(null);
      expect(unread({ completedAt: '2026-13-45T99:00:00Z' }, ['completedAt']).completedAt).to.equal(null);
    });
    it('reads a date of the wrong type as unknown', () => {
      expect(unread({ startedAt: 1717338120000 }, ['startedAt']).startedAt).to.equal(null);
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
    it('drops a signal object without a string type, naming it', () => {
      expect(unread({ health: { stuckSignals: [{ kind: 'x' }] } }, ['health.stuckSignals[0]']).health).to.deep.equal({
        stuckSignals: [],
      });
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
    it('reads health that is not an object as unknown (null), and signals that are not a list as none', () => {
      expect(unread({ health: 'green' }, ['health']).health).to.equal(null);
      expect(unread({ health: { stuckSignals: 'ToolLoopStuck' } }, ['health.stuckSignals']).health).to.deep.equal({
        stuckSignals: null,
      });
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
    it('reads a duration of the wrong type as unknown', () => {
      expect(unread({ durationMs: '12' }, ['durationMs']).durationMs).to.equal(null);
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

    it('reads a present value of the wrong type in every optional text field as unknown, naming it', () => {
      for (const field of ['issueIdentifier', 'workType', 'provider']) {
        expect(unread({ [field]: 7 }, [field])[field as 'workType']).to.equal(null);
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
      expect(page).to.deep.equal({ sessions: each, rejected: [], cursor: 'c', unreadable: 0 });
      // One bad row anywhere: the same sessions for the others, and the bad one named.
      const withBad = parseSessionsPage({
        sessions: [...rows.slice(0, 2), row({ costUsd: 'x' }), ...rows.slice(2), { id: 'no-status' }],
      });
      expect(withBad.sessions).to.deep.equal([...each.slice(0, 2), row({ costUsd: null }), ...each.slice(2)]);
      expect(withBad.rejected).to.deep.equal([{ index: 5, reason: '`sessions[5].status` is missing' }]);
      expect(withBad.sessions.map(unreadableFields)).to.deep.equal([[], [], ['costUsd'], [], []]);
      expect(withBad.unreadable).to.equal(1);
    });

    it('reports a bad row of a page whose cursor is a number, and keeps the cursor', () => {
      const page = parseSessionsPage({ sessions: [row({ id: 5 })], cursor: 5 });
      expect(page.rejected).to.deep.equal([{ index: 0, reason: '`sessions[0].id` must be a string' }]);
      expect(page.cursor).to.equal('5');
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

describe('schema: forgiving rows (one bad field never hides a session)', () => {
  it('keeps a row whose cost is "NaN", "1e-7", "0,14", "Infinity" or true, with the cost unknown', () => {
    for (const costUsd of ['NaN', '1e-7', '0,14', 'Infinity', '$0.14', true, [], '9'.repeat(400)]) {
      expect(unread({ costUsd }, ['costUsd']).costUsd, JSON.stringify(costUsd)).to.equal(null);
    }
  });

  it('reads a negative cost, and -0, as unknown', () => {
    for (const costUsd of [-0.5, -0, '-0', '-0.00', '-0.14', -1e-9]) {
      expect(unread({ costUsd }, ['costUsd']).costUsd, String(costUsd)).to.equal(null);
    }
    expect(one({ costUsd: '0.00' }).costUsd).to.equal('0.00');
    expect(one({ costUsd: ' 0.14 ' }).costUsd).to.equal(' 0.14 ');
  });

  it('keeps a row with a bad startedAt or a negative durationMs, with those unknown', () => {
    const session = unread({ startedAt: 'not a date', durationMs: -5, costUsd: '0.14', issueIdentifier: 'ENG-1' }, [
      'startedAt',
      'durationMs',
    ]);
    expect(session).to.deep.equal({
      ...row(),
      startedAt: null,
      durationMs: null,
      costUsd: '0.14',
      issueIdentifier: 'ENG-1',
    });
  });

  it('names every unreadable field of a row, and counts them for the page', () => {
    const page = parseSessionsPage({
      sessions: [
        row({ id: 'a', costUsd: 'x', startedAt: 5, health: { healthStatus: 1, stuckSignals: [1, 'ClaimStuck', {}] } }),
        row({ id: 'b' }),
        row({ id: 'c', workType: {}, durationSeconds: -1 }),
        { id: 'd', costUsd: 'x' },
      ],
    });
    expect(page.sessions.map((s) => s.id)).to.deep.equal(['a', 'b', 'c']);
    expect(page.sessions.map(unreadableFields)).to.deep.equal([
      ['startedAt', 'costUsd', 'health.healthStatus', 'health.stuckSignals[0]', 'health.stuckSignals[2]'],
      [],
      ['workType', 'durationSeconds'],
    ]);
    expect(page.sessions[0]!.health).to.deep.equal({ healthStatus: null, stuckSignals: ['ClaimStuck'] });
    // Rejected rows' fields are not counted: the row is reported instead.
    expect(page.unreadable).to.equal(7);
    expect(page.rejected).to.deep.equal([{ index: 3, reason: '`sessions[3].status` is missing' }]);
    expect(Object.isFrozen(unreadableFields(page.sessions[0]!))).to.equal(true);
  });

  it('still rejects a row without a usable id or status, or that is not an object', () => {
    expect(reasonFor({ id: '' })).to.equal('`sessions[0].id` must be a non-empty string');
    expect(reasonFor({ status: null, costUsd: 'x' })).to.equal('`sessions[0].status` must be a string');
    expect(reasonFor({ costUsd: 'x', status: undefined })).to.equal('`sessions[0].status` is missing');
  });

  it('gives a row made readable the shape a valid row parses to (unknown fields dropped)', () => {
    const session = unread({ costUsd: 'x', extra: 1, health: { healthStatus: 'red', stuckSignals: [5], more: 1 } }, [
      'costUsd',
      'health.stuckSignals[0]',
    ]);
    expect(session).to.deep.equal({ ...row(), costUsd: null, health: { healthStatus: 'red', stuckSignals: [] } });
  });

  it('does not mutate its input when it makes a row readable', () => {
    const body = { sessions: [row({ costUsd: 'x', health: { healthStatus: 5, stuckSignals: [1, 'LongRunning'] } })] };
    const copy = JSON.parse(JSON.stringify(body));
    parseSessionsPage(body);
    expect(body).to.deep.equal(copy);
  });

  it('has no unreadable field for a session of a valid page, nor for one it did not parse', () => {
    const page = parseSessionsPage({ sessions: [valid] });
    expect(page.unreadable).to.equal(0);
    expect(unreadableFields(page.sessions[0]!)).to.deep.equal([]);
    expect(unreadableFields({ id: 'x', status: 'working' })).to.deep.equal([]);
  });
});

describe('schema: dates are real ISO 8601 dates', () => {
  it('reads ISO 8601 dates and date-times', () => {
    for (const date of [
      '2026',
      '2026-06',
      '2026-06-02',
      '2026-06-02T14:22Z',
      '2026-06-02T14:22:00Z',
      '2026-06-02T14:22:00.123456Z',
      '2026-06-02T14:22:00+02:00',
      '2026-06-02T14:22:00-0530',
      '2026-06-02T14:22:00',
      '2026-06-02t14:22:00z',
      '2026-06-02 14:22:00Z',
      '2024-02-29',
      '2000-02-29T00:00:00Z',
      '2026-12-31T23:59:59.999Z',
      '+275760-09-13T00:00:00Z',
      '-000001-01-01T00:00:00Z',
    ]) {
      expect(one({ startedAt: date }).startedAt, date).to.equal(date);
    }
  });

  it('reads a date that is not on the calendar (never a rolled-over one), or not ISO 8601, as unknown', () => {
    for (const date of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-06-00',
      '2026-06-02T24:00:00Z',
      '2026-06-02T14:60:00Z',
      '2026-06-02T14:22:60Z',
      '2026-06-02T14:22:00+24:00',
      '+275761-01-01T00:00:00Z',
      '-000000-01-01T00:00:00Z',
      // What Date.parse would guess at, but is not ISO 8601.
      'June 2, 2026 14:22',
      'Tue, 02 Jun 2026 14:22:00 GMT',
      '-5',
      '1',
      '2026-6-2',
      '2026/06/02',
      '',
    ]) {
      expect(unread({ startedAt: date }, ['startedAt']).startedAt, date).to.equal(null);
      expect(unread({ completedAt: date }, ['completedAt']).completedAt, date).to.equal(null);
    }
  });
});

describe('schema: cursors', () => {
  it('reads an empty cursor as no further page', () => {
    expect(parseSessionsPage({ sessions: [], cursor: '' }).cursor).to.equal(null);
    expect(parseSessionsPage({ sessions: [row({ costUsd: 'x' })], cursor: '' }).cursor).to.equal(null);
  });

  it('sends a numeric cursor back as it came, as a string, on a valid page and on one with bad rows', () => {
    expect(parseSessionsPage({ sessions: [row()], cursor: 40 }).cursor).to.equal('40');
    expect(parseSessionsPage({ sessions: [row(), 5], cursor: 1.5 }).cursor).to.equal('1.5');
  });

  it('keeps the rows of a page whose cursor is an object, a list or a boolean; the list ends there, counted as unreadable', () => {
    for (const cursor of [{ after: 'x' }, ['x'], true, false]) {
      const page = parseSessionsPage({ sessions: [row({ id: 'aa' }), row({ id: 'bb', costUsd: 'x' })], cursor });
      expect(
        page.sessions.map((s) => s.id),
        JSON.stringify(cursor),
      ).to.deep.equal(['aa', 'bb']);
      expect(page.cursor).to.equal(null);
      expect(page.unreadable).to.equal(2); // the cursor and bb's cost
      const valid = parseSessionsPage({ sessions: [row({ id: 'aa' })], cursor });
      expect(valid.sessions).to.have.length(1);
      expect(valid.unreadable).to.equal(1);
    }
  });

  it('still says a page that is not a list is not one, whatever its cursor', () => {
    expect(schemaErrorOf({ sessions: 'x', cursor: {} }).message).to.equal(
      "The server's answer is not a session list: `sessions` must be an array.",
    );
  });
});
