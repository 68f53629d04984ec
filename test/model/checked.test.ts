import { expect } from '@open-wc/testing';
import { CheckedSet, nameSome } from '../../src/model/checked.js';
import { isStoppable, toSessionRow } from '../../src/model/session-row.js';
import type { Session } from '../../src/api/schema.js';

const row = (id: string, status: string) => toSessionRow({ id, status } as Session, { fetchedAt: 0 });

describe('checked set', () => {
  it('can stop queued and working sessions only', () => {
    expect(
      ['queued', 'working', 'completed', 'failed', 'stopped', 'paused'].filter((s) => isStoppable(row('a', s))),
    ).to.deep.equal(['queued', 'working']);
  });

  it('keeps ids, not rows: a refreshed row (a new object) is still checked', () => {
    const checked = new CheckedSet();
    checked.set(['a'], true);
    expect(checked.has('a')).to.equal(true);
    expect(checked.countIn([row('a', 'working'), row('b', 'working')])).to.equal(1);
  });

  it('counts for a stop only the checked rows of the view that can still be stopped, in the view’s order', () => {
    const checked = new CheckedSet();
    checked.set(['a', 'b', 'c', 'hidden'], true);
    const view = [row('c', 'queued'), row('b', 'completed'), row('x', 'working'), row('a', 'working')];
    expect(checked.stoppableIn(view).map((r) => r.id)).to.deep.equal(['c', 'a']);
  });

  it('toggles one id when told nothing, and sets many when told', () => {
    const checked = new CheckedSet();
    checked.set(['a']);
    expect(checked.has('a')).to.equal(true);
    checked.set(['a']);
    expect(checked.has('a')).to.equal(false);
    checked.set(['a', 'b'], true);
    checked.set(['a', 'b'], false);
    expect(checked.countIn([row('a', 'working'), row('b', 'working')])).to.equal(0);
  });

  it('names a handful, then "and N more"', () => {
    const more = (n: number) => `and ${n} more`;
    expect(nameSome(['A', 'B'], 5, more)).to.equal('A, B');
    expect(nameSome(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 5, more)).to.equal('A, B, C, D, E and 2 more');
  });
});
