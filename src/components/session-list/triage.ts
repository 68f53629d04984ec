/**
 * The incident view's glue (CONTRACT §5): two chunks, each fetched once its attribute is set: the
 * sort (sort-engine.ts; until it is in, the view keeps the API's order and no column claims
 * `aria-sort`) and the range (range-engine.ts: what `since` means, and the feed's own paging until
 * the range is covered; until it is in, no range). And export, whose file is a third chunk
 * (csv-download.ts), fetched at the first click: it renders nothing, so it needs no ChunkLoader.
 * The element owns `sort` and `since`; the summary's template is in states.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionFeedController } from '../../controllers/session-feed.js';
import type { WindowController } from '../../controllers/window.js';
import type { SessionView } from '../../model/session-view.js';
import { ChunkLoader } from './chunk-loader.js';
import type { RangeEngine } from './range-engine.js';
import type { SortEngine } from './sort-engine.js';

export interface TriageHost extends ReactiveControllerHost, HTMLElement {
  project: string;
  sort: string;
  since: string;
}

export class Triage implements ReactiveController {
  /** The sort chunk (it holds the focused row in place when the order moves), once `sort` is set. */
  readonly sort: ChunkLoader<SortEngine>;
  /** The range chunk (its paging and notices), once `since` is set. */
  readonly range: ChunkLoader<RangeEngine>;

  constructor(
    readonly host: TriageHost,
    feed: SessionFeedController,
    /** The view the chunks extend. */
    view: SessionView,
    window: WindowController,
  ) {
    host.addController(this);
    this.sort = new ChunkLoader(host, () =>
      import('./sort-engine.js').then(({ SortEngine }) => new SortEngine(host, view, window)),
    );
    this.range = new ChunkLoader(host, () =>
      import('./range-engine.js').then(({ RangeEngine }) => new RangeEngine(host, feed, view)),
    );
  }

  hostUpdate(): void {
    if (this.host.sort) void this.sort.load();
    if (this.host.since) void this.range.load();
  }

  /** Downloads `csv` (the element's `toCsv()`, made at the click); the file's making is a chunk (csv-download.ts). */
  download(csv: string): void {
    void import('./csv-download.js').then(({ download }) => download(csv, this.host.project));
  }
}
