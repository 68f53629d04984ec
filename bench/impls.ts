/**
 * The implementations the bench compares: their names, labels, the baseline every ratio is taken
 * against, the peers the widget must beat, and the render-everything ones that stop at 10k rows.
 */
export const IMPLS = ['widget', 'vanilla-windowed', 'vanilla-all', 'vaadin', 'gridjs', 'tabulator'] as const;
export type ImplName = (typeof IMPLS)[number];
export const BASELINE: ImplName = 'vanilla-windowed';
export const PEERS: ImplName[] = ['vaadin', 'gridjs', 'tabulator'];
export const RENDER_ALL = new Set<ImplName>(['vanilla-all', 'gridjs']);
export const RENDER_ALL_LIMIT = 10_000;
/** A render-everything implementation at its limit: seconds per step, so it is sampled less. */
export const slowAt = (impl: ImplName, size: number) => RENDER_ALL.has(impl) && size >= RENDER_ALL_LIMIT;
export const LABELS: Record<ImplName, string> = {
  widget: 'widget',
  'vanilla-windowed': 'vanilla windowed (baseline)',
  'vanilla-all': 'vanilla, every row',
  vaadin: '@vaadin/grid',
  gridjs: 'gridjs',
  tabulator: 'tabulator-tables',
};
