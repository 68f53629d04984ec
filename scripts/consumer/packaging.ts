/**
 * What a package manager, a CDN, an editor and a server see of the installed package: the
 * package.json fields and what they point at, `require()`, the editor files against their
 * vendored JSON schemas (scripts/editor-schemas/), one copy of Lit next to the host's own, and a
 * server render with @lit-labs/ssr.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { REPO } from './project.js';
import { assert, readJson, sh } from './steps.js';

interface Pkg {
  version: string;
  license?: string;
  unpkg?: string;
  jsdelivr?: string;
  'web-types'?: string;
  repository?: unknown;
  homepage?: string;
  bugs?: unknown;
  keywords?: string[];
  dependencies: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** The fields a registry, a CDN and JetBrains IDEs read, each naming a file that ships. */
export async function checkPackageFields(pkgDir: string): Promise<void> {
  const pkg = await readJson<Pkg>(join(pkgDir, 'package.json'));
  const bundle = './dist/rensei-session-list.bundle.js';
  assert(pkg.unpkg === bundle && pkg.jsdelivr === bundle, `unpkg/jsdelivr: ${pkg.unpkg}, ${pkg.jsdelivr}`);
  assert(pkg['web-types'] && (await exists(join(pkgDir, pkg['web-types']))), `web-types: ${pkg['web-types']}`);
  assert(pkg.license === 'MIT' && (await exists(join(pkgDir, 'LICENSE'))), 'no MIT LICENSE file');
  assert(pkg.repository && pkg.homepage && pkg.bugs && pkg.keywords?.length, 'repository/homepage/bugs/keywords');
  const bundleTypes = pkg.exports['./bundle'];
  assert(typeof bundleTypes === 'object' && bundleTypes.types, './bundle has no types');
  for (const [name, target] of Object.entries(pkg.exports)) {
    for (const file of typeof target === 'string' ? [target] : Object.values(target)) {
      assert(await exists(join(pkgDir, file)), `exports["${name}"] names ${file}, which does not ship`);
    }
  }
  // Shared with the host: ranges, not pins (a pin puts a second Lit on most pages).
  for (const dep of ['lit', '@lit/task', 'zod']) {
    assert(pkg.dependencies[dep]?.startsWith('^'), `${dep} is pinned (${pkg.dependencies[dep]}), not a caret range`);
  }
}

/** `require('rensei-session-list')` resolves (the `default` condition) and loads, in Node. */
export async function checkRequire(project: string): Promise<void> {
  const script = [
    "const entry = require.resolve('rensei-session-list');",
    "const el = require('rensei-session-list');",
    "if (typeof el.RenseiSessionList !== 'function') throw new Error('no RenseiSessionList from require()');",
    "require.resolve('rensei-session-list/element');",
    'console.log(entry);',
  ].join('\n');
  const out = await sh('node', ['-e', script], project);
  assert(out.includes('dist/index.js'), `require() resolved to ${out}`);
}

/** Each editor file is valid against its schema, and a broken copy of each is not (the check bites). */
export async function checkEditorFiles(pkgDir: string): Promise<void> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const schema = async (name: string) =>
    JSON.parse(await readFile(join(REPO, 'scripts/editor-schemas', `${name}.schema.json`), 'utf8')) as object;
  const files: [schema: string, file: string, breakIt: (data: Record<string, unknown>) => void][] = [
    ['vscode-html-custom-data', 'dist/editors/vscode.html-custom-data.json', (d) => ((d.tags as object[])[0] = {})],
    ['vscode-css-custom-data', 'dist/editors/vscode.css-custom-data.json', (d) => ((d.properties as object[])[0] = {})],
    ['web-types', 'dist/editors/web-types.json', (d) => delete d.contributions],
  ];
  const problems: string[] = [];
  for (const [name, file, breakIt] of files) {
    const validate = ajv.compile(await schema(name));
    const data = await readJson<Record<string, unknown>>(join(pkgDir, file));
    if (!validate(data)) problems.push(`${file}: ${ajv.errorsText(validate.errors)}`);
    if (!file.includes('css') && !JSON.stringify(data).includes('rensei-session-list')) {
      problems.push(`${file} does not name the element`);
    }
    breakIt(data);
    if (validate(data)) problems.push(`${name}'s schema accepts a broken ${file}`);
  }
  const html = await readJson<{ tags: { name: string; attributes: { name: string }[] }[] }>(
    join(pkgDir, 'dist/editors/vscode.html-custom-data.json'),
  );
  const attributes = html.tags[0]?.attributes.map((a) => a.name) ?? [];
  for (const name of ['project', 'api-base', 'refresh-interval']) {
    if (!attributes.includes(name)) problems.push(`the VS Code data lacks the ${name} attribute`);
  }
  const css = await readFile(join(pkgDir, 'dist/editors/vscode.css-custom-data.json'), 'utf8');
  if (!css.includes('--rensei-color-accent') || !css.includes('status-filter')) {
    problems.push('the VS Code CSS data lacks the custom properties or the parts');
  }
  assert(problems.length === 0, problems.join('\n'));
}

/** One Lit: the host's own (another patch version) serves the package too; nothing nested. */
export async function checkOneLit(project: string, hostLit: string): Promise<void> {
  const nested = join(project, 'node_modules/rensei-session-list/node_modules');
  for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element']) {
    assert(!(await exists(join(nested, name))), `the package installed its own ${name} next to the host's`);
  }
  const { version } = await readJson<{ version: string }>(join(project, 'node_modules/lit/package.json'));
  assert(version === hostLit, `the host's lit is ${version}, not ${hostLit}`);
}

/** The installed package renders on a server: the shell, in a declarative shadow root. */
export async function checkServerRender(project: string): Promise<void> {
  const script = `
    import { render } from '@lit-labs/ssr';
    import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
    import { html } from 'lit';
    import 'rensei-session-list';
    const out = await collectResult(render(html\`<rensei-session-list project="web"></rensei-session-list>\`));
    for (const want of ['shadowrootmode="open"', 'part="status-filter"', 'part="search"', 'part="loading"']) {
      if (!out.includes(want)) throw new Error('the server render lacks ' + want);
    }
    console.log('ok');`;
  const out = await sh('node', ['--input-type=module', '-e', script], project);
  assert(out.includes('ok'), out);
}
