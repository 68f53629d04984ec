/**
 * The bench's origin, on 127.0.0.1: the built page (bench/out) and the shared mock API, through
 * mock/node/http.ts's createMockRequestHandler, exactly as `npm run mock` serves it.
 *
 * The mock's clock is frozen, so a URL always gets the same answer: answers are kept by URL, so
 * the 2-core machine isn't also generating rows while the browser is being timed.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { createMockApi, type MockApi, type MockApiOptions, type MockResponse } from '../mock/api.js';
import { createMockRequestHandler } from '../mock/node/http.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

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
  const server = createServer((req, res) => {
    mock(req, res, () => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
      const file = join(staticRoot, path === '/' ? 'index.html' : path);
      readFile(file).then(
        (body) => {
          res.writeHead(200, {
            'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'max-age=3600',
          });
          res.end(body);
        },
        () => {
          res.writeHead(404);
          res.end('not found');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}
