/**
 * The medians as tables: one cell per implementation and metric (value, ratio to the baseline,
 * sample count), laid out as plain text for the console and as Markdown for RESULTS.md.
 */
import { BASELINE, LABELS, type ImplName } from '../impls.js';
import type { Metric, Results } from '../metrics.js';

export function format(value: number | null, unit: Metric['unit']): string {
  if (value === null) return 'n/a';
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  return value.toFixed(0);
}

function cell(results: Results, metric: Metric, impl: ImplName): string {
  if (results.isDnf(metric.key, impl)) return results.noteOf(metric.key, impl) ?? 'did not finish';
  const value = results.median(metric.key, impl);
  const base = results.median(metric.key, BASELINE);
  const n = results.samples(metric.key, impl).length;
  if (value === null) return 'n/a';
  const ratio = base !== null && base > 0 && impl !== BASELINE ? ` (${(value / base).toFixed(2)}×)` : '';
  const note = results.noteOf(metric.key, impl);
  return `${format(value, metric.unit)}${ratio} n=${n}${note ? ` (${note})` : ''}`;
}

/** S1…S6, each by size (metrics are created in the order the run first meets them). */
function ordered(results: Results): Metric[] {
  const rank = (metric: Metric) => Number(/^S(\d)/.exec(metric.scenario)?.[1] ?? 9) * 1e7 + metric.size;
  return [...results.metrics].sort((a, b) => rank(a) - rank(b) || a.scenario.localeCompare(b.scenario));
}

export function textTable(results: Results, only: ImplName[]): string {
  const header = ['scenario', ...only.map((impl) => LABELS[impl])];
  const rows = ordered(results).map((metric) => [metric.scenario, ...only.map((impl) => cell(results, metric, impl))]);
  const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((text, i) => text.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function markdownTable(results: Results, only: ImplName[]): string {
  const header = `| scenario | ${only.map((impl) => LABELS[impl]).join(' | ')} |`;
  const rule = `| --- | ${only.map(() => '---').join(' | ')} |`;
  const rows = ordered(results).map(
    (metric) => `| ${metric.scenario} | ${only.map((impl) => cell(results, metric, impl)).join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
