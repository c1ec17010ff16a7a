import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for an element: focus() is counted, isConnected as given. */
function element(isConnected = true) {
  return { isConnected, focus: vi.fn() } as unknown as HTMLElement & { focus: ReturnType<typeof vi.fn> };
}

async function freshFocus() {
  vi.resetModules();
  return import('./focus');
}

describe('focusOnMount', () => {
  beforeEach(() => vi.resetModules());

  it('waits for the first screen to be shown, then focuses the element at once', async () => {
    const { focusOnMount, firstScreenShown } = await freshFocus();
    const heading = element();
    focusOnMount(heading);
    await Promise.resolve();
    expect(heading.focus).not.toHaveBeenCalled();
    firstScreenShown();
    expect(heading.focus).toHaveBeenCalledTimes(1);
  });

  it('gives focus to the last element that asked before the first screen was shown', async () => {
    const { focusOnMount, firstScreenShown } = await freshFocus();
    const first = element();
    const last = element();
    focusOnMount(first);
    focusOnMount(last);
    firstScreenShown();
    expect(first.focus).not.toHaveBeenCalled();
    expect(last.focus).toHaveBeenCalledTimes(1);
  });

  it('skips an element that has left the page by then', async () => {
    const { focusOnMount, firstScreenShown } = await freshFocus();
    const gone = element(false);
    focusOnMount(gone);
    firstScreenShown();
    expect(gone.focus).not.toHaveBeenCalled();
  });

  it('focuses later screens as they mount, in a micro-task', async () => {
    const { focusOnMount, firstScreenShown } = await freshFocus();
    firstScreenShown();
    const heading = element();
    focusOnMount(heading);
    expect(heading.focus).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(heading.focus).toHaveBeenCalledTimes(1);
  });

  it('is harmless when nothing waited', async () => {
    const { firstScreenShown } = await freshFocus();
    expect(() => firstScreenShown()).not.toThrow();
  });
});
