// Everything a seed and a few settings determine: the clock, the projects, their fleet, and the
// thresholds the watchdog applies. Built at start and again on every reset.

import { SimClock } from './clock.js';
import { Fleet } from './fleet.js';
import { resolveProjects, type ProjectConfig, type ProjectOverrides } from './org.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from './signals.js';
import type { StopLog } from './stops.js';

export const DEFAULT_SEED = 1;
export const DEFAULT_SPEED = 30;

export interface SimulationSettings {
  /** Default 1. */
  seed?: number;
  /** How many times faster than real time the fleet lives. Default 30. */
  speed?: number;
  /** Freezes the clock at this instant (ISO 8601 or epoch ms); it then moves only when advanced. */
  time?: string | number;
  projects?: ProjectOverrides;
  thresholds?: Partial<Thresholds>;
}

export interface Simulation {
  seed: number;
  clock: SimClock;
  frozen: boolean;
  projects: ProjectConfig[];
  fleet: Fleet;
  thresholds: Thresholds;
  /** The sessions stopped through the API, and when. */
  stops: StopLog;
}

/** Epoch ms of an ISO 8601 string or a number, or `null` when it is neither. */
export function parseInstant(value: string | number): number | null {
  const instant = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(instant) ? instant : null;
}

/** `wallNow` is the clock to follow unless the settings freeze time. */
export function createSimulation(settings: SimulationSettings, wallNow: () => number): Simulation {
  const seed = settings.seed ?? DEFAULT_SEED;
  const frozenAt = settings.time === undefined ? null : parseInstant(settings.time);
  if (frozenAt === null && settings.time !== undefined) throw new Error(`Not an instant: ${settings.time}`);
  const projects = resolveProjects(settings.projects);
  return {
    seed,
    clock: new SimClock(frozenAt === null ? wallNow : () => frozenAt, settings.speed ?? DEFAULT_SPEED),
    frozen: frozenAt !== null,
    projects,
    fleet: new Fleet(seed, projects),
    thresholds: { ...DEFAULT_THRESHOLDS, ...settings.thresholds },
    stops: new Map(),
  };
}

/** `changes` over `base`; projects and thresholds merge setting by setting. */
export function mergeSettings(base: SimulationSettings, changes: SimulationSettings): SimulationSettings {
  const projects: Record<string, ProjectOverrides[string]> = { ...base.projects };
  for (const [slug, settings] of Object.entries(changes.projects ?? {})) {
    projects[slug] = { ...projects[slug], ...settings };
  }
  return { ...base, ...changes, projects, thresholds: { ...base.thresholds, ...changes.thresholds } };
}
