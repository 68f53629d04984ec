// Stopping a session (`POST /api/public/sessions/{id}/stop`): the simulation keeps when each
// stopped session was stopped, and rewrites its script from then on: it ends as `stopped`, its
// activity (and so its stuck signals) ends with it, and its claim is released (a session stopped
// while queued was never claimed).

import type { SessionScript } from './session.js';

/** Session id → the simulated instant it was stopped. */
export type StopLog = Map<string, number>;

/** Keys whose secret starts with this may only read: a stop with one is 403. */
export const READ_ONLY_KEY_PREFIX = 'readonly';

/** Whether the bearer in `authorization` is a read-only key (`rsk_test_readonly…`). */
export function isReadOnlyKey(authorization: string | undefined): boolean {
  return new RegExp(`^Bearer +rsk_(live|test)_${READ_ONLY_KEY_PREFIX}`, 'i').test(authorization ?? '');
}

/** The script as it plays out when it was stopped at `stoppedAt`. */
export function stoppedScript(script: SessionScript, stoppedAt: number): SessionScript {
  if (stoppedAt >= script.endedAt) return script;
  const before = (at: number | null) => (at !== null && at < stoppedAt ? at : null);
  const claimedAt = before(script.claimedAt);
  const gap = script.heartbeatGap;
  return {
    ...script,
    claimedAt,
    dispatchedAt: claimedAt === null ? null : before(script.dispatchedAt),
    endedAt: stoppedAt,
    outcome: 'stopped',
    heartbeatGap: gap && gap.from < stoppedAt ? { from: gap.from, to: Math.min(gap.to, stoppedAt) } : null,
    toolLoop: script.toolLoop && script.toolLoop.from < stoppedAt ? script.toolLoop : null,
  };
}

/** `script` with its stop applied, if it was stopped. */
export function withStop(script: SessionScript, stops: StopLog): SessionScript {
  const stoppedAt = stops.get(script.id);
  return stoppedAt === undefined ? script : stoppedScript(script, stoppedAt);
}
