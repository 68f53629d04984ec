/**
 * The README's framework guides, compiled by each framework's own compiler inside the consumer
 * project (against the installed package): Vue 3 (@vue/compiler-sfc), Svelte 5 (svelte/compiler)
 * and Angular (ngc, strict templates); and the shipped JSX types for React 19, Preact and Solid,
 * type-checked with lines that must fail. The sources are fixtures/frameworks/ and fixtures/jsx/.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { assert, sh } from './steps.js';

/** Vue: the tag is a custom element (no component lookup), `.prop` sets properties, `@` listens. */
export async function compileVue(project: string): Promise<void> {
  const require = createRequire(join(project, 'package.json'));
  const sfc = require('@vue/compiler-sfc') as typeof import('@vue/compiler-sfc');
  const filename = join(project, 'frameworks/vue/SessionList.vue');
  // Vue decides component or element as it parses: the option goes to the parser too, as
  // @vitejs/plugin-vue passes it.
  const isCustomElement = (tag: string) => tag.includes('-');
  const { descriptor, errors } = sfc.parse(await readFile(filename, 'utf8'), {
    filename,
    templateParseOptions: { isCustomElement },
  });
  assert(errors.length === 0, `Vue could not parse the SFC: ${errors.join('; ')}`);
  const { content } = sfc.compileScript(descriptor, {
    id: 'sessions',
    inlineTemplate: true,
    templateOptions: { compilerOptions: { isCustomElement } },
  });
  assert(!content.includes('resolveComponent'), 'Vue looked <rensei-session-list> up as a component');
  assert(/"rensei-session-list"/.test(content), 'the compiled template has no <rensei-session-list>');
  assert(content.includes('".token"') && content.includes('".refreshInterval"'), '.prop bindings are not properties');
  assert(content.includes('onSessionSelect'), '@session-select was not compiled to a listener');
}

/** Svelte 5: compiles without errors or warnings, and listens to `session-select`. */
export async function compileSvelte(project: string): Promise<void> {
  const require = createRequire(join(project, 'package.json'));
  const { compile } = require('svelte/compiler') as typeof import('svelte/compiler');
  const filename = join(project, 'frameworks/svelte/SessionList.svelte');
  const result = compile(await readFile(filename, 'utf8'), { filename, generate: 'client' });
  const warnings = result.warnings.map((w) => `${w.code}: ${w.message}`);
  assert(warnings.length === 0, `Svelte warned: ${warnings.join('; ')}`);
  assert(result.js.code.includes('session-select'), 'the compiled component does not listen to session-select');
}

/** Angular: ngc with strict templates; `$event` is checked against HTMLElementEventMap. */
export async function compileAngular(project: string): Promise<void> {
  const dir = join(project, 'frameworks/angular');
  await sh(join(project, 'node_modules/.bin/ngc'), ['-p', 'tsconfig.json'], dir);
  const out = await readFile(join(project, 'frameworks/out/angular/sessions.component.js'), 'utf8');
  assert(out.includes('ɵɵdefineComponent'), 'ngc wrote no component definition');
  assert(out.includes('session-select'), 'the compiled template does not listen to session-select');
}

/** The shipped JSX types: tsc over fixtures/jsx/, whose `@ts-expect-error` lines must fail. */
export async function checkJsxTypes(project: string): Promise<void> {
  await sh(join(project, 'node_modules/.bin/tsc'), ['-p', 'jsx/tsconfig.json'], project);
}
