/**
 * `rensei-session-list/element`: the element class and its types, with no side effects. Nothing is
 * registered: the host picks the tag and the registry.
 *
 * ```ts
 * import { RenseiSessionList } from 'rensei-session-list/element';
 * RenseiSessionList.define('acme-sessions'); // or .define('rensei-session-list', scopedRegistry)
 * ```
 */
export { RenseiSessionList } from './components/session-list/session-list.js';
export { TAG_NAME } from './registration.js';
export * from './events.js';
export type { Session, StuckSignal } from './api/schema.js';
export type { ApiErrorKind } from './api/client.js';
export type { StopResult } from './api/stop.js';
export type { HealthColour } from './model/health.js';
export type { SessionListStrings } from './strings.js';
export { defaultStrings } from './strings.js';
