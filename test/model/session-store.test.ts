import { expect } from '@open-wc/testing';
import type { Session } from '../../src/api/schema.js';
import type { SessionRow } from '../../src/model/session-row.js';
import { SessionStore } from '../../src/model/session-store.js';

const s = (id: string, fields: Partial<Session> = {}): Session => ({ id, status: 'working', ...fields });
const many = (...ids: string[]) => ids.map((id) => s(id));
const ids = (store: SessionStore) => store.rows.map((row) => row.id);
const pendingIds = (store: SessionStore) => store.pending.map((row) => row.id);
/** A project's first page, replacing whatever was there: a refresh of a cleared store. */
const setFirstPage = (store: SessionStore, sessions: Session[], cursor: string | null, at: number) => {
  store.clear();
  return store.mergeRefresh(sessions, cursor, at, false);
};
/** When the first page was last fetched: rows fetched from then on are live, earlier ones not (null: none are). */
const refreshedAt = (store: SessionStore): number | null => {
  const fetchedAt = (at: number) => ({ fetchedAt: at }) as SessionRow;
  if (!store.isLive(fetchedAt(Number.MAX_SAFE_INTEGER))) return null;
  let [low, high] = [0, Number.MAX_SAFE_INTEGER]; // the first live fetch time, by bisection
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (store.isLive(fetchedAt(mid))) high = mid;
    else low = mid + 1;
  }
  return low;
};

describe('session-store: SessionStore', () => {
  let store: SessionStore;
  beforeEach(() => {
    store = new SessionStore();
  });

  it('starts empty', () => {
    expect(store.rows).to.deep.equal([]);
    expect(store.pending).to.deep.equal([]);
    expect(store.isEmpty).to.equal(true);
    expect(store.nextCursor).to.equal(null);
    expect(refreshedAt(store)).to.equal(null);
    expect(store.get('a')).to.equal(undefined);
  });

  describe('the first page', () => {
    it('loads rows in page order, with the cursor and fetch time', () => {
      const change = setFirstPage(store, many('a', 'b', 'c'), 'c1', 100);
      expect(change).to.deep.equal({ added: ['a', 'b', 'c'], updated: [], held: [] });
      expect(ids(store)).to.deep.equal(['a', 'b', 'c']);
      expect(store.nextCursor).to.equal('c1');
      expect(refreshedAt(store)).to.equal(100);
      expect(store.isEmpty).to.equal(false);
      expect(store.get('b')!.session).to.deep.equal(s('b'));
      expect(store.get('b')!.fetchedAt).to.equal(100);
    });

    it('replaces whatever was there', () => {
      setFirstPage(store, many('a', 'b'), 'c1', 100);
      store.appendPage(many('c'), 'c2', 'c1', 110);
      setFirstPage(store, many('x'), null, 200);
      expect(ids(store)).to.deep.equal(['x']);
      expect(store.get('a')).to.equal(undefined);
      expect(store.nextCursor).to.equal(null);
      expect(refreshedAt(store)).to.equal(200);
    });

    it('forgets seen cursors, so a new project can reuse a cursor string', () => {
      setFirstPage(store, many('a'), 'c1', 100);
      store.appendPage(many('b'), 'c2', 'c1', 110);
      setFirstPage(store, many('x'), 'c1', 200);
      expect(store.nextCursor).to.equal('c1');
    });

    it('dedupes an id repeated within the first page, keeping the first position and the last data', () => {
      const change = setFirstPage(
        store,
        [s('a', { status: 'queued' }), s('b'), s('a', { status: 'completed' })],
        null,
        100,
      );
      expect(ids(store)).to.deep.equal(['a', 'b']);
      expect(store.get('a')!.session.status).to.equal('completed');
      expect(store.rows[0]!.session.status).to.equal('completed');
      expect(change.added).to.deep.equal(['a', 'b']);
    });

    it('an empty first page that carries a cursor goes on: only a null cursor ends the list', () => {
      setFirstPage(store, [], 'c1', 100);
      expect(store.isEmpty).to.equal(true);
      expect(store.nextCursor).to.equal('c1');
      expect(store.hasMore).to.equal(true);
      store.appendPage([], 'c2', 'c1', 110);
      expect(store.nextCursor).to.equal('c2');
      store.appendPage(many('a'), null, 'c2', 120);
      expect(ids(store)).to.deep.equal(['a']);
      expect(store.hasMore).to.equal(false);
    });

    it('an empty first page without a cursor is the end', () => {
      setFirstPage(store, [], null, 100);
      expect(store.hasMore).to.equal(false);
    });

    it('ends a loop of empty pages on a repeated cursor', () => {
      setFirstPage(store, [], 'c1', 100);
      store.appendPage([], 'c1', 'c1', 110);
      expect(store.hasMore).to.equal(false);
    });
  });

  describe('a gap left by a burst', () => {
    beforeEach(() => {
      setFirstPage(store, many('o1', 'o2'), 'after-o2', 100);
      // A burst of new rows that did not reach o1: the rest is below n2, behind 'after-n2'.
      store.mergeRefresh(many('n1', 'n2'), 'after-n2', 200, false, 'after-n2');
    });

    it('keeps the burst on top and offers the gap first', () => {
      expect(ids(store)).to.deep.equal(['n1', 'n2', 'o1', 'o2']);
      expect(store.gapCursor).to.equal('after-n2');
      expect(store.nextCursor).to.equal('after-o2');
      expect(store.hasMore).to.equal(true);
    });

    it('fills the gap below the burst, and moves it down while the pages find only new rows', () => {
      const change = store.fillGap(many('n3', 'n4'), 'after-n4', 300);
      expect(change.added).to.deep.equal(['n3', 'n4']);
      expect(ids(store)).to.deep.equal(['n1', 'n2', 'n3', 'n4', 'o1', 'o2']);
      expect(store.gapCursor).to.equal('after-n4');
    });

    it('closes the gap when a page reaches the loaded rows, updating them in place', () => {
      const change = store.fillGap([s('n3'), s('o1', { status: 'failed' })], 'after-o1', 300);
      expect(ids(store)).to.deep.equal(['n1', 'n2', 'n3', 'o1', 'o2']);
      expect(store.get('o1')!.session.status).to.equal('failed');
      expect(change.updated).to.deep.equal(['o1']);
      expect(store.gapCursor).to.equal(null);
      expect(store.nextCursor).to.equal('after-o2');
    });

    it('closes the gap at the end of the list (every loaded row was deleted)', () => {
      store.fillGap(many('n3'), null, 300);
      expect(store.gapCursor).to.equal(null);
      expect(ids(store)).to.deep.equal(['n1', 'n2', 'n3', 'o1', 'o2']);
    });

    it('fills a gap whose burst is still held behind "new sessions"', () => {
      store.clear();
      setFirstPage(store, many('o1'), 'after-o1', 100);
      store.mergeRefresh(many('n1', 'n2'), 'after-n2', 200, true, 'after-n2');
      store.fillGap(many('n3'), 'after-n3', 300);
      expect(pendingIds(store)).to.deep.equal(['n1', 'n2', 'n3']);
      store.releasePending();
      expect(ids(store)).to.deep.equal(['n1', 'n2', 'n3', 'o1']);
    });

    it('clear() forgets the gap', () => {
      store.clear();
      expect(store.gapCursor).to.equal(null);
    });
  });

  describe('appendPage', () => {
    beforeEach(() => {
      setFirstPage(store, many('a', 'b', 'c'), 'c1', 100);
    });

    it('appends new rows after the loaded ones', () => {
      const change = store.appendPage(many('d', 'e'), 'c2', 'c1', 110);
      expect(change).to.deep.equal({ added: ['d', 'e'], updated: [], held: [] });
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(store.nextCursor).to.equal('c2');
    });

    it('updates an id repeated across pages in place: same position, not added twice', () => {
      const change = store.appendPage([s('d'), s('b', { status: 'completed' }), s('e')], 'c2', 'c1', 110);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(store.rows[1]!.session.status).to.equal('completed');
      expect(store.get('b')!.session.status).to.equal('completed');
      expect(store.get('b')!.fetchedAt).to.equal(110);
      expect(change).to.deep.equal({ added: ['d', 'e'], updated: ['b'], held: [] });
    });

    it('dedupes an id repeated within one page', () => {
      store.appendPage([s('d', { status: 'queued' }), s('e'), s('d', { status: 'failed' })], 'c2', 'c1', 110);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(store.rows[3]!.session.status).to.equal('failed');
      expect(store.get('d')).to.equal(store.rows[3]);
    });

    it('dedupes a known id repeated twice within one page', () => {
      store.appendPage([s('a', { status: 'queued' }), s('d'), s('a', { status: 'stopped' })], 'c2', 'c1', 110);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(store.rows[0]!.session.status).to.equal('stopped');
    });

    it('ends paging when the last page has no cursor', () => {
      store.appendPage(many('d'), null, 'c1', 110);
      expect(store.nextCursor).to.equal(null);
    });

    it('ends paging when the cursor repeats the one just requested', () => {
      store.appendPage(many('d'), 'c1', 'c1', 110);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(store.nextCursor).to.equal(null);
    });

    it('ends paging when the cursor repeats an earlier one', () => {
      store.appendPage(many('d'), 'c2', 'c1', 110);
      store.appendPage(many('e'), 'c3', 'c2', 120);
      expect(store.nextCursor).to.equal('c3');
      store.appendPage(many('f'), 'c2', 'c3', 130);
      expect(store.nextCursor).to.equal(null);
    });

    it('ends paging when a page adds nothing new', () => {
      const change = store.appendPage(many('a', 'b'), 'c2', 'c1', 110);
      expect(change.added).to.deep.equal([]);
      expect(change.updated).to.deep.equal(['a', 'b']);
      expect(store.nextCursor).to.equal(null);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c']);
    });

    // Issue 14: only an absent or null cursor ends the list (it used to end on an empty page).
    it('goes on past an empty page that carries a cursor, and ends on a null one', () => {
      store.appendPage([], 'c2', 'c1', 110);
      expect(store.nextCursor).to.equal('c2');
      store.appendPage([], null, 'c2', 120);
      expect(store.nextCursor).to.equal(null);
    });
  });

  describe('mergeRefresh', () => {
    beforeEach(() => {
      setFirstPage(store, many('a', 'b', 'c'), 'c1', 100);
      store.appendPage(many('d', 'e'), 'c2', 'c1', 110);
    });

    it('on an empty store acts as the first page', () => {
      const fresh = new SessionStore();
      const change = fresh.mergeRefresh(many('x', 'y'), 'k', 50, true);
      expect(ids(fresh)).to.deep.equal(['x', 'y']);
      expect(fresh.pending).to.deep.equal([]);
      expect(change.added).to.deep.equal(['x', 'y']);
      expect(fresh.nextCursor).to.equal('k');
    });

    it('updates changed rows in place and keeps rows from later pages', () => {
      const change = store.mergeRefresh(
        [s('a'), s('b', { status: 'completed', costUsd: '1.5' }), s('c')],
        'c1',
        200,
        false,
      );
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(store.rows[1]!.session.status).to.equal('completed');
      expect(store.rows[1]!.costUsd).to.equal(1.5);
      expect(store.get('b')).to.equal(store.rows[1]);
      expect(store.rows[1]!.fetchedAt).to.equal(200);
      expect(store.rows[3]!.fetchedAt).to.equal(110);
      expect(change.updated).to.have.members(['a', 'b', 'c']);
      expect(change.added).to.deep.equal([]);
      expect(change.held).to.deep.equal([]);
      expect(refreshedAt(store)).to.equal(200);
    });

    it('prepends new rows in page order when not holding', () => {
      const change = store.mergeRefresh([s('y'), s('z'), s('a'), s('b')], 'c1', 200, false);
      expect(ids(store)).to.deep.equal(['y', 'z', 'a', 'b', 'c', 'd', 'e']);
      expect(store.pending).to.deep.equal([]);
      expect(change.added).to.deep.equal(['y', 'z']);
      expect(change.held).to.deep.equal([]);
      expect(store.get('y')!.fetchedAt).to.equal(200);
    });

    it('adds a new id repeated within the refresh only once', () => {
      store.mergeRefresh([s('y'), s('y'), s('a')], 'c1', 200, false);
      expect(ids(store)).to.deep.equal(['y', 'a', 'b', 'c', 'd', 'e']);
    });

    it('holds new rows in pending when holdNew, and releasePending puts them on top', () => {
      const change = store.mergeRefresh([s('y'), s('z'), s('a', { status: 'failed' })], 'c1', 200, true);
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
      expect(store.rows[0]!.session.status).to.equal('failed');
      expect(pendingIds(store)).to.deep.equal(['y', 'z']);
      expect(change.held).to.deep.equal(['y', 'z']);
      expect(change.added).to.deep.equal([]);
      expect(store.get('y')!.id).to.equal('y');

      const released = store.releasePending();
      expect(released).to.deep.equal(['y', 'z']);
      expect(ids(store)).to.deep.equal(['y', 'z', 'a', 'b', 'c', 'd', 'e']);
      expect(store.pending).to.deep.equal([]);
    });

    it('stacks newer held rows above older held rows', () => {
      store.mergeRefresh([s('y'), s('a')], 'c1', 200, true);
      const change = store.mergeRefresh([s('x'), s('y'), s('a')], 'c1', 300, true);
      expect(change.held).to.deep.equal(['x']);
      // y waits off screen: refreshed where it waits, not reported as an on-screen update.
      expect(change.updated).to.deep.equal(['a']);
      expect(pendingIds(store)).to.deep.equal(['x', 'y']);
      expect(store.releasePending()).to.deep.equal(['x', 'y']);
      expect(ids(store).slice(0, 3)).to.deep.equal(['x', 'y', 'a']);
    });

    it('updates a held row in pending when the next refresh changes it, without showing it', () => {
      store.mergeRefresh([s('y', { status: 'queued' }), s('a')], 'c1', 200, true);
      store.mergeRefresh([s('y', { status: 'working', costUsd: '0.5' }), s('a')], 'c1', 300, true);
      expect(pendingIds(store)).to.deep.equal(['y']);
      expect(store.pending[0]!.session.status).to.equal('working');
      expect(store.pending[0]!.costUsd).to.equal(0.5);
      expect(store.get('y')).to.equal(store.pending[0]);
      expect(ids(store)).to.not.include('y');
      store.releasePending();
      expect(store.rows[0]!.session.status).to.equal('working');
      expect(ids(store).filter((id) => id === 'y')).to.have.length(1);
    });

    it('a refresh that does not hold releases rows held earlier too', () => {
      store.mergeRefresh([s('y'), s('a')], 'c1', 200, true);
      const change = store.mergeRefresh([s('x'), s('y'), s('a')], 'c1', 300, false);
      expect(change.added).to.deep.equal(['x', 'y']);
      expect(ids(store).slice(0, 3)).to.deep.equal(['x', 'y', 'a']);
      expect(store.pending).to.deep.equal([]);
    });

    it('an appended page that repeats a held row updates it in pending, not twice', () => {
      store.mergeRefresh([s('y', { status: 'queued' }), s('a')], 'c1', 200, true);
      store.appendPage([s('y', { status: 'completed' }), s('f')], null, 'c2', 210);
      expect(pendingIds(store)).to.deep.equal(['y']);
      expect(store.pending[0]!.session.status).to.equal('completed');
      expect(ids(store)).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
      store.releasePending();
      expect(ids(store)).to.deep.equal(['y', 'a', 'b', 'c', 'd', 'e', 'f']);
    });

    it('keeps the paging cursor once more than one page is loaded', () => {
      store.mergeRefresh(many('a', 'b', 'c'), 'fresh-cursor', 200, false);
      expect(store.nextCursor).to.equal('c2');
    });

    it('takes the fresh cursor while only the first page is loaded', () => {
      const one = new SessionStore();
      setFirstPage(one, many('a', 'b'), 'c1', 100);
      one.mergeRefresh(many('z', 'a', 'b'), 'c1b', 200, false);
      expect(one.nextCursor).to.equal('c1b');
      one.mergeRefresh(many('z', 'a'), null, 300, false);
      expect(one.nextCursor).to.equal(null);
    });

    it('keeps its cursor when a refresh does not reach the last loaded row (after a burst)', () => {
      const one = new SessionStore();
      setFirstPage(one, many('o1', 'o2', 'o3'), 'after-o3', 100);
      // A burst fetched as one refresh, down to o2: o3 is still below it, so "after o3" stays.
      one.mergeRefresh(many('n1', 'n2', 'n3', 'n4', 'o1', 'o2'), 'after-o2', 200, false);
      expect(one.nextCursor).to.equal('after-o3');
      // A quiet refresh of the new top: its cursor points into loaded rows, and is not taken.
      one.mergeRefresh(many('n1', 'n2', 'n3'), 'after-n3', 300, false);
      expect(one.nextCursor).to.equal('after-o3');
      expect(ids(one)).to.deep.equal(['n1', 'n2', 'n3', 'n4', 'o1', 'o2', 'o3']);
    });

    it('takes a fresh cursor when it had no rows', () => {
      const one = new SessionStore();
      setFirstPage(one, [], null, 100);
      one.mergeRefresh(many('a', 'b'), 'after-b', 200, false);
      expect(one.nextCursor).to.equal('after-b');
    });

    it('releasePending with nothing held changes nothing', () => {
      const before = store.version;
      expect(store.releasePending()).to.deep.equal([]);
      expect(store.version).to.equal(before);
    });
  });

  describe('isLive', () => {
    it('is false for every row before any first page', () => {
      const other = new SessionStore();
      other.appendPage(many('a'), null, 'c0', 100);
      expect(other.isLive(other.get('a')!)).to.equal(false);
    });

    it('rows of the latest first page are live', () => {
      setFirstPage(store, many('a', 'b'), 'c1', 100);
      expect(store.rows.every((row) => store.isLive(row))).to.equal(true);
    });

    it('rows not covered by the latest refresh are not live; rows fetched after it are', () => {
      setFirstPage(store, many('a', 'b'), 'c1', 100);
      store.appendPage(many('c', 'd'), 'c2', 'c1', 110);
      expect(store.isLive(store.get('c')!)).to.equal(true);

      store.mergeRefresh(many('a', 'b'), 'c1', 200, false);
      expect(store.isLive(store.get('a')!)).to.equal(true);
      expect(store.isLive(store.get('b')!)).to.equal(true);
      expect(store.isLive(store.get('c')!)).to.equal(false);
      expect(store.isLive(store.get('d')!)).to.equal(false);

      store.appendPage(many('e'), null, 'c2', 250);
      expect(store.isLive(store.get('e')!)).to.equal(true);
      expect(store.isLive(store.get('c')!)).to.equal(false);
    });

    it('a row that moved off the first page stops being live', () => {
      setFirstPage(store, many('a', 'b'), 'c1', 100);
      store.mergeRefresh(many('x', 'a'), 'c1', 200, false);
      expect(store.isLive(store.get('b')!)).to.equal(false);
      expect(store.isLive(store.get('x')!)).to.equal(true);
    });
  });

  describe('version', () => {
    it('bumps on every change', () => {
      const seen = [store.version];
      const bumped = () => {
        expect(store.version).to.be.greaterThan(seen.at(-1)!);
        seen.push(store.version);
      };
      setFirstPage(store, many('a'), 'c1', 100);
      bumped();
      store.appendPage(many('b'), 'c2', 'c1', 110);
      bumped();
      store.appendPage(many('b'), 'c3', 'c2', 120); // only an update
      bumped();
      store.mergeRefresh(many('a'), 'c1', 200, false);
      bumped();
      store.mergeRefresh(many('z', 'a'), 'c1', 300, true);
      bumped();
      store.releasePending();
      bumped();
      store.clear();
      bumped();
    });
  });

  describe('clear', () => {
    it('forgets rows, pending, cursor and refresh time', () => {
      setFirstPage(store, many('a', 'b'), 'c1', 100);
      store.mergeRefresh(many('z', 'a'), 'c1', 200, true);
      store.clear();
      expect(store.rows).to.deep.equal([]);
      expect(store.pending).to.deep.equal([]);
      expect(store.isEmpty).to.equal(true);
      expect(store.get('a')).to.equal(undefined);
      expect(store.get('z')).to.equal(undefined);
      expect(store.nextCursor).to.equal(null);
      expect(refreshedAt(store)).to.equal(null);
      // After a clear, a refresh starts a first page again.
      const change = store.mergeRefresh(many('q'), 'k', 300, true);
      expect(change.added).to.deep.equal(['q']);
      expect(ids(store)).to.deep.equal(['q']);
    });
  });

  describe('a large list', () => {
    it('appends 50,000 rows in 250 pages, then merges a refresh of 50', () => {
      const PAGE = 200;
      const PAGES = 250;
      const id = (n: number) => `s${String(n).padStart(6, '0')}`;
      const page = (p: number) => Array.from({ length: PAGE }, (_, i) => s(id(p * PAGE + i)));

      setFirstPage(store, page(0), 'cur1', 1_000);
      for (let p = 1; p < PAGES; p++) {
        const change = store.appendPage(page(p), p === PAGES - 1 ? null : `cur${p + 1}`, `cur${p}`, 1_000 + p);
        expect(change.added).to.have.length(PAGE);
      }
      expect(store.rows).to.have.length(50_000);
      expect(store.nextCursor).to.equal(null);

      // 10 new sessions on top, then 40 of the first page, some changed.
      const newIds = Array.from({ length: 10 }, (_, i) => `new${i}`);
      const refresh = [
        ...newIds.map((n) => s(n)),
        ...Array.from({ length: 40 }, (_, i) => s(id(i), i % 2 === 0 ? { status: 'completed', costUsd: '0.25' } : {})),
      ];
      const change = store.mergeRefresh(refresh, 'cur1', 10_000, false);

      expect(change.added).to.deep.equal(newIds);
      expect(change.updated).to.have.length(40);
      expect(store.rows).to.have.length(50_010);
      expect(store.pending).to.have.length(0);
      expect(ids(store).slice(0, 12)).to.deep.equal([...newIds, id(0), id(1)]);
      expect(store.rows[10]!.session.status).to.equal('completed');
      expect(store.rows[10]!.costUsd).to.equal(0.25);
      expect(store.rows[11]!.session.status).to.equal('working');
      expect(store.rows.at(-1)!.id).to.equal(id(49_999));
      expect(new Set(ids(store)).size).to.equal(50_010);
      expect(store.get(id(25_000))).to.equal(store.rows[25_010]);
      expect(store.isLive(store.rows[10]!)).to.equal(true);
      expect(store.isLive(store.rows[10 + 40]!)).to.equal(false);
    });
  });
});
