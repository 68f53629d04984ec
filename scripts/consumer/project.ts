/**
 * The consumer project: pack the package (and check what the tarball holds), install it into a
 * fresh project built from fixtures/ and the README's React example, and the checks that need no
 * browser: the installed manifest, the JSX snippet's drift, tsc and Vite inside that project.
 */
import { cp, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_API_KEY } from '../../mock/api.js';
import { assert, readJson, sh } from './steps.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** The project's pages and Vite config, laid out as in the project (type-checked in the repo too). */
const FIXTURES = fileURLToPath(new URL('fixtures', import.meta.url));

/** Packs the package into `work` without rebuilding; answers the tarball's path. */
export async function packTarball(work: string): Promise<string> {
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
    'LICENSE',
    'dist/editors/vscode.html-custom-data.json',
    'dist/editors/vscode.css-custom-data.json',
    'dist/editors/web-types.json',
    'dist/types/react.d.ts',
    'dist/types/preact.d.ts',
    'dist/types/solid.d.ts',
  ]) {
    assert(files.includes(needed), `the tarball lacks ${needed}`);
  }
  const strays = files.filter((path) => /^(src|test|mock|demo|scripts|bench|examples)\//.test(path));
  assert(strays.length === 0, `the tarball ships sources: ${strays.slice(0, 5).join(', ')}`);
  // Source maps stay out: they were 615 KB of an 880 KB tarball (the build keeps them for its tools).
  const maps = files.filter((path) => path.endsWith('.map'));
  assert(maps.length === 0, `the tarball ships source maps: ${maps.slice(0, 3).join(', ')}`);
  return join(work, info.filename);
}

/** The fixtures can't import the mock: they spell its key out, and must spell it right. */
async function checkFixtureKey(): Promise<void> {
  for (const file of ['src/mock-key.ts', 'plain/index.html']) {
    const text = await readFile(join(FIXTURES, file), 'utf8');
    assert(text.includes(`'${EXAMPLE_API_KEY}'`), `fixtures/${file} does not use the mock's key ${EXAMPLE_API_KEY}`);
  }
}

/**
 * The host's own Lit: another patch version than the one the repo locks (3.3.3), which the
 * package's caret range accepts, so npm installs one copy for both.
 */
export const HOST_LIT = '3.3.2';

/**
 * Lays the project out in `dir` and installs the tarball, with TypeScript, Vite and React, the
 * framework compilers of the guides (Vue, Svelte, Angular), Preact and Solid for their JSX types,
 * @lit-labs/ssr, and a Lit of the host's own.
 */
export async function writeProject(dir: string, tarball: string): Promise<void> {
  await checkFixtureKey();
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
  // vite.config.ts, the pages (vanilla.html, element.html, react.html, plain/index.html) and src/.
  await cp(FIXTURES, dir, { recursive: true });
  // The README's React example and JSX typing snippet, as they are in the repo (its main.tsx is
  // type-checked too; the page here mounts App with the mock's origin instead).
  for (const file of ['App.tsx', 'rensei-session-list.d.ts', 'main.tsx', 'vite-env.d.ts']) {
    await cp(join(REPO, 'examples/react/src', file), join(dir, 'src', file === 'main.tsx' ? 'example-main.tsx' : file));
  }
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
      pin('@vue/compiler-sfc'),
      pin('svelte'),
      pin('@angular/core'),
      pin('@angular/compiler'),
      pin('@angular/compiler-cli'),
      pin('rxjs'),
      pin('preact'),
      pin('solid-js'),
      pin('@lit-labs/ssr'),
      `lit@${HOST_LIT}`,
    ],
    dir,
  );
}

/** The installed package.json names the manifest, which declares the element and ships its files. */
export async function checkManifest(pkgDir: string): Promise<void> {
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
}

/** test/react/jsx.d.ts is the example's snippet, but for its import. */
export async function checkSnippetDrift(): Promise<void> {
  const body = async (path: string) => {
    const text = await readFile(join(REPO, path), 'utf8');
    return text.slice(text.indexOf('type RenseiSessionListProps'));
  };
  const snippet = await body('examples/react/src/rensei-session-list.d.ts');
  assert(snippet.includes("'rensei-session-list': RenseiSessionListProps"), 'the snippet declares no JSX element');
  assert(snippet === (await body('test/react/jsx.d.ts')), 'test/react/jsx.d.ts differs from the example snippet');
}

/** tsc in the project, against the packed declarations (skipLibCheck off). */
export async function typeCheck(project: string): Promise<void> {
  await sh(join(project, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'], project);
}

/** Vite bundles the project's three pages. */
export async function bundle(project: string): Promise<void> {
  await sh(join(project, 'node_modules/.bin/vite'), ['build'], project);
  const registration = await readFile(join(project, 'dist/element.html'), 'utf8');
  assert(registration.includes('<script'), 'vite wrote no element.html');
}
