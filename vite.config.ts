/**
 * One config, three jobs:
 * - `vite` (npm start): the demo, served with the built-in mock API, or proxying to a real
 *   Rensei when RENSEI_API_BASE is set;
 * - `vite build` : dist/index.js, ESM for bundlers, with lit and zod external;
 * - `vite build --mode bundle`: dist/rensei-session-list.bundle.js, one self-contained, fully
 *   minified module for a plain <script type="module">.
 */
import { minifyHTMLLiterals } from '@literals/html-css-minifier';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { minify } from 'terser';
import { defineConfig, type PluginOption, type UserConfig } from 'vite';
import { versionDefine } from './scripts/version-define.js';

const realApi = process.env.RENSEI_API_BASE;

/**
 * Minifies the HTML and CSS inside Lit's html`…` and css`…` templates at build time: the bundler
 * minifies JavaScript but keeps template text as written, and templates are a fifth of the bundle.
 */
function minifyTemplates(): PluginOption {
  return {
    name: 'rensei:minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * A second minifier pass over the bundle, after Rolldown's own: terser's compressor finds what
 * Oxc leaves (about 0.4 KB gzip here; terser first and Oxc after gained less). It rewrites the
 * written files, the source map composed through, because Rolldown keeps its own map for a chunk
 * changed in generateBundle. No unsafe transforms: the output must behave exactly the same.
 */
function terserBundle(): PluginOption {
  return {
    name: 'rensei:terser-bundle',
    apply: 'build',
    async writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const file = resolve(options.dir ?? 'dist', chunk.fileName);
        const mapFile = `${file}.map`;
        const hasMap = existsSync(mapFile);
        const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, '');
        const result = await minify(code, {
          module: true,
          ecma: 2022,
          compress: { passes: 2 },
          format: { comments: false },
          sourceMap: hasMap ? { content: readFileSync(mapFile, 'utf8'), includeSources: true } : false,
        });
        writeFileSync(file, `${result.code}\n`);
        if (hasMap && typeof result.map === 'string') writeFileSync(mapFile, result.map);
      }
    },
  };
}

function apiProxy() {
  if (!realApi) return undefined;
  const token = process.env.RENSEI_TOKEN;
  return {
    '/api/public': {
      target: realApi,
      changeOrigin: true,
      // The key stays on the dev server: the browser never sees it.
      headers: token ? { Authorization: `Bearer ${token}` } : undefined,
    },
  };
}

export default defineConfig(async ({ command, mode }): Promise<UserConfig> => {
  if (command === 'serve') {
    // Loaded only to serve: the library build does not depend on the mock.
    const plugins: PluginOption[] = realApi ? [] : [(await import('./mock/node/vite-plugin.js')).renseiMockPlugin({})];
    return {
      root: 'demo',
      plugins,
      define: versionDefine,
      server: { proxy: apiProxy(), fs: { allow: ['..'] } },
    };
  }
  const bundle = mode === 'bundle';
  return {
    plugins: bundle ? [minifyTemplates(), terserBundle()] : [minifyTemplates()],
    build: {
      outDir: 'dist',
      emptyOutDir: !bundle,
      target: 'es2022',
      // Maps for our own tools (`npm run size` attributes bytes with the bundle's), not for the
      // tarball: they were 615 KB of its 880 KB. "hidden": no sourceMappingURL naming a file that
      // does not ship, which some bundlers and dev tools would warn about.
      sourcemap: 'hidden',
      lib: {
        // ESM: one file per module, so dist/ mirrors src/ beside the .d.ts files; `./element`
        // (the class, no side effects) is dist/element.js, and the manifest's paths are real files.
        entry: bundle ? 'src/index.ts' : ['src/index.ts', 'src/element.ts'],
        formats: ['es'],
        fileName: (_format, name) => (bundle ? 'rensei-session-list.bundle.js' : `${name}.js`),
      },
      rolldownOptions: {
        // The bundle may export more than src/index.ts does: a lazy chunk then imports
        // what it shares (Lit, the events…) from the bundle itself, not from a third file.
        ...(bundle ? { preserveEntrySignatures: 'allow-extension' as const } : {}),
        external: bundle ? [] : [/^lit(\/|$)/, /^@lit\//, /^zod(\/|$)/],
        // The lazy chunks (actions, sharing, sort, range, the CSV download) sit next to the bundle under fixed names: copy them all.
        output: bundle
          ? { minify: true, chunkFileNames: 'rensei-session-list.[name].js' }
          : { minify: false, preserveModules: true, preserveModulesRoot: 'src' },
      },
    },
    define: bundle ? { ...versionDefine, 'process.env.NODE_ENV': '"production"' } : versionDefine,
    resolve: bundle ? { conditions: ['production'] } : {},
  };
});
