// The mock API over Node's HTTP: one handler for the Vite dev server (connect middleware), the
// test runner (Koa, via ctx.req / ctx.res) and the standalone server. It also acts out the
// transport faults the pure API can only describe: a connection reset mid-body, and a hang.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockApi, MockRequest, MockResponse } from '../api.js';

export type MockRequestHandler = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

const MOCK_PATHS = /^\/(api\/public|__mock)(\/|$)/;
/** Control bodies are a few hundred bytes; anything far bigger is a mistake. */
const MAX_BODY_BYTES = 1 << 20;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('Request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function toMockRequest(req: IncomingMessage, body: string): MockRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers))
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { method: req.method ?? 'GET', url: req.url ?? '/', headers, body };
}

function send(res: ServerResponse, response: MockResponse): void {
  if (response.fault === 'hang') return; // Never answer; Node frees the socket when the client gives up.
  if (response.fault === 'refuse') return void res.socket?.destroy(); // No answer at all: a network error.
  const body = Buffer.from(response.body, 'utf8');
  res.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  if (response.fault === 'reset') {
    // Promise the whole body, deliver half, then drop the connection.
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.end(body);
}

export function createMockRequestHandler(api: MockApi): MockRequestHandler {
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0];
    if (!MOCK_PATHS.test(path)) {
      if (next) next();
      else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found. The mock serves /api/public/sessions and /__mock/{state,control,reset}.\n');
      }
      return;
    }
    readBody(req)
      .then((body) => {
        const response = api.handle(toMockRequest(req, body));
        if (!response.delayMs) return send(res, response);
        const timer = setTimeout(() => send(res, response), response.delayMs);
        // A client that gives up waiting takes the pending answer with it.
        res.on('close', () => clearTimeout(timer));
      })
      .catch((error: unknown) => {
        if (res.headersSent || res.destroyed) return;
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: error instanceof Error ? error.message : 'Mock failure' }));
      });
  };
}
