/**
 * The view as CSV (CONTRACT §5 "Export"), pure: RFC 4180 quoting, CRLF line ends, times in ISO 8601
 * UTC, and a leading `'` on any cell a spreadsheet would run as a formula.
 */
import { signalName } from './health.js';
import { durationAt, timeOf, type SessionRow } from './session-row.js';

export const CSV_HEADER =
  'id,identifier,status,health,signals,work_type,provider,started_at,completed_at,duration_seconds,cost_usd';

/** One cell (missing: empty): guarded against formulas, then quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: unknown): string {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** ISO 8601 UTC, or empty for a time that is missing or not one. */
function iso(sent: string | null | undefined): string {
  const ms = timeOf(sent);
  return ms === null ? '' : new Date(ms).toISOString();
}

/** `rows` as CSV, header first, each line ended by CRLF; a working session's duration as of `now`. */
export function toCsv(rows: readonly SessionRow[], now: number): string {
  let csv = CSV_HEADER + '\r\n';
  for (const row of rows) {
    const { session } = row;
    const duration = durationAt(row, now, true);
    // The cost as the API sent it, when that is a valid non-negative decimal.
    const cost = String(session.costUsd ?? '').trim();
    csv +=
      [
        row.id,
        session.issueIdentifier,
        session.status,
        row.health.colour,
        session.health?.stuckSignals?.map(signalName).join(';'),
        session.workType,
        session.provider,
        iso(session.startedAt),
        iso(session.completedAt),
        duration === null ? '' : Math.floor(duration / 1000),
        /^\d+(\.\d+)?$/.test(cost) ? cost : '',
      ]
        .map(csvCell)
        .join(',') + '\r\n';
  }
  return csv;
}
