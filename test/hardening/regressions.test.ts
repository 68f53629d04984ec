/**
 * Every failure the fuzzers found, kept as a plain test of its (shrunk) counterexample, so it
 * stays fixed whatever the generators become. The seed that found each is noted (with the
 * generators of the time; replaying it needs those).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseSessionsPage } from '../../src/api/forgiving.js';
import { signalWords } from '../../src/model/health.js';
import { SessionStore } from '../../src/model/session-store.js';
import type { RenseiSessionList } from '../../src/index.js';
import { installFakeFetch, json, type FakeFetch } from '../helpers/fake-fetch.js';
import { mount, part, parts, rowIds, text } from '../helpers/element.js';
import { settleElement } from '../helpers/tasks.js';
import { has } from './render-check.js';

/** The old, backtracking `signalWords`, as the reference for what the words must stay. */
function signalWordsBefore(name: string): string {
  const spaced = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

describe('hardening: regressions found by fuzzing', () => {
  let fake: FakeFetch | undefined;
  afterEach(() => fake?.restore());

  async function show(body: unknown): Promise<RenseiSessionList> {
    fake = installFakeFetch(() => json(body));
    const el = await mount({ attrs: { locale: 'en-US' } });
    await settleElement(el);
    return el;
  }

  // fuzz-render, seed 1871607314, path "25:1:2:2:2:2:2:3:3:3:3:3:3:3:2:2".
  it('shows a status named like an Object method ("hasOwnProperty") as its raw word, not as native code', async () => {
    const el = await show({
      sessions: [
        { id: '\u0000', status: 'hasOwnProperty' },
        { id: 'b', status: 'constructor' },
      ],
    });
    const badges = parts(el, 'status-badge').map((badge) => badge.textContent);
    expect(badges).to.deep.equal(['hasOwnProperty', 'constructor']);
    const options = [...part<HTMLSelectElement>(el, 'status-filter')!.options].map((option) => text(option));
    expect(options).to.include('hasOwnProperty (1)');
    expect(options.join()).not.to.contain('native code');
  });

  // fuzz-render, seed 983358221, path "2:1:0:1:1".
  it('shows an answer whose every row was rejected as an error, not as "no sessions yet"', async () => {
    const nulls = { id: null, status: null, issueIdentifier: null, workType: null, provider: null, startedAt: null };
    const el = await show({ sessions: [nulls, { id: 'x' }], cursor: null });
    expect(has(el, 'empty')).to.equal(false);
    expect(parts(el, 'row')).to.have.length(0);
    const error = text(part(el, 'error'));
    expect(error).to.contain('2 sessions in the last answer could not be shown');
    expect(error).to.contain('`sessions[0].id`');
    expect(has(el, 'retry')).to.equal(true);
    // Trying again with a good answer shows the rows.
    fake!.responder = () => json({ sessions: [{ id: 'ok', status: 'working' }] });
    part(el, 'retry')!.click();
    await settleElement(el);
    await settleElement(el);
    expect(rowIds(el)).to.deep.equal(['ok']);
    expect(has(el, 'error')).to.equal(false);
  });

  it('still says "no sessions yet" for a valid, empty answer', async () => {
    const el = await show({ sessions: [], cursor: null });
    expect(has(el, 'empty')).to.equal(true);
    expect(has(el, 'error')).to.equal(false);
  });

  // fuzz-render: a page with a 1,000,000-character signal name froze the page (the test run timed out).
  it('words a huge all-capitals signal name in linear time, as before for short names', function () {
    this.timeout(5000);
    // Sizes the old, quadratic version took seconds over (and minutes at 1,000,000 characters).
    const started = performance.now();
    expect(signalWords('Z'.repeat(60_000))).to.have.length(60_000);
    expect(signalWords(`${'AB'.repeat(30_000)}Cd`)).to.have.length(60_003);
    // Coarse on purpose (shared 2-core CI): the quadratic version took seconds here.
    expect(performance.now() - started).to.be.below(2_000);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('A', 'B', 'c', 'd', '1', '_', '-', ' '), maxLength: 40 }),
        (name) => {
          expect(signalWords(name)).to.equal(signalWordsBefore(name));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('renders a row with a long all-capitals signal within a second', async function () {
    this.timeout(10_000);
    const started = performance.now();
    const el = await show({
      sessions: [{ id: 'a', status: 'working', health: { stuckSignals: ['Z'.repeat(60_000)] } }],
    });
    expect(parts(el, 'row')).to.have.length(1);
    expect(part(el, 'health-dot')!.dataset.health).to.equal('yellow');
    expect(performance.now() - started).to.be.below(5_000);
  });

  // fuzz-parse (merge), seed -1775710022: a new id twice in one refresh kept the first copy's data.
  it('a new id repeated within a refresh takes the last copy, as the first page and later pages do', () => {
    const store = new SessionStore();
    const page = (rows: unknown[]) => parseSessionsPage({ sessions: rows }).sessions;
    store.mergeRefresh(page([]), null, 1, false);
    store.mergeRefresh(
      page([
        { id: 'pool-0', status: 'queued' },
        { id: 'pool-0', status: '\u0000' },
      ]),
      null,
      2,
      false,
    );
    expect(store.rows.map((row) => row.id)).to.deep.equal(['pool-0']);
    expect(store.rows[0]!.session.status).to.equal('\u0000');
    expect(store.get('pool-0')).to.equal(store.rows[0]);
  });

  // Found with the 10,000-row pages: merging a refresh of N new rows was O(N²) (630 ms for 10,000).
  it('merges a refresh of 20,000 new rows in linear time', () => {
    const store = new SessionStore();
    const rows = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, status: 'working' }));
    store.mergeRefresh(rows('a', 50), 'c', 1, false); // the first page
    const started = performance.now();
    store.mergeRefresh(rows('b', 20_000), 'c', 2, false);
    expect(performance.now() - started).to.be.below(400);
    expect(store.rows).to.have.length(20_050);
  });
});
