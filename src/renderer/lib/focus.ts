/**
 * Focus for new screens, so that screen readers announce the new screen or feedback.
 *
 * At start-up the first screen's heading takes focus once the first screen is shown with its data
 * (`firstScreenShown`), or at the latest just before the first frame is painted, whichever comes
 * first: focusing lays the page out at once, and done earlier that layout would hold up the first
 * screen (docs/performance.md, sixth round). Later screens take focus as they mount.
 */

/** The element that asked for focus before the first screen was shown; the last one asking wins, as it would have. */
let waiting: HTMLElement | undefined;
let shown = false;
let frameAsked = false;

/** Svelte action: moves focus to the element when it appears (at start-up, once the first screen is shown). */
export function focusOnMount(element: HTMLElement): void {
  if (shown) {
    queueMicrotask(() => element.focus());
    return;
  }
  waiting = element;
  if (!frameAsked) {
    frameAsked = true;
    // A start that waits for its data (a reload asks the backend) still has focus in place before anything is painted.
    requestAnimationFrame(() => firstScreenShown());
  }
}

/** The first screen is mounted and its data is in it: the element waiting for focus takes it now, if it is still on the page. */
export function firstScreenShown(): void {
  shown = true;
  const element = waiting;
  waiting = undefined;
  if (element?.isConnected) element.focus();
}
