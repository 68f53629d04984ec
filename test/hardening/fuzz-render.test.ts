/**
 * Fuzzing the answer path end to end: generated answers through a real `<rensei-session-list>`
 * (one element, reused: each case is a new project, so a new first load), with a fake fetch and
 * fake timers (a scheduled retry never fires between cases).
 *
 * Every case must end in exactly one of: rows; rows plus a `notice` that some sessions could not
 * be shown; the empty state (a valid, empty page); or a visible `error` state. Nothing may throw.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { installFakeFetch, type FakeFetch } from '../helpers/fake-fetch.js';
import { part, parts, text } from '../helpers/element.js';
import { settleElement } from '../helpers/tasks.js';
import { anyAnswer, bigPageAnswer, errorAnswer, hugeAnswer, pageOf, pooledRow, type Answer } from './answers.js';
import { expectFirstLoad, type Expected } from './oracle.js';
import { expectIds, expectOnlyOwnMarkup, expectRowsShow, shownState } from './render-check.js';

/** Counted in the README's Reliability figures; the run fails if fewer answers went through. */
export const RENDER_RUNS = { firstLoads: 1700, sequences: 100, huge: 4, big: 3, minimumAnswers: 2000 };

describe('hardening: fuzzing render', function () {
  this.timeout(180_000);

  let el: RenseiSessionList;
  let fake: FakeFetch;
  let clock: sinon.SinonFakeTimers;
  let current: Answer;
  let project = 0;
  let answers = 0;
  const problems: string[] = [];
  const onError = (event: ErrorEvent | PromiseRejectionEvent) =>
    problems.push(String('reason' in event ? event.reason : event.message));
  const consoleError = console.error;

  before(async () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onError);
    console.error = (...args: unknown[]) => problems.push(args.map(String).join(' '));
    fake = installFakeFetch(
      () => new Response(current.body, { status: current.status, headers: { 'Content-Type': current.contentType } }),
    );
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    el = document.createElement('rensei-session-list');
    el.apiBase = 'https://api.example';
    el.refreshInterval = 0;
    el.locale = 'en-US';
    // Room for rows under the toolbar (filters, range, export, summary). At 320 px and below this run
    // takes over 120 s on this branch (20 s on main at 200 px): a layout-bound slowdown not yet
    // explained, reported with issue 16.
    el.style.height = '640px';
    current = { status: 200, body: '{"sessions":[]}', contentType: 'application/json', kind: 'start' };
    document.body.append(el);
    await settle();
  });

  after(() => {
    el.remove();
    clock.restore();
    fake.restore();
    console.error = consoleError;
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onError);
    console.log(`fuzz-render: ${answers} answers rendered`);
    expect(answers).to.be.at.least(RENDER_RUNS.minimumAnswers);
  });

  afterEach(() => expect(problems, 'uncaught errors or console.error').to.deep.equal([]));

  const settle = () => settleElement(el);

  /** A first load of `answer`, on a project the element has not shown before. */
  async function firstLoad(answer: Answer) {
    current = answer;
    answers++;
    const done = new Promise((resolve) => {
      el.addEventListener('sessions-load', resolve, { once: true });
      el.addEventListener('sessions-error', resolve, { once: true });
    });
    el.project = `fuzz-${++project}`;
    await done;
    await settle();
  }

  async function refresh(answer: Answer) {
    current = answer;
    answers++;
    await el.refresh();
    await settle();
  }

  function expectShown(expected: Expected, answer: Answer) {
    const { state, notices } = shownState(el);
    expect(state, `${answer.kind}: ${answer.body.slice(0, 300)}`).to.equal(expected.outcome);
    expect(
      notices.filter((kind) => kind !== 'rejected' && kind !== 'unreadable'),
      'a failure notice after a first load',
    ).to.deep.equal([]);
    // Fields that could not be read are counted in a notice of their own while rows are shown.
    if (state === 'rows' || state === 'rows+notice')
      expect(notices.includes('unreadable'), 'the unreadable-fields notice').to.equal(expected.unreadable > 0);
    if (state === 'rows' || state === 'rows+notice') {
      expectIds(el, expected.ids);
      expectRowsShow(el, expected.byId);
    }
    if (state === 'rows+notice')
      expect(text(part(el, 'notice'))).to.contain(`${expected.rejected.toLocaleString('en-US')} session`);
    expectOnlyOwnMarkup(el);
  }

  it(`${RENDER_RUNS.firstLoads} generated answers each end in rows, rows and a notice, empty, or an error`, async () => {
    await fc.assert(
      fc.asyncProperty(anyAnswer, async (answer) => {
        await firstLoad(answer);
        expectShown(expectFirstLoad(answer.status, answer.body), answer);
      }),
      { numRuns: RENDER_RUNS.firstLoads, includeErrorInReport: true },
    );
  });

  it(`answers with huge strings render (${RENDER_RUNS.huge} cases of 100,000 to 250,000 characters a field) and pages of 10,000 rows render windowed (${RENDER_RUNS.big})`, async () => {
    await fc.assert(
      fc.asyncProperty(hugeAnswer([100_000, 250_000]), async (answer) => {
        await firstLoad(answer);
        expectShown(expectFirstLoad(answer.status, answer.body), answer);
      }),
      { numRuns: RENDER_RUNS.huge },
    );
    await fc.assert(
      fc.asyncProperty(bigPageAnswer(), async (answer) => {
        await firstLoad(answer);
        const expected = expectFirstLoad(answer.status, answer.body);
        expectShown(expected, answer);
        expect(parts(el, 'row').length).to.be.below(200);
      }),
      { numRuns: RENDER_RUNS.big },
    );
  });

  /** A refresh, a failed refresh, another: ids collide across answers, so merging is exercised. */
  const refreshAnswer = fc.oneof(
    {
      arbitrary: pageOf(pooledRow, { maxLength: 8 }).map((page) => ({
        status: 200,
        body: JSON.stringify(page),
        contentType: 'application/json',
        kind: 'refresh',
      })),
      weight: 6,
    },
    { arbitrary: anyAnswer, weight: 2 },
    { arbitrary: errorAnswer, weight: 1 },
  );

  it(`${RENDER_RUNS.sequences} sequences of refreshes merge by id, and a failed refresh keeps the rows with a notice`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(refreshAnswer, { minLength: 3, maxLength: 6 }), async (sequence) => {
        let rows: string[] = [];
        let loaded = false;
        let rejected = 0;
        let unreadable = 0;
        const data = new Map<string, Record<string, unknown>>();
        for (const [i, answer] of sequence.entries()) {
          if (i === 0) await firstLoad(answer);
          else await refresh(answer);
          const expected = expectFirstLoad(answer.status, answer.body);
          const failed = expected.failure !== undefined;
          if (!failed) {
            const fresh = expected.ids.filter((id) => !rows.includes(id));
            rows = loaded ? [...fresh, ...rows] : expected.ids;
            loaded = true;
            rejected = expected.rejected;
            unreadable = expected.unreadable;
            for (const [id, row] of expected.byId) data.set(id, row);
          }
          const { state, notices } = shownState(el);
          const why = `answer ${i} (${answer.kind}): ${answer.body.slice(0, 200)}`;
          if (rows.length > 0) {
            expect(state, why).to.be.oneOf(['rows', 'rows+notice']);
            expectIds(el, rows);
            expectRowsShow(el, data);
            // A failed refresh keeps the rows, says so, and offers to try again.
            expect(
              notices.some((kind) => kind !== 'rejected' && kind !== 'unreadable'),
              why,
            ).to.equal(failed);
            // Rows (and fields) the last answer that loaded could not show stay reported while its rows are shown.
            expect(notices.includes('rejected'), why).to.equal(rejected > 0);
            expect(notices.includes('unreadable'), why).to.equal(unreadable > 0);
          } else {
            expect(state, why).to.equal(failed || expected.rejected > 0 ? 'error' : 'empty');
          }
          expectOnlyOwnMarkup(el);
        }
      }),
      { numRuns: RENDER_RUNS.sequences },
    );
  });
});
