// The Custom Elements Manifest (custom-elements.json), from the JSDoc on the element's class:
// `npm run analyze` (part of `npm run build` and of `npm test`). `litelement` makes the analyzer
// read Lit's `static properties` (`attribute`, `reflect`, `type`; `state: true` is private).
//
// The analyzer reads src/; the package ships dist/, which mirrors it (vite builds one file per
// module), so the plugins below point each module at the file a consumer has, and keep to what
// the package exports (its entries `.` and `./element`), without private members.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { frameworkTypes } from './scripts/framework-types.mjs';

const ENTRIES = ['src/index.ts', 'src/element.ts'];

/** `./x.js` in `src/a/b.ts` (or `src/a/x.js`) → `src/a/x.ts`: by source path, like module paths. */
function resolveFrom(modulePath, specifier) {
  const path = specifier.startsWith('.') ? posix.join(posix.dirname(modulePath), specifier) : specifier;
  return path.startsWith('src/') ? path.replace(/\.js$/, '.ts') : path;
}

/** Re-exports name modules as written (`./events.js`): name them from the package root. */
function normaliseReferences() {
  return {
    name: 'rensei:normalise-references',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const exp of mod.exports ?? []) {
          if (exp.declaration?.module) exp.declaration.module = resolveFrom(mod.path, exp.declaration.module);
        }
      }
    },
  };
}

/** Keeps the public surface: what the entries export, and no private or `#private` members. */
function publicOnly() {
  return {
    name: 'rensei:public-only',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      const byPath = new Map(modules.map((mod) => [mod.path, mod]));
      const kept = new Map(); // module path → declaration names kept
      const keep = (path, name) => kept.set(path, (kept.get(path) ?? new Set()).add(name));
      const seen = new Set();
      const visit = (path) => {
        if (seen.has(path)) return;
        seen.add(path);
        const mod = byPath.get(path);
        if (!mod) return;
        for (const exp of mod.exports ?? []) {
          const target = exp.declaration?.module ?? path;
          if (exp.name === '*') visit(target);
          else if (exp.kind === 'js') keep(target, exp.declaration.name);
        }
        for (const declaration of mod.declarations ?? []) {
          if ((mod.exports ?? []).some((exp) => exp.declaration?.name === declaration.name))
            keep(path, declaration.name);
        }
      };
      ENTRIES.forEach(visit);
      customElementsManifest.modules = modules
        .filter(
          (mod) => ENTRIES.includes(mod.path) || (mod.declarations ?? []).some((d) => kept.get(mod.path)?.has(d.name)),
        )
        .map((mod) => {
          const names = kept.get(mod.path) ?? new Set();
          if (ENTRIES.includes(mod.path)) return mod;
          return {
            ...mod,
            declarations: (mod.declarations ?? []).filter((d) => names.has(d.name)),
            exports: (mod.exports ?? []).filter((exp) => names.has(exp.declaration?.name)),
          };
        });
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter(
              (member) => member.privacy !== 'private' && !member.name.startsWith('#'),
            );
          }
        }
      }
    },
  };
}

function tidyElement() {
  return {
    name: 'rensei:tidy-element',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules;
      // The version is written in at build time (`__RENSEI_VERSION__`): the manifest says its value.
      const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const member of declaration.members ?? []) {
            if (member.default === '__RENSEI_VERSION__') member.default = `'${version}'`;
          }
          // `this.dispatchEvent(new SessionsLoadEvent(…))` is found too, without a name: the
          // JSDoc @fires entries are the documented ones.
          declaration.events = (declaration.events ?? []).filter((event) => event.name);
        }
      }
      // The default entry registers the element (through `RenseiSessionList.define()`, which the
      // analyzer cannot follow): say so, as a `customElements.define` would.
      const entry = modules.find((mod) => mod.path === 'src/index.ts');
      const element = modules
        .flatMap((mod) => (mod.declarations ?? []).map((declaration) => ({ mod, declaration })))
        .find(({ declaration }) => declaration.customElement && declaration.tagName);
      if (entry && element) {
        entry.exports = entry.exports ?? [];
        entry.exports.push({
          kind: 'custom-element-definition',
          name: element.declaration.tagName,
          declaration: { name: element.declaration.name, module: element.mod.path },
        });
      }
    },
  };
}

/** `src/components/x.ts` → `dist/components/x.js`: the files the package ships. */
function shipPaths() {
  const toDist = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');
  return {
    name: 'rensei:ship-paths',
    packageLinkPhase({ customElementsManifest }) {
      const visit = (node) => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (!node || typeof node !== 'object') return;
        for (const [key, value] of Object.entries(node)) {
          if ((key === 'path' || key === 'module') && typeof value === 'string' && value.startsWith('src/')) {
            node[key] = toDist(value);
          } else visit(value);
        }
      };
      visit(customElementsManifest.modules);
    },
  };
}

/**
 * Editor and framework files, from the manifest as shipped (after the plugins above): VS Code
 * custom data and JetBrains web-types into dist/editors/ (the analyzer's plugins), JSX types for
 * React, Preact and Solid into dist/types/ (ours: scripts/framework-types.mjs says why).
 */
function editorFiles() {
  const quiet = { hideLogs: true };
  return [
    customElementVsCodePlugin({
      ...quiet,
      outdir: 'dist/editors',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
    }),
    customElementJetBrainsPlugin({
      ...quiet,
      outdir: 'dist/editors',
      webTypesFileName: 'web-types.json',
      packageJson: false,
    }),
    frameworkTypes({ outdir: 'dist/types' }),
  ];
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` is set by hand: the analyzer must not rewrite the file.
  packagejson: false,
  // In order, on src/ paths; the last one moves them to dist/.
  plugins: [normaliseReferences(), tidyElement(), publicOnly(), shipPaths(), ...editorFiles()],
};
