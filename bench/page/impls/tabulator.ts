/**
 * tabulator-tables 6 (virtual DOM rendering, which needs a fixed height). Its own `setFilter`
 * with a function does the filtering; pages are appended with `addData`.
 */
import { TabulatorFull as Tabulator } from 'tabulator-tables';
import 'tabulator-tables/dist/css/tabulator.min.css';
import { COLUMNS, display, fetchPage, hostToolbar, matches, PAGE_ROWS, type DisplayRow as Row } from '../shared.js';
import type { Impl, Shown } from '../impl.js';

export default function create(): Impl {
  let count = 0;
  let cursor: string | null = null;
  let project = '';
  let table!: InstanceType<typeof Tabulator>;
  let box!: HTMLElement;
  let toolbar!: HTMLElement;
  let built!: Promise<void>;

  async function load(): Promise<void> {
    const page = await fetchPage(project, cursor);
    const now = Date.now();
    const rows = page.rows.map((row) => display(row, now));
    cursor = page.cursor;
    count += rows.length;
    await built;
    await table.addData(rows, false);
  }

  return {
    mount(host, slug) {
      project = slug;
      toolbar = hostToolbar(({ status, search }) => {
        const prefix = search.trim().toLowerCase();
        if (!status && !prefix) table.clearFilter(true);
        else table.setFilter((row: Row) => matches(row, status, prefix));
      });
      box = document.createElement('div');
      host.append(toolbar, box);
      table = new Tabulator(box, {
        data: [],
        index: 'id',
        height: '560px',
        layout: 'fitColumns',
        renderVertical: 'virtual',
        rowFormatter: (row: { getElement(): HTMLElement; getData(): Row }) => {
          row.getElement().dataset.sessionId = row.getData().id;
        },
        columns: [
          {
            title: COLUMNS.health,
            field: 'health',
            width: 48,
            headerSort: false,
            formatter: (cell: { getRow(): { getData(): Row } }) => {
              const row = cell.getRow().getData();
              const dot = document.createElement('span');
              dot.className = 'bench-dot';
              dot.dataset.health = row.health;
              dot.title = row.healthName;
              dot.setAttribute('role', 'img');
              dot.setAttribute('aria-label', row.healthName);
              return dot;
            },
          },
          { title: COLUMNS.identifier, field: 'identifier', headerSort: false },
          { title: COLUMNS.status, field: 'statusName', headerSort: false },
          { title: COLUMNS.workType, field: 'workType', headerSort: false },
          { title: COLUMNS.provider, field: 'provider', headerSort: false },
          { title: COLUMNS.started, field: 'started', headerSort: false },
          { title: COLUMNS.duration, field: 'duration', headerSort: false },
          { title: COLUMNS.cost, field: 'cost', headerSort: false },
        ],
      });
      built = new Promise((resolve) => table.on('tableBuilt', () => resolve()));
      void load();
    },
    loaded: () => count,
    hasMore: () => cursor !== null,
    loadMore: () => load(),
    async fillTo(target) {
      // Untimed filling: fetch the pages, then one addData.
      const rows: Row[] = [];
      while (count + PAGE_ROWS <= target && cursor !== null) {
        const page = await fetchPage(project, cursor);
        cursor = page.cursor;
        const now = Date.now();
        for (const row of page.rows) rows.push(display(row, now));
        count += page.rows.length;
      }
      await built;
      if (rows.length) await table.addData(rows, false);
    },
    statusSelect: () => toolbar.querySelector('select')!,
    searchInput: () => toolbar.querySelector('input')!,
    scroller: () => box.querySelector<HTMLElement>('.tabulator-tableholder')!,
    shown(k): Shown {
      const ids: string[] = [];
      const rows = box.querySelector('.tabulator-table');
      for (
        let row = rows?.firstElementChild as HTMLElement | null;
        row && ids.length < k;
        row = row.nextElementSibling as HTMLElement | null
      ) {
        if (row.dataset.sessionId) ids.push(row.dataset.sessionId);
      }
      return { ids, count: table.getDataCount('active') };
    },
    roots: () => [],
  };
}
