/**
 * Type-level tests of the public types, compiled by `npm run typecheck` and never run. A line
 * under `@ts-expect-error` must fail to compile: if it ever compiles, tsc reports the directive as
 * unused, and the type check fails.
 */
import type * as z from 'zod/mini';
import type { sessionSchema } from '../../src/api/schema.js';
import * as elementEntry from '../../src/element.js';
import {
  RenseiSessionList,
  FilterChangeEvent,
  type Session,
  type SessionSelectDetail,
  SessionSelectEvent,
  SessionsErrorEvent,
  SessionsLoadEvent,
} from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const holds = <T extends true>(): T | undefined => undefined;

declare const el: RenseiSessionList;
const seen: unknown[] = [];

// ——— events: typed by name, no casts ———

el.addEventListener('session-select', (e) => {
  holds<Equal<typeof e, SessionSelectEvent>>();
  const id: string = e.detail.session.id;
  seen.push(id, e.detail.session.status, e.detail.session.costUsd);
  e.preventDefault(); // cancelable by contract
});
el.addEventListener('sessions-load', (e) => {
  holds<Equal<typeof e, SessionsLoadEvent>>();
  const added: string[] = e.detail.added;
  const total: number = e.detail.total;
  const kind: 'refresh' | 'more' = e.detail.request;
  seen.push(added, total, kind, e.detail.hasMore);
});
el.addEventListener('sessions-error', (e) => {
  holds<Equal<typeof e, SessionsErrorEvent>>();
  const status: number | null = e.detail.status;
  seen.push(status, e.detail.kind, e.detail.message, e.detail.retryInMs);
});
el.addEventListener('filter-change', (e) => {
  holds<Equal<typeof e, FilterChangeEvent>>();
  seen.push(e.detail.status, e.detail.search, e.detail.health);
});
// Listeners added on an ancestor see the same types (the events bubble and are composed).
document.body.addEventListener('session-select', (e) => seen.push(e.detail.session.id));
// Native events keep theirs.
el.addEventListener('click', (e) => seen.push(e.clientX));

// @ts-expect-error: the detail has no such field
el.addEventListener('session-select', (e) => e.detail.nope);
// @ts-expect-error: a session-select detail is not a sessions-load one
el.addEventListener('session-select', (e) => e.detail.total);
// @ts-expect-error: a session id is a string
el.addEventListener('session-select', (e) => e.detail.session.id.toFixed());

// ——— the tag map, the properties ———

holds<Equal<HTMLElementTagNameMap['rensei-session-list'], RenseiSessionList>>();
const made = document.createElement('rensei-session-list');
made.project = 'web';
made.refreshInterval = 2.5;
made.strings = { loading: 'Loading…' };
// @ts-expect-error: refreshInterval is a number
made.refreshInterval = '30';
// @ts-expect-error: sessions is read-only
made.sessions = [];
const loaded: readonly Session[] = made.sessions;
seen.push(loaded, made.refresh(), made.loadMore());

// ——— Session is declared, and the schema's output is exactly it ———

holds<Equal<Session, z.output<typeof sessionSchema>>>();
holds<Equal<SessionSelectEvent['detail'], SessionSelectDetail>>();
holds<Equal<SessionSelectDetail['session'], Session>>();

// ——— registration on the host's terms, versions ———

const version: string = RenseiSessionList.version;
const defined: CustomElementConstructor = RenseiSessionList.define();
RenseiSessionList.define('acme-sessions');
RenseiSessionList.define('acme-sessions', new CustomElementRegistry());
// @ts-expect-error: a registry, not a document
RenseiSessionList.define('acme-sessions', document);
// The side-effect-free entry has the same class and types.
holds<Equal<typeof elementEntry.RenseiSessionList, typeof RenseiSessionList>>();
holds<Equal<elementEntry.SessionSelectEvent, SessionSelectEvent>>();
holds<Equal<elementEntry.Session, Session>>();
seen.push(version, defined);

// Listeners on `document` (and `window`) are typed too: the events are in GlobalEventHandlersEventMap.
document.addEventListener('session-select', (e) => {
  holds<Equal<typeof e, SessionSelectEvent>>();
  seen.push(e.detail.session.id);
});
document.addEventListener('sessions-error', (e) => {
  holds<Equal<typeof e, SessionsErrorEvent>>();
  seen.push(e.detail.request);
});
// Each event class names its event.
const names: ['session-select', 'sessions-load', 'sessions-error', 'filter-change'] = [
  SessionSelectEvent.eventName,
  SessionsLoadEvent.eventName,
  SessionsErrorEvent.eventName,
  FilterChangeEvent.eventName,
];
seen.push(names);
