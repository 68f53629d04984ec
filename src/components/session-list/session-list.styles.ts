import { css } from 'lit';

export const styles = css`
  :host {
    /* Public knobs (--rensei-*) fall back to defaults; private ones (--_*) are what rules use.
       light-dark() picks by color-scheme: the reader's preference, or the theme attribute. */
    color-scheme: light dark;
    --_font: var(--rensei-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--rensei-font-size, 14px);
    --_text: var(--rensei-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--rensei-color-muted, light-dark(#59636e, #9198a1));
    --_background: var(--rensei-color-background, light-dark(#ffffff, #0d1117));
    --_surface: var(--rensei-color-surface, light-dark(#f6f8fa, #151b23));
    --_border: var(--rensei-color-border, light-dark(#d1d9e0, #3d444d));
    --_accent: var(--rensei-color-accent, light-dark(#0969da, #4493f8));
    --_selected: var(--rensei-color-selected, light-dark(#ddf4ff, #132339));
    --_green: var(--rensei-color-green, light-dark(#1a7f37, #3fb950));
    --_yellow: var(--rensei-color-yellow, light-dark(#9a6700, #d29922));
    --_red: var(--rensei-color-red, light-dark(#d1242f, #f85149));
    --_unknown: var(--rensei-color-unknown, light-dark(#818b98, #656c76));
    --_row-height: var(--rensei-row-height, 36px);
    --_density: var(--rensei-density, 1);
    --_radius: var(--rensei-radius, 6px);
    --_pad-y: calc(6px * var(--_density));
    --_pad-x: calc(10px * var(--_density));

    display: block;
    box-sizing: border-box;
    color: var(--_text);
    background: var(--_background);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 4px 10px;
    min-height: 32px;
  }

  button {
    cursor: pointer;
    background: var(--_surface);
  }

  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 8px 12px;
    padding: 10px var(--_pad-x);
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }

  .field-label {
    font-size: 0.8em;
    color: var(--_muted);
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
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }

  .notices {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 8px var(--_pad-x);
    border-bottom: 1px solid var(--_border);
  }

  .notice {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 6px 10px;
    border-radius: var(--_radius);
    border: 1px solid color-mix(in srgb, var(--_yellow) 50%, transparent);
    background: color-mix(in srgb, var(--_yellow) 12%, var(--_background));
  }

  .notice > span {
    flex: 1;
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
    color: var(--_background);
    background: var(--_accent);
    border-color: var(--_accent);
    font-weight: 600;
    box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
  }

  [role='grid'] {
    display: block;
  }

  .row {
    display: grid;
    grid-template-columns:
      28px minmax(7em, 1.2fr) minmax(6.5em, 0.9fr) minmax(6em, 1fr) minmax(4.5em, 0.8fr)
      minmax(6em, 0.8fr) minmax(6.5em, 0.8fr) minmax(4.5em, 0.6fr);
    align-items: center;
    min-height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
  }

  .header-group {
    position: sticky;
    top: 0;
    z-index: 2;
  }

  .row.header {
    min-height: 0;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }

  [part~='row'] {
    cursor: pointer;
  }

  [part~='row']:hover {
    background: var(--_surface);
  }

  [part~='row'][aria-selected='true'] {
    background: var(--_selected);
    box-shadow: inset 3px 0 0 var(--_accent);
  }

  .cell {
    padding: var(--_pad-y) var(--_pad-x);
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
  }

  [part~='identifier'] {
    overflow: hidden;
    text-overflow: ellipsis;
  }

  a[part~='identifier'] {
    color: var(--_accent);
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
    color: var(--_muted);
    font-family: var(--_font);
    font-size: 0.8em;
    font-weight: normal;
    /* Never taller than the line: rows with the button are as tall as rows without. */
    line-height: 1;
    vertical-align: middle;
    margin-block: -4px;
  }

  [part~='row']:hover .copy,
  [part~='row']:focus .copy,
  .copy[data-copied] {
    visibility: visible;
  }

  .copy[data-copied='ok'] {
    color: var(--_green);
  }

  .copy[data-copied='failed'] {
    color: var(--_red);
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
    background: var(--_green);
    border-radius: 50%;
  }

  .dot[data-health='yellow'] {
    background: var(--_yellow);
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }

  .dot[data-health='red'] {
    background: var(--_red);
    border-radius: 2px;
  }

  .dot[data-health='unknown'] {
    border: 2px solid var(--_unknown);
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
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_background);
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
    background: var(--_muted);
    flex: none;
  }

  .badge[data-status='working']::before {
    background: var(--_accent);
    animation: pulse 1.6s ease-in-out infinite;
  }

  .badge[data-status='completed']::before {
    background: var(--_green);
  }

  .badge[data-status='failed']::before {
    background: var(--_red);
  }

  .badge[data-status='queued']::before {
    background: transparent;
    border: 1.5px solid var(--_muted);
  }

  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }

  .not-live {
    margin-left: 4px;
    font-size: 0.8em;
    color: var(--_muted);
    font-style: italic;
  }

  .c-work-type,
  .c-provider,
  .c-started {
    color: var(--_muted);
  }

  .state {
    padding: 28px var(--_pad-x);
    text-align: center;
    color: var(--_muted);
  }

  .state p {
    margin: 6px 0 12px;
  }

  .state.error {
    color: var(--_text);
  }

  .state.error strong {
    color: var(--_red);
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
    padding: 6px var(--_pad-x);
    background: var(--_surface);
    border-top: 1px solid var(--_border);
    color: var(--_muted);
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
     identifier and status on the first line; work type, provider, duration and cost below. */
  @container (max-width: 520px) {
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
    }

    .c-status {
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

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
