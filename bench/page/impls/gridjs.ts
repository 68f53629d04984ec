/**
 * gridjs 6 (no virtualization: it renders every row of its data). The host page filters (gridjs
 * has a global search, no column filter) and hands it the result, as an app would:
 * `updateConfig({ data }).forceRender()`. Its 100 ms processing throttle is set to 0 so the
 * bench times its work, not its deliberate delay.
 */
import { Grid, h } from 'gridjs';
import 'gridjs/dist/theme/mermaid.css';
import {
  COLUMNS,
  display,
  fetchPage,
  filterRows,
  hostToolbar,
  PAGE_ROWS,
  type Filters,
  type DisplayRow as Row,
} from '../shared.js';
import type { Impl, Shown } from '../impl.js';

export default function create(): Impl {
  const all: Row[] = [];
  let cursor: string | null = null;
  let project = '';
  let filters: Filters = { status: '', search: '' };
  let grid!: Grid;
  let box!: HTMLElement;
  let toolbar!: HTMLElement;

  const columns = [
    { id: 'id', name: 'id', hidden: true },
    {
      id: 'health',
      name: COLUMNS.health,
      width: '48px',
      formatter: (_: unknown, row: { cells: { data: unknown }[] }) => {
        const data = (row.cells[HEALTH_PAIR]!.data as string).split('\u0000');
        return h('span', {
          class: 'bench-dot',
          'data-health': data[0],
          title: data[1],
          role: 'img',
          'aria-label': data[1],
        });
      },
    },
    {
      id: 'identifier',
      name: COLUMNS.identifier,
      attributes: (_: unknown, row: { cells: { data: unknown }[] } | null) =>
        row ? { 'data-session-id': row.cells[0]!.data as string } : {},
    },
    { id: 'statusName', name: COLUMNS.status },
    { id: 'workType', name: COLUMNS.workType },
    { id: 'provider', name: COLUMNS.provider },
    { id: 'started', name: COLUMNS.started },
    { id: 'duration', name: COLUMNS.duration },
    { id: 'cost', name: COLUMNS.cost },
    { id: 'status', name: 'status', hidden: true },
    { id: 'healthPair', name: 'healthPair', hidden: true },
  ];
  const HEALTH_PAIR = columns.findIndex((column) => column.id === 'healthPair');
  const toData = (rows: Row[]) => rows.map((row) => ({ ...row, healthPair: `${row.health}\u0000${row.healthName}` }));
  let data: ReturnType<typeof toData> = [];

  function show(rows: Row[]): void {
    data = toData(rows);
    grid.updateConfig({ data }).forceRender();
  }

  async function load(): Promise<void> {
    const page = await fetchPage(project, cursor);
    const now = Date.now();
    const rows = page.rows.map((row) => display(row, now));
    cursor = page.cursor;
    all.push(...rows);
    show(filterRows(all, filters));
  }

  return {
    mount(host, slug) {
      project = slug;
      toolbar = hostToolbar((next) => {
        filters = next;
        show(filterRows(all, filters));
      });
      box = document.createElement('div');
      host.append(toolbar, box);
      grid = new Grid({
        columns,
        data: [],
        sort: false,
        search: false,
        pagination: false,
        fixedHeader: true,
        height: '560px',
        autoWidth: false,
        processingThrottleMs: 0,
      } as never);
      grid.render(box);
      void load();
    },
    loaded: () => all.length,
    hasMore: () => cursor !== null,
    loadMore: () => load(),
    async fillTo(target) {
      // Untimed: fetch the pages, then render once (gridjs re-renders every row on each update).
      while (all.length + PAGE_ROWS <= target && cursor !== null) {
        const page = await fetchPage(project, cursor);
        cursor = page.cursor;
        const now = Date.now();
        all.push(...page.rows.map((row) => display(row, now)));
      }
      show(filterRows(all, filters));
    },
    statusSelect: () => toolbar.querySelector('select')!,
    searchInput: () => toolbar.querySelector('input')!,
    scroller: () => box.querySelector<HTMLElement>('.gridjs-wrapper')!,
    shown(k): Shown {
      const body = box.querySelector('tbody.gridjs-tbody');
      if (!body) return { ids: [], count: -1 };
      if (body.querySelector('td.gridjs-message'))
        return { ids: [], count: body.querySelector('.gridjs-notfound') ? 0 : -1 };
      const ids: string[] = [];
      for (let row = body.firstElementChild; row && ids.length < k; row = row.nextElementSibling) {
        const cell = row.querySelector<HTMLElement>('td[data-session-id]');
        if (cell) ids.push(cell.dataset.sessionId!);
      }
      return { ids, count: body.childElementCount };
    },
    roots: () => [],
  };
}
