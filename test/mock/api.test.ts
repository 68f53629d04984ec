import { expect } from '@open-wc/testing';
import { createMockApi, EXAMPLE_API_KEY } from '../../mock/api.js';
import { allSessions, BEARER, fixedMock, get, MINUTE, signalName, START } from './helpers.js';

const SESSIONS = '/api/public/sessions';
const STATUSES = ['queued', 'working', 'completed', 'failed', 'stopped'];

describe('mock API: GET /api/public/sessions', () => {
  describe('auth', () => {
    const { api } = fixedMock();

    it('answers 401 with a JSON error without a key or cookie', () => {
      const answer = get(api, `${SESSIONS}?project=web`, {});
      expect(answer.status).to.equal(401);
      expect(answer.json.error).to.be.a('string').and.not.equal('');
    });

    it('accepts any well-formed rsk_live_ or rsk_test_ key', () => {
      for (const key of ['rsk_live_a1B2c3D4', 'rsk_test_ZZZZZZZZZZZZ', EXAMPLE_API_KEY]) {
        expect(get(api, `${SESSIONS}?project=web`, { authorization: `Bearer ${key}` }).status).to.equal(200);
      }
    });

    it('refuses a malformed key, even with a session cookie alongside', () => {
      for (const authorization of [
        'Bearer rsk_prod_a1b2c3d4e5',
        'Bearer rsk_test_short',
        'rsk_test_a1b2c3d4e5',
        'Basic abc',
      ]) {
        const answer = get(api, `${SESSIONS}?project=web`, { authorization, cookie: 'rensei_session=abc' });
        expect(answer.status, authorization).to.equal(401);
        expect(answer.json.error).to.equal('Invalid API key');
      }
    });

    it('accepts the rensei_session cookie among others, but not an empty one', () => {
      expect(get(api, `${SESSIONS}?project=web`, { cookie: 'theme=dark; rensei_session=s3cr3t; x=1' }).status).to.equal(
        200,
      );
      expect(get(api, `${SESSIONS}?project=web`, { cookie: 'rensei_session=; theme=dark' }).status).to.equal(401);
    });
  });

  describe('scope', () => {
    const { api } = fixedMock();
    const ids = (query: string, headers: Record<string, string> = BEARER) =>
      get(api, `${SESSIONS}?${query}`, headers).json.sessions.map((s: any) => s.id);

    it('scopes by slug and by id alike', () => {
      const web = allSessions(api, 'project=web');
      expect(web).to.have.length(150);
      expect(new Set(web.map((session) => session.projectId))).to.have.keys('proj_web001');
      expect(ids('projectId=proj_web001')).to.deep.equal(ids('project=web'));
    });

    it('scopes by a dashboard Referer from any origin, when no project is named', () => {
      const referers = [
        'https://app.rensei.ai/acme/mobile/sessions',
        'http://localhost:3000/acme/mobile/sessions/abc123',
      ];
      for (const referer of referers) {
        expect(ids('', { ...BEARER, referer }), referer).to.deep.equal(ids('project=mobile'));
      }
    });

    it('lets a named project win over the Referer', () => {
      const referer = 'https://app.rensei.ai/acme/mobile/sessions';
      expect(ids('project=web', { ...BEARER, referer })).to.deep.equal(ids('project=web'));
    });

    it('covers the whole org, newest first, with no scope at all', () => {
      const headers = { ...BEARER, referer: 'https://portal.example.com/team/dashboard' };
      const { sessions } = get(api, `${SESSIONS}?limit=200`, headers).json;
      const created = sessions.map((session: any) => session.createdAt);
      expect(new Set(sessions.map((session: any) => session.projectId)).size).to.be.above(1);
      expect(created).to.deep.equal([...created].sort().reverse());
    });

    it('answers 404 for an unknown slug, id or dashboard project', () => {
      const unknown = [
        get(api, `${SESSIONS}?project=nope`),
        get(api, `${SESSIONS}?projectId=proj_nope`),
        get(api, SESSIONS, { ...BEARER, referer: 'https://app.rensei.ai/acme/nope/sessions' }),
        get(api, SESSIONS, { ...BEARER, referer: 'https://app.rensei.ai/other-org/web/sessions' }),
      ];
      for (const answer of unknown)
        expect(answer).to.deep.include({ status: 404, json: { error: 'Project not found' } });
    });

    it('answers an empty project with no sessions and no cursor', () => {
      expect(get(api, `${SESSIONS}?project=docs`).json).to.deep.equal({ sessions: [], cursor: null });
    });
  });

  describe('pagination', () => {
    it('pages by the project’s page size, then by ?limit= up to 200', () => {
      const { api } = fixedMock();
      const count = (query: string) => get(api, `${SESSIONS}?${query}`).json.sessions.length;
      expect(count('project=web')).to.equal(50);
      expect(count('project=mobile')).to.equal(20);
      expect(count('')).to.equal(50);
      expect(count('project=web&limit=7')).to.equal(7);
      expect(count('project=platform&limit=1000')).to.equal(200);
    });

    it('refuses a limit that is not a positive integer', () => {
      const { api } = fixedMock();
      for (const limit of ['0', '-5', 'ten', '2.5']) {
        expect(get(api, `${SESSIONS}?project=web&limit=${limit}`)).to.deep.include({
          status: 400,
          json: { error: 'Invalid limit' },
        });
      }
    });

    it('walks a project to its end, where the cursor is null', () => {
      const { api } = fixedMock();
      const pages = [get(api, `${SESSIONS}?project=web`).json];
      while (pages.at(-1).cursor) pages.push(get(api, `${SESSIONS}?project=web&cursor=${pages.at(-1).cursor}`).json);
      const ids = pages.flatMap((page) => page.sessions.map((session: any) => session.id));
      expect(pages.map((page) => page.sessions.length)).to.deep.equal([50, 50, 50]);
      expect(pages.at(-1).cursor).to.equal(null);
      expect(new Set(ids).size).to.equal(150);
    });

    it('keeps cursors stable while new sessions arrive at the top: no repeats, no gaps', () => {
      const { api, clock } = fixedMock();
      const before = allSessions(api, 'project=web').map((session) => session.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = get(api, `${SESSIONS}?project=web&limit=40${cursor ? `&cursor=${cursor}` : ''}`).json;
        seen.push(...page.sessions.map((session: any) => session.id));
        cursor = page.cursor;
        clock.now += 10 * MINUTE;
      } while (cursor);
      expect(seen).to.deep.equal(before);
      const after = allSessions(api, 'project=web').map((session) => session.id);
      expect(after.length).to.be.above(before.length);
      expect(after.slice(after.length - before.length)).to.deep.equal(before);
    });

    it('answers 400 for a cursor it did not issue', () => {
      const { api } = fixedMock();
      for (const cursor of ['zzz', 'null', btoa('{"offset":50}'), 'a%2Bb', btoa('c1:12:xyz')]) {
        expect(get(api, `${SESSIONS}?project=web&cursor=${cursor}`), cursor).to.deep.include({
          status: 400,
          json: { error: 'Invalid cursor' },
        });
      }
    });

    it('answers pages of a 100,000-session project', () => {
      const { api } = fixedMock({ projects: { huge: { initialSessions: 100_000 } } });
      expect(api.state().projects.find((project) => project.slug === 'huge')!.sessions).to.equal(100_000);
      const first = get(api, `${SESSIONS}?project=huge`).json;
      const second = get(api, `${SESSIONS}?project=huge&cursor=${first.cursor}`).json;
      const ids = [...first.sessions, ...second.sessions].map((session: any) => session.id);
      expect(first.sessions).to.have.length(50);
      expect(second.sessions).to.have.length(50);
      expect(second.cursor).to.be.a('string');
      expect(new Set(ids).size).to.equal(100);
    });
  });

  describe('sessions', () => {
    const { api, clock } = fixedMock();
    /** Web and platform now and over the next few hours: every state the simulation reaches. */
    const sample: any[] = [];
    before(() => {
      for (let hour = 0; hour < 4; hour++) {
        clock.now = START + hour * 60 * MINUTE;
        sample.push(...allSessions(api, 'project=web'), ...allSessions(api, 'project=platform'));
      }
    });
    const values = (pick: (session: any) => unknown) => new Set(sample.map(pick));

    it('keep the contract’s shapes', () => {
      for (const session of sample) {
        expect(session.id).to.match(/^[0-9a-f]{16}$/);
        expect(STATUSES).to.include(session.status);
        expect(session.startedAt === null || !Number.isNaN(Date.parse(session.startedAt))).to.equal(true);
        if (session.costUsd !== undefined && session.costUsd !== null)
          expect(Number(session.costUsd)).to.be.at.least(0);
        if (typeof session.costUsd === 'string') expect(session.costUsd).to.match(/^\d+\.\d{2}$/);
        if (session.issueIdentifier) expect(session.issueIdentifier).to.match(/^(ENG|PLAT)-\d+$/);
      }
    });

    it('cover every status, provider, work type, colour and signal', () => {
      expect(values((session) => session.status)).to.have.keys(...STATUSES);
      expect(values((session) => session.provider)).to.include.keys('local', 'e2b', 'vercel', 'modal');
      expect(values((session) => session.workType)).to.include.keys('development', 'research', 'qa', 'coordination');
      expect(values((session) => session.health?.healthStatus)).to.include.keys('green', 'yellow', 'red');
      expect(sample.some((session) => !('health' in session))).to.equal(true);
      const names = new Set(sample.flatMap((session) => (session.health?.stuckSignals ?? []).map(signalName)));
      expect(names).to.include.keys('LongRunning', 'StaleHeartbeat', 'ToolLoopStuck', 'ClaimStuck');
    });

    it('vary the forms the contract allows', () => {
      const signals = sample.flatMap((session) => session.health?.stuckSignals ?? []);
      expect(signals.some((signal) => typeof signal === 'string')).to.equal(true);
      expect(signals.some((signal) => typeof signal === 'object' && typeof signal.type === 'string')).to.equal(true);
      const queued = sample.filter((session) => session.status === 'queued');
      expect(queued.some((session) => !('costUsd' in session))).to.equal(true);
      expect(queued.some((session) => session.costUsd === null)).to.equal(true);
      expect(sample.some((session) => typeof session.costUsd === 'number')).to.equal(true);
      expect(sample.some((session) => session.issueIdentifier === null)).to.equal(true);
      expect(sample.some((session) => !('issueIdentifier' in session))).to.equal(true);
      expect(sample.every((session) => typeof session.createdAt === 'string' && 'agentModel' in session)).to.equal(
        true,
      );
    });

    it('show health consistent with the signals, and none on finished sessions', () => {
      const blocking = ['ToolLoopStuck', 'ClaimStuck'];
      for (const { status, health } of sample.filter((session) => session.health)) {
        const names: string[] = health.stuckSignals.map(signalName);
        const expected = names.some((name) => blocking.includes(name)) ? 'red' : names.length ? 'yellow' : 'green';
        expect(health.healthStatus).to.equal(expected);
        if (!['queued', 'working'].includes(status)) expect(names).to.deep.equal([]);
      }
    });

    it('send durationMs instead of completedAt where the project’s deployment does', () => {
      const mobile = allSessions(api, 'project=mobile');
      const finished = mobile.filter((session) => !['queued', 'working'].includes(session.status) && session.startedAt);
      expect(finished.length).to.be.above(0);
      for (const session of finished) {
        expect(session).not.to.have.property('completedAt');
        expect(session.durationMs).to.be.a('number').and.above(0);
      }
      expect(mobile.filter((session) => session.status === 'working').every((s) => !('durationMs' in s))).to.equal(
        true,
      );
    });
  });

  describe('time', () => {
    it('moves a session from queued to working to finished, its cost growing while it works', () => {
      const { api, clock } = fixedMock();
      const find = (id: string) => allSessions(api, 'project=web').find((session) => session.id === id);
      const { id } = allSessions(api, 'project=web').find(
        (session) => session.status === 'queued' && session.startedAt === null,
      );
      const seen: any[] = [];
      for (let minute = 0; minute < 180; minute++, clock.now += MINUTE) seen.push(find(id));
      const statuses = seen.map((session) => session.status).filter((status, i, all) => status !== all[i - 1]);
      expect(statuses.slice(0, 2)).to.deep.equal(['queued', 'working']);
      expect(statuses).to.have.length(3);
      expect(['completed', 'failed', 'stopped']).to.include(statuses[2]);
      const costs = seen.filter((session) => session.status === 'working').map((session) => Number(session.costUsd));
      expect(costs.at(-1)).to.be.above(costs[0]);
      expect(costs.every((cost, i) => i === 0 || cost >= costs[i - 1])).to.equal(true);
    });

    it('answers the same for the same seed and instant, and differently for another seed', () => {
      const body = (seed: number) =>
        createMockApi({ seed, time: START }).handle({ method: 'GET', url: SESSIONS, headers: BEARER }).body;
      expect(body(5)).to.equal(body(5));
      expect(body(5)).not.to.equal(body(6));
    });
  });

  describe('HTTP', () => {
    const { api } = fixedMock();

    it('reflects the Origin for credentialed CORS and exposes Retry-After', () => {
      const { headers } = api.handle({
        method: 'GET',
        url: SESSIONS,
        headers: { ...BEARER, origin: 'https://portal.example.com' },
      });
      expect(headers).to.include({
        'access-control-allow-origin': 'https://portal.example.com',
        'access-control-allow-credentials': 'true',
      });
      expect(headers['access-control-expose-headers']).to.match(/Retry-After/i);
    });

    it('answers a preflight with 204, allowing the Authorization header', () => {
      const response = api.handle({
        method: 'OPTIONS',
        url: SESSIONS,
        headers: { origin: 'https://portal.example.com', 'access-control-request-headers': 'authorization' },
      });
      expect(response.status).to.equal(204);
      expect(response.headers['access-control-allow-headers']).to.match(/authorization/i);
      expect(response.headers['access-control-allow-methods']).to.include('GET');
    });

    it('answers unknown paths 404 and wrong methods 405, in the contract’s error shape', () => {
      expect(get(api, '/api/public/nope')).to.deep.include({ status: 404, json: { error: 'Not found' } });
      const post = api.handle({ method: 'POST', url: SESSIONS, headers: BEARER });
      expect(post.status).to.equal(405);
      expect(post.headers.allow).to.equal('GET');
    });

    it('accepts an absolute URL', () => {
      expect(get(api, `http://localhost:4010${SESSIONS}?project=mobile`).json.sessions).to.have.length(20);
    });
  });
});
