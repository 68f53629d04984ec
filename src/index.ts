/** The package entry: importing it registers `<rensei-session-list>`. */
import { defineSessionList } from './define.js';

defineSessionList();

export { RenseiSessionList } from './components/session-list/session-list.js';
export { defineSessionList, TAG_NAME } from './define.js';
export * from './events.js';
export type { Session, StuckSignal } from './api/schema.js';
export type { ApiErrorKind } from './api/client.js';
export type { HealthColour } from './model/health.js';
export type { SessionListStrings } from './strings.js';
export { defaultStrings } from './strings.js';
