/**
 * The bench's origin, on 127.0.0.1: the built page (bench/out) and the shared mock API, through
 * mock/node/http.ts's createMockRequestHandler, exactly as `npm run mock` serves it; the files
 * through mock/node/static.ts (its path guard, cached for an hour).
 *
 * The mock's clock is frozen, so a URL always gets the same answer: answers are kept by URL, so
 * the 2-core machine isn't also generating rows while the browser is being timed.
 */
import { createServer, type Server } from 'node:http';
import { createMockApi, type MockApi, type MockApiOptions, type MockResponse } from '../mock/api.js';
import { createMockRequestHandler } from '../mock/node/http.js';
import { createStaticHandler, listenOnLoopback } from '../mock/node/static.js';

export function cachedApi(options: MockApiOptions): MockApi {
  const api = createMockApi(options);
  const answers = new Map<string, MockResponse>();
  return {
    ...api,
    handle(request) {
      if (request.method !== 'GET' || !request.url.startsWith('/api/public/sessions')) return api.handle(request);
      const key = `${request.url}\u0000${request.headers.authorization ?? ''}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = api.handle(request);
        if (answer.status === 200 && !answer.fault && !answer.delayMs) answers.set(key, answer);
      }
      return answer;
    },
  };
}

export async function startServer(api: MockApi, staticRoot: string): Promise<{ server: Server; origin: string }> {
  const mock = createMockRequestHandler(api);
  const files = createStaticHandler(staticRoot, { cacheControl: 'max-age=3600' });
  const server = createServer((req, res) => mock(req, res, () => files(req, res)));
  return { server, origin: await listenOnLoopback(server) };
}
