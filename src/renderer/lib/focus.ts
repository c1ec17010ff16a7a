/** Svelte action: moves focus to the element when it appears, so screen readers announce the new screen or feedback. */
export function focusOnMount(element: HTMLElement): void {
  queueMicrotask(() => element.focus());
}
