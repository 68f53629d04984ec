/**
 * The controls inside a grid row (or the header), and Left/Right among them, as the APG grid
 * pattern has it: whatever controls a row or the header holds (a checkbox, a link, buttons, sort
 * buttons), in the order they appear. None takes a Tab stop of its own: the grid keeps one.
 */

/** What counts as a control inside a row or the header. */
export const CONTROL = 'a[href], button, input';

/** The focusable controls inside `container`, in order (hidden ones, like an unshown copy button, left out). */
export function controlsIn(container: Element): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(CONTROL)).filter((control) => control.checkVisibility());
}

/**
 * Moves focus one control left or right of `from` inside `container` (`from` null: the container
 * itself, before its first control). Left of the first control is the container, when it can take
 * focus (a row); true when focus moved.
 */
export function stepControl(container: HTMLElement, from: HTMLElement | null, key: string): boolean {
  const controls = controlsIn(container);
  const at = from ? controls.indexOf(from) : -1;
  const to = at + (key === 'ArrowRight' ? 1 : -1);
  const target = to >= 0 ? controls[to] : to === -1 && container.hasAttribute('tabindex') ? container : undefined;
  target?.focus();
  return !!target;
}
