import { expect } from '@open-wc/testing';
import { READ_ONLY_KEY_PREFIX, type MockApi } from '../../mock/api.js';
import { allSessions, BEARER, fixedMock, MINUTE, signalName } from './helpers.js';

function stop(api: MockApi, id: string, headers: Record<string, string> = BEARER) {
  const response = api.handle({ method: 'POST', url: `/api/public/sessions/${encodeURIComponent(id)}/stop`, headers });
  return { status: response.status, json: JSON.parse(response.body) };
}

const find = (api: MockApi, id: string) => allSessions(api, 'project=web').find((session) => session.id === id);

describe('mock API: POST /api/public/sessions/{id}/stop', () => {
  it('stops a working session: 200 with the previous and new status, then it lists as stopped', () => {
    const { api } = fixedMock();
    const { id } = allSessions(api, 'project=web').find((session) => session.status === 'working');
    const answer = stop(api, id);
    expect(answer.status).to.equal(200);
    expect(answer.json).to.deep.equal({
      stopped: true,
      sessionId: id,
      previousStatus: 'working',
      newStatus: 'stopped',
    });
    expect(find(api, id).status).to.equal('stopped');
  });

  it('ends a stuck session for good: its signals clear and it stays stopped as time runs', () => {
    const { api, clock } = fixedMock();
    const stuck = allSessions(api, 'project=web').find(
      (session) => session.status === 'working' && session.health?.stuckSignals.length > 0,
    );
    expect(stuck, 'a stuck working session at the start').to.exist;
    expect(stop(api, stuck.id).status).to.equal(200);
    for (let minute = 0; minute < 60; minute += 10, clock.now += 10 * MINUTE) {
      const now = find(api, stuck.id);
      expect(now.status).to.equal('stopped');
      expect(now.health.stuckSignals.map(signalName)).to.deep.equal([]);
      expect(now.health.healthStatus).to.equal('green');
    }
  });

  it('releases the claim of a session stopped while queued: it never starts', () => {
    const { api, clock } = fixedMock();
    const queued = allSessions(api, 'project=web').find((session) => session.status === 'queued');
    expect(queued, 'a queued session at the start').to.exist;
    expect(stop(api, queued.id).json.previousStatus).to.equal('queued');
    clock.now += 30 * MINUTE;
    const later = find(api, queued.id);
    expect(later.status).to.equal('stopped');
    expect(later.startedAt).to.equal(null);
  });

  it('answers 409 once the session has ended, 404 for an unknown id, 401 without a key', () => {
    const { api } = fixedMock();
    const ended = allSessions(api, 'project=web').find((session) => session.status === 'completed');
    expect(stop(api, ended.id).status).to.equal(409);
    const { id } = allSessions(api, 'project=web').find((session) => session.status === 'working');
    expect(stop(api, id).status).to.equal(200);
    expect(stop(api, id).status, 'a second stop').to.equal(409);
    expect(stop(api, 'ffffffffffffffff').status).to.equal(404);
    expect(stop(api, '../x').status).to.equal(404);
    expect(stop(api, id, {}).status).to.equal(401);
  });

  it(`answers 403 to a read-only key (rsk_test_${READ_ONLY_KEY_PREFIX}…), which may still read`, () => {
    const { api } = fixedMock();
    const readOnly = { authorization: `Bearer rsk_test_${READ_ONLY_KEY_PREFIX}0001` };
    const { id } = allSessions(api, 'project=web', readOnly).find((session) => session.status === 'working');
    const answer = stop(api, id, readOnly);
    expect(answer.status).to.equal(403);
    expect(answer.json.error).to.equal('This API key can only read sessions');
    expect(find(api, id).status).to.equal('working');
  });

  it('answers 405 to anything but POST', () => {
    const { api } = fixedMock();
    const response = api.handle({ method: 'GET', url: '/api/public/sessions/abc/stop', headers: BEARER });
    expect(response.status).to.equal(405);
    expect(response.headers.allow).to.equal('POST');
  });
});
