/** The export's file name (CONTRACT §5 "Export"), pure; part of the download chunk (csv-download.ts). */

/** `rensei-sessions-<project or "all">-<YYYY-MM-DD>.csv` (the UTC date). */
export function csvFileName(project: string, now: number): string {
  return `rensei-sessions-${project || 'all'}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
