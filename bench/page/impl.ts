/** What the harness drives: one table implementation, mounted in the bench page. */
export interface Shown {
  /** Ids of the first rows shown, in order (read from the DOM). */
  ids: string[];
  /** How many rows the view has (from its DOM where it says so, else from its own model). */
  count: number;
}

export interface Impl {
  /** Mounts into `host` (a box 1200 × 640 px) and fetches the first page of `project`. */
  mount(host: HTMLElement, project: string): void;
  /** Rows loaded so far. */
  loaded(): number;
  hasMore(): boolean;
  /** Fetches the next page and appends it; resolves once the implementation has it. */
  loadMore(): Promise<void>;
  /**
   * Untimed filling (between measurements): fetch pages until `target` rows and show them once.
   * Only for implementations that re-render everything per page; the others just `loadMore()`.
   */
  fillTo?(target: number): Promise<void>;
  statusSelect(): HTMLSelectElement;
  searchInput(): HTMLInputElement;
  /** The element that scrolls the rows. */
  scroller(): HTMLElement;
  shown(k: number): Shown;
  /** Sets the sort (`health`, `-health`, `""`), where the implementation has one (S8, S9). */
  setSort?(sort: string): void;
  /** The view as CSV, where the implementation exports (S10). */
  toCsv?(): string;
  /** Shadow roots to watch for mutations, besides the document. */
  roots(): Node[];
}

/** Render-everything implementations stop here ("did not finish" beyond). */
export const RENDER_ALL_LIMIT = 10_000;
