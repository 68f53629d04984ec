/**
 * The incident view's glue (CONTRACT §5): the sort chunk (sort-engine.ts, fetched once `sort`
 * names a key; until it is in, the view keeps the API's order), the range's own paging, and export.
 * The element owns the `sort` and `since` properties; the summary's template is in states.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RangeCoverage } from '../../controllers/range-coverage.js';
import type { SessionFeedController } from '../../controllers/session-feed.js';
import type { WindowController } from '../../controllers/window.js';
import { csvFileName, toCsv } from '../../model/csv.js';
import type { SessionView } from '../../model/session-view.js';
import { nextSort, parseSort, type Sort } from '../../model/sort.js';
import { ChunkLoader } from './chunk-loader.js';
import type { PlaceHolder } from './place-holder.js';

export interface TriageHost extends ReactiveControllerHost, HTMLElement {
  project: string;
  sort: string;
  since: string;
}

export class Triage implements ReactiveController {
  readonly #coverage: RangeCoverage;
  /** The sort chunk: hands the view its sorter, and keeps the focused row's place. */
  readonly #engine: ChunkLoader<PlaceHolder>;

  constructor(
    readonly host: TriageHost,
    feed: SessionFeedController,
    /** The view the sort chunk's sorter goes into. */
    view: SessionView,
    window: WindowController,
  ) {
    host.addController(this);
    this.#coverage = new RangeCoverage(host, feed);
    this.#engine = new ChunkLoader(host, () =>
      import('./sort-engine.js').then(({ SortedRows, PlaceHolder }) => {
        view.sortWith(new SortedRows());
        return new PlaceHolder(window);
      }),
    );
  }

  /** The sort shown: null until the chunk is in (the API's order is shown meanwhile). */
  get sort(): Sort | null {
    return this.#engine.loaded ? parseSort(this.host.sort) : null;
  }

  /** The range stopped at the page cap with more to load. */
  get partial(): boolean {
    return this.#coverage.partial;
  }

  get arriving(): Promise<unknown> | undefined {
    return this.#engine.arriving;
  }

  hostUpdate(): void {
    if (parseSort(this.host.sort)) void this.#engine.load();
  }

  hostUpdated(): void {
    this.#coverage.follow(this.host.since);
  }

  /** The feed started over. */
  reset(): void {
    this.#coverage.reset();
  }

  /** Before the rows render: a sorted view holds the focused row where the reader sees it. */
  hold(view: SessionView, focusedId: string): void {
    const focused = !!this.host.shadowRoot?.activeElement?.matches('[part~="row"]');
    this.#engine.loaded?.hold(view, focusedId, !!this.host.sort && focused);
  }

  /** A header's sort button: its key, then reversed, then the API's order. */
  nextSort(event: Event): string {
    return nextSort(this.host.sort, (event.currentTarget as HTMLElement).dataset.sort!);
  }

  /** Downloads the view as CSV, with a byte order mark that tells a spreadsheet it is UTF-8. */
  download(view: SessionView): void {
    const now = Date.now();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob(['\ufeff', toCsv(view.rows, now)], { type: 'text/csv;charset=utf-8' }));
    link.download = csvFileName(this.host.project, now);
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
}
