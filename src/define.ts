/**
 * Registers `<rensei-session-list>`. Guarded: a second import, or a second copy of the package
 * on the page, finds the tag taken and leaves the first registration in place.
 */
import { RenseiSessionList } from './components/session-list/session-list.js';

export const TAG_NAME = 'rensei-session-list';

export function defineSessionList(tag = TAG_NAME, registry: CustomElementRegistry = customElements): void {
  if (registry.get(tag)) return;
  // A constructor registers once per registry: a second tag name gets a subclass of its own.
  const taken = registry.getName?.(RenseiSessionList);
  registry.define(tag, taken ? class extends RenseiSessionList {} : RenseiSessionList);
}

declare global {
  interface HTMLElementTagNameMap {
    'rensei-session-list': RenseiSessionList;
  }
}
