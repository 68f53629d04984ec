/**
 * Health as the contract's table defines it: the worse of what the server says and what the
 * active stuck signals imply, so a blocking signal is never shown green.
 */
import type { Session, StuckSignal } from '../api/schema.js';

export type HealthColour = 'green' | 'yellow' | 'red' | 'unknown';

export interface Health {
  readonly colour: HealthColour;
  /** Active signal names as sent (`ToolLoopStuck`), in order, without repeats. */
  readonly signals: readonly string[];
}

/** Signals that mean an operator may need to act. Any other name, known or not, is advisory. */
const BLOCKING_SIGNALS = new Set(['ToolLoopStuck', 'ClaimStuck']);

const RANK: Record<HealthColour, number> = { unknown: 0, green: 1, yellow: 2, red: 3 };

export function signalName(signal: StuckSignal): string {
  return typeof signal === 'string' ? signal : signal.type;
}

function colourOfStatus(word: string | null | undefined): HealthColour {
  return word === 'green' || word === 'yellow' || word === 'red' ? word : 'unknown';
}

/**
 * Health without signals, one frozen object per colour: nearly every row has none, and a row
 * holding a reference costs far less than its own object and array.
 */
const BARE = {} as Record<HealthColour, Health>;
const NO_SIGNALS: readonly string[] = Object.freeze([]);
for (const colour of Object.keys(RANK) as HealthColour[]) BARE[colour] = Object.freeze({ colour, signals: NO_SIGNALS });

export function deriveHealth(health: Session['health']): Health {
  const fromStatus = colourOfStatus(health?.healthStatus);
  const sent = health?.stuckSignals;
  const signals = sent?.length ? [...new Set(sent.map(signalName).filter((name) => name.trim() !== ''))] : [];
  if (signals.length === 0) return BARE[fromStatus];
  const fromSignals = signals.some((name) => BLOCKING_SIGNALS.has(name)) ? 'red' : 'yellow';
  return { colour: RANK[fromSignals] > RANK[fromStatus] ? fromSignals : fromStatus, signals };
}

/** `ToolLoopStuck` → "Tool Loop Stuck"; `stale_heartbeat` → "Stale heartbeat". */
export function signalWords(name: string): string {
  const spaced = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    // A lookahead, not `([A-Z]+)([A-Z][a-z])`: that one backtracks over every run of capitals,
    // O(n²), so one long all-caps name from the server froze the page for minutes.
    .replace(/([A-Z])(?=[A-Z][a-z])/g, '$1 ')
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** True when a row belongs in the health filter's view (`attention`: yellow and red; `blocking`: red). */
export function matchesHealthFilter(colour: HealthColour, filter: string): boolean {
  if (filter === 'attention') return colour === 'yellow' || colour === 'red';
  if (filter === 'blocking') return colour === 'red';
  return true;
}
