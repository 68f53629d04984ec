/**
 * The consumer test's bookkeeping: named steps that record their outcome and carry on (so one
 * failure still leaves a full summary), a shell-out that reports the command's output on failure,
 * and the summary printed at the end.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Step {
  name: string;
  ok: boolean;
  ms: number;
  detail?: string;
}
export const steps: Step[] = [];

/** Runs `body` as the step `name`; answers its value, or undefined when it threw (recorded). */
export async function step<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
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

/** Runs a command quietly (no npm funding, audit or update notices); answers stdout and stderr. */
export async function sh(command: string, args: string[], cwd: string): Promise<string> {
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

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export async function readJson<T = Record<string, unknown>>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Prints every step's outcome and the verdict; answers the exit code. */
export function printSummary(): number {
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
  return failed.length ? 1 : 0;
}
