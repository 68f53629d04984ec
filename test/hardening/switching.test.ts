/**
 * The project switched 20 times in quick succession, with the answers arriving out of order, and
 * delivered even though the widget aborted them: only the last project ever shows.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/index.js';
import type { RenseiSessionList } from '../../src/index.js';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import { page } from '../helpers/fake-fetch.js';
import { shadow } from '../helpers/element.js';
import { controlMock, resetMock } from '../helpers/mock-server.js';
import { logRequests, type RequestLog } from '../helpers/request-log.js';
import { nextTask, settleElement } from '../helpers/tasks.js';

const SWITCHES = 20;

/** Every row id the element ever puts in its DOM, from now on. */
function watchRows(el: RenseiSessionList): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>();
  const collect = () =>
    shadow(el)
      .querySelectorAll<HTMLElement>('[part~="row"]')
      .forEach((row) => seen.add(row.dataset.sessionId!));
  const observer = new MutationObserver(collect);
  observer.observe(shadow(el), {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-session-id'],
  });
  return { seen, stop: () => observer.disconnect() };
}

/** Counts the element's load and error events. */
function countEvents(el: RenseiSessionList) {
  const events: string[] = [];
  const record = (event: Event) => events.push(`${event.type}:${el.project}`);
  el.addEventListener('sessions-load', record);
  el.addEventListener('sessions-error', record);
  return events;
}

describe('hardening: switching projects quickly', function () {
  this.timeout(30_000);
  let el: RenseiSessionList | undefined;
  afterEach(() => el?.remove());

  it(`against the mock: ${SWITCHES} switches, answers in reverse order, only the last project ever shows`, async () => {
    const projects = Array.from({ length: SWITCHES }, (_, i) => `p${i}`);
    await resetMock({
      projects: Object.fromEntries(
        projects.map((slug) => [slug, { initialSessions: 4, arriving: false, pageSize: 4 }]),
      ),
    });
    // Earlier projects answer later: 40 ms more for each one switched away from, and the first
    // after all the others. (The browser runs six requests at a time, so with 40 ms steps alone the
    // queue could make the last project's answer come last, and the test exercise no reordering.)
    await controlMock({
      inject: projects.map((project, i) => ({
        kind: 'latency',
        project,
        latencyMs: i === 0 ? 2_500 : 60 + (SWITCHES - i) * 40,
        count: 1,
      })),
    });
    const log: RequestLog = logRequests({ ignoreAbort: true });
    try {
      el = document.createElement('rensei-session-list');
      Object.assign(el, { apiBase: location.origin, project: projects[0], refreshInterval: 0, token: EXAMPLE_API_KEY });
      const events = countEvents(el);
      document.body.append(el);
      const rows = watchRows(el);
      for (const project of projects.slice(1)) {
        await el.updateComplete;
        el.project = project;
      }
      await el.updateComplete;
      // Wait for every answer, the slowest (the first project's) included.
      while (log.requests.length < SWITCHES || log.requests.some((request) => request.settledAt === undefined))
        await nextTask();
      await new Promise((resolve) => setTimeout(resolve, 100));
      await settleElement(el);
      rows.stop();

      expect(log.requests.map((request) => request.url.searchParams.get('project'))).to.deep.equal(projects);
      // They came back out of order (the browser runs six at a time), stale ones after the last.
      const order = [...log.requests]
        .sort((a, b) => a.settledAt! - b.settledAt!)
        .map((r) => r.url.searchParams.get('project'));
      expect(order).not.to.deep.equal(projects);
      expect(order.indexOf(projects.at(-1)!)).to.be.below(SWITCHES - 1);
      // What the last project really holds, asked directly.
      const answer = await fetch(`/api/public/sessions?project=${projects.at(-1)}`, {
        headers: { Authorization: `Bearer ${EXAMPLE_API_KEY}` },
      });
      const expected = ((await answer.json()) as { sessions: { id: string }[] }).sessions.map((s) => s.id);
      expect(expected).to.have.length(4);
      expect(el.sessions.map((session) => session.id)).to.deep.equal(expected);
      expect([...rows.seen].sort()).to.deep.equal([...expected].sort());
      expect(events).to.deep.equal([`sessions-load:${projects.at(-1)}`]);
    } finally {
      log.restore();
    }
  });

  it(`with answers in every generated order (60 orders of ${SWITCHES}), none aborted: only the last one is ever merged`, async () => {
    // A fetch that ignores aborts, so every stale answer reaches the widget.
    const held = new Map<string, (response: Response) => void>();
    const original = window.fetch;
    window.fetch = ((input: RequestInfo | URL) =>
      new Promise<Response>((resolve) =>
        held.set(new URL(String(input)).searchParams.get('project')!, resolve),
      )) as typeof fetch;
    el = document.createElement('rensei-session-list');
    Object.assign(el, { apiBase: 'https://api.example', project: 'start', refreshInterval: 0 });
    document.body.append(el);
    await settleElement(el);
    held.get('start')!(page([{ id: 'start-row', status: 'working' }]));
    await settleElement(el);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.shuffledSubarray([...Array(SWITCHES).keys()], { minLength: SWITCHES, maxLength: SWITCHES }),
          async (order) => {
            run++;
            const projects = Array.from({ length: SWITCHES }, (_, i) => `r${run}-p${i}`);
            const events = countEvents(el!);
            const rows = watchRows(el!);
            for (const project of projects) {
              el!.project = project;
              await el!.updateComplete;
            }
            expect(projects.every((project) => held.has(project))).to.equal(true);
            const loaded = new Promise((resolve) => el!.addEventListener('sessions-load', resolve, { once: true }));
            for (const i of order) {
              held.get(projects[i]!)!(
                page([
                  { id: `${projects[i]}-a`, status: 'working' },
                  { id: `${projects[i]}-b`, status: 'queued' },
                ]),
              );
              if (i % 3 === 0) await nextTask();
            }
            await loaded;
            // Let every stale answer land (their bodies are read asynchronously too).
            await new Promise((resolve) => setTimeout(resolve, 15));
            await settleElement(el!);
            rows.stop();
            const last = projects.at(-1)!;
            expect(el!.sessions.map((session) => session.id)).to.deep.equal([`${last}-a`, `${last}-b`]);
            expect([...rows.seen].every((id) => id.startsWith(`${last}-`))).to.equal(true);
            expect(events.filter((event) => event.startsWith('sessions-load'))).to.deep.equal([
              `sessions-load:${last}`,
            ]);
          },
        ),
        { numRuns: 60, includeErrorInReport: true },
      );
    } finally {
      window.fetch = original;
    }
  });
});
