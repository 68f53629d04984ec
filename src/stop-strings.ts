/**
 * The words of the actions (`actions="stop"`), kept out of the eager bundle: the actions chunk
 * (stop-actions.ts) merges these defaults under the host's `strings`, so a host overrides them
 * like any other word. A session is named by its identifier, else its id.
 */
import { sessions } from './strings.js';

export const stopStrings = {
  rowCheck: (name: string): string => `Select ${name}`,
  checkAll: (count: number, formatted: string): string => `Select all ${formatted} ${sessions(count)} in view`,
  stop: 'Stop',
  stopLabel: (name: string): string => `Stop ${name}`,
  bulkStop: (count: number, formatted: string): string => `Stop ${formatted} ${sessions(count)}`,
  confirmTitle: (count: number, formatted: string): string => `Stop ${formatted} ${sessions(count)}?`,
  confirmBody: (names: string): string => `This stops ${names}. Their agents end now; this can't be undone.`,
  andMore: (count: number): string => `and ${count} more`,
  confirmCancel: 'Cancel',
  stopping: 'Stopping…',
  stopped: 'Stopped',
  stopSummary: (stopped: number, failed: string[]): string =>
    `${stopped} stopped.` + (failed.length ? ` ${failed.length} not stopped: ${failed.join('; ')}` : ''),
};

export type StopStrings = typeof stopStrings;
