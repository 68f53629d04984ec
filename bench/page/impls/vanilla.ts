/**
 * The hand-written vanilla tables, in a shadow root with the widget's own stylesheet and the same
 * markup (ARIA grid, one row element per session, same cells and parts, see ROW_TEMPLATE), the
 * same toolbar (status select with counts, search, health select) and footer, and the same
 * filtering.
 *
 * - `windowed`: the practical limit for a windowed list. Uniform row height measured from a
 *   rendered row, spacers above and below, 10 rows of overscan (as the widget), one re-window per
 *   frame on scroll, rows keyed by id and reused, the DOM touched only where the window changed,
 *   status counts kept incrementally.
 * - not windowed: renders every row (each built once, then reused across filter changes).
 */
import { styles } from '../../../src/components/session-list/session-list.styles.js';
import { formatCost, formatCount } from '../../../src/model/format.js';
import { defaultStrings as t } from '../../../src/strings.js';
import { cells, COLUMNS, fetchPage, filterRows, PAGE_ROWS, STATUSES, type Row } from '../shared.js';
import type { Impl, Shown } from '../impl.js';

const OVERSCAN = 10;
const HEALTH_RANK: Record<string, number> = { red: 0, yellow: 1, unknown: 2, green: 3 };

// The widget's row, element for element (as rendered at the time of writing): health dot and its
// tooltip, identifier and its copy button, status badge, work type, provider, start time (relative,
// with the absolute one for screen readers), duration, cost.
const COPY_ICON =
  '<svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" fill="currentColor"><path d="M4 4V1.5A1.5 1.5 0 0 1 5.5 0h8A1.5 1.5 0 0 1 15 1.5v8a1.5 1.5 0 0 1-1.5 1.5H11v2.5A1.5 1.5 0 0 1 9.5 15h-8A1.5 1.5 0 0 1 0 13.5v-8A1.5 1.5 0 0 1 1.5 4Zm1.5 0h4A1.5 1.5 0 0 1 11 5.5v4h2.5v-8h-8ZM1.5 5.5v8h8v-8Z"></path></svg>';
const ROW_TEMPLATE = document.createElement('template');
ROW_TEMPLATE.innerHTML =
  '<div class="row" role="row" part="row" aria-selected="false" tabindex="-1">' +
  '<span role="gridcell" class="cell c-health" part="cell"><span class="dot" part="health-dot" role="img"></span><span class="tooltip" part="tooltip" aria-hidden="true"></span></span>' +
  `<span role="gridcell" class="cell c-identifier" part="cell"><span part="identifier"></span><button type="button" class="copy" part="copy" tabindex="-1" title="${t.copyId}" aria-label="${t.copyId}">${COPY_ICON}</button></span>` +
  '<span role="gridcell" class="cell c-status" part="cell"><span class="badge" part="status-badge"></span></span>' +
  '<span role="gridcell" class="cell c-work-type" part="cell"></span>' +
  '<span role="gridcell" class="cell c-provider" part="cell"></span>' +
  '<span role="gridcell" class="cell c-started" part="cell"><span part="started"></span></span>' +
  '<span role="gridcell" class="cell c-duration num" part="cell"></span>' +
  '<span role="gridcell" class="cell c-cost num" part="cell"></span>' +
  '</div>';

function buildRow(row: Row): HTMLElement {
  const text = cells(row);
  const element = ROW_TEMPLATE.content.firstElementChild!.cloneNode(true) as HTMLElement;
  element.dataset.sessionId = row.id;
  const [health, identifier, status, workType, provider, started, duration, cost] =
    element.children as unknown as HTMLElement[];
  const dot = health!.firstElementChild as HTMLElement;
  dot.dataset.health = row.health;
  dot.setAttribute('aria-label', text.healthName);
  health!.lastElementChild!.textContent = text.healthName;
  identifier!.firstElementChild!.textContent = row.identifier;
  const badge = status!.firstElementChild as HTMLElement;
  badge.dataset.status = row.status;
  badge.textContent = text.statusName;
  workType!.textContent = row.workType;
  provider!.textContent = row.provider;
  started!.title = text.startedAt;
  started!.firstElementChild!.textContent = text.started;
  if (row.startedMs !== null) {
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = `, ${text.startedAt}`;
    started!.append(hidden);
  }
  duration!.textContent = text.duration;
  cost!.textContent = text.cost;
  return element;
}

export function createVanilla(windowed: boolean): Impl {
  const all: Row[] = [];
  let shownRows: Row[] = all;
  let cursor: string | null = null;
  let project = '';
  let status = '';
  let search = '';
  let sort = '';
  // Every row in sort order (the API's when unsorted): sorted once per change of sort or rows.
  let sorted: Row[] = all;
  let totalCost = 0;
  const counts = new Map<string, number>(STATUSES.map((name) => [name, 0]));
  const elements = new Map<string, HTMLElement>();
  let rowHeight = 36;
  let measured = false;
  let frame = 0;

  const host = document.createElement('div');
  host.style.cssText = 'display:block;height:100%';
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [styles.styleSheet!];
  // The widget's :host rules apply to this host too.
  root.innerHTML = `<div class="root" part="base">
    <div class="toolbar" part="toolbar">
      <label class="field"><span class="field-label">${t.statusFilterLabel}</span><select part="status-filter"></select></label>
      <label class="field search-field"><span class="field-label">${t.searchLabel}</span>
        <input part="search" type="search" autocomplete="off" spellcheck="false" placeholder="${t.searchPlaceholder}"></label>
      <label class="field"><span class="field-label">${t.healthFilterLabel}</span><select part="health-filter">
        <option value="">${t.healthFilterAll}</option><option value="attention">${t.healthFilterAttention}</option><option value="blocking">${t.healthFilterBlocking}</option>
      </select></label>
    </div>
    <div class="scroller" part="scroller">
      <div role="grid" part="grid" aria-label="${t.listLabel}">
        <div class="header-group" role="rowgroup"><div class="row header" role="row" part="header" aria-rowindex="1">
          <span role="columnheader" class="cell c-health"><span class="visually-hidden">${COLUMNS.health}</span></span>
          <span role="columnheader" class="cell c-identifier">${COLUMNS.identifier}</span>
          <span role="columnheader" class="cell c-status">${COLUMNS.status}</span>
          <span role="columnheader" class="cell c-work-type">${COLUMNS.workType}</span>
          <span role="columnheader" class="cell c-provider">${COLUMNS.provider}</span>
          <span role="columnheader" class="cell c-started">${COLUMNS.started}</span>
          <span role="columnheader" class="cell c-duration num">${COLUMNS.duration}</span>
          <span role="columnheader" class="cell c-cost num">${COLUMNS.cost}</span>
        </div></div>
        <div class="rows" role="rowgroup"></div>
      </div>
    </div>
    <div class="footer" part="footer"><span class="summary" role="status"></span></div>
  </div>`;
  const select = root.querySelector<HTMLSelectElement>('[part="status-filter"]')!;
  const input = root.querySelector('input')!;
  const scroller = root.querySelector<HTMLElement>('.scroller')!;
  const grid = root.querySelector<HTMLElement>('[role="grid"]')!;
  const body = root.querySelector<HTMLElement>('.rows')!;
  const summary = root.querySelector<HTMLElement>('.summary')!;

  function renderOptions(): void {
    const options = [`<option value="">${t.allStatuses}</option>`];
    for (const [name, count] of counts) {
      options.push(
        `<option value="${name}"${name === status ? ' selected' : ''}>${t.statusOption(t.statusName(name), formatCount(count))}</option>`,
      );
    }
    select.innerHTML = options.join('');
    select.value = status;
  }

  /** The widget's `health` sort (worst first; `-health` reversed), stable: ties keep the API's order. */
  function resort(): void {
    const direction = sort === '-health' ? -1 : 1;
    sorted = sort
      ? all
          .map((row, index) => ({ row, rank: HEALTH_RANK[row.health]!, index }))
          .sort((a, b) => (a.rank - b.rank) * direction || a.index - b.index)
          .map((entry) => entry.row)
      : all;
  }

  function refilter(): void {
    shownRows = filterRows(sorted, { status, search });
    totalCost = 0;
    for (const row of shownRows) totalCost += row.costUsd ?? 0;
  }

  function elementFor(row: Row, index: number): HTMLElement {
    let element = elements.get(row.id);
    if (!element) {
      element = buildRow(row);
      elements.set(row.id, element);
    }
    const rowIndex = String(index + 2);
    if (element.getAttribute('aria-rowindex') !== rowIndex) element.setAttribute('aria-rowindex', rowIndex);
    return element;
  }

  function renderFooter(): void {
    const filtered = status !== '' || search.trim() !== '';
    summary.textContent =
      `${t.footerCount(shownRows.length, formatCount(shownRows.length))} · ${formatCost(totalCost)}` +
      (filtered ? ` ${t.footerOfLoaded(formatCount(all.length))}` : '');
    grid.setAttribute('aria-rowcount', String(shownRows.length + 1));
  }

  /** Windowed: the rows meeting the scroller's visible band, plus overscan, keyed and reused. */
  function renderWindow(): void {
    const top = scroller.scrollTop - body.offsetTop;
    const visible = scroller.clientHeight;
    const total = shownRows.length;
    const start = Math.min(total, Math.max(0, Math.floor(top / rowHeight) - OVERSCAN));
    const end = Math.max(start, Math.min(total, Math.ceil((top + visible) / rowHeight) + OVERSCAN));
    const keep = new Set<string>();
    for (let i = start; i < end; i++) keep.add(shownRows[i]!.id);
    for (const child of Array.from(body.children) as HTMLElement[]) {
      if (!keep.has(child.dataset.sessionId!)) child.remove();
    }
    // Rows kept stay in order (a window, or a filtered subsequence): insert the new ones between.
    let next = body.firstElementChild;
    for (let i = start; i < end; i++) {
      const element = elementFor(shownRows[i]!, i);
      if (element === next) next = next.nextElementSibling;
      else body.insertBefore(element, next);
    }
    body.style.paddingTop = `${start * rowHeight}px`;
    body.style.paddingBottom = `${(total - end) * rowHeight}px`;
    // Drop elements of rows far away, so memory stays bounded by the window.
    if (elements.size > 4 * (end - start) + 200) {
      for (const id of elements.keys()) if (!keep.has(id)) elements.delete(id);
    }
    if (!measured && body.firstElementChild) {
      measured = true;
      const height = (body.firstElementChild as HTMLElement).getBoundingClientRect().height;
      if (height > 0 && Math.abs(height - rowHeight) > 0.5) {
        rowHeight = height;
        renderWindow();
      }
    }
  }

  function renderAll(): void {
    body.replaceChildren(...shownRows.map((row, index) => elementFor(row, index)));
  }

  function render(): void {
    if (windowed) renderWindow();
    else renderAll();
    renderFooter();
  }

  async function load(): Promise<void> {
    const page = await fetchPage(project, cursor);
    cursor = page.cursor;
    const from = all.length;
    for (const row of page.rows) {
      all.push(row);
      counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    }
    renderOptions();
    if (sort) resort();
    if (status === '' && search.trim() === '' && !sort) {
      shownRows = all;
      for (const row of page.rows) totalCost += row.costUsd ?? 0;
      if (windowed) renderWindow();
      else body.append(...page.rows.map((row, index) => elementFor(row, from + index)));
      renderFooter();
    } else {
      refilter();
      render();
    }
  }

  select.addEventListener('change', () => {
    status = select.value;
    refilter();
    render();
  });
  input.addEventListener('input', () => {
    search = input.value;
    refilter();
    render();
  });
  if (windowed) {
    scroller.addEventListener(
      'scroll',
      () => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          renderWindow();
        });
      },
      { passive: true },
    );
  }

  return {
    mount(container, slug) {
      project = slug;
      container.append(host);
      renderOptions();
      void load();
    },
    loaded: () => all.length,
    hasMore: () => cursor !== null,
    loadMore: () => load(),
    // Untimed filling: the every-row table gets the pages' rows in one go (one layout, not one per page).
    fillTo: windowed
      ? undefined
      : async (target) => {
          const from = all.length;
          while (all.length + PAGE_ROWS <= target && cursor !== null) {
            const page = await fetchPage(project, cursor);
            cursor = page.cursor;
            for (const row of page.rows) {
              all.push(row);
              counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
            }
          }
          if (all.length === from) return;
          renderOptions();
          refilter();
          render();
        },
    statusSelect: () => select,
    searchInput: () => input,
    scroller: () => scroller,
    shown(k): Shown {
      const ids: string[] = [];
      for (
        let row = body.firstElementChild as HTMLElement | null;
        row && ids.length < k;
        row = row.nextElementSibling as HTMLElement | null
      ) {
        ids.push(row.dataset.sessionId!);
      }
      return { ids, count: Number(grid.getAttribute('aria-rowcount') ?? 0) - 1 };
    },
    roots: () => [root],
    setSort(value) {
      sort = value;
      resort();
      refilter();
      render();
    },
  };
}
