/**
 * What each implementation must show: the rows the runner reads from the same mock the page is fed
 * by, and from them the first ids and the count a given size, status and search should display.
 */
import type { cachedApi } from './server.js';
import type { Expected } from './page/main.js';

export interface KnownRow {
  id: string;
  status: string;
  key1: string;
  key2: string;
}

export function knownRows(project: string, count: number, api: ReturnType<typeof cachedApi>): KnownRow[] {
  const rows: KnownRow[] = [];
  let cursor: string | null = null;
  while (rows.length < count) {
    const url = `/api/public/sessions?project=${project}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const answer = api.handle({ method: 'GET', url, headers: { authorization: 'Bearer rsk_test_bench00001' } });
    if (answer.status !== 200) throw new Error(`mock answered ${answer.status} to ${url}`);
    const page = JSON.parse(answer.body) as {
      sessions: { id: string; status: string; issueIdentifier?: string | null }[];
      cursor: string | null;
    };
    for (const session of page.sessions) {
      rows.push({
        id: session.id,
        status: session.status,
        key1: (session.issueIdentifier ?? '').toLowerCase(),
        key2: session.id.toLowerCase(),
      });
    }
    cursor = page.cursor;
    if (!cursor) break;
  }
  return rows;
}

export function expected(rows: readonly KnownRow[], n: number, status: string, search: string): Expected {
  const prefix = search.trim().toLowerCase();
  const ids: string[] = [];
  let count = 0;
  for (let i = 0; i < Math.min(n, rows.length); i++) {
    const row = rows[i]!;
    if (status && row.status !== status) continue;
    if (prefix && !row.key1.startsWith(prefix) && !row.key2.startsWith(prefix)) continue;
    if (ids.length < 5) ids.push(row.id);
    count++;
  }
  return { ids, count };
}
