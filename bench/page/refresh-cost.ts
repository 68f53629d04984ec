/**
 * S11, in the page: what a live refresh that changes `changed` of `n` rows costs the widget's view
 * model (the store's merge, then the view's sort and filter pass), sorted by health and not. The
 * DOM work after it is the same either way (one window of rows), so this isolates what sorting
 * adds: moving the changed rows, not sorting n again.
 */
import type { Session } from '../../src/api/schema.js';
import { SessionStore } from '../../src/model/session-store.js';
import { SessionView } from '../../src/model/session-view.js';
import { SortedRows } from '../../src/model/sorted-rows.js';

const HEALTHS = ['green', 'green', 'green', 'yellow', 'red', undefined] as const;

function session(i: number, version: number): Session {
  const colour = HEALTHS[(i * 7 + version) % HEALTHS.length];
  return {
    id: i.toString(16).padStart(16, '0'),
    status: i % 5 === 0 ? 'working' : 'completed',
    issueIdentifier: `ENG-${i}`,
    startedAt: new Date(Date.UTC(2026, 5, 2) - i * 60_000).toISOString(),
    completedAt: null,
    costUsd: String((i % 97) / 10),
    health: colour ? { healthStatus: colour, stuckSignals: [] } : null,
  } as Session;
}

/** Median milliseconds of `samples` refreshes, each changing `changed` of the first page's rows. */
export function refreshCost(n: number, changed: number, sort: string, samples: number): number {
  const store = new SessionStore();
  const view = new SessionView();
  // As the element does once its sort chunk is in.
  view.extend({ sorter: new SortedRows() });
  const query = { status: '', search: '', health: '', sort, since: '' };
  const all = Array.from({ length: n }, (_, i) => session(i, 0));
  store.mergeRefresh(all, 'more', Date.now(), false);
  view.update(store, query);
  const times: number[] = [];
  for (let round = 1; round <= samples; round++) {
    // The first page (100 rows), `changed` of them with a new health and cost.
    const first = all.slice(0, 100).map((s, i) => (i < changed ? session(i, round) : s));
    const at = performance.now();
    store.mergeRefresh(first, 'more', Date.now(), false);
    view.update(store, query);
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
