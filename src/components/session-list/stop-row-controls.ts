/**
 * A row's stop controls, in the actions chunk: the checkbox (a cell of its own, first), the stop
 * button and a stop's outcome (both in the status cell), written into the row RowView made. They
 * are found in the row rather than kept: RowView removes them when actions are turned off.
 */
import { html } from 'lit';
import { fromMarkup, setAttribute, setText, toggle } from './row-view.js';

// Prototypes: each row's accessible names and texts are written by writeRowControls().
/* eslint-disable lit-a11y/accessible-name */
const newCheck = fromMarkup(
  html`<span class="cell c-check" part="cell" role="gridcell"
    ><input type="checkbox" part="row-check" tabindex="-1"
  /></span>`,
);
const newStop = fromMarkup(html`<button type="button" class="stop" part="stop" tabindex="-1"></button>`);
const newOutcome = fromMarkup(html`<span class="outcome" part="stop-outcome"></span>`);
/* eslint-enable lit-a11y/accessible-name */

/** What one row's controls show. */
export interface RowControls {
  checked: boolean;
  /** The checkbox's accessible name (`Select ENG-124`). */
  checkLabel: string;
  /** The stop button's accessible name (`Stop ENG-124`), or `""` for none. */
  stopLabel: string;
  /** The stop button's visible word. */
  stopText: string;
  /** A stop's outcome in words (stopping…, stopped, why it failed), and which; `""` for none. */
  outcome: string;
  outcomeKind: '' | 'stopping' | 'ok' | 'failed';
}

/** Writes `controls` into `row` (`status`: its status cell), adding or removing what changed. */
export function writeRowControls(row: HTMLElement, status: HTMLElement, controls: RowControls): void {
  const check = toggle(row.querySelector<HTMLElement>(':scope > .c-check') ?? undefined, true, row, newCheck)!;
  if (check !== row.firstElementChild) row.prepend(check);
  const box = check.firstElementChild as HTMLInputElement;
  box.checked = controls.checked;
  setAttribute(box, 'aria-label', controls.checkLabel);
  const stop = toggle(
    status.querySelector<HTMLElement>('.stop') ?? undefined,
    controls.stopLabel !== '',
    status,
    newStop,
  );
  if (stop) {
    setAttribute(stop, 'aria-label', controls.stopLabel);
    setText(stop, controls.stopText);
  }
  const outcome = toggle(
    status.querySelector<HTMLElement>('.outcome') ?? undefined,
    controls.outcome !== '',
    status,
    newOutcome,
  );
  if (outcome) {
    setAttribute(outcome, 'data-outcome', controls.outcomeKind);
    setText(outcome, controls.outcome);
  }
}
