// A web-test-runner plugin that serves React as ES modules, for test/react/*.test.tsx.
//
// React 19 ships CommonJS only, which a browser cannot import, and the rollup commonjs plugin
// under web-dev-server gives only a default export (no `createRoot`, no `jsx`). So: one esbuild
// bundle of React (one copy, which hooks need), and each name a test imports (`react`,
// `react-dom/client`, `react/jsx-runtime`, …) a small module that re-exports its part of it, with
// the export names read from the CommonJS module itself (in a child process: React's development
// build touches console methods that the runner's own console wrapper lacks).
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const MODULES = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime'];
const PREFIX = '/__react-esm/';
const BUNDLE = `${PREFIX}bundle.js`;
const binding = (name) => name.replace(/\W/g, '_');
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Each module's export names, as Node's `require` sees them. */
function exportNames() {
  const script = `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(MODULES)}.map((n) => [n, Object.keys(require(n))]))))`;
  const names = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: process.cwd(), encoding: 'utf8' }));
  for (const name of MODULES) names[name] = names[name].filter((key) => IDENTIFIER.test(key) && key !== 'default');
  return names;
}

export function reactEsmPlugin() {
  let bundle;
  let names;
  const bundled = () =>
    (bundle ??= build({
      stdin: {
        contents: MODULES.map((name) => `export * as ${binding(name)} from '${name}';`).join('\n'),
        resolveDir: process.cwd(),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      define: { 'process.env.NODE_ENV': JSON.stringify('development') },
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text));

  return {
    name: 'react-esm',
    resolveImport({ source }) {
      if (MODULES.includes(source)) return `${PREFIX}${source}.js`;
    },
    async serve({ path }) {
      if (!path.startsWith(PREFIX)) return undefined;
      if (path === BUNDLE) return { body: await bundled(), type: 'js' };
      const name = path.slice(PREFIX.length, -'.js'.length);
      if (!MODULES.includes(name)) return undefined;
      names ??= exportNames();
      const body = [
        `import { ${binding(name)} as m } from '${BUNDLE}';`,
        `export const { ${names[name].join(', ')} } = m;`,
        `export default m;`,
      ].join('\n');
      return { body, type: 'js' };
    },
  };
}
