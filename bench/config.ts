/**
 * What a run does: the fixed settings (mock data, page size, time limits), the full and smoke
 * configurations, and the command line (usage + parseArgs) that picks between them.
 */
import { BASELINE, IMPLS, type ImplName } from './impls.js';

export const MOCK_TIME = '2026-06-02T14:00:00Z';
export const SEED = 1;
export const PAGE_SIZE = 250;
/** Typed into the search box in S4, one key at a time: an identifier prefix (`OPS-7…`). */
export const SEARCH_TERM = 'ops-7';
export const STATUS_CYCLE = ['working', 'completed', 'failed', 'stopped', 'queued', ''];
/**
 * Fewer samples where slow: within one step of one round, an implementation that has spent this
 * long takes no more samples (the render-everything ones at 10k need seconds per sample).
 */
export const SLOW_STEP_MS = 15_000;
/** S5 gives up on an implementation after this long (it then reports the frames it did). */
export const SCROLL_MAX_MS = 15_000;

export interface Config {
  smoke: boolean;
  /** S1 first-page sizes. */
  firstPages: number[];
  firstPageSamples: number;
  rounds: number;
  /** S2 sizes; each measures the last `appendWindow` appends that reach it. */
  appendSizes: number[];
  appendWindow: number;
  mid: number;
  big: number;
  statusCycles: number;
  /** Status changes per cycle (a prefix of STATUS_CYCLE). */
  statusChanges: number;
  searchPasses: number;
  /** Keys typed per pass (a prefix of SEARCH_TERM). */
  keys: number;
  scrollFrames: number;
  /** One unmeasured S1 load of each implementation first. */
  warmUp: boolean;
}

const FULL: Config = {
  smoke: false,
  firstPages: [100, 1000],
  firstPageSamples: 15,
  rounds: 3,
  appendSizes: [1000, 10_000, 50_000],
  appendWindow: 5,
  mid: 10_000,
  big: 50_000,
  statusCycles: 1,
  statusChanges: STATUS_CYCLE.length,
  searchPasses: 1,
  keys: SEARCH_TERM.length,
  scrollFrames: 200,
  warmUp: true,
};

const SMOKE: Config = {
  smoke: true,
  firstPages: [100],
  firstPageSamples: 1,
  rounds: 1,
  appendSizes: [500],
  appendWindow: 1,
  mid: 500,
  big: 750,
  statusCycles: 1,
  statusChanges: 2,
  searchPasses: 1,
  keys: 2,
  scrollFrames: 20,
  warmUp: false,
};

const USAGE = `npm run bench [-- options]
  --smoke              tiny N, one sample, fails on anything broken (CI); writes no RESULTS.md
  --rounds N           rounds of S2-S6 (default ${FULL.rounds})
  --samples N          S1 samples per size (default ${FULL.firstPageSamples})
  --only a,b           implementations (the baseline is always in): ${IMPLS.join(', ')}
  --help               this text`;

export function parseArgs(argv: string[]): { config: Config; only: ImplName[] } {
  const config = { ...(argv.includes('--smoke') ? SMOKE : FULL) };
  let only: ImplName[] = [...IMPLS];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === '--smoke') continue;
    else if (arg === '--rounds') config.rounds = Math.max(1, Number(argv[++i]));
    else if (arg === '--samples') config.firstPageSamples = Math.max(1, Number(argv[++i]));
    else if (arg === '--only') {
      only = argv[++i]!.split(',') as ImplName[];
      for (const name of only) if (!IMPLS.includes(name)) throw new Error(`Unknown implementation ${name}`);
      if (!only.includes(BASELINE)) only.unshift(BASELINE);
    } else throw new Error(`Unknown option ${arg}\n${USAGE}`);
  }
  return { config, only };
}
