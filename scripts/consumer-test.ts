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
 * Exits non-zero on any failure, with a summary. `--keep` keeps the temporary project.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createMockApi, EXAMPLE_API_KEY } from '../mock/api.js';
import { createMockRequestHandler } from '../mock/node/http.js';
import { chromiumArgs, chromiumPath } from './chromium.js';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('..', import.meta.url));
const KEEP = process.argv.includes('--keep');
const DEADLINE_MS = 8 * 60_000;
const MOCK_TIME = '2026-06-02T15:00:00Z';

interface Step {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}
const steps: Step[] = [];

async function step<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  const started = Date.now();
  process.stdout.write(`… ${name}\n`);
  try {
    const value = await body();
    steps.push({ name, ok: true, ms: Date.now() - started });
    process.stdout.write(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    steps.push({ name, ok: false, ms: Date.now() - started, detail });
    process.stdout.write(`✗ ${name}\n${indent(detail)}\n`);
    return undefined;
  }
}

const indent = (text: string) =>
  text
    .trim()
    .split('\n')
    .slice(0, 60)
    .map((line) => `    ${line}`)
    .join('\n');

async function sh(command: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout, stderr } = await run(command, args, {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed:\n${stdout}${stderr}`, { cause: error });
  }
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// ——— the consumer project ———

async function readJson<T = Record<string, unknown>>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

const VANILLA_TS = `
import { RenseiSessionList, SessionSelectEvent, type Session, type SessionsLoadEvent } from 'rensei-session-list';

// The tag map: createElement answers the class, with its properties typed.
const el: RenseiSessionList = document.createElement('rensei-session-list');
el.apiBase = location.origin;
el.project = 'web';
el.token = ${JSON.stringify(EXAMPLE_API_KEY)};
el.refreshInterval = 0;
el.strings = { loading: 'Loading sessions…' };

const picked: Session[] = [];
el.addEventListener('session-select', (event) => {
  const id: string = event.detail.session.id; // typed from HTMLElementEventMap, no cast
  picked.push(event.detail.session);
  document.body.dataset.picked = id;
  document.body.dataset.pickedIsEvent = String(event instanceof SessionSelectEvent);
});
el.addEventListener('sessions-load', (event: SessionsLoadEvent) => {
  document.body.dataset.total = String(event.detail.total);
});
el.addEventListener('sessions-error', (event) => {
  document.body.dataset.error = event.detail.message;
});
document.body.dataset.version = RenseiSessionList.version;
document.body.append(el);
`;

const ELEMENT_TS = `
import { RenseiSessionList, TAG_NAME, type SessionSelectEvent } from 'rensei-session-list/element';

// The side-effect-free entry registered nothing: the host picks the tag.
document.body.dataset.defaultTagTaken = String(Boolean(customElements.get(TAG_NAME)));
RenseiSessionList.define('acme-sessions');
const el = document.createElement('acme-sessions') as RenseiSessionList;
Object.assign(el, { apiBase: location.origin, project: 'web', token: ${JSON.stringify(EXAMPLE_API_KEY)}, refreshInterval: 0 });
el.addEventListener('session-select', (event: SessionSelectEvent) => {
  document.body.dataset.picked = event.detail.session.id;
});
document.body.append(el);
`;

const TYPE_ERRORS_TS = `
// Misuse the types must refuse: each line below has to be a compile error.
import type { RenseiSessionList } from 'rensei-session-list';
declare const el: RenseiSessionList;
// @ts-expect-error: no such field on the detail
el.addEventListener('session-select', (event) => event.detail.nope);
// @ts-expect-error: refreshInterval is a number
el.refreshInterval = 'often';
// @ts-expect-error: sessions is read-only
el.sessions = [];
// @ts-expect-error: an unknown property in JSX
export const bad = <rensei-session-list projct="web" />;
// @ts-expect-error: the handler gets a SessionSelectEvent, whose detail has no total
export const worse = <rensei-session-list onsession-select={(event) => event.detail.total.toFixed()} />;
`;

const REACT_MAIN_TSX = `
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <App apiBase={location.origin} token={${JSON.stringify(EXAMPLE_API_KEY)}} refreshInterval={0} />,
);
`;

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>${title}</title></head>
  <body>
${body}
  </body>
</html>
`;

// As a plain page would: attributes in the markup (the API behind the page's own origin), and the
// key set as a property before the bundle upgrades the element (it is never an attribute).
const PLAIN_HTML = page(
  'plain page, no build step',
  `    <rensei-session-list api-base="/" project="web" refresh-interval="0"></rensei-session-list>
    <script type="module">
      const el = document.querySelector('rensei-session-list');
      el.token = ${JSON.stringify(EXAMPLE_API_KEY)};
      el.addEventListener('session-select', (event) => (document.body.dataset.picked = event.detail.session.id));
    </script>
    <script type="module" src="/node_modules/rensei-session-list/dist/rensei-session-list.bundle.js"></script>`,
);

async function writeProject(dir: string, tarball: string): Promise<void> {
  const repoPkg = await readJson<{ devDependencies: Record<string, string> }>(join(REPO, 'package.json'));
  const pin = (name: string) => {
    const version = repoPkg.devDependencies[name];
    assert(version, `package.json has no devDependency ${name} to pin`);
    return `${name}@${version}`;
  };
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'rensei-consumer', private: true, type: 'module' }, null, 2),
  );
  await writeFile(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          jsx: 'react-jsx',
          strict: true,
          noEmit: true,
          isolatedModules: true,
          // The package's own declaration files are checked too.
          skipLibCheck: false,
          types: [],
        },
        include: ['src'],
      },
      null,
      2,
    ),
  );
  await writeFile(
    join(dir, 'vite.config.ts'),
    `import { defineConfig } from 'vite';
export default defineConfig({
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: { rolldownOptions: { input: { vanilla: 'vanilla.html', element: 'element.html', react: 'react.html' } } },
});
`,
  );
  await mkdir(join(dir, 'src'));
  await mkdir(join(dir, 'plain'));
  // The README's React example and JSX typing snippet, as they are in the repo (its main.tsx is
  // type-checked too; the page here mounts App with the mock's origin instead).
  for (const file of ['App.tsx', 'rensei-session-list.d.ts', 'main.tsx', 'vite-env.d.ts']) {
    await cp(join(REPO, 'examples/react/src', file), join(dir, 'src', file === 'main.tsx' ? 'example-main.tsx' : file));
  }
  await writeFile(join(dir, 'src/vanilla.ts'), VANILLA_TS);
  await writeFile(join(dir, 'src/element-entry.ts'), ELEMENT_TS);
  await writeFile(join(dir, 'src/type-errors.tsx'), TYPE_ERRORS_TS);
  await writeFile(join(dir, 'src/react-main.tsx'), REACT_MAIN_TSX);
  await writeFile(
    join(dir, 'vanilla.html'),
    page('vanilla TS', `    <script type="module" src="/src/vanilla.ts"></script>`),
  );
  await writeFile(
    join(dir, 'element.html'),
    page('./element', `    <script type="module" src="/src/element-entry.ts"></script>`),
  );
  await writeFile(
    join(dir, 'react.html'),
    page('React 19', `    <div id="root"></div>\n    <script type="module" src="/src/react-main.tsx"></script>`),
  );
  await writeFile(join(dir, 'plain/index.html'), PLAIN_HTML);
  await sh(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      tarball,
      pin('typescript'),
      pin('vite'),
      pin('react'),
      pin('react-dom'),
      pin('@types/react'),
      pin('@types/react-dom'),
    ],
    dir,
  );
}

// ——— a server: static files and the mock API on one origin ———

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

async function serve(roots: Record<string, string>): Promise<{ origin: string; close: () => Promise<void> }> {
  const api = createMockApi({ seed: 1, time: MOCK_TIME });
  const mock = createMockRequestHandler(api);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (/^\/(api\/public|__mock)(\/|$)/.test(url.pathname)) return void mock(req, res);
    void (async () => {
      for (const [prefix, dir] of Object.entries(roots)) {
        if (!url.pathname.startsWith(prefix)) continue;
        const file = normalize(join(dir, decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!file.startsWith(resolve(dir) + sep) && file !== resolve(dir)) break;
        try {
          const info = await stat(file);
          const path = info.isDirectory() ? join(file, 'index.html') : file;
          const body = await readFile(path);
          res.writeHead(200, { 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
          return void res.end(body);
        } catch {
          /* try the next root */
        }
      }
      res.writeHead(404).end('not found');
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

// ——— the browser ———

async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  const response = await page.goto(url);
  assert(response?.ok(), `${url}: HTTP ${response?.status()}`);
  return { page, problems };
}

/** Waits for rows in `selector`'s shadow root; answers how many. */
async function rowsIn(page: Page, selector: string): Promise<number> {
  try {
    await page.waitForFunction(
      (sel) => (document.querySelector(sel)?.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0) > 0,
      selector,
      { timeout: 15_000 },
    );
  } catch {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return {
        defined: el ? Boolean(customElements.get(el.localName)) : false,
        text: el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 300) ?? '(no shadow root)',
        body: JSON.stringify(document.body.dataset),
      };
    }, selector);
    throw new Error(`no rows in ${selector}: ${JSON.stringify(state)}`);
  }
  return page.evaluate(
    (sel) => document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part~="row"]').length,
    selector,
  );
}

/** Clicks the first row; answers its session id. */
async function clickFirstRow(page: Page, selector: string): Promise<string> {
  const row = page.locator(`${selector} [part~="row"]`).first();
  const id = await row.getAttribute('data-session-id');
  assert(id, 'the first row has no data-session-id');
  await row.click();
  return id;
}

function noProblems(problems: string[]): void {
  assert(problems.length === 0, problems.join('\n'));
}

// ——— main ———

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
  let server: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    await step('build (npm run build)', () => sh('npm', ['run', 'build'], REPO));

    const tarball = await step('pack (npm pack)', async () => {
      const out = await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], REPO);
      const json = out.slice(out.indexOf('['));
      const [info] = JSON.parse(json) as [{ filename: string; files: { path: string }[] }];
      const files = info.files.map((file) => file.path);
      for (const needed of [
        'package.json',
        'README.md',
        'CHANGELOG.md',
        'custom-elements.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/element.js',
        'dist/element.d.ts',
        'dist/events.d.ts',
        'dist/rensei-session-list.bundle.js',
      ]) {
        assert(files.includes(needed), `the tarball lacks ${needed}`);
      }
      const strays = files.filter((path) => /^(src|test|mock|demo|scripts|bench|examples)\//.test(path));
      assert(strays.length === 0, `the tarball ships sources: ${strays.slice(0, 5).join(', ')}`);
      return join(work, info.filename);
    });
    if (!tarball) return;

    const installed = await step('install the tarball into a fresh project', () => writeProject(project, tarball));
    if (installed === undefined && steps.at(-1)?.ok === false) return;
    const pkgDir = join(project, 'node_modules/rensei-session-list');

    await step('the manifest: package.json names it, and it points at files that ship', async () => {
      const pkg = await readJson<{ customElements?: string; version: string }>(join(pkgDir, 'package.json'));
      assert(pkg.customElements === 'custom-elements.json', `customElements is ${pkg.customElements}`);
      const manifest = await readJson<{
        modules: {
          path: string;
          declarations?: { tagName?: string; name: string; members?: { name: string; default?: string }[] }[];
        }[];
      }>(join(pkgDir, pkg.customElements));
      const element = manifest.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName);
      assert(element?.tagName === 'rensei-session-list', 'no declaration of <rensei-session-list>');
      const version = element.members?.find((member) => member.name === 'version')?.default;
      assert(version === `'${pkg.version}'`, `the manifest's version ${version} is not the package's ${pkg.version}`);
      for (const mod of manifest.modules) {
        await stat(join(pkgDir, mod.path)).catch(() => {
          throw new Error(`the manifest names ${mod.path}, which the package does not ship`);
        });
      }
    });

    await step("the repo's React tests type JSX with the example's snippet (no drift)", async () => {
      const body = async (path: string) => {
        const text = await readFile(join(REPO, path), 'utf8');
        return text.slice(text.indexOf('type RenseiSessionListProps'));
      };
      const snippet = await body('examples/react/src/rensei-session-list.d.ts');
      assert(snippet.includes("'rensei-session-list': RenseiSessionListProps"), 'the snippet declares no JSX element');
      assert(snippet === (await body('test/react/jsx.d.ts')), 'test/react/jsx.d.ts differs from the example snippet');
    });

    await step('(a) type-check the TypeScript and React consumers (tsc, skipLibCheck off)', async () => {
      await sh(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);
    });

    await step('(b) bundle the consumers with Vite', async () => {
      await sh(join(project, 'node_modules/.bin/vite'), ['build'], project);
      const registration = await readFile(join(project, 'dist/element.html'), 'utf8');
      assert(registration.includes('<script'), 'vite wrote no element.html');
    });

    server = await serve({
      '/plain/': join(project, 'plain'),
      '/node_modules/': join(project, 'node_modules'),
      '/': join(project, 'dist'),
    });
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const origin = server.origin;
    const b = browser;

    await step('(b) the Vite-bundled TS consumer in Chromium: rows visible, typed events reach it', async () => {
      const { page, problems } = await openPage(b, `${origin}/vanilla.html`);
      const rows = await rowsIn(page, 'rensei-session-list');
      const id = await clickFirstRow(page, 'rensei-session-list');
      await page.waitForFunction((want) => document.body.dataset.picked === want, id, { timeout: 5000 });
      const data = await page.evaluate(() => ({ ...document.body.dataset }));
      assert(data.pickedIsEvent === 'true', 'the event is not a SessionSelectEvent');
      assert(Number(data.total) > 0, `sessions-load said total=${data.total}`);
      noProblems(problems);
      await page.close();
      return rows;
    });

    await step(
      '(b) `rensei-session-list/element` in Chromium: registers nothing, works under a tag of its own',
      async () => {
        const { page, problems } = await openPage(b, `${origin}/element.html`);
        await rowsIn(page, 'acme-sessions');
        const data = await page.evaluate(() => ({
          defaultTagTaken: document.body.dataset.defaultTagTaken,
          stillFree: customElements.get('rensei-session-list') === undefined,
        }));
        assert(
          data.defaultTagTaken === 'false' && data.stillFree,
          `./element registered <rensei-session-list>: ${JSON.stringify(data)}`,
        );
        noProblems(problems);
        await page.close();
      },
    );

    await step('(b) the React 19 example in Chromium: rows visible, onsession-select gets the session', async () => {
      const { page, problems } = await openPage(b, `${origin}/react.html`);
      await rowsIn(page, 'rensei-session-list');
      const id = await clickFirstRow(page, 'rensei-session-list');
      await page.waitForFunction(
        (want) => document.querySelector('[data-picked]')?.getAttribute('data-picked') === want,
        id,
        {
          timeout: 5000,
        },
      );
      const selected = await page.evaluate(() =>
        document.querySelector('rensei-session-list')!.getAttribute('selected'),
      );
      assert(selected === id, `the picked row is not marked selected (selected=${selected})`);
      const tokenAttribute = await page.evaluate(() =>
        document.querySelector('rensei-session-list')!.hasAttribute('token'),
      );
      assert(!tokenAttribute, 'React wrote the token into an attribute');
      noProblems(problems);
      await page.close();
    });

    await step(
      '(c) dist/rensei-session-list.bundle.js from a plain HTML page, no build step: rows visible',
      async () => {
        const { page, problems } = await openPage(b, `${origin}/plain/`);
        await rowsIn(page, 'rensei-session-list');
        const id = await clickFirstRow(page, 'rensei-session-list');
        await page.waitForFunction((want) => document.body.dataset.picked === want, id, { timeout: 5000 });
        noProblems(problems);
        await page.close();
      },
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
const failed = steps.filter((s) => !s.ok);
process.stdout.write('\nConsumer test summary\n');
for (const s of steps)
  process.stdout.write(`  ${s.ok ? '✓' : '✗'} ${s.name}${s.ok ? '' : ` — ${s.detail?.split('\n')[0]}`}\n`);
const seconds = (steps.reduce((sum, s) => sum + s.ms, 0) / 1000).toFixed(0);
// Not the "N passed, M failed" form: CI reads that line from `npm test` alone.
process.stdout.write(
  failed.length
    ? `\nconsumer test FAILED: ${failed.length} of ${steps.length} steps (${seconds} s)\n`
    : `\nconsumer test ok: all ${steps.length} steps (${seconds} s)\n`,
);
process.exit(failed.length ? 1 : 0);
