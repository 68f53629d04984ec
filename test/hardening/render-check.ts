/** Reading what one `<rensei-session-list>` shows, and checking it against the oracle. */
import { expect } from '@open-wc/testing';
import type { RenseiSessionList } from '../../src/index.js';
import { part, parts, rowIds, shadow, text } from '../helpers/element.js';
import { expectedColour } from './oracle.js';

const STATUS_WORDS: Record<string, string> = {
  queued: 'Queued',
  working: 'Working',
  completed: 'Completed',
  failed: 'Failed',
  stopped: 'Stopped',
};

/**
 * Whether a part is on screen. Assert on this, never on an element: a failing chai assertion whose
 * actual value is one of the widget's elements hangs the test run (120 s) instead of failing.
 */
export function has(el: Element, name: string): boolean {
  return parts(el, name).length > 0;
}

/** A known status in words; any other status as its raw word (prototype keys included). */
export function statusText(status: string): string {
  return Object.hasOwn(STATUS_WORDS, status) ? STATUS_WORDS[status]! : status;
}

/** The only elements the widget renders: anything else came from data. */
const OWN_TAGS = new Set([
  'DIV',
  'SPAN',
  'LABEL',
  'SELECT',
  'OPTION',
  'INPUT',
  'BUTTON',
  'STRONG',
  'P',
  'A',
  'SLOT',
  'svg',
  'path',
]);

/** No element or attribute in the shadow tree that the widget's own templates do not make. */
export function expectOnlyOwnMarkup(el: RenseiSessionList): void {
  for (const node of shadow(el).querySelectorAll('*')) {
    expect(OWN_TAGS.has(node.tagName), `unexpected <${node.tagName.toLowerCase()}>`).to.equal(true);
    for (const { name } of node.attributes)
      expect(name.startsWith('on'), `unexpected attribute ${name}`).to.equal(false);
  }
  expect((window as { __pwned?: unknown }).__pwned).to.equal(undefined);
}

/** Every rendered row shows its session's own values, as text, in the right columns. */
export function expectRowsShow(el: RenseiSessionList, byId: Map<string, Record<string, unknown>>): void {
  const rows = parts(el, 'row');
  expect(parts(el, 'tooltip').length).to.be.within(rows.length ? 1 : 0, 2);
  for (const rowEl of rows) {
    const data = byId.get(rowEl.dataset.sessionId!)!;
    expect(data, `row ${rowEl.dataset.sessionId} was never sent`).to.exist;
    const cell = (name: string) => rowEl.querySelector(`.c-${name}`)!;
    const shown = (value: unknown) => (typeof value === 'string' && value !== '' ? value : '—');
    expect(rowEl.querySelector('[part~="identifier"]')!.textContent).to.equal(shown(data.issueIdentifier));
    expect(rowEl.querySelector('[part~="status-badge"]')!.textContent).to.equal(statusText(data.status as string));
    expect(rowEl.querySelector('[part~="status-badge"]')!.getAttribute('data-status')).to.equal(data.status);
    expect(cell('work-type').textContent).to.equal(shown(data.workType));
    expect(cell('provider').textContent).to.equal(shown(data.provider));
    const dot = rowEl.querySelector<HTMLElement>('[part~="health-dot"]')!;
    expect(dot.dataset.health).to.equal(expectedColour(data.health));
    // The tooltip (only in the rows a person is on: the Tab stop, the hovered row) says the same.
    const tooltip = rowEl.querySelector('[part~="tooltip"]');
    if (tooltip) expect(dot.getAttribute('aria-label')).to.equal(tooltip.textContent);
    for (const name of ['duration', 'cost']) {
      expect(text(cell(name))).not.to.match(/NaN|undefined|null|Infinity|\[object|function/);
    }
  }
}

export type Shown = 'rows' | 'rows+notice' | 'empty' | 'error';

/** What the element shows now: exactly one of rows, rows plus a notice, empty, or error. */
export function shownState(el: RenseiSessionList): { state: Shown; notices: string[] } {
  const rows = parts(el, 'row').length;
  const error = part(el, 'error');
  const notices = parts(el, 'notice').map((notice) => notice.dataset.kind ?? '');
  const empty = part(el, 'empty');
  if (error) {
    expect(rows, 'an error state with rows').to.equal(0);
    expect(text(error).length, 'an error state without a message').to.be.greaterThan(10);
    expect(error.querySelector('[part~="retry"]') !== null, 'an error state without retry').to.equal(true);
    return { state: 'error', notices };
  }
  if (rows === 0) {
    expect(empty !== null, 'neither rows, nor empty, nor error').to.equal(true);
    return { state: 'empty', notices };
  }
  return { state: notices.includes('rejected') ? 'rows+notice' : 'rows', notices };
}

export function expectIds(el: RenseiSessionList, ids: string[]): void {
  expect(el.sessions.map((session) => session.id)).to.deep.equal(ids);
  const shown = rowIds(el);
  // Windowed: the rows in the DOM are the first ones (nothing is scrolled), as many as fit.
  expect(shown).to.deep.equal(ids.slice(0, shown.length));
  expect(shown.length).to.be.at.least(Math.min(ids.length, 10));
}
