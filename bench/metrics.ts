/**
 * What a run measures: each metric (scenario, unit, size) and the samples every implementation
 * gave for it, with the medians, "did not finish" marks, notes and errors the report reads.
 */
import type { ImplName } from './impls.js';

export type MetricKey = string;
export interface Metric {
  key: MetricKey;
  scenario: string;
  unit: 'ms' | 'count' | 'MB' | 'nodes';
  /** Size the scenario runs at, for "did not finish" of render-everything implementations. */
  size: number;
}

export class Results {
  readonly metrics: Metric[] = [];
  readonly values = new Map<MetricKey, Map<ImplName, number[]>>();
  readonly dnf = new Map<MetricKey, Set<ImplName>>();
  readonly errors: string[] = [];
  readonly notes = new Map<string, string>();

  note(key: MetricKey, impl: ImplName, text: string): void {
    this.notes.set(`${key}\u0000${impl}`, text);
  }

  noteOf(key: MetricKey, impl: ImplName): string | undefined {
    return this.notes.get(`${key}\u0000${impl}`);
  }

  metric(scenario: string, unit: Metric['unit'], size: number): MetricKey {
    const key = `${scenario}`;
    if (!this.metrics.some((metric) => metric.key === key)) this.metrics.push({ key, scenario, unit, size });
    return key;
  }

  add(key: MetricKey, impl: ImplName, value: number): void {
    const byImpl = this.values.get(key) ?? new Map<ImplName, number[]>();
    const list = byImpl.get(impl) ?? [];
    list.push(value);
    byImpl.set(impl, list);
    this.values.set(key, byImpl);
  }

  didNotFinish(key: MetricKey, impl: ImplName): void {
    const set = this.dnf.get(key) ?? new Set<ImplName>();
    set.add(impl);
    this.dnf.set(key, set);
  }

  /** A scenario that does not apply to `impl` (it has no such feature): no numbers, and says so. */
  notMeasured(key: MetricKey, impl: ImplName): void {
    this.didNotFinish(key, impl);
    this.note(key, impl, 'not measured');
  }

  /** Drops what was recorded for a metric (a warm-up). */
  reset(key: MetricKey): void {
    this.values.delete(key);
  }

  samples(key: MetricKey, impl: ImplName): number[] {
    return this.values.get(key)?.get(impl) ?? [];
  }

  median(key: MetricKey, impl: ImplName): number | null {
    const list = [...this.samples(key, impl)].sort((a, b) => a - b);
    if (list.length === 0) return null;
    const mid = Math.floor(list.length / 2);
    return list.length % 2 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
  }

  isDnf(key: MetricKey, impl: ImplName): boolean {
    return this.dnf.get(key)?.has(impl) ?? false;
  }
}
