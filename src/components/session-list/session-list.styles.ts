import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Our stylesheet is one static literal with nothing interpolated, so it needs none of what Lit's
 * `css` tag adds (composing other `css` results, refusing anything else): this tag takes the text
 * as written. Named `css`, so the build's template minifier and the template linter still treat
 * the literal as CSS; Lit's own `css` (and its long error message) then stays out of the bundle.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);

export const styles = css`
  :host {
    /* Public knobs (--rensei-*) fall back to defaults; private ones (--_*) are what rules use,
       named short because they ship in every bundle: f font, t text, m muted, bg background,
       s surface, b border, a accent, sel selected, g/y/r/u green/yellow/red/unknown, h row height,
       rad radius, py/px cell padding. light-dark() picks by color-scheme: the reader's
       preference, or the theme attribute. */
    color-scheme: light dark;
    --_f: var(--rensei-font, system-ui, sans-serif);
    --_t: var(--rensei-color-text, light-dark(#1f2328, #e6edf3));
    --_m: var(--rensei-color-muted, light-dark(#59636e, #9198a1));
    --_bg: var(--rensei-color-background, light-dark(#ffffff, #0d1117));
    --_s: var(--rensei-color-surface, light-dark(#f6f8fa, #151b23));
    --_b: var(--rensei-color-border, light-dark(#d1d9e0, #3d444d));
    --_a: var(--rensei-color-accent, light-dark(#0969da, #4493f8));
    --_sel: var(--rensei-color-selected, light-dark(#ddf4ff, #132339));
    --_g: var(--rensei-color-green, light-dark(#1a7f37, #3fb950));
    --_y: var(--rensei-color-yellow, light-dark(#9a6700, #d29922));
    --_r: var(--rensei-color-red, light-dark(#d1242f, #f85149));
    --_u: var(--rensei-color-unknown, light-dark(#818b98, #656c76));
    --_h: var(--rensei-row-height, 36px);
    --_rad: var(--rensei-radius, 6px);
    /* Written without the spaces prettier adds, here and in the notice's color-mix(): the minifier
       keeps them in values holding var(). */
    /* prettier-ignore */
    --_py: calc(6px*var(--rensei-density,1));
    /* prettier-ignore */
    --_px: calc(10px*var(--rensei-density,1));

    display: block;
    box-sizing: border-box;
    color: var(--_t);
    background: var(--_bg);
    font-family: var(--_f);
    font-size: var(--rensei-font-size, 14px);
    line-height: 1.4;
    border: 1px solid var(--_b);
    border-radius: var(--_rad);
    overflow: hidden;
    container-type: inline-size;
  }

  :host([theme='light']) {
    color-scheme: light;
  }

  :host([theme='dark']) {
    color-scheme: dark;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* Grows with its content; a host that sets a height (or max-height) gets an inner scroll. */
  .root {
    display: flex;
    flex-direction: column;
    height: 100%;
    max-height: inherit;
  }

  .scroller {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
  }

  /* Windowing changes the spacers as it scrolls: the browser must not "anchor" against that. */
  .scroller,
  .rows {
    overflow-anchor: none;
  }

  /* The one input is the search field. */
  button,
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_b);
    border-radius: var(--_rad);
    padding: 4px 10px;
    min-height: 32px;
  }

  button {
    cursor: pointer;
    background: var(--_s);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  :focus-visible {
    outline: 2px solid var(--_a);
    outline-offset: -2px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
    padding: 10px var(--_px);
    background: var(--_s);
    border-bottom: 1px solid var(--_b);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .field-label {
    font-size: 0.8em;
    color: var(--_m);
  }

  .search-field {
    flex: 1 1 12em;
  }

  .search-field input {
    width: 100%;
  }

  .updated {
    margin-left: auto;
    align-self: center;
    color: var(--_m);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }

  .notices {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px var(--_px);
    border-bottom: 1px solid var(--_b);
  }

  .notice {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 10px;
    border-radius: var(--_rad);
    /* prettier-ignore */
    border: 1px solid color-mix(in srgb,var(--_y) 50%,transparent);
    /* prettier-ignore */
    background: color-mix(in srgb,var(--_y) 12%,var(--_bg));
  }

  .notice > span {
    flex: 1;
  }

  /* In the toolbar, beside the filters: health at a glance takes no row of its own. */
  .summary-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }

  .total {
    color: var(--_m);
  }

  [data-health='blocking'] {
    color: var(--_r);
  }

  /* The header's word, as a button: the same look, with the direction shown by aria-sort. */
  .sort {
    all: inherit;
    cursor: pointer;
  }

  [aria-sort] .sort::after {
    content: ' ↓';
  }

  [aria-sort='ascending'] .sort::after {
    content: ' ↑';
  }

  .new-sessions-anchor {
    position: sticky;
    top: 0;
    z-index: 4;
    height: 0;
    display: flex;
    justify-content: center;
  }

  .new-sessions {
    margin-top: 34px;
    border-radius: 999px;
    color: var(--_bg);
    background: var(--_a);
    border-color: var(--_a);
    font-weight: 600;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }

  .row {
    display: grid;
    /* The least widths keep the status, the start and the numbers whole ("Completed",
       "42 min. ago", "23h 59m", "$1,234.56"); words like a work type may be cut short. */
    /* With actions, the checkbox column comes first (--_c0). */
    grid-template-columns:
      var(--_c0,) 28px minmax(6.5em, 1.2fr) minmax(9em, 0.9fr) minmax(5em, 1fr) minmax(4.5em, 0.8fr)
      minmax(7.5em, 0.8fr) minmax(6.5em, 0.8fr) minmax(7.5em, 0.6fr);
    align-items: center;
    min-height: var(--_h);
    border-bottom: 1px solid var(--_b);
  }

  .header-group {
    position: sticky;
    top: 0;
    z-index: 2;
  }

  .row.header {
    min-height: 0;
    background: var(--_s);
    color: var(--_m);
  }

  /* On the cells, not the row: the row's columns are sized in em and must match the data rows'. */
  .row.header > .cell {
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  [part~='row'] {
    cursor: pointer;
  }

  [part~='row']:hover {
    background: var(--_s);
  }

  [part~='row'][aria-selected='true'] {
    background: var(--_sel);
    box-shadow: inset 3px 0 0 var(--_a);
  }

  .cell {
    padding: var(--_py) var(--_px);
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }

  .c-health {
    overflow: visible;
    padding-right: 0;
  }

  /* Positioned, so what they hold out of flow (the tooltip, the started cell's hidden words)
     stays inside the scroller's clip instead of lengthening the page. */
  .c-health,
  .c-started {
    position: relative;
  }

  .c-identifier {
    display: flex;
    align-items: center;
    gap: 4px;
  }

  /* The identifier itself, not its column: the header reads like the other headers. */
  [part~='identifier'] {
    font-weight: 600;
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  a[part~='identifier'] {
    color: var(--_a);
    text-decoration: none;
  }

  a[part~='identifier']:hover {
    text-decoration: underline;
  }

  /* Shown on row hover and focus; keeps its place so the identifier doesn't shift. */
  .copy {
    visibility: hidden;
    min-height: 0;
    padding: 2px 5px;
    border-color: transparent;
    background: none;
    color: var(--_m);
    font-family: var(--_f);
    font-size: 0.8em;
    font-weight: normal;
    /* Never taller than the line: rows with the button are as tall as rows without. */
    line-height: 1;
    vertical-align: middle;
    margin-block: -4px;
  }

  [part~='row']:hover .copy,
  [part~='row']:focus-within .copy,
  .copy[data-copied] {
    visibility: visible;
  }

  .copy[data-copied='ok'] {
    color: var(--_g);
  }

  .copy[data-copied='failed'] {
    color: var(--_r);
  }

  /* Health: colour and shape both carry the level (circle, triangle, square, hollow ring). */
  .dot {
    display: inline-block;
    width: 12px;
    height: 12px;
    vertical-align: middle;
    forced-color-adjust: none;
  }

  .dot[data-health='green'] {
    background: var(--_g);
    border-radius: 50%;
  }

  .dot[data-health='yellow'] {
    background: var(--_y);
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }

  .dot[data-health='red'] {
    background: var(--_r);
    border-radius: 2px;
  }

  .dot[data-health='unknown'] {
    border: 2px solid var(--_u);
    border-radius: 50%;
  }

  .tooltip {
    display: none;
    position: absolute;
    z-index: 3;
    /* Below the dot, so the focused row's own identifier stays readable. */
    left: 4px;
    top: calc(100% - 2px);
    padding: 4px 8px;
    border-radius: var(--_rad);
    background: var(--_t);
    color: var(--_bg);
    font-size: 0.85em;
    white-space: nowrap;
    pointer-events: none;
  }

  .dot:hover + .tooltip,
  [part~='row']:focus .tooltip {
    display: block;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .badge::before {
    content: '';
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--_m);
    flex: none;
  }

  .badge[data-status='working']::before {
    background: var(--_a);
  }

  .badge[data-status='completed']::before {
    background: var(--_g);
  }

  .badge[data-status='failed']::before {
    background: var(--_r);
  }

  .badge[data-status='queued']::before {
    background: transparent;
    border: 1.5px solid var(--_m);
  }

  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }

  .not-live {
    margin-left: 4px;
    font-size: 0.8em;
    color: var(--_m);
    font-style: italic;
  }

  .c-work-type,
  .c-provider,
  .c-started {
    color: var(--_m);
  }

  .state {
    padding: 28px var(--_px);
    text-align: center;
    color: var(--_m);
  }

  .state p {
    margin: 6px 0 12px;
  }

  .state.error {
    color: var(--_t);
  }

  .state.error strong {
    color: var(--_r);
  }

  .actions {
    display: flex;
    justify-content: center;
    gap: 8px;
  }

  .footer {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    padding: 6px var(--_px);
    background: var(--_s);
    border-top: 1px solid var(--_b);
    color: var(--_m);
    font-size: 0.9em;
    font-variant-numeric: tabular-nums;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Narrow embeds (the element's own width, not the viewport): two-line cards. Health,
     identifier and status on the first line; work type, provider, duration and cost below.
     In em (the element's font size): the columns' least widths are 28px + 46.5em, and a
     scrollbar needs room too. */
  @container (max-width: 51em) {
    /* Auto-placed: health, identifier (2 columns), status (2) on line one; the rest below. */
    .row {
      grid-template-columns: 24px 1fr 1fr auto auto auto;
      padding: 2px 0;
    }

    .header-group {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }

    .c-identifier {
      grid-column: span 3;
    }

    .c-status {
      grid-column: span 2;
      text-align: right;
    }

    .c-work-type {
      grid-column: 2;
    }

    .c-work-type,
    .c-provider,
    .c-started,
    .c-duration,
    .c-cost {
      padding-top: 0;
      font-size: 0.9em;
    }

    .updated {
      margin-left: 0;
      flex-basis: 100%;
    }
  }

  /* Windows high contrast: the dots keep their colours (forced-color-adjust) and gain an outline. */
  @media (forced-colors: active) {
    .dot {
      outline: 1px solid CanvasText;
    }

    [part~='row'][aria-selected='true'] {
      outline: 2px solid Highlight;
    }
  }

  /* The working badge is the only thing that moves: it pulses only for readers who don't ask for less motion. */
  @media (prefers-reduced-motion: no-preference) {
    .badge[data-status='working']::before {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }
`;
