/**
 * The view as CSV (CONTRACT §5 "Export"), pure: RFC 4180 quoting, CRLF line ends, times in ISO 8601
 * UTC, and a leading `'` on any cell a spreadsheet would run as a formula.
 */
import { durationAt, timeOf, type SessionRow } from './session-row.js';

export const CSV_HEADER =
  'id,identifier,status,health,signals,work_type,provider,started_at,completed_at,duration_seconds,cost_usd';

const FORMULA = /^[=+\-@\t\r\n]/;

/** One cell: guarded against formulas, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  // Most cells need neither: one test for both (50,000 rows × 8 cells).
  if (!/^[=+\-@\t\r\n]|[",\r\n]/.test(value)) return value;
  const guarded = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** ISO 8601 UTC, as `toISOString()` writes it; a time the API sent that way already is kept as sent. */
function iso(sent: string | null | undefined): string {
  // Parsing and formatting cost microseconds a time: 50,000 rows × 2 times.
  if (!sent) return '';
  const utc = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/.exec(sent);
  if (utc) return utc[1] ? sent : `${sent.slice(0, -1)}.000Z`;
  const ms = timeOf(sent);
  return ms === null ? '' : new Date(ms).toISOString();
}

const DECIMAL = /^\d+(\.\d+)?$/;

/** The cost as the API sent it, when that is a valid non-negative decimal. */
function cost(sent: string | number | null | undefined): string {
  const text = sent == null ? '' : String(sent).trim();
  return DECIMAL.test(text) ? text : '';
}

/** `rows` as CSV, header first, each line ended by CRLF; a working session's duration as of `now`. */
export function toCsv(rows: readonly SessionRow[], now: number): string {
  let csv = CSV_HEADER + '\r\n';
  for (const row of rows) {
    const { session } = row;
    const duration = durationAt(row, now, true);
    const signals = session.health?.stuckSignals;
    // The colour, times and numbers are ours (never a formula, nothing to quote); the rest is the API's.
    csv +=
      csvCell(row.id) +
      ',' +
      csvCell(session.issueIdentifier ?? '') +
      ',' +
      csvCell(session.status) +
      ',' +
      row.health.colour +
      ',' +
      csvCell(signals ? signals.map((signal) => (typeof signal === 'string' ? signal : signal.type)).join(';') : '') +
      ',' +
      csvCell(session.workType ?? '') +
      ',' +
      csvCell(session.provider ?? '') +
      ',' +
      iso(session.startedAt) +
      ',' +
      iso(session.completedAt) +
      ',' +
      (duration === null ? '' : Math.floor(duration / 1000)) +
      ',' +
      cost(session.costUsd) +
      '\r\n';
  }
  return csv;
}

/** The download's name: `rensei-sessions-<project or "all">-<YYYY-MM-DD>.csv` (the UTC date). */
export function csvFileName(project: string, now: number): string {
  return `rensei-sessions-${project || 'all'}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
