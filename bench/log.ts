/**
 * Progress lines stamped with the seconds since the run started, and per-step timings (a full run
 * has to stay under 15 minutes, so the log says where the time goes).
 */
const T0 = performance.now();

export const log = (...parts: unknown[]) =>
  console.log(`[${((performance.now() - T0) / 1000).toFixed(0).padStart(4)} s]`, ...parts);

/** Runs one step of a round and logs how long it took (a full run has to stay under 15 minutes). */
export async function phase<T>(name: string, run: () => Promise<T>): Promise<T> {
  const at = performance.now();
  try {
    return await run();
  } finally {
    log(`  ${name}: ${((performance.now() - at) / 1000).toFixed(1)} s`);
  }
}
