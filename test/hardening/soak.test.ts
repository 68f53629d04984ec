/**
 * Soak: a refresh every 100 ms (driven with refresh(): refresh-interval's floor is 1 s) against the mock for 60 s while its fleet lives (sessions arrive,
 * work, finish, get stuck): about 600 refreshes. The heap, DOM nodes and listeners come back to
 * their baseline (measured over CDP after forced GC, see test/helpers/heap-plugin.mjs), and the
 * rows stay exactly right: every session seen, once, newest first, none lost.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RenseiSessionList } from '../../src/index.js';
import type { SessionsLoadEvent } from '../../src/events.js';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import { rowIds } from '../helpers/element.js';
import { controlMock, resetMock } from '../helpers/mock-server.js';
import { settleElement } from '../helpers/tasks.js';

const SOAK_MS = 60_000;
const INITIAL = 60;
const PAGE = 50;

interface Heap {
  usedSize: number;
  nodes: number;
  listeners: number;
  documents: number;
}

const heap = () => executeServerCommand<Heap, { gc: boolean }>('heap-usage', { gc: true });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MB = 1024 * 1024;

/** The mock's whole list for the project, newest first, as it stands (its clock is frozen). */
async function mockOrder(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `project=soak&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await fetch(`/api/public/sessions?${query}`, {
      headers: { Authorization: `Bearer ${EXAMPLE_API_KEY}` },
    });
    const body = (await response.json()) as { sessions: { id: string }[]; cursor: string | null };
    ids.push(...body.sessions.map((session) => session.id));
    cursor = body.cursor;
  } while (cursor);
  return ids;
}

describe('hardening: soak', function () {
  this.timeout(SOAK_MS + 60_000);

  it(`refreshing every 100 ms for ${SOAK_MS / 1000} s while the data changes: no growth, and the rows stay right`, async () => {
    // A frozen mock clock, moved on from here: the fleet changes between refreshes, and stands
    // still when checked. ~1 new session per simulated 4 min; each step moves 1 min (speed 60).
    await resetMock({
      speed: 60,
      projects: { soak: { initialSessions: INITIAL, meanArrivalGapMs: 240_000, pageSize: PAGE } },
    });
    // Every refresh merges a whole page here: between steps the fleet stands still, and ETags
    // would make most refreshes 304s (test/sharing/rules.test.ts covers those).
    await controlMock({ inject: { kind: 'no-etag' } });
    const before = await heap();

    const container = document.createElement('div');
    document.body.append(container);
    // `let`, so the test can drop its own reference at the end and see what else holds the element.
    let el: RenseiSessionList | undefined = document.createElement('rensei-session-list');
    // refresh-interval has a 1 s floor (issue 14): the soak drives refresh() every 100 ms itself.
    Object.assign(el, { apiBase: location.origin, project: 'soak', refreshInterval: 0, locale: 'en-US' });
    el.token = EXAMPLE_API_KEY;
    el.style.height = '600px';
    let loads = 0;
    let added = 0;
    let updated = 0;
    let errors = 0;
    if (!el) throw new Error('unreachable');
    let shrank = false;
    let lastTotal = 0;
    el.addEventListener('sessions-load', ({ detail }: SessionsLoadEvent) => {
      loads++;
      added += detail.added.length;
      updated += detail.updated.length;
      if (detail.total < lastTotal) shrank = true;
      lastTotal = detail.total;
    });
    el.addEventListener('sessions-error', () => errors++);
    // Resolved with nothing: a promise holding the event would hold its target, the element.
    const first = new Promise<void>((resolve) =>
      el!.addEventListener('sessions-load', () => resolve(), { once: true }),
    );
    container.append(el);
    const driver = setInterval(() => void el?.refresh(), 100);
    await first;
    await sleep(500);
    const loaded = await heap();

    const statuses = new Set<string>();
    const samples: number[] = [];
    const started = performance.now();
    let step = 0;
    while (performance.now() - started < SOAK_MS) {
      await controlMock({ advanceMs: 1_000 });
      await sleep(250);
      for (const session of el!.sessions.slice(0, 20)) statuses.add(`${session.id}:${session.status}`);
      if (++step % 40 === 0) {
        // Every ~10 s: the rows on screen are the first loaded ones, in order, each once.
        const ids = el!.sessions.map((session) => session.id);
        expect(new Set(ids).size).to.equal(ids.length);
        const shown = rowIds(el!);
        expect(shown.length).to.be.greaterThan(10);
        expect(shown).to.deep.equal(ids.slice(0, shown.length));
        samples.push((await heap()).usedSize);
      }
    }
    // The fleet stands still now: let the widget catch up, then compare with the mock itself.
    await sleep(500);
    clearInterval(driver);
    await settleElement(el);
    const order = await mockOrder();
    const ids = el.sessions.map((session) => session.id);
    const arrived = order.length - INITIAL;
    expect(arrived, 'sessions that arrived during the soak').to.be.greaterThan(20);
    expect(ids).to.deep.equal(order.slice(0, arrived + PAGE));
    expect(rowIds(el)).to.deep.equal(ids.slice(0, rowIds(el).length));
    expect(shrank, 'the row count went down').to.equal(false);
    expect(errors).to.equal(0);
    expect(loads, 'refreshes merged').to.be.within(200, 700);
    expect(added, 'rows added: the first page, then each arrival once').to.equal(PAGE + arrived);
    expect(updated).to.be.greaterThan(loads * 40);
    // The data really changed under it: the same sessions were seen with different statuses.
    const seen = new Map<string, Set<string>>();
    for (const entry of statuses) {
      const [id, status] = entry.split(':') as [string, string];
      seen.set(id, (seen.get(id) ?? new Set()).add(status));
    }
    expect([...seen.values()].some((set) => set.size > 1)).to.equal(true);

    const after = await heap();
    el.remove();
    container.remove();
    el = undefined;
    await sleep(200);
    const gone = await heap();
    const report = {
      beforeMB: +(before.usedSize / MB).toFixed(2),
      loadedMB: +(loaded.usedSize / MB).toFixed(2),
      samplesMB: samples.map((size) => +(size / MB).toFixed(2)),
      afterMB: +(after.usedSize / MB).toFixed(2),
      removedMB: +(gone.usedSize / MB).toFixed(2),
      nodes: [before.nodes, loaded.nodes, after.nodes, gone.nodes],
      listeners: [before.listeners, loaded.listeners, after.listeners, gone.listeners],
      loads,
      rows: ids.length,
    };
    console.log(`soak: ${JSON.stringify(report)}`);
    // Still mounted, after ~600 refreshes: the heap is what the first load left, plus the rows
    // that arrived (a few KB each), and does not climb from sample to sample.
    expect(after.usedSize - loaded.usedSize, JSON.stringify(report)).to.be.below(3 * MB);
    expect(Math.max(...samples) - Math.min(...samples), JSON.stringify(report)).to.be.below(3 * MB);
    // The same DOM (the window of rows) and the same listeners as after the first load.
    expect(Math.abs(after.nodes - loaded.nodes), JSON.stringify(report)).to.be.below(300);
    expect(after.listeners - loaded.listeners, JSON.stringify(report)).to.be.at.most(5);
    // Removed: back to where the page was before the widget.
    expect(gone.usedSize - before.usedSize, JSON.stringify(report)).to.be.below(1.5 * MB);
    expect(gone.listeners - before.listeners, JSON.stringify(report)).to.be.at.most(2);
  });
});
