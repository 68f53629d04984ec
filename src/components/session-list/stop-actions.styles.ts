import { css } from './session-list.styles.js';

/**
 * The stop controls' rules: in the actions chunk with them, adopted into the element's shadow root
 * when they first render (StopActions), so a read-only embed never carries them. They come after
 * the element's own sheet, as they did inside it.
 */
export const stopStyles = css`
  .acts {
    --_c0: 32px;
  }

  .c-check {
    padding-right: 0;
  }

  /* A control's 32px suits the toolbar; a checkbox must not make its row taller. */
  [type='checkbox'] {
    min-height: 0;
    margin: 0;
  }

  .acts .c-status {
    display: flex;
    align-items: center;
    gap: 6px;
  }

  .stop {
    min-height: 0;
    padding: 1px 6px;
    font-size: 0.8em;
  }

  .danger {
    color: var(--_r);
  }

  .outcome {
    font-size: 0.8em;
    color: var(--_m);
    overflow: hidden;
    text-overflow: ellipsis;
  }

  .outcome[data-outcome='failed'] {
    color: var(--_r);
  }

  .stop-summary {
    align-self: center;
    font-size: 0.85em;
  }

  dialog {
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_b);
    border-radius: var(--_rad);
    max-width: min(32em, 90vw);
  }

  dialog h2 {
    font-size: 1.1em;
    margin: 0 0 8px;
  }

  /* Narrow embeds (see the element's sheet): the checkbox sits to the left of the card, out of its grid. */
  @container (max-width: 51em) {
    .acts .row {
      position: relative;
      padding-left: 28px;
    }

    .c-check {
      position: absolute;
      left: 0;
    }
  }
`;
