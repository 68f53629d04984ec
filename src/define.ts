/**
 * Registers `<rensei-session-list>` (or the host's own tag, in the host's registry). Guarded: a
 * second import, or a second copy of the package on the page, finds the tag taken and leaves the
 * first registration in place (a different version there gets one console warning).
 */
import { RenseiSessionList } from './components/session-list/session-list.js';

export { TAG_NAME } from './registration.js';

/** Same as `RenseiSessionList.define(tag, registry)`. */
export function defineSessionList(
  tag = 'rensei-session-list',
  registry: CustomElementRegistry = customElements,
): CustomElementConstructor {
  return RenseiSessionList.define(tag, registry);
}
