// The fleet looks like a real one at any speed: timestamps are simulated time anchored at now, so
// runs last minutes to hours and cost cents to tens of dollars, as agent runs do.
import { expect } from '@open-wc/testing';
import { allSessions, fixedMock, MINUTE } from './helpers.js';

const HOUR = 60 * MINUTE;
const SPEED = 30;
const at = (stamp: string) => Date.parse(stamp);
const finishedRuns = (sessions: any[]) =>
  sessions.filter((session) => session.startedAt && ['completed', 'failed', 'stopped'].includes(session.status));

describe('mock API: timing', () => {
  it('runs `speed` times faster than the clock, and stamps its present as the wall clock’s now', () => {
    const { api, clock } = fixedMock({ speed: SPEED });
    clock.now += MINUTE;
    expect(api.state().clock.simulatedMs).to.equal(SPEED * MINUTE);
    const created = allSessions(api, 'project=web').map((session) => at(session.createdAt));
    expect(Math.max(...created)).to.be.at.most(clock.now);
    // 150 sessions about 90 simulated seconds apart: the history reaches back hours, not minutes.
    expect(clock.now - Math.min(...created)).to.be.above(2 * HOUR);
  });

  it('moves a past instant back `speed` times faster than the clock', () => {
    const { api, clock } = fixedMock({ speed: SPEED });
    const before = allSessions(api, 'project=web');
    clock.now += 1000;
    const after = new Map(allSessions(api, 'project=web').map((session) => [session.id, session]));
    const working = before.filter((session) => session.status === 'working' && after.get(session.id)?.startedAt);
    expect(working).to.not.be.empty;
    for (const session of working) {
      // One wall second later the simulated present is 30 s on, stamped 1 s later: 29 s further back.
      expect(at(session.startedAt) - at(after.get(session.id).startedAt)).to.equal((SPEED - 1) * 1000);
    }
  });

  it('lasts minutes to hours, in `completedAt` and in ready-made durations alike', () => {
    const { api } = fixedMock({ speed: SPEED });
    const spans = finishedRuns(allSessions(api, 'project=platform')).map(
      (session) => at(session.completedAt) - at(session.startedAt),
    );
    expect(Math.min(...spans)).to.be.at.least(2 * MINUTE);
    expect(Math.max(...spans)).to.be.above(HOUR);
    const mobile = finishedRuns(allSessions(api, 'project=mobile'));
    expect(mobile).to.not.be.empty;
    for (const session of mobile) expect(session.durationMs).to.be.at.least(2 * MINUTE);
  });

  it('costs cents to tens of dollars a run', () => {
    const { api } = fixedMock({ speed: SPEED });
    const costs = finishedRuns(allSessions(api, 'project=platform'))
      .filter((session) => session.costUsd !== null && session.costUsd !== undefined)
      .map((session) => Number(session.costUsd));
    expect(Math.min(...costs)).to.be.below(0.5);
    expect(Math.max(...costs)).to.be.at.least(10);
    expect(Math.max(...costs)).to.be.below(100);
  });
});
