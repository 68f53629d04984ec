// The simulated fleet: per project, a seeded stream of sessions arriving over simulated time.
// Only arrival times are stored (one number per session, computed once and extended as time
// runs); a session's script is drawn from its seed when a page needs it, so a project of 100,000
// sessions answers a page in well under a millisecond.

import type { ProjectConfig } from './org.js';
import { exponential, hashInts, hashString, unitHash } from './random.js';
import { scriptSession, sessionIdOf, type SessionScript } from './session.js';

/** Sessions sort newest first: by arrival, then by id (to break ties between projects). */
export interface SortKey {
  arrivedAt: number;
  id: string;
}

/** Negative when `a` comes first in the newest-first order. */
function compareNewestFirst(a: SortKey, b: SortKey): number {
  if (a.arrivedAt !== b.arrivedAt) return b.arrivedAt - a.arrivedAt;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

/** The first index whose value is not below `value` (`strict`: above it) in an ascending array. */
function searchSorted(values: readonly number[], value: number, strict: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value || (strict && values[middle] === value)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const MIN_ARRIVAL_GAP_MS = 1000;
const GAP_STREAM = 0x6a9;

class ProjectTimeline {
  private readonly salt: number;
  /** Ascending arrival times: index 0 is the oldest session. */
  private readonly arrivals: number[];
  private nextArrival: number;

  constructor(
    private readonly seed: number,
    readonly project: ProjectConfig,
  ) {
    this.salt = hashString(project.slug);
    const initial = project.initialSessions;
    // The simulation starts (time 0) halfway through the gap before the first new session.
    this.nextArrival = Math.ceil(this.gapBefore(initial) / 2);
    this.arrivals = new Array<number>(initial);
    for (let index = initial - 1, at = this.nextArrival; index >= 0; index--) {
      at -= this.gapBefore(index + 1);
      this.arrivals[index] = at;
    }
  }

  /** Simulated time between the arrivals of sessions `index - 1` and `index`. */
  private gapBefore(index: number): number {
    const gap = exponential(unitHash(this.seed, this.salt, index, GAP_STREAM), this.project.meanArrivalGapMs);
    return Math.max(MIN_ARRIVAL_GAP_MS, Math.round(gap));
  }

  private hashOf(index: number): number {
    return hashInts(this.seed, this.salt, index);
  }

  /** How many sessions exist at `time`. */
  countAt(time: number): number {
    while (this.project.arriving && this.nextArrival <= time) {
      this.arrivals.push(this.nextArrival);
      this.nextArrival += this.gapBefore(this.arrivals.length);
    }
    return searchSorted(this.arrivals, time, true);
  }

  keyOf(index: number): SortKey {
    return { arrivedAt: this.arrivals[index], id: sessionIdOf(this.hashOf(index)) };
  }

  script(index: number): SessionScript {
    return scriptSession(this.hashOf(index), index, this.arrivals[index], this.project.issuePrefix);
  }

  /** The sessions existing at `time` that sort after `after` are exactly indexes [0, result). */
  countAfter(after: SortKey | null, time: number): number {
    const count = this.countAt(time);
    if (!after) return count;
    const sameTime = searchSorted(this.arrivals, after.arrivedAt, false);
    const tiedButOlder = sameTime < count && compareNewestFirst(this.keyOf(sameTime), after) > 0;
    return Math.min(count, tiedButOlder ? sameTime + 1 : sameTime);
  }
}

export interface FleetRow {
  project: ProjectConfig;
  script: SessionScript;
}

export interface FleetPage {
  /** Newest first. */
  rows: FleetRow[];
  hasMore: boolean;
}

export class Fleet {
  private readonly timelines: Map<string, ProjectTimeline>;

  constructor(seed: number, projects: readonly ProjectConfig[]) {
    this.timelines = new Map(projects.map((project) => [project.slug, new ProjectTimeline(seed, project)]));
  }

  private timeline(slug: string): ProjectTimeline {
    const timeline = this.timelines.get(slug);
    if (!timeline) throw new Error(`Unknown project: ${slug}`);
    return timeline;
  }

  /** The session `id` as it exists at `time`, if it does: a scan, newest first (ids are drawn from seeds, not indexed). */
  find(id: string, time: number): FleetRow | null {
    for (const timeline of this.timelines.values()) {
      for (let index = timeline.countAt(time) - 1; index >= 0; index--) {
        if (timeline.keyOf(index).id === id) return { project: timeline.project, script: timeline.script(index) };
      }
    }
    return null;
  }

  sessionCount(slug: string, time: number): number {
    return this.timeline(slug).countAt(time);
  }

  /**
   * Up to `limit` sessions of the given projects that exist at `time` and sort after `after`,
   * merged newest first. Keyset paging: sessions arriving later sort before any cursor, so pages
   * fetched while the fleet grows neither repeat nor skip a session.
   */
  page(slugs: readonly string[], time: number, limit: number, after: SortKey | null = null): FleetPage {
    const heads = slugs.map((slug) => {
      const timeline = this.timeline(slug);
      return { timeline, index: timeline.countAfter(after, time) - 1 };
    });
    const rows: FleetRow[] = [];
    for (;;) {
      const live = heads.filter((head) => head.index >= 0);
      if (live.length === 0) return { rows, hasMore: false };
      if (rows.length === limit) return { rows, hasMore: true };
      const newest = live.reduce((best, head) =>
        compareNewestFirst(head.timeline.keyOf(head.index), best.timeline.keyOf(best.index)) < 0 ? head : best,
      );
      rows.push({ project: newest.timeline.project, script: newest.timeline.script(newest.index) });
      newest.index--;
    }
  }
}
