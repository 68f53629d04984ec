import { expect } from '@open-wc/testing';
import type { Session } from '../../../src/api/schema.js';
import { nextIndex, pageSize } from '../../../src/components/session-list/grid-navigation.js';
import { HealthNames } from '../../../src/components/session-list/row-content.js';
import { SessionStore } from '../../../src/model/session-store.js';
import { defaultStrings } from '../../../src/strings.js';

const stuck = (id: string, signals: string[]): Session => ({
  id,
  status: 'working',
  health: { healthStatus: 'green', stuckSignals: signals },
});

describe('row-content: HealthNames', () => {
  it('names a health in words, signals included', () => {
    const names = new HealthNames();
    const store = new SessionStore();
    store.mergeRefresh([stuck('a', ['ToolLoopStuck'])], null, 1, false);
    expect(names.name(store.get('a')!.health, defaultStrings)).to.equal('Health red: Tool Loop Stuck');
  });

  // A row with signals gets a new health object on every refresh: a cache keyed by the object grew
  // by one entry per refresh for as long as the page lived.
  it('soak: 1,000 refreshes of rows with signals keep one entry per distinct health, not per refresh', () => {
    const names = new HealthNames();
    const store = new SessionStore();
    for (let refresh = 0; refresh < 1000; refresh++) {
      store.mergeRefresh([stuck('a', ['ToolLoopStuck']), stuck('b', ['LongRunning'])], null, refresh, false);
      for (const row of store.rows) names.name(row.health, defaultStrings);
    }
    expect(names.size).to.equal(2);
  });

  it('stays bounded when a server invents a new signal name on every refresh', () => {
    const names = new HealthNames();
    const store = new SessionStore();
    for (let refresh = 0; refresh < 2000; refresh++) {
      store.mergeRefresh([stuck('a', [`Invented${refresh}`])], null, refresh, false);
      names.name(store.get('a')!.health, defaultStrings);
    }
    expect(names.size).to.be.at.most(256);
  });

  it('starts over when the words change', () => {
    const names = new HealthNames();
    const store = new SessionStore();
    store.mergeRefresh([stuck('a', ['ClaimStuck'])], null, 1, false);
    const { health } = store.get('a')!;
    names.name(health, defaultStrings);
    const german = { ...defaultStrings, healthName: () => 'Gesundheit rot' };
    expect(names.name(health, german)).to.equal('Gesundheit rot');
    expect(names.size).to.equal(1);
  });
});

describe('grid-navigation', () => {
  it('moves by key, clamped to the rows there are', () => {
    expect(nextIndex('ArrowDown', 3, 9, 5)).to.equal(4);
    expect(nextIndex('ArrowUp', 0, 9, 5)).to.equal(0);
    expect(nextIndex('Home', 6, 9, 5)).to.equal(0);
    expect(nextIndex('End', 2, 9, 5)).to.equal(9);
    expect(nextIndex('PageDown', 7, 9, 5)).to.equal(9);
    expect(nextIndex('PageUp', 7, 9, 5)).to.equal(2);
  });

  it('answers null for any other key, inherited names included', () => {
    for (const key of ['a', 'Enter', 'Tab', 'toString', 'constructor', '__proto__']) {
      expect(nextIndex(key, 3, 9, 5), key).to.equal(null);
    }
  });

  it('pages by the rows that fit, less one, and at least one', () => {
    expect(pageSize(400, 36)).to.equal(10);
    expect(pageSize(20, 36)).to.equal(1);
    expect(pageSize(400, 0)).to.equal(399);
  });
});
