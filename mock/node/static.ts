// Static files over Node's HTTP, next to the mock API, for the tools that serve a built page on
// one origin with it (the benchmark, the consumer test). One MIME table and one path guard: a URL
// path is decoded, and whatever would land outside its root (`..`, `%2e%2e`, an encoded slash or
// backslash, a NUL, a malformed escape) is a 404. A directory answers its index.html, never a listing.

import { readFile, stat } from 'node:fs/promises';
import type { Server, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { MockRequestHandler } from './http.js';

export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface StaticOptions {
  /** A `Cache-Control` value for every file served (none by default). */
  cacheControl?: string;
}

/**
 * The file that `urlPath` (still percent-encoded, as it comes on the wire, without the query)
 * names below `root`; undefined when it is not a path (a malformed escape, a NUL, a backslash) or
 * resolves outside `root`. The answer may not exist: the caller reads it.
 */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  // A backslash is a separator on Windows and no part of a URL this serves anywhere.
  if (path.includes('\\') || path.includes('\0')) return undefined;
  const base = resolve(root);
  const file = join(base, path);
  const inside = base.endsWith(sep) ? base : base + sep;
  return file === base || file.startsWith(inside) ? file : undefined;
}

/** Reads `file`, or its index.html when it is a directory; undefined when there is none. */
async function readServable(file: string): Promise<{ path: string; body: Buffer } | undefined> {
  try {
    const path = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
    return { path, body: await readFile(path) };
  } catch {
    return undefined;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found');
}

/**
 * Serves GET and HEAD from `mounts`: a directory for the whole origin, or URL prefixes (each
 * ending in `/`) mapped to directories, tried in order until one has the file. What none has goes
 * to `next`, or is a 404; a path that leaves its mount's directory is a 404 at once.
 */
export function createStaticHandler(
  mounts: string | Readonly<Record<string, string>>,
  options: StaticOptions = {},
): MockRequestHandler {
  const table = Object.entries(typeof mounts === 'string' ? { '/': mounts } : mounts);
  return (req, res, next) => {
    const urlPath = (req.url ?? '/').split('?')[0]!;
    const passOn = () => (next ? next() : notFound(res));
    if (req.method !== 'GET' && req.method !== 'HEAD') return passOn();
    void (async () => {
      for (const [prefix, dir] of table) {
        if (!urlPath.startsWith(prefix)) continue;
        const file = resolveInside(dir, urlPath.slice(prefix.length));
        if (!file) return notFound(res);
        const found = await readServable(file);
        if (!found) continue;
        res.writeHead(200, {
          'content-type': MIME_TYPES[extname(found.path)] ?? 'application/octet-stream',
          'content-length': String(found.body.length),
          ...(options.cacheControl ? { 'cache-control': options.cacheControl } : {}),
        });
        return void res.end(req.method === 'HEAD' ? undefined : found.body);
      }
      passOn();
    })();
  };
}

/** Starts `server` on 127.0.0.1 at a free port; answers its origin. */
export async function listenOnLoopback(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}
