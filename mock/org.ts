// The organisation the mock serves: one org, several projects of very different sizes, so the
// demo and the tests see an empty project, small ones, and ones too big to load at once.

export const ORG_SLUG = 'acme';

export type DurationField = 'completedAt' | 'durationMs' | 'durationSeconds';

export interface ProjectConfig {
  slug: string;
  id: string;
  name: string;
  /** The team's issue key, e.g. `ENG` for `ENG-124`. */
  issuePrefix: string;
  /** Sessions that already exist when the simulation starts. */
  initialSessions: number;
  /** Mean simulated time between two arrivals (it also spaces the initial sessions). */
  meanArrivalGapMs: number;
  /** Whether new sessions keep arriving after the start. */
  arriving: boolean;
  /** Rows per page when the request names no `limit`. */
  pageSize: number;
  /**
   * How a finished session's end is sent: the contract's `completedAt`, or (as some deployments do)
   * a ready-made `durationMs` / `durationSeconds` instead.
   */
  durationField: DurationField;
}

export type ProjectSettings = Omit<ProjectConfig, 'slug'>;
/** Per-slug changes to the default projects; an unknown slug adds a project. */
export type ProjectOverrides = Readonly<Record<string, Partial<ProjectSettings>>>;

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const DEFAULT_PROJECTS: readonly ProjectConfig[] = [
  project('web', {
    id: 'proj_web001',
    name: 'Web app',
    issuePrefix: 'ENG',
    initialSessions: 150,
    meanArrivalGapMs: 90 * SECOND,
  }),
  project('platform', {
    id: 'proj_plat002',
    name: 'Platform',
    issuePrefix: 'PLAT',
    initialSessions: 2000,
    meanArrivalGapMs: 40 * SECOND,
  }),
  // A deployment that sends ready-made durations, in smaller pages.
  project('mobile', {
    id: 'proj_mob003',
    name: 'Mobile',
    issuePrefix: 'MOB',
    initialSessions: 40,
    meanArrivalGapMs: 6 * MINUTE,
    pageSize: 20,
    durationField: 'durationMs',
  }),
  // Empty, and stays empty.
  project('docs', { id: 'proj_docs04', name: 'Docs', issuePrefix: 'DOC', initialSessions: 0, arriving: false }),
  // Sized on demand (options or POST /__mock/reset) for benchmarks: 100,000 answers as fast.
  project('huge', {
    id: 'proj_huge05',
    name: 'Huge (load test)',
    issuePrefix: 'OPS',
    initialSessions: 10_000,
    meanArrivalGapMs: 30 * SECOND,
  }),
];

/** A project with everything not given defaulted from its slug. */
function project(slug: string, settings: Partial<ProjectSettings>): ProjectConfig {
  return {
    slug,
    id: `proj_${slug.replace(/[^a-z0-9]/g, '')}`,
    name: slug,
    issuePrefix:
      slug
        .replace(/[^a-z]/g, '')
        .slice(0, 4)
        .toUpperCase() || 'ISS',
    initialSessions: 100,
    meanArrivalGapMs: 2 * MINUTE,
    arriving: true,
    pageSize: 50,
    durationField: 'completedAt',
    ...settings,
  };
}

export function resolveProjects(overrides: ProjectOverrides = {}): ProjectConfig[] {
  const known = DEFAULT_PROJECTS.map((base) => ({ ...base, ...overrides[base.slug] }));
  const added = Object.entries(overrides)
    .filter(([slug]) => !DEFAULT_PROJECTS.some((base) => base.slug === slug))
    .map(([slug, settings]) => project(slug, settings));
  return [...known, ...added];
}
