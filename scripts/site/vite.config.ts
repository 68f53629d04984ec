/**
 * `npm run build:site`: the demo and the API page as a static site in build/site/, plain files that
 * run from any static host over HTTPS or on localhost, under any sub-path. There is no server: each
 * page starts the mock inside itself (demo/playground.ts, behind MSW's service worker) before its
 * own script runs. Every URL is relative (`base: './'`), so the folder can move anywhere.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { versionDefine } from '../version-define.js';

const repo = resolve(import.meta.dirname, '../..');
const demo = resolve(repo, 'demo');

/** On file:// no module script runs (and no service worker would): say so at once, in a classic script. */
const EXPLAIN_FILE_URL = `if (location.protocol === 'file:') document.write('<p class="playground-error" role="alert">This playground runs its mock API in a service worker, which browsers refuse on file://. Serve this folder with any static server and open it on localhost, or put it on any HTTPS host.</p>');`;

/** Each page's `<script type="module" src="./x.ts">` runs only once the mock is up. */
function bootMockFirst(): Plugin {
  return {
    name: 'rensei:boot-mock-first',
    // package.json's `sideEffects` names the element's entries only: a demo page's script, imported
    // once the mock is up, would otherwise be dropped as unused.
    transform: (code, id) => (id.startsWith(demo) && id.endsWith('.ts') ? { code, moduleSideEffects: true } : null),
    transformIndexHtml: {
      order: 'pre',
      handler: (page) =>
        page
          .replace('<body>', `<body>\n    <script>${EXPLAIN_FILE_URL}</script>`)
          .replace(
            /<script type="module" src="(\.\/[\w-]+\.ts)"><\/script>/,
            (_tag, entry: string) =>
              `<script type="module">import { startPlayground } from './playground.ts'; await startPlayground(); await import('${entry}');</script>`,
          ),
    },
  };
}

/** MSW's worker script, beside the pages: its folder is the scope it controls. */
function mswWorker(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'rensei:msw-worker',
    generateBundle() {
      const source = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source });
    },
  };
}

export default defineConfig({
  root: demo,
  base: './',
  plugins: [bootMockFirst(), mswWorker()],
  define: versionDefine,
  build: {
    outDir: resolve(repo, 'build/site'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { index: resolve(demo, 'index.html'), api: resolve(demo, 'api.html') },
    },
  },
});
