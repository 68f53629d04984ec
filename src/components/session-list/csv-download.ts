/**
 * The export's download (`rensei-session-list.csv-download.js`), fetched by triage.ts the first time
 * a person clicks `export`: the CSV itself is made at the click (`toCsv()` stays synchronous and in
 * the bundle); only the file, its name and the link that saves it wait for this chunk.
 */
import { csvFileName } from '../../model/csv-file.js';

/** Saves `csv` as a file, with a byte order mark that tells a spreadsheet it is UTF-8. */
export function download(csv: string, project: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  link.download = csvFileName(project, Date.now());
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
