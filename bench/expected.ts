/**
 * What each implementation must show: the rows the runner reads from the same mock the page is fed
 * by, and from them the first ids and the count a given size, status and search should display.
 */
import { deriveHealth } from '../src/model/health.js';
import type { cachedApi } from './server.js';
import type { Expected } from './page/main.js';

export interface KnownRow {
  id: string;
  status: string;
  key1: string;
  key2: string;
  /** Health severity as the `health` sort ranks it: red 0, yellow 1, unknown 2, green 3. */
  rank: number;
}

const HEALTH_RANK: Record<string, number> = { red: 0, yellow: 1, unknown: 2, green: 3 };

export function knownRows(project: string, count: number, api: ReturnType<typeof cachedApi>): KnownRow[] {
  const rows: KnownRow[] = [];
  let cursor: string | null = null;
  while (rows.length < count) {
    const url = `/api/public/sessions?project=${project}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = api.handle({ method: 'GET', url, headers: { authorization: 'Bearer rsk_test_bench00001' } });
    if (answer.status !== 200) throw new Error(`mock answered ${answer.status} to ${url}`);
    const page = JSON.parse(answer.body) as {
      sessions: { id: string; status: string; issueIdentifier?: string | null; health?: never }[];
      cursor: string | null;
    };
    for (const session of page.sessions) {
      rows.push({
        id: session.id,
        status: session.status,
        key1: (session.issueIdentifier ?? '').toLowerCase(),
        key2: session.id.toLowerCase(),
        rank: HEALTH_RANK[deriveHealth(session.health).colour]!,
      });
    }
    cursor = page.cursor;
    if (!cursor) break;
  }
  return rows;
}

export function expected(rows: readonly KnownRow[], n: number, status: string, search: string, sort = ''): Expected {
  const prefix = search.trim().toLowerCase();
  const ids: string[] = [];
  let count = 0;
  const direction = sort === '-health' ? -1 : 1;
  const loaded = rows.slice(0, n);
  // The `health` sort: stable, so ties keep the API's order.
  const ordered = sort
    ? loaded
        .map((row, index) => ({ row, index }))
        .sort((a, b) => (a.row.rank - b.row.rank) * direction || a.index - b.index)
        .map((entry) => entry.row)
    : loaded;
  for (const row of ordered) {
    if (status && row.status !== status) continue;
    if (prefix && !row.key1.startsWith(prefix) && !row.key2.startsWith(prefix)) continue;
    if (ids.length < 5) ids.push(row.id);
    count++;
  }
  return { ids, count };
}
