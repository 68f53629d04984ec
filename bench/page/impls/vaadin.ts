/**
 * @vaadin/grid 25 (virtualized: it recycles a pool of rows as it scrolls). Columns with
 * renderers for the dot and the identifier; the host page filters and sets `items`, the usual way
 * to filter an in-memory grid; pages are appended by setting `items` to the longer list.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import type { Grid } from '@vaadin/grid/vaadin-grid.js';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
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
  let grid!: Grid<Row>;
  let toolbar!: HTMLElement;

  function column(
    header: string,
    path: keyof Row | null,
    renderer?: GridColumn<Row>['renderer'],
    width?: string,
  ): GridColumn<Row> {
    const element = document.createElement('vaadin-grid-column') as GridColumn<Row>;
    element.header = header;
    if (path) element.path = path;
    if (renderer) element.renderer = renderer;
    if (width) {
      element.width = width;
      element.flexGrow = 0;
    }
    return element;
  }

  async function load(): Promise<void> {
    const page = await fetchPage(project, cursor);
    const now = Date.now();
    const rows = page.rows.map((row) => display(row, now));
    cursor = page.cursor;
    all.push(...rows);
    grid.items = filterRows(all, filters).slice();
  }

  return {
    mount(host, slug) {
      project = slug;
      toolbar = hostToolbar((next) => {
        filters = next;
        grid.items = filterRows(all, filters).slice();
      });
      grid = document.createElement('vaadin-grid') as Grid<Row>;
      grid.style.height = '560px';
      grid.append(
        column(
          COLUMNS.health,
          null,
          (root, _column, { item }) => {
            let dot = root.firstElementChild as HTMLElement | null;
            if (!dot) {
              dot = document.createElement('span');
              dot.className = 'bench-dot';
              dot.setAttribute('role', 'img');
              root.append(dot);
            }
            dot.dataset.health = item.health;
            dot.title = item.healthName;
            dot.setAttribute('aria-label', item.healthName);
          },
          '48px',
        ),
        column(COLUMNS.identifier, null, (root, _column, { item, index }) => {
          root.textContent = item.identifier;
          root.dataset.sessionId = item.id;
          root.dataset.index = String(index);
        }),
        column(COLUMNS.status, 'statusName'),
        column(COLUMNS.workType, 'workType'),
        column(COLUMNS.provider, 'provider'),
        column(COLUMNS.started, 'started'),
        column(COLUMNS.duration, 'duration'),
        column(COLUMNS.cost, 'cost'),
      );
      host.append(toolbar, grid);
      void load();
    },
    loaded: () => all.length,
    hasMore: () => cursor !== null,
    loadMore: () => load(),
    async fillTo(target) {
      // Untimed filling: fetch the pages, then set `items` once.
      while (all.length + PAGE_ROWS <= target && cursor !== null) {
        const page = await fetchPage(project, cursor);
        cursor = page.cursor;
        const now = Date.now();
        all.push(...page.rows.map((row) => display(row, now)));
      }
      grid.items = filterRows(all, filters).slice();
    },
    statusSelect: () => toolbar.querySelector('select')!,
    searchInput: () => toolbar.querySelector('input')!,
    scroller: () => grid.shadowRoot!.querySelector<HTMLElement>('#table')!,
    shown(k): Shown {
      const byIndex = new Map<number, string>();
      for (const content of Array.from(grid.querySelectorAll<HTMLElement>('vaadin-grid-cell-content[data-index]'))) {
        const row = content.assignedSlot?.closest('tr');
        if (!row || row.hidden) continue;
        const index = Number(content.dataset.index);
        if (index < k) byIndex.set(index, content.dataset.sessionId!);
      }
      const ids: string[] = [];
      for (let index = 0; index < k && byIndex.has(index); index++) ids.push(byIndex.get(index)!);
      const table = grid.shadowRoot?.querySelector('#table');
      const count = grid.items?.length === 0 ? 0 : Number(table?.getAttribute('aria-rowcount') ?? 0) - 1;
      return { ids, count };
    },
    roots: () => (grid.shadowRoot ? [grid.shadowRoot] : []),
  };
}
