/**
 * The consumer test's origin, on 127.0.0.1: the mock API and the project's files
 * (mock/node/static.ts), so the pages reach the API on their own origin. And a check that the
 * file server keeps to its roots: there is no Node-side unit test runner in this repo, so the
 * path guard is exercised here, over HTTP, as a browser-less client would attack it.
 */
import { createServer, request } from 'node:http';
import { createMockApi } from '../../mock/api.js';
import { createMockRequestHandler } from '../../mock/node/http.js';
import { createStaticHandler, listenOnLoopback } from '../../mock/node/static.js';
import { assert } from './steps.js';

const MOCK_TIME = '2026-06-02T15:00:00Z';

export interface TestServer {
  origin: string;
  close: () => Promise<void>;
}

/** Serves the mock API, then `roots` (URL prefix → directory, the first with the file wins). */
export async function serve(roots: Record<string, string>): Promise<TestServer> {
  const mock = createMockRequestHandler(createMockApi({ seed: 1, time: MOCK_TIME }));
  const files = createStaticHandler(roots);
  const server = createServer((req, res) => mock(req, res, () => files(req, res)));
  const origin = await listenOnLoopback(server);
  return { origin, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** GETs `path` exactly as written (fetch and URL would resolve the dots first); answers the status. */
function rawStatus(origin: string, path: string): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(`${origin}/`, { path }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

/**
 * Paths that climb out of a root must be 404s, whatever the spelling, while files inside are
 * served. `project` is one level above every root: its package.json exists, so a 200 is a leak.
 */
export async function checkTraversal(origin: string): Promise<void> {
  const inside = ['/plain/', '/node_modules/rensei-session-list/package.json', '/vanilla.html'];
  const outside = [
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/.%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/..%2fpackage.json',
    '/..%5cpackage.json',
    '/%5c..%5cpackage.json',
    '/plain/..%2f..%2fpackage.json',
    '/node_modules/%2e%2e/package.json',
    '/node_modules/..%2f..%2fconsumer%2fpackage.json',
    '/package.json%00.html',
    '/%E0%A4%A',
    '/node_modules/',
  ];
  const wrong: string[] = [];
  for (const path of inside) if ((await rawStatus(origin, path)) !== 200) wrong.push(`${path} is not served`);
  for (const path of outside) {
    const status = await rawStatus(origin, path);
    if (status !== 404) wrong.push(`${path} answered ${status}, not 404`);
  }
  assert(wrong.length === 0, wrong.join('\n'));
}
