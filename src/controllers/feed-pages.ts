/**
 * Which pages one request fetches: the page asked for, then (a few at most) the pages a first load
 * or a refresh must follow. An empty first page that carries a cursor is not "no sessions", so the
 * first load follows it a little way; a refresh whose page holds only new sessions follows the
 * pages down to the loaded rows, and past a few leaves the rest as a gap that "Load more" fills
 * first. Any failure fails the whole request, so the next one looks again. Then how the answer goes
 * into the store (`mergeAnswer`).
 */
import { fetchSessionsPage, type FetchedPage } from '../api/client.js';
import type { ParsedPage } from '../api/schema.js';
import type { FeedRequestKind } from '../events.js';
import type { SessionStore, StoreChange } from '../model/session-store.js';
import { timeoutMs } from '../model/delay.js';
import type { FeedConfig, FeedSettings } from './feed-config.js';

/** Pages a request follows by itself, at most. */
const FOLLOWED_PAGES = 5;

/** One request's answer: what was asked, and the page(s) it fetched, as one page. */
export interface Answer {
  kind: FeedRequestKind;
  cursor: string | null;
  page: ParsedPage;
  /** `more` into the gap a burst left, not after the last loaded row. */
  intoGap: boolean;
  /** A refresh whose pages did not reach the loaded rows: the cursor that goes on below them. */
  gapCursor: string | null;
}

/** One page with these settings and this run's signal; `fetchImpl` is feed-share.ts's, for a conditional request. */
export const pageFetcher =
  (settings: FeedSettings, signal: AbortSignal) => (cursor: string | null, fetchImpl?: typeof fetch) =>
    fetchSessionsPage(
      {
        ...settings, // apiBase, project, token
        cursor,
        pageUrl: document.baseURI,
        signal,
        timeoutMs: timeoutMs(settings.timeout),
      },
      fetchImpl,
    );

/** The page goes on (a cursor) and holds no loaded row: the loaded rows are further down. */
function endsAbove(page: ParsedPage, store: SessionStore): boolean {
  return page.cursor !== null && page.sessions.length > 0 && !page.sessions.some(({ id }) => store.get(id));
}

export async function fetchPages(
  kind: FeedRequestKind,
  cursor: string | null,
  store: SessionStore,
  fetchPage: (cursor: string | null) => Promise<ParsedPage>,
): Promise<Answer> {
  const intoGap = kind === 'more' && cursor !== null && cursor === store.gapCursor;
  const first = kind === 'refresh' && store.isEmpty;
  let page = await fetchPage(cursor);
  const follow = async (goOn: (last: ParsedPage) => boolean): Promise<ParsedPage> => {
    let last = page;
    for (let more = FOLLOWED_PAGES; more > 0 && last.cursor !== null && goOn(last); more--) {
      last = await fetchPage(last.cursor);
      page = {
        ...last,
        sessions: [...page.sessions, ...last.sessions],
        rejected: [...page.rejected, ...last.rejected],
        unreadable: page.unreadable + last.unreadable,
      };
    }
    return last;
  };
  if (first) await follow((last) => last.sessions.length === 0);
  let gapCursor: string | null = null;
  if (kind === 'refresh' && !first) {
    const last = await follow((last) => endsAbove(last, store));
    if (endsAbove(last, store)) gapCursor = last.cursor;
  }
  return { kind, cursor, page, intoGap, gapCursor };
}

/**
 * Puts the answer's rows into the store, and says what changed. A first page that did not change
 * (a 304, or the same ETag: see feed-share.ts) puts nothing, and writes no row again.
 */
export function mergeAnswer(
  { kind, cursor, page, intoGap, gapCursor }: Answer,
  store: SessionStore,
  now: number,
  config: Pick<FeedConfig, 'holdNewRows'>,
): StoreChange {
  if ((page as FetchedPage).unchanged) return { added: [], updated: [], held: [] };
  return intoGap
    ? store.fillGap(page.sessions, page.cursor, now)
    : kind === 'more' && cursor !== null
      ? store.appendPage(page.sessions, page.cursor, cursor, now)
      : // New rows are held back only while rows are on screen, and it's asked only then: the
        // question reads layout, which a first page need not force.
        store.mergeRefresh(page.sessions, page.cursor, now, !store.isEmpty && config.holdNewRows(), gapCursor);
}
