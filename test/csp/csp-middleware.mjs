// Serves the CSP probe pages under `/__csp/` with `Content-Security-Policy: default-src 'self'`
// (no 'unsafe-inline', no 'unsafe-eval'), and the standalone bundle from dist/ as built, untouched
// by the test runner's transforms. Used by test/hardening/csp.test.ts through web-test-runner.config.mjs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CSP_POLICY = "default-src 'self'";
const here = (name) => fileURLToPath(new URL(name, import.meta.url));
/** The bundle as `npm run build` makes it; CSP_BUNDLE=<path> probes another build instead. */
export const BUNDLE =
  process.env.CSP_BUNDLE || fileURLToPath(new URL('../../dist/rensei-session-list.bundle.js', import.meta.url));

const FILES = {
  'page.html': here('./page.html'),
  'canary.html': here('./canary.html'),
  'probe.js': here('./probe.js'),
  'setup.js': here('./setup.js'),
  'canary.js': here('./canary.js'),
  'bundle.js': BUNDLE,
  // The bundle under its own name in a folder; its chunks (below) beside it there and here.
  'actions.html': here('./actions.html'),
  'assets/rensei-session-list.bundle.js': BUNDLE,
};

export function cspMiddleware(ctx, next) {
  if (!ctx.path.startsWith('/__csp/')) return next();
  const name = ctx.path.slice('/__csp/'.length);
  // Every chunk the bundle fetches from beside itself (actions, sharing, error answers…), by name.
  const chunk = /^(assets\/)?rensei-session-list\.([\w-]+)\.js$/.exec(name);
  const file =
    FILES[name] ?? (chunk && chunk[2] !== 'bundle' ? BUNDLE.replace(/\.bundle\.js$/, `.${chunk[2]}.js`) : undefined);
  ctx.set('Cache-Control', 'no-store');
  if (!file || !existsSync(file)) {
    ctx.status = 404;
    ctx.type = 'text/plain';
    ctx.body =
      file === BUNDLE ? 'dist/rensei-session-list.bundle.js is missing: run `npm run build` first.\n' : 'Not found\n';
    return undefined;
  }
  ctx.set('Content-Security-Policy', CSP_POLICY);
  ctx.type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'text/javascript; charset=utf-8';
  ctx.body = readFileSync(file);
  return undefined;
}
