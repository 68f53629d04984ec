import { expect } from '@open-wc/testing';
import { createMockApi } from '../../mock/api.js';
import { BEARER, fixedMock, get, MINUTE, post, START } from './helpers.js';

const WEB = '/api/public/sessions?project=web';
const MOBILE = '/api/public/sessions?project=mobile';

function mockWith(...faults: unknown[]) {
  const { api, clock } = fixedMock();
  const answer = post(api, '/__mock/control', { inject: faults });
  if (answer.status !== 200) throw new Error(answer.response.body);
  return { api, clock };
}

describe('mock API: faults, injected from the mock’s side', () => {
  describe('each kind', () => {
    it('latency delays a normal answer', () => {
      const { response } = get(mockWith({ kind: 'latency', latencyMs: 1500 }).api, WEB);
      expect(response).to.include({ status: 200, delayMs: 1500 });
      expect(JSON.parse(response.body).sessions).to.have.length(50);
    });

    it('rate-limit answers 429, with Retry-After only when asked', () => {
      const withHeader = get(mockWith({ kind: 'rate-limit', retryAfterSeconds: 7 }).api, WEB);
      const without = get(mockWith({ kind: 'rate-limit' }).api, WEB);
      expect(withHeader).to.deep.include({ status: 429, json: { error: 'Rate limit exceeded' } });
      expect(withHeader.response.headers['retry-after']).to.equal('7');
      expect(without.status).to.equal(429);
      expect(without.response.headers).not.to.have.property('retry-after');
    });

    it('server-error answers 500 by default, or 502/503 with an optional Retry-After', () => {
      expect(get(mockWith({ kind: 'server-error' }).api, WEB).status).to.equal(500);
      expect(get(mockWith({ kind: 'server-error', status: 502 }).api, WEB).status).to.equal(502);
      const unavailable = get(mockWith({ kind: 'server-error', status: 503, retryAfterSeconds: 30 }).api, WEB);
      expect(unavailable.status).to.equal(503);
      expect(unavailable.json.error).to.be.a('string');
      expect(unavailable.response.headers['retry-after']).to.equal('30');
    });

    it('html-error answers a proxy’s HTML page', () => {
      const { response, json } = get(mockWith({ kind: 'html-error' }).api, WEB);
      expect(response.status).to.equal(502);
      expect(response.headers['content-type']).to.match(/^text\/html/);
      expect(response.body).to.match(/^<html>[\s\S]*502 Bad Gateway/);
      expect(json).to.equal(undefined);
    });

    it('malformed-json answers 200 with a JSON content type and a body cut short', () => {
      const { response } = get(mockWith({ kind: 'malformed-json' }).api, WEB);
      expect(response.status).to.equal(200);
      expect(response.headers['content-type']).to.match(/^application\/json/);
      expect(response.body.startsWith('{"sessions":[')).to.equal(true);
      expect(() => JSON.parse(response.body)).to.throw();
    });

    it('expired-key answers 401 even to a valid key', () => {
      expect(get(mockWith({ kind: 'expired-key' }).api, WEB)).to.deep.include({
        status: 401,
        json: { error: 'API key expired' },
      });
    });

    it('connection-reset and hang leave the transport to act them out', () => {
      const reset = get(mockWith({ kind: 'connection-reset' }).api, WEB).response;
      expect(reset.fault).to.equal('reset');
      expect(JSON.parse(reset.body).sessions).to.have.length(50); // the adapter cuts it
      expect(get(mockWith({ kind: 'hang' }).api, WEB).response.fault).to.equal('hang');
    });
  });

  describe('targeting and lifetime', () => {
    it('applies to the next `count` requests only', () => {
      const { api } = mockWith({ kind: 'server-error', count: 2 });
      expect([WEB, WEB, WEB].map((url) => get(api, url).status)).to.deep.equal([500, 500, 200]);
    });

    it('lasts until cleared without a count', () => {
      const { api } = mockWith({ kind: 'expired-key' });
      expect([1, 2, 3].map(() => get(api, WEB).status)).to.deep.equal([401, 401, 401]);
      post(api, '/__mock/control', { clear: true });
      expect(get(api, WEB).status).to.equal(200);
    });

    it('hits only its project, however the request names it', () => {
      const { api } = mockWith({ kind: 'rate-limit', project: 'web' });
      expect(get(api, WEB).status).to.equal(429);
      expect(get(api, '/api/public/sessions?projectId=proj_web001').status).to.equal(429);
      expect(
        get(api, '/api/public/sessions', { ...BEARER, referer: 'https://app.rensei.ai/acme/web/sessions' }).status,
      ).to.equal(429);
      expect(get(api, MOBILE).status).to.equal(200);
      expect(get(api, '/api/public/sessions').status).to.equal(200);
    });

    it('without a project, hits every sessions request, org-wide ones included', () => {
      const { api } = mockWith({ kind: 'server-error' });
      expect([WEB, MOBILE, '/api/public/sessions'].map((url) => get(api, url).status)).to.deep.equal([500, 500, 500]);
    });

    it('adds latency to whatever else happens', () => {
      const { api } = mockWith(
        { kind: 'latency', latencyMs: 300 },
        { kind: 'latency', latencyMs: 200 },
        { kind: 'rate-limit' },
      );
      expect(get(api, WEB).response).to.include({ status: 429, delayMs: 500 });
    });

    it('clears one project’s faults, leaving the others', () => {
      const { api } = mockWith({ kind: 'expired-key', project: 'web' }, { kind: 'server-error', project: 'mobile' });
      post(api, '/__mock/control', { clear: 'web' });
      expect(get(api, WEB).status).to.equal(200);
      expect(get(api, MOBILE).status).to.equal(500);
    });

    it('can be driven from the API object too', () => {
      const { api } = fixedMock();
      const fault = api.injectFault({ kind: 'server-error', status: 503, count: 1 });
      expect(api.state().faults).to.deep.equal([{ ...fault, remaining: 1 }]);
      expect(get(api, WEB).status).to.equal(503);
      expect(api.state().faults).to.deep.equal([]);
      api.injectFault({ kind: 'hang', project: 'web' });
      api.clearFaults('web');
      expect(get(api, WEB).response.fault).to.equal(undefined);
      expect(() => api.injectFault({ kind: 'latency' })).to.throw(/latencyMs/);
    });

    it('cannot be triggered by anything a widget sends', () => {
      const { api } = fixedMock();
      const tricks = [
        get(api, `${WEB}&fault=hang&kind=server-error&status=500`),
        get(api, WEB, { ...BEARER, 'x-mock-fault': 'hang', 'x-fault': 'server-error' }),
      ];
      for (const { response } of tricks) {
        expect(response.status).to.equal(200);
        expect(response).not.to.have.any.keys('fault', 'delayMs');
      }
      expect(api.state().faults).to.deep.equal([]);
    });
  });

  describe('control endpoints', () => {
    it('report state: clock, projects with their sizes, and faults counting down', () => {
      const { api } = mockWith({ kind: 'rate-limit', project: 'web', count: 3, retryAfterSeconds: 5 });
      get(api, WEB);
      const { json: state } = get(api, '/__mock/state', {});
      expect(state).to.include({ seed: 1, speed: 1, org: 'acme' });
      expect(state.clock).to.deep.equal({ frozen: false, now: new Date(START).toISOString(), simulatedMs: 0 });
      expect(state.projects.map((project: any) => [project.slug, project.sessions])).to.deep.equal([
        ['web', 150],
        ['platform', 2000],
        ['mobile', 40],
        ['docs', 0],
        ['huge', 10_000],
      ]);
      expect(state.faults).to.deep.equal([
        { id: 1, kind: 'rate-limit', project: 'web', count: 3, retryAfterSeconds: 5, remaining: 2 },
      ]);
    });

    it('move the clock on request', () => {
      const { api } = fixedMock();
      const { json } = post(api, '/__mock/control', { advanceMs: 5 * MINUTE });
      expect(json.clock).to.include({ now: new Date(START + 5 * MINUTE).toISOString(), simulatedMs: 5 * MINUTE });
    });

    it('refuse what they cannot act on, with a 400 that says why', () => {
      const { api } = fixedMock();
      const refusals: [unknown, RegExp][] = [
        ['not json', /not JSON/],
        [{ inject: { kind: 'explode' } }, /kind/],
        [{ inject: { kind: 'server-error', status: 418 } }, /status/],
        [{ inject: { kind: 'rate-limit', latencyMs: 5 } }, /latencyMs/],
        [{ inject: { kind: 'hang', project: 'nope' } }, /project/],
        [{ inject: { kind: 'hang', count: 0 } }, /count/],
        [{ clear: 'nope' }, /clear/],
        [{ fault: 'hang' }, /unknown field "fault"/],
      ];
      for (const [body, message] of refusals) {
        const answer = post(api, '/__mock/control', body);
        expect(answer.status, JSON.stringify(body)).to.equal(400);
        expect(answer.json.error).to.match(message);
      }
      expect(api.state().faults).to.deep.equal([]);
      expect(get(api, '/__mock/control').status).to.equal(405);
    });

    it('reset to a reproducible state: seed, frozen time, project sizes; faults cleared', () => {
      const { api } = mockWith({ kind: 'hang' });
      const settings = { seed: 9, time: '2026-07-01T09:30:00Z', projects: { huge: { initialSessions: 100_000 } } };
      const { json: state } = post(api, '/__mock/reset', settings);
      expect(state).to.deep.include({ seed: 9, faults: [] });
      expect(state.clock).to.deep.equal({ frozen: true, now: '2026-07-01T09:30:00.000Z', simulatedMs: 0 });
      expect(state.projects.find((project: any) => project.slug === 'huge').sessions).to.equal(100_000);
      const fresh = createMockApi({ ...settings, speed: 1 });
      expect(get(api, WEB).response.body).to.equal(get(fresh, WEB).response.body);
    });

    it('keep a frozen clock still until advanced', () => {
      const { api, clock } = fixedMock();
      post(api, '/__mock/reset', { time: START });
      const before = get(api, WEB).response.body;
      clock.now += 60 * MINUTE;
      expect(get(api, WEB).response.body).to.equal(before);
      post(api, '/__mock/control', { advanceMs: 60 * MINUTE });
      expect(get(api, WEB).response.body).not.to.equal(before);
    });

    it('refuse a reset they cannot honour', () => {
      const { api } = fixedMock();
      for (const body of [
        { seed: -1 },
        { speed: 0 },
        { time: 'yesterday' },
        { projects: { huge: { initialSessions: -3 } } },
        { size: 3 },
      ]) {
        expect(post(api, '/__mock/reset', body).status, JSON.stringify(body)).to.equal(400);
      }
    });
  });
});
