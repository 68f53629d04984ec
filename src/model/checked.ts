/**
 * The rows a person has checked, by id, and its rules: ids survive refreshes, sorting and
 * windowing (they are not rows), and only checked rows that are in the view now and can still be
 * stopped count, are named in the confirmation and are sent. Pure.
 */
import { isStoppable, type SessionRow } from './session-row.js';

export class CheckedSet {
  #ids = new Set<string>();

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  /** Checks or unchecks `ids` (one toggles when `on` is not given). */
  set(ids: readonly string[], on = !this.#ids.has(ids[0]!)): void {
    for (const id of ids) {
      if (on) this.#ids.add(id);
      else this.#ids.delete(id);
    }
  }

  clear(): void {
    this.#ids.clear();
  }

  /** How many of `view`'s rows are checked. */
  countIn(view: readonly SessionRow[]): number {
    // Rendered on every update: nothing checked (the usual case) costs no pass over the view.
    if (this.#ids.size === 0) return 0;
    return view.reduce((count, row) => count + +this.#ids.has(row.id), 0);
  }

  /** The checked rows of `view` that can be stopped, in the view's order: what bulk stop counts and sends. */
  stoppableIn(view: readonly SessionRow[]): SessionRow[] {
    if (this.#ids.size === 0) return [];
    return view.filter((row) => this.#ids.has(row.id) && isStoppable(row));
  }
}

/** Up to `shown` names, then how many more: "ENG-1, ENG-2 and 3 more". */
export function nameSome(names: readonly string[], shown: number, more: (count: number) => string): string {
  const head = names.slice(0, shown).join(', ');
  return names.length > shown ? `${head} ${more(names.length - shown)}` : head;
}
