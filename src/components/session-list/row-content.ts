/**
 * What one row shows: its words and numbers, formatted for the locale, as plain data (`RowContent`).
 * Pure: the clock, the words and the element's state come in as arguments; `RowView` writes the
 * result into the row's DOM.
 */
import { unreadableFields } from '../../api/schema.js';
import { detailHref } from '../../model/detail-link.js';
import {
  formatCost,
  formatDateTime,
  formatDuration,
  formatRelativeTime,
  formatTime,
  MISSING,
} from '../../model/format.js';
import { signalWords, type Health } from '../../model/health.js';
import { durationAt, isTicking, type SessionRow } from '../../model/session-row.js';
import type { SessionListStrings } from '../../strings.js';

/** What one row shows, as text and flags. */
export interface RowContent {
  id: string;
  /** `aria-rowindex` (the header is 1). */
  rowIndex: number;
  selected: boolean;
  /** The grid's one Tab stop. */
  tabStop: boolean;
  health: string;
  healthName: string;
  /** A person is on this row (hovered, the Tab stop, just copied): it holds the tooltip and the copy button. */
  active: boolean;
  identifier: string;
  /** The detail link, or `""` for none. */
  href: string;
  status: string;
  statusName: string;
  workType: string;
  provider: string;
  started: string;
  /** The absolute start time, as the cell's tooltip. */
  startedTitle: string;
  /** Read after the relative time by assistive technology (`", Jun 2, 2026, 2:22 PM"`), or `""`. */
  startedHidden: string;
  duration: string;
  /** The "not live" marker's word and tooltip, or `""` when the row is live. */
  notLive: string;
  notLiveTitle: string;
  cost: string;
  copyLabel: string;
  /** The copy button's confirmation, or `""` for its icon. */
  copied: string;
  copiedState: '' | 'ok' | 'failed';
  /** With actions on: what writes the row's checkbox, stop button and outcome; null for none. */
  actions: RowActions | null;
  /** Read by assistive technology when fields could not be read (they show as "—"), or `""`. */
  unreadable: string;
}

/** With actions on (the actions chunk): a row's own controls. */
export interface RowActions {
  /** Brings the controls of row `id` in `element` (`status`: its status cell) to what they show now. */
  write(id: string, element: HTMLElement, status: HTMLElement): void;
}

/** The last copy of an id, for its visible confirmation. */
export interface Copied {
  id: string;
  ok: boolean;
}

/** What every row of one render shares: the words, the clock, and the element's state. */
export interface RowContext {
  text: SessionListStrings;
  locale: string | undefined;
  now: number;
  /** The host's `detail-url` template, and the page's URL to resolve it against. */
  detailUrl: string;
  baseUrl: string;
  selected: string;
  hovered: string;
  copied: Copied | null;
  /** True when the last refresh covered the row (a working row's duration then ticks). */
  isLive(row: SessionRow): boolean;
  healthNames: HealthNames;
  /** Null while actions are off: no checkbox, no stop button. */
  actions: RowActions | null;
}

/** Signals named in a health's name and tooltip; the rest are counted. */
const NAMED_SIGNALS = 3;

/** Entries kept before the cache starts over: far more than the distinct healths of a real fleet. */
const HEALTH_NAMES_KEPT = 256;

/**
 * The accessible names of healths, by value (colour and signals), for one set of words. Keyed by
 * value, not by object: a row with signals gets a new health object on every refresh, so a map
 * keyed by object would grow for as long as the page lives. Bounded all the same, against a server
 * that invents a new signal name on every refresh.
 */
export class HealthNames {
  #names = new Map<string, string>();
  #text: SessionListStrings | undefined;

  get size(): number {
    return this.#names.size;
  }

  name(health: Health, text: SessionListStrings): string {
    if (text !== this.#text || this.#names.size >= HEALTH_NAMES_KEPT) {
      this.#names.clear();
      this.#text = text;
    }
    const key = `${health.colour}\u0000${health.signals.join('\u0000')}`;
    let name = this.#names.get(key);
    if (name === undefined) {
      // The first few by name: 10,000 signals made a 149,000-character name and tooltip.
      const named = health.signals.slice(0, NAMED_SIGNALS).map(signalWords);
      name = text.healthName(health.colour, named, health.signals.length - named.length);
      this.#names.set(key, name);
    }
    return name;
  }
}

/** What row `row`, at `index` of the view, shows in this render. */
export function rowContent(row: SessionRow, index: number, tabStop: boolean, context: RowContext): RowContent {
  const { text: t, locale, now } = context;
  const { session, health } = row;
  const live = context.isLive(row);
  // A working row that the last refresh didn't cover: its duration is frozen, and says so.
  const stale = !live && isTicking(row);
  const startedMs = row.startedMs; // parsed from the session on each read
  const startedAt = formatDateTime(startedMs, locale);
  const copied = context.copied?.id === row.id ? context.copied : null;
  const unreadable = unreadableFields(session);
  return {
    id: row.id,
    rowIndex: index + 2,
    selected: row.id === context.selected,
    tabStop,
    health: health.colour,
    healthName: context.healthNames.name(health, t),
    active: tabStop || row.id === context.hovered || copied !== null,
    identifier: session.issueIdentifier || MISSING,
    href: detailHref(context.detailUrl, row.id, context.baseUrl) ?? '',
    status: session.status,
    statusName: t.statusName(session.status),
    workType: session.workType || MISSING,
    provider: session.provider || MISSING,
    started: formatRelativeTime(startedMs, now, locale),
    startedTitle: startedAt,
    startedHidden: startedMs === null ? '' : `, ${startedAt}`,
    duration: formatDuration(durationAt(row, now, live), locale),
    notLive: stale ? t.notLive : '',
    notLiveTitle: stale ? t.notLiveTitle(formatTime(row.fetchedAt, locale)) : '',
    cost: formatCost(row.costUsd, locale),
    copyLabel: t.copyId,
    copied: copied ? (copied.ok ? t.copied : t.copyFailed) : '',
    copiedState: copied ? (copied.ok ? 'ok' : 'failed') : '',
    actions: context.actions,
    unreadable: unreadable.length ? t.unreadableRow([...new Set(unreadable.map(t.fieldName))]) : '',
  };
}
