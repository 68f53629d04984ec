/**
 * `npm run test:consumer`: the package as a consumer gets it. Builds, packs the tarball, installs
 * it into a fresh project outside the repo (with TypeScript, Vite and React from the registry),
 * and then:
 *
 *   (a) type-checks consumers that import the package: the element, its properties, its event
 *       types, `rensei-session-list/element`, and the README's React JSX typing snippet
 *       (examples/react/src/rensei-session-list.d.ts), with `@ts-expect-error` lines that must fail;
 *   (b) bundles them with Vite and loads each page in Chromium against the mock API: rows visible,
 *       a row click reaches the host's code, `./element` registers nothing by itself;
 *   (c) loads dist/rensei-session-list.bundle.js, as installed, from a plain HTML page with no
 *       build step: rows visible.
 *
 * The project's pages are real files in consumer/fixtures/ (type-checked and linted in the repo
 * too); the work is in consumer/: project.ts (pack, install, the checks without a browser),
 * server.ts (one origin for the files and the mock, and its path guard checked), browser.ts (the
 * pages in Chromium), steps.ts (steps and the summary). This file is the order they run in.
 *
 * Exits non-zero on any failure, with a summary. `--keep` keeps the temporary project.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from './chromium.js';
import { checkElementEntry, checkPlainPage, checkReact, checkVanilla } from './consumer/browser.js';
import {
  bundle,
  checkManifest,
  checkSnippetDrift,
  packTarball,
  HOST_LIT,
  REPO,
  typeCheck,
  writeProject,
} from './consumer/project.js';
import { checkTraversal, serve, type TestServer } from './consumer/server.js';
import { checkJsxTypes, compileAngular, compileSvelte, compileVue } from './consumer/frameworks.js';
import {
  checkEditorFiles,
  checkOneLit,
  checkPackageFields,
  checkRequire,
  checkServerRender,
} from './consumer/packaging.js';
import { printSummary, sh, step, steps } from './consumer/steps.js';

const KEEP = process.argv.includes('--keep');
const DEADLINE_MS = 8 * 60_000;

async function main(): Promise<void> {
  const deadline = setTimeout(() => {
    process.stdout.write(`\n✗ consumer test: still running after ${DEADLINE_MS / 60_000} minutes, giving up\n`);
    process.exit(1);
  }, DEADLINE_MS);
  deadline.unref();

  const work = await mkdtemp(join(tmpdir(), 'rensei-consumer-'));
  const project = join(work, 'consumer');
  await mkdir(project);
  let browser: Browser | undefined;
  let server: TestServer | undefined;
  try {
    await step('build (npm run build)', () => sh('npm', ['run', 'build'], REPO));
    const tarball = await step('pack (npm pack)', () => packTarball(work));
    if (!tarball) return;
    const installed = await step('install the tarball into a fresh project', () => writeProject(project, tarball));
    if (installed === undefined && steps.at(-1)?.ok === false) return;
    const pkgDir = join(project, 'node_modules/rensei-session-list');

    await step('the manifest: package.json names it, and it points at files that ship', () => checkManifest(pkgDir));
    await step("the repo's React tests type JSX with the example's snippet (no drift)", checkSnippetDrift);
    await step('(a) type-check the TypeScript and React consumers (tsc, skipLibCheck off)', () => typeCheck(project));
    await step('(b) bundle the consumers with Vite', () => bundle(project));
    await step('package.json: unpkg/jsdelivr, web-types, LICENSE, ./bundle types, exports that ship, ranges', () =>
      checkPackageFields(pkgDir),
    );
    await step("require('rensei-session-list') in Node (the default condition)", () => checkRequire(project));
    await step('the editor files (VS Code, JetBrains) against their vendored JSON schemas', () =>
      checkEditorFiles(pkgDir),
    );
    await step(`one Lit: the host's lit@${HOST_LIT} serves the package too, nothing nested`, () =>
      checkOneLit(project, HOST_LIT),
    );
    await step('the installed package server-renders with @lit-labs/ssr', () => checkServerRender(project));
    await step('the Vue 3 guide compiles (@vue/compiler-sfc, isCustomElement, .prop, @session-select)', () =>
      compileVue(project),
    );
    await step('the Svelte 5 guide compiles (svelte/compiler), no warnings', () => compileSvelte(project));
    await step('the Angular guide compiles (ngc, strict templates, CUSTOM_ELEMENTS_SCHEMA)', () =>
      compileAngular(project),
    );
    await step('the shipped JSX types for React 19, Preact and Solid (tsc, lines that must fail)', () =>
      checkJsxTypes(project),
    );

    server = await serve({
      '/plain/': join(project, 'plain'),
      '/node_modules/': join(project, 'node_modules'),
      '/': join(project, 'dist'),
    });
    const origin = server.origin;
    await step("the test server keeps to its roots (no '..', encoded or not)", () => checkTraversal(origin));

    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const b = browser;
    await step('(b) the Vite-bundled TS consumer in Chromium: rows visible, typed events reach it', () =>
      checkVanilla(b, origin),
    );
    await step('(b) `rensei-session-list/element` in Chromium: registers nothing, works under a tag of its own', () =>
      checkElementEntry(b, origin),
    );
    await step('(b) the React 19 example in Chromium: rows visible, onsession-select gets the session', () =>
      checkReact(b, origin),
    );
    await step('(c) dist/rensei-session-list.bundle.js from a plain HTML page, no build step: rows visible', () =>
      checkPlainPage(b, origin),
    );
  } catch (error) {
    steps.push({
      name: 'consumer test',
      ok: false,
      ms: 0,
      detail: error instanceof Error ? error.stack : String(error),
    });
  } finally {
    await browser?.close().catch(() => {});
    await server?.close().catch(() => {});
    if (KEEP) process.stdout.write(`(kept ${work})\n`);
    else await rm(work, { recursive: true, force: true });
  }
}

await main();
process.exit(printSummary());
