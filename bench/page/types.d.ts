// tabulator-tables ships no types (and @types/tabulator-tables is not a dependency): the bench
// uses a handful of its calls, typed loosely here.
declare module 'tabulator-tables' {
  export class TabulatorFull {
    constructor(element: HTMLElement, options: Record<string, unknown>);
    on(event: string, callback: (...args: unknown[]) => void): void;
    addData(rows: unknown[], addToTop?: boolean): Promise<unknown>;
    setFilter(filter: (data: never) => boolean): void;
    clearFilter(includeHeaderFilters?: boolean): void;
    getDataCount(type?: 'active' | 'visible' | 'all'): number;
    destroy(): void;
  }
}
