/**
 * Builds the bench page (bench/page) into bench/out with Vite (production Lit, minified), then the
 * widget exactly as it ships: the project's own vite.config.ts in `bundle` mode (template
 * minification included), written to bench/out/widget/rensei-session-list.bundle.js, which the
 * page loads as a user's page would, by URL.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT = fileURLToPath(new URL('./out', import.meta.url));

export async function buildBenchPage(): Promise<void> {
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./page', import.meta.url)),
    base: './',
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: { conditions: ['module', 'browser', 'production'] },
    build: {
      outDir: OUT,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // BENCH_NO_MINIFY=1 keeps names readable in profiles.
      minify: !process.env.BENCH_NO_MINIFY,
      chunkSizeWarningLimit: 4096,
    },
  });
  await build({
    configFile: `${ROOT}vite.config.ts`,
    root: ROOT,
    mode: 'bundle',
    logLevel: 'warn',
    build: {
      outDir: `${OUT}/widget`,
      emptyOutDir: true,
      ...(process.env.BENCH_NO_MINIFY ? { rolldownOptions: { output: { minify: false } } } : {}),
    },
  });
}
