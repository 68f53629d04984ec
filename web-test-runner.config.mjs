// Browser tests: real Chromium (the system one), TypeScript through esbuild with our tsconfig
// (Lit's legacy decorators need experimentalDecorators / useDefineForClassFields: false).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const args = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Chromium refuses to start as root with its sandbox on.
if (process.getuid?.() === 0) args.push('--no-sandbox');

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a background tab is document.hidden, which pauses live refresh by design.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args } })],
  reporters: [defaultReporter(), countReporter()],
};
