/**
 * This widget, as it ships and as a user's page embeds it: the self-contained bundle
 * (bench/build.ts builds it with the project's own config), loaded by URL; attributes and
 * properties in; it fetches from `api-base` (the bench server's own origin, which serves the
 * shared mock); `loadMore()` (what its load-more button calls) appends pages.
 */
import type { RenseiSessionList } from '../../../src/index.js';
import { TOKEN } from '../shared.js';
import type { Impl, Shown } from '../impl.js';

export default async function create(): Promise<Impl> {
  await import(/* @vite-ignore */ new URL('./widget/rensei-session-list.bundle.js', location.href).href);
  let element!: RenseiSessionList;
  let total = 0;
  let more = false;
  const part = <T extends Element>(selector: string) => element.renderRoot.querySelector<T>(selector)!;
  return {
    mount(host, project) {
      element = document.createElement('rensei-session-list');
      element.apiBase = location.origin;
      element.token = TOKEN;
      element.project = project;
      // Live refresh off: a refresh landing inside a measurement would time two things at once.
      element.refreshInterval = 0;
      // A height of its own, so it scrolls itself like the peer grids (which need one).
      element.style.height = '100%';
      element.addEventListener('sessions-load', (event) => {
        total = event.detail.total;
        more = event.detail.hasMore;
      });
      host.append(element);
    },
    loaded: () => total,
    hasMore: () => more,
    async loadMore() {
      await element.loadMore();
    },
    statusSelect: () => part('[part~="status-filter"]'),
    searchInput: () => part('[part~="search"]'),
    scroller: () => part('[part~="scroller"]'),
    shown(k): Shown {
      const grid = element.renderRoot.querySelector('[part~="grid"]');
      if (!grid) return { ids: [], count: element.renderRoot.querySelector('[part~="empty"]') ? 0 : -1 };
      const ids: string[] = [];
      for (
        let row = grid.querySelector<HTMLElement>('[part~="row"]');
        row && ids.length < k;
        row = row.nextElementSibling as HTMLElement | null
      ) {
        ids.push(row.dataset.sessionId!);
      }
      return { ids, count: Number(grid.getAttribute('aria-rowcount')) - 1 };
    },
    roots: () => [element.renderRoot],
    setSort(sort) {
      element.sort = sort;
    },
    toCsv: () => element.toCsv(),
  };
}
