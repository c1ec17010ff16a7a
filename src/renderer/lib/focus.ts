/**
 * Focus for new screens, so that screen readers announce the new screen or feedback.
 *
 * At start-up the first screen's heading takes focus only once the first screen is shown with its
 * data (`firstScreenShown`): focusing lays the page out at once, and before that moment the layout
 * would be done twice or ahead of the first paint's (docs/performance.md, sixth round). Later screens
 * take focus as they mount.
 */

/** The element that asked for focus before the first screen was shown; the last one asking wins, as it would have. */
let waiting: HTMLElement | undefined;
let shown = false;

/** Svelte action: moves focus to the element when it appears (at start-up, once the first screen is shown). */
export function focusOnMount(element: HTMLElement): void {
  if (shown) queueMicrotask(() => element.focus());
  else waiting = element;
}

/** The first screen is mounted and its data is in it: the element waiting for focus takes it now, if it is still on the page. */
export function firstScreenShown(): void {
  shown = true;
  const element = waiting;
  waiting = undefined;
  if (element?.isConnected) element.focus();
}
