/**
 * What every implementation other than the widget shares: fetching pages from the same mock API
 * the widget talks to, a hand-written row check and normalisation (no schema library: the
 * practical limit), the same filtering rules as the widget (status equality, case-insensitive
 * prefix of the issue identifier or the session id), and the same words on screen.
 *
 * Display strings come from the widget's own pure formatters, so every table shows the same text.
 * The vanilla tables keep rows raw and format when they draw a row (only the window, for the
 * windowed one), as the widget does; the peer grids show fields, so they get the strings made
 * once per row when its page arrives (`display`), as an app feeding them would.
 */
import { deriveHealth, signalWords, type HealthColour } from '../../src/model/health.js';
import { formatCost, formatDateTime, formatDuration, formatRelativeTime, MISSING } from '../../src/model/format.js';
import { defaultStrings } from '../../src/strings.js';

export const TOKEN = 'rsk_test_bench00001';
/** Rows per page of the bench's big project (bench/config.ts PAGE_SIZE): untimed fills stop a page short of their target. */
export const PAGE_ROWS = 250;

/** A session as the tables keep it: the fields shown, raw; display strings are made when a row is drawn. */
export interface Row {
  id: string;
  status: string;
  identifier: string;
  workType: string;
  provider: string;
  startedMs: number | null;
  durationMs: number | null;
  costUsd: number | null;
  health: HealthColour;
  /** Active signal names (shared empty array when none). */
  signals: readonly string[];
  /** Lower-cased identifier and id, for the prefix search. */
  key1: string;
  key2: string;
}

/** What a row shows, as text (the widget's own formatters and words). */
export interface Cells {
  statusName: string;
  healthName: string;
  /** Relative start time ("3 min. ago") and the absolute one. */
  started: string;
  startedAt: string;
  duration: string;
  cost: string;
}

export type DisplayRow = Row & Cells;

export interface Filters {
  status: string;
  search: string;
}

const NO_SIGNALS: readonly string[] = [];
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const time = (value: unknown): number | null => {
  const text = str(value);
  if (!text) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
};

/** A hand-written check of what is shown; a row that is not a session is dropped (null). */
export function toRow(raw: unknown, now: number): Row | null {
  if (!raw || typeof raw !== 'object') return null;
  const session = raw as Record<string, unknown>;
  const id = str(session.id);
  const status = str(session.status);
  if (!id || !status) return null;
  const started = time(session.startedAt);
  const completed = time(session.completedAt);
  const durationMs =
    typeof session.durationMs === 'number'
      ? session.durationMs
      : typeof session.durationSeconds === 'number'
        ? session.durationSeconds * 1000
        : started === null
          ? null
          : completed !== null
            ? Math.max(0, completed - started)
            : status === 'working'
              ? Math.max(0, now - started)
              : null;
  const rawCost = session.costUsd;
  const cost = rawCost == null ? null : Number(rawCost);
  const health = deriveHealth(
    session.health && typeof session.health === 'object'
      ? (session.health as Parameters<typeof deriveHealth>[0])
      : null,
  );
  const identifier = str(session.issueIdentifier) ?? '';
  return {
    id,
    status,
    identifier: identifier || MISSING,
    workType: str(session.workType) || MISSING,
    provider: str(session.provider) || MISSING,
    startedMs: started,
    durationMs,
    costUsd: cost !== null && Number.isFinite(cost) ? cost : null,
    health: health.colour,
    signals: health.signals.length ? health.signals : NO_SIGNALS,
    key1: identifier.toLowerCase(),
    key2: id.toLowerCase(),
  };
}

export function cells(row: Row, now = Date.now()): Cells {
  return {
    statusName: defaultStrings.statusName(row.status),
    healthName: defaultStrings.healthName(row.health, row.signals.map(signalWords)),
    started: formatRelativeTime(row.startedMs, now),
    startedAt: formatDateTime(row.startedMs),
    duration: formatDuration(row.durationMs),
    cost: formatCost(row.costUsd),
  };
}

/** For the peer grids, which show fields: the display strings made once, when the page arrives. */
export function display(row: Row, now = Date.now()): DisplayRow {
  return { ...row, ...cells(row, now) };
}

export interface Page {
  rows: Row[];
  cursor: string | null;
}

export function sessionsUrl(project: string, cursor: string | null): string {
  const url = new URL('/api/public/sessions', location.origin);
  url.searchParams.set('project', project);
  if (cursor) url.searchParams.set('cursor', cursor);
  return url.href;
}

export async function fetchPage(project: string, cursor: string | null): Promise<Page> {
  const response = await fetch(sessionsUrl(project, cursor), {
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: 'application/json' },
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as { sessions?: unknown; cursor?: unknown };
  if (!Array.isArray(body.sessions)) throw new Error('not a session list');
  const now = Date.now();
  const rows: Row[] = [];
  for (const raw of body.sessions) {
    const row = toRow(raw, now);
    if (row) rows.push(row);
  }
  return { rows, cursor: typeof body.cursor === 'string' ? body.cursor : null };
}

export function matches(row: Row, status: string, prefix: string): boolean {
  if (status && row.status !== status) return false;
  return !prefix || row.key1.startsWith(prefix) || row.key2.startsWith(prefix);
}

/** One pass, as the widget does. */
export function filterRows<T extends Row>(rows: readonly T[], filters: Filters): T[] {
  const prefix = filters.search.trim().toLowerCase();
  if (!filters.status && !prefix) return rows as T[];
  const kept: T[] = [];
  for (const row of rows) if (matches(row, filters.status, prefix)) kept.push(row);
  return kept;
}

export const STATUSES = ['queued', 'working', 'completed', 'failed', 'stopped'];

export const COLUMNS = {
  health: defaultStrings.columnHealth,
  identifier: defaultStrings.columnIdentifier,
  status: defaultStrings.columnStatus,
  workType: defaultStrings.columnWorkType,
  provider: defaultStrings.columnProvider,
  started: defaultStrings.columnStarted,
  duration: defaultStrings.columnDuration,
  cost: defaultStrings.columnCost,
};

/**
 * The host page's own filter controls, for the grids that have none built in: a native select of
 * statuses and a search input, as an app embedding a peer grid would write them.
 */
export function hostToolbar(onChange: (filters: Filters) => void): HTMLElement {
  const bar = document.createElement('div');
  bar.className = 'bench-toolbar';
  bar.innerHTML = `<label>Status <select data-bench="status"><option value="">All statuses</option>${STATUSES.map(
    (status) => `<option value="${status}">${defaultStrings.statusName(status)}</option>`,
  ).join('')}</select></label>
  <label>Search <input data-bench="search" type="search" autocomplete="off" spellcheck="false"></label>
  <span data-bench="count"></span>`;
  const select = bar.querySelector('select')!;
  const input = bar.querySelector('input')!;
  const fire = () => onChange({ status: select.value, search: input.value });
  select.addEventListener('change', fire);
  input.addEventListener('input', fire);
  return bar;
}
