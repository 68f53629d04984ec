/**
 * The loaded rows, merged from many fetches: the first page, "load more" pages and live
 * refreshes of the first page. A `Task` holds one value; this holds the list.
 *
 * Rows keep their position once shown. Merging goes through a map by id, so a page costs
 * O(page) to look up and at most one O(N) pass to rebuild the order.
 */
import type { Session } from '../api/schema.js';
import { toSessionRow, type Answer, type SessionRow } from './session-row.js';

/**
 * Where a burst of new sessions left a hole: the cursor that continues below the burst's last row
 * (`after`). "Load more" fills the top gap first, until it reaches loaded rows or the list ends.
 */
interface Gap {
  cursor: string;
  after: string;
}

/** What one merge changed, by id. */
export interface StoreChange {
  added: string[];
  updated: string[];
  /** New rows held back because the reader is away from the top (see `releasePending`). */
  held: string[];
}

export class SessionStore {
  #rows: SessionRow[] = [];
  #byId = new Map<string, SessionRow>();
  #pending: SessionRow[] = [];
  #seenCursors = new Set<string>();
  #nextCursor: string | null = null;
  #gaps: Gap[] = [];
  #pagesLoaded = 0;
  #refreshedAt: number | null = null;
  #version = 0;

  /** Bumped on every change, so views can memoize what they derive from the rows. */
  get version(): number {
    return this.#version;
  }

  /** Loaded rows, in order. Treat as read-only. */
  get rows(): readonly SessionRow[] {
    return this.#rows;
  }

  get pending(): readonly SessionRow[] {
    return this.#pending;
  }

  get nextCursor(): string | null {
    return this.#nextCursor;
  }

  /** The cursor "Load more" follows first: into the top gap a burst left, when there is one. */
  get gapCursor(): string | null {
    return this.#gaps[0]?.cursor ?? null;
  }

  /** A gap to fill, or a page after the last loaded row. */
  get hasMore(): boolean {
    return this.#gaps.length > 0 || this.#nextCursor !== null;
  }

  get isEmpty(): boolean {
    return this.#rows.length === 0 && this.#pending.length === 0;
  }

  get(id: string): SessionRow | undefined {
    return this.#byId.get(id);
  }

  /** True when the last refresh (or a later page fetch) covered this row. */
  isLive(row: SessionRow): boolean {
    return this.#refreshedAt !== null && row.fetchedAt >= this.#refreshedAt;
  }

  clear(): void {
    this.#rows = [];
    this.#byId.clear();
    this.#pending = [];
    this.#seenCursors.clear();
    this.#nextCursor = null;
    this.#gaps = [];
    this.#pagesLoaded = 0;
    this.#refreshedAt = null;
    this.#version++;
  }

  /** The first page of a project, replacing whatever was there. */
  #setFirstPage(sessions: readonly Session[], cursor: string | null, fetchedAt: number): StoreChange {
    this.clear();
    this.#refreshedAt = fetchedAt;
    return this.#append(sessions, cursor, fetchedAt);
  }

  /** The page fetched with `requestedCursor`; paging ends on a repeated cursor or a page with nothing new. */
  appendPage(
    sessions: readonly Session[],
    cursor: string | null,
    requestedCursor: string,
    fetchedAt: number,
  ): StoreChange {
    this.#seenCursors.add(requestedCursor);
    return this.#append(sessions, cursor, fetchedAt);
  }

  /**
   * A fresh first page (the first of all, on an empty store): changed rows update in place, rows
   * from later pages stay, new rows go on top, or are held in `pending` while `holdNew` (the reader
   * is scrolled away from the top). `gapCursor`: the pages did not reach the loaded rows, and this
   * cursor continues below them (a gap for "Load more" to fill).
   */
  mergeRefresh(
    sessions: readonly Session[],
    cursor: string | null,
    fetchedAt: number,
    holdNew: boolean,
    gapCursor: string | null = null,
  ): StoreChange {
    if (this.#pagesLoaded === 0) return this.#setFirstPage(sessions, cursor, fetchedAt);
    const change: StoreChange = { added: [], updated: [], held: [] };
    const fresh: SessionRow[] = [];
    const answer: Answer = { fetchedAt };
    const pendingIds = new Set(this.#pending.map((row) => row.id));
    const updates = new Map<string, SessionRow>();
    // A new id repeated within the page: first position, last data (as `#append` does), found by
    // id so a page of many new rows costs O(page), not O(page²).
    const freshAt = new Map<string, number>();
    for (const session of sessions) {
      const row = toSessionRow(session, answer);
      // Held rows are known too: every row in `#pending` is in `#byId`.
      if (this.#byId.has(row.id)) {
        this.#byId.set(row.id, row);
        updates.set(row.id, row);
        // Held back, so not on screen: updated where it waits, not reported as updated.
        if (!pendingIds.has(row.id)) change.updated.push(row.id);
      } else {
        const at = freshAt.get(row.id);
        if (at === undefined) freshAt.set(row.id, fresh.push(row) - 1);
        else fresh[at] = row;
      }
    }
    // Cursors are stable keysets: ours points past the last loaded row. A fresh one replaces it
    // when this page reaches that row or there is none, or when it says nothing follows.
    const last = this.#rows.at(-1);
    if (cursor === null || !last || updates.has(last.id)) this.#setCursor(cursor, 1);
    const replace = (row: SessionRow) => updates.get(row.id) ?? row;
    if (updates.size > 0) {
      this.#rows = this.#rows.map(replace);
      this.#pending = this.#pending.map(replace);
    }
    this.#pending = [...fresh, ...this.#pending];
    for (const row of fresh) this.#byId.set(row.id, row);
    const bottom = sessions.at(-1);
    if (gapCursor !== null && bottom) this.#gaps.unshift({ cursor: gapCursor, after: bottom.id });
    this.#refreshedAt = fetchedAt;
    if (holdNew) change.held = fresh.map((row) => row.id);
    else change.added = this.releasePending();
    this.#version++;
    return change;
  }

  /** What one answer about one row said (a stop's new status): changed in place until the next refresh. */
  patch(id: string, changes: Partial<Session>): void {
    const row = this.#byId.get(id);
    if (!row) return;
    const next = toSessionRow({ ...row.session, ...changes }, { fetchedAt: row.fetchedAt });
    const swap = (each: SessionRow) => (each === row ? next : each);
    this.#byId.set(id, next);
    this.#rows = this.#rows.map(swap);
    this.#pending = this.#pending.map(swap);
    this.#version++;
  }

  /**
   * The page fetched with the top gap's cursor: new rows go into the gap, below its last row; known
   * ones update in place. The gap closes when the page reaches a loaded row or the list ends (or
   * brings nothing new: a cursor loop), else it moves down to this page's last row.
   */
  fillGap(sessions: readonly Session[], cursor: string | null, fetchedAt: number): StoreChange {
    const gap = this.#gaps[0];
    const change: StoreChange = { added: [], updated: [], held: [] };
    if (!gap) return change;
    const answer: Answer = { fetchedAt };
    // The gap's top row is on screen, or still held with the burst that made it.
    const list = this.#rows.some((row) => row.id === gap.after) ? this.#rows : this.#pending;
    let at = list.findIndex((row) => row.id === gap.after) + 1;
    let reached = false;
    for (const session of sessions) {
      const row = toSessionRow(session, answer);
      const known = this.#byId.get(row.id);
      this.#byId.set(row.id, row);
      if (known) {
        reached = true;
        for (const rows of [this.#rows, this.#pending]) {
          const where = rows.indexOf(known);
          if (where >= 0) rows[where] = row;
        }
        change.updated.push(row.id);
      } else {
        list.splice(at++, 0, row);
        change.added.push(row.id);
        gap.after = row.id;
      }
    }
    if (reached || cursor === null || change.added.length === 0 || cursor === gap.cursor) this.#gaps.shift();
    else gap.cursor = cursor;
    this.#version++;
    return change;
  }

  /** Puts held rows on top; returns their ids. */
  releasePending(): string[] {
    if (this.#pending.length === 0) return [];
    const released = this.#pending;
    this.#rows = [...released, ...this.#rows];
    this.#pending = [];
    this.#version++;
    return released.map((row) => row.id);
  }

  /** One more page: its rows go after those loaded (or update them in place); `cursor` is its next. */
  #append(sessions: readonly Session[], cursor: string | null, fetchedAt: number): StoreChange {
    const change: StoreChange = { added: [], updated: [], held: [] };
    const positions = new Map<string, number>();
    const answer: Answer = { fetchedAt };
    for (const session of sessions) {
      const row = toSessionRow(session, answer);
      const known = this.#byId.get(row.id);
      this.#byId.set(row.id, row);
      if (known) {
        // Already shown (from an earlier page or a repeat within this one): refresh it in place.
        const at = positions.get(row.id) ?? this.#rows.indexOf(known);
        if (at >= 0) this.#rows[at] = row;
        else this.#pending = this.#pending.map((held) => (held.id === row.id ? row : held));
        change.updated.push(row.id);
      } else {
        positions.set(row.id, this.#rows.push(row) - 1);
        change.added.push(row.id);
      }
    }
    this.#pagesLoaded++;
    // Paging ends on a page with nothing new (a cursor loop); an empty page that carries a cursor
    // goes on (the repeated-cursor check still ends a loop of those).
    this.#setCursor(cursor, sessions.length === 0 ? 1 : change.added.length);
    this.#version++;
    return change;
  }

  #setCursor(cursor: string | null, addedCount: number): void {
    const repeats = cursor !== null && this.#seenCursors.has(cursor);
    this.#nextCursor = repeats || addedCount === 0 ? null : cursor;
  }
}
