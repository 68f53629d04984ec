/**
 * The package entry: importing it registers `<rensei-session-list>` in the global registry
 * (guarded: a second import, or a second copy on the page, does not throw). For a tag or a
 * registry of your own, import `rensei-session-list/element` instead.
 */
import { RenseiSessionList } from './components/session-list/session-list.js';
import { TAG_NAME } from './registration.js';

RenseiSessionList.define();

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    [TAG_NAME]: RenseiSessionList;
  }
}
