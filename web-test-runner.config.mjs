// Browser tests: real Chromium (the system one), TypeScript through esbuild with our tsconfig
// (Lit's reactive properties need useDefineForClassFields: false), the version written in as the
// build does.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { reactEsmPlugin } from './test/react/react-esm-plugin.mjs';
// Hardening: the strict-CSP probe pages (test/csp/), and heap readings over CDP for the soak test.
import { cspMiddleware } from './test/csp/csp-middleware.mjs';
import { heapPlugin } from './test/helpers/heap-plugin.mjs';
// Server rendering: a page rendered in Node by @lit-labs/ssr, for test/ssr/ to hydrate.
import { ssrMiddleware } from './test/ssr/ssr-middleware.mjs';
// TypeScript modules, loaded through tsx (`npm test` runs the runner with `--import tsx`).
import { createMockApi } from './mock/api.ts';
import { createMockRequestHandler } from './mock/node/http.ts';
import { chromiumArgs, chromiumPath } from './scripts/chromium.ts';
import { versionDefine } from './scripts/version-define.ts';

// The mock API, on the test server's own origin: tests reach it at `/api/public/sessions` and
// drive it (faults, reset, clock) through `/__mock/*`. Other paths go on to the test files.
const mockApi = createMockApi();
const serveMock = createMockRequestHandler(mockApi);
function mockMiddleware(ctx, next) {
  if (!/^\/(api\/public|__mock)(\/|$)/.test(ctx.path)) return next();
  ctx.respond = false;
  return new Promise((resolve) => {
    ctx.res.on('close', resolve);
    serveMock(ctx.req, ctx.res);
  });
}

export default {
  files: ['test/**/*.test.{ts,tsx}'],
  middleware: [mockMiddleware, cspMiddleware, ssrMiddleware],
  nodeResolve: true,
  // One page at a time: a background tab is document.hidden, which pauses live refresh by design.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      tsx: true,
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      define: versionDefine,
    }),
    // React ships CommonJS only: test/react/ gets it as ES modules.
    reactEsmPlugin(),
    heapPlugin(),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } })],
  reporters: [defaultReporter(), countReporter()],
};
