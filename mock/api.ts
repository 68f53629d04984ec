// The mock Rensei API (CONTRACT.md §2 and §4): `GET /api/public/sessions` over the simulated
// fleet, plus the mock's own control endpoints under `/__mock/`. Pure TypeScript with no Node or
// DOM APIs: the same object serves the Vite dev server, the standalone server and in-process tests.

import { ControlError, parseControl, parseFaultSpec, parseReset } from './control.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { applyFaults, FaultBoard, type ActiveFault, type FaultSpec } from './faults.js';
import { errorResponse, jsonResponse, type MockRequest, type MockResponse } from './messages.js';
import { conditional, preflight, withCors } from './http-headers.js';
import { ORG_SLUG, type DurationField, type ProjectConfig } from './org.js';
import { sessionStateAt } from './session.js';
import type { Thresholds } from './signals.js';
import { createSimulation, mergeSettings, type Simulation, type SimulationSettings } from './simulation.js';
import { toWireSession, type WireSession } from './wire.js';
import { isReadOnlyKey, withStop } from './stops.js';

export type { MockRequest, MockResponse } from './messages.js';
export type { ActiveFault, FaultKind, FaultSpec } from './faults.js';
export type { SimulationSettings } from './simulation.js';
export { DEFAULT_PROJECTS, ORG_SLUG } from './org.js';
export { DEFAULT_SEED, DEFAULT_SPEED } from './simulation.js';
export { READ_ONLY_KEY_PREFIX } from './stops.js';

/** Any well-formed key works; this one is printed for people to copy. */
export const EXAMPLE_API_KEY = 'rsk_test_mockdemo0001';
export const SESSION_COOKIE = 'rensei_session';
/** The page size of the org-wide list. */
export const ORG_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface MockApiOptions extends SimulationSettings {
  /** The wall clock in epoch ms (default `Date.now`); tests inject their own. */
  now?: () => number;
}

export interface MockState {
  seed: number;
  speed: number;
  clock: { frozen: boolean; now: string; simulatedMs: number };
  org: string;
  exampleApiKey: string;
  thresholds: Thresholds;
  projects: {
    slug: string;
    id: string;
    name: string;
    sessions: number;
    arriving: boolean;
    pageSize: number;
    durationField: DurationField;
  }[];
  faults: readonly ActiveFault[];
}

export interface MockApi {
  handle(request: MockRequest): MockResponse;
  /** Throws on a fault the control endpoint would answer 400 for. */
  injectFault(fault: FaultSpec): ActiveFault;
  /** One project's faults, or (with no project) all of them. */
  clearFaults(project?: string): void;
  /** Skips the clock ahead by `wallMs` of wall-clock time. */
  advance(wallMs: number): void;
  /** Rebuilds the simulation from the creation options with `changes` over them; clears faults. */
  reset(changes?: SimulationSettings): void;
  state(): MockState;
  /** The sessions requests since the last reset (the latest 1,000), oldest first. */
  requests(): readonly LoggedMockRequest[];
}

/** One sessions request as the mock saw it: who asked (a key's last 4 characters, or the cookie), and the answer's status. */
export interface LoggedMockRequest {
  url: string;
  credential: string;
  ifNoneMatch: string | null;
  status: number;
}

const LOG_SIZE = 1000;

function credentialOf(headers: MockRequest['headers']): string {
  const bearer = /^Bearer +(\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (bearer) return `key …${bearer.slice(-4)}`;
  return hasSessionCookie(headers.cookie) ? 'cookie' : 'none';
}

type KnownScope = { kind: 'project'; project: ProjectConfig } | { kind: 'org' };
type Scope = KnownScope | { kind: 'unknown-project' };
type Handler = (request: MockRequest, query: URLSearchParams) => MockResponse;

const API_KEY = /^rsk_(live|test)_[A-Za-z0-9]{8,}$/;
/** `POST /api/public/sessions/{id}/stop`, the id path-encoded. */
const STOP_PATH = /^\/api\/public\/sessions\/([^/]+)\/stop$/;
/** The dashboard's list, `/[orgSlug]/[projectSlug]/sessions`, or a session's page below it. */
const DASHBOARD_PATH = /^\/([^/]+)\/([^/]+)\/sessions(?:\/[^/]+)?\/?$/;

function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return (cookieHeader ?? '').split(';').some((cookie) => {
    const [name, ...value] = cookie.trim().split('=');
    return name === SESSION_COOKIE && value.join('=') !== '';
  });
}

/** Why the request is not authenticated, or `null` when it is. A bearer, when sent, must be valid. */
function authenticationError(headers: MockRequest['headers']): string | null {
  const { authorization } = headers;
  if (authorization) {
    const token = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
    return token && API_KEY.test(token) ? null : 'Invalid API key';
  }
  if (hasSessionCookie(headers.cookie)) return null;
  return `Authentication required: send an API key as "Authorization: Bearer rsk_…", or the ${SESSION_COOKIE} cookie`;
}

/** The dashboard project a Referer points into, if it is a dashboard URL. */
function refererProject(referer: string | undefined): { org: string; slug: string } | null {
  if (!referer || !URL.canParse(referer)) return null;
  const match = DASHBOARD_PATH.exec(new URL(referer).pathname);
  return match ? { org: decodeURIComponent(match[1]), slug: decodeURIComponent(match[2]) } : null;
}

function resolveScope(query: URLSearchParams, referer: string | undefined, projects: readonly ProjectConfig[]): Scope {
  const found = (project: ProjectConfig | undefined): Scope =>
    project ? { kind: 'project', project } : { kind: 'unknown-project' };
  const id = query.get('projectId');
  if (id) return found(projects.find((project) => project.id === id));
  const slug = query.get('project');
  if (slug) return found(projects.find((project) => project.slug === slug));
  const dashboard = refererProject(referer);
  if (dashboard) {
    const inOrg = dashboard.org === ORG_SLUG;
    return found(inOrg ? projects.find((project) => project.slug === dashboard.slug) : undefined);
  }
  return { kind: 'org' };
}

/** `null` when `limit` is given but is not a positive integer. */
function pageSize(limit: string | null, fallback: number): number | null {
  if (limit === null) return fallback;
  return /^\d+$/.test(limit) && Number(limit) > 0 ? Math.min(Number(limit), MAX_PAGE_SIZE) : null;
}

function sessionsPage(simulation: Simulation, scope: KnownScope, query: URLSearchParams): MockResponse {
  const limit = pageSize(query.get('limit'), scope.kind === 'project' ? scope.project.pageSize : ORG_PAGE_SIZE);
  if (limit === null) return errorResponse(400, 'Invalid limit');
  const cursor = query.get('cursor');
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) return errorResponse(400, 'Invalid cursor');

  const { clock, fleet, thresholds } = simulation;
  const simNow = clock.simTime();
  const projects = scope.kind === 'project' ? [scope.project] : simulation.projects;
  const page = fleet.page(
    projects.map((project) => project.slug),
    simNow,
    limit,
    after,
  );
  const sessions: WireSession[] = page.rows.map(({ project, script }) =>
    toWireSession(sessionStateAt(withStop(script, simulation.stops), simNow, thresholds), {
      projectId: project.id,
      durationField: project.durationField,
      simNow,
      clock,
    }),
  );
  const last = page.rows.at(-1)?.script;
  return jsonResponse(200, { sessions, cursor: page.hasMore && last ? encodeCursor(last) : null });
}

export function createMockApi(options: MockApiOptions = {}): MockApi {
  const { now: wallNow = Date.now, ...initialSettings } = options;
  let simulation = createSimulation(initialSettings, wallNow);
  const faults = new FaultBoard();
  let log: LoggedMockRequest[] = [];
  const slugs = () => simulation.projects.map((project) => project.slug);

  function state(): MockState {
    const { seed, clock, frozen, thresholds, fleet } = simulation;
    const simulatedMs = clock.simTime();
    return {
      seed,
      speed: clock.speed,
      clock: { frozen, now: new Date(clock.wallTime()).toISOString(), simulatedMs },
      org: ORG_SLUG,
      exampleApiKey: EXAMPLE_API_KEY,
      thresholds,
      projects: simulation.projects.map(({ slug, id, name, arriving, pageSize, durationField }) => ({
        slug,
        id,
        name,
        sessions: fleet.sessionCount(slug, simulatedMs),
        arriving,
        pageSize,
        durationField,
      })),
      faults: faults.list(),
    };
  }

  function sessions(request: MockRequest, query: URLSearchParams): MockResponse {
    const scope = resolveScope(query, request.headers.referer, simulation.projects);
    const taken = faults.take(scope.kind === 'project' ? scope.project.slug : null);
    const authError = authenticationError(request.headers);
    const answer = authError
      ? errorResponse(401, authError)
      : scope.kind === 'unknown-project'
        ? errorResponse(404, 'Project not found')
        : sessionsPage(simulation, scope, query);
    const response = applyFaults(conditional(request, answer, taken), taken);
    log.push({
      url: request.url,
      credential: credentialOf(request.headers),
      ifNoneMatch: request.headers['if-none-match'] ?? null,
      status: response.fault ? 0 : response.status,
    });
    if (log.length > LOG_SIZE) log = log.slice(-LOG_SIZE);
    return response;
  }

  /** Stops a queued or working session: 403 for a read-only key, 404 unknown, 409 once it has ended. */
  function stop(request: MockRequest, id: string): MockResponse {
    const authError = authenticationError(request.headers);
    if (authError) return errorResponse(401, authError);
    if (isReadOnlyKey(request.headers.authorization)) return errorResponse(403, 'This API key can only read sessions');
    const { clock, fleet, thresholds, stops } = simulation;
    const simNow = clock.simTime();
    const found = fleet.find(id, simNow);
    if (!found) return errorResponse(404, 'Session not found');
    const { status } = sessionStateAt(withStop(found.script, stops), simNow, thresholds);
    if (status !== 'queued' && status !== 'working') return errorResponse(409, 'Session has already ended');
    stops.set(id, simNow);
    return jsonResponse(200, { stopped: true, sessionId: id, previousStatus: status, newStatus: 'stopped' });
  }

  function control(request: MockRequest): MockResponse {
    const command = parseControl(request.body, slugs());
    if (command.clear !== undefined) faults.clear(command.clear === true ? undefined : command.clear);
    for (const fault of command.inject) faults.inject(fault);
    if (command.advanceMs !== undefined) simulation.clock.advance(command.advanceMs);
    return jsonResponse(200, state());
  }

  function reset(changes: SimulationSettings = {}): void {
    simulation = createSimulation(mergeSettings(initialSettings, changes), wallNow);
    faults.clear();
    log = [];
  }

  const routes: Readonly<Record<string, Readonly<Record<string, Handler>>>> = {
    '/api/public/sessions': { GET: sessions },
    '/__mock/state': { GET: () => jsonResponse(200, state()) },
    '/__mock/requests': { GET: () => jsonResponse(200, log) },
    '/__mock/control': { POST: control },
    '/__mock/reset': {
      POST: (request) => {
        reset(parseReset(request.body));
        return jsonResponse(200, state());
      },
    },
  };

  function route(request: MockRequest): MockResponse {
    const url = new URL(request.url, 'http://mock.invalid');
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') {
      return preflight(
        request,
        faults.list().some((fault) => fault.kind === 'refuse-if-none-match'),
      );
    }
    const stopping = STOP_PATH.exec(url.pathname);
    if (stopping) {
      if (method !== 'POST') {
        const refusal = errorResponse(405, 'Method not allowed');
        return { ...refusal, headers: { ...refusal.headers, allow: 'POST' } };
      }
      let id: string;
      try {
        id = decodeURIComponent(stopping[1]);
      } catch {
        return errorResponse(404, 'Session not found');
      }
      return stop(request, id);
    }
    const handlers = routes[url.pathname];
    if (!handlers) return errorResponse(404, 'Not found');
    const handler = handlers[method];
    if (!handler) {
      const refusal = errorResponse(405, 'Method not allowed');
      return { ...refusal, headers: { ...refusal.headers, allow: Object.keys(handlers).join(', ') } };
    }
    try {
      return handler(request, url.searchParams);
    } catch (error) {
      if (error instanceof ControlError) return errorResponse(400, error.message);
      throw error;
    }
  }

  return {
    handle: (request) => withCors(route(request), request.headers.origin),
    injectFault: (fault) => faults.inject(parseFaultSpec(fault, slugs())),
    clearFaults: (project) => faults.clear(project),
    advance: (wallMs) => simulation.clock.advance(wallMs),
    reset,
    state,
    requests: () => log,
  };
}
