import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for an element: focus() is counted, isConnected as given. */
function element(isConnected = true) {
  return { isConnected, focus: vi.fn() } as unknown as HTMLElement & { focus: ReturnType<typeof vi.fn> };
}

/** `focus.ts` afresh, with the animation frames it asks for held in `frames` until run. */
async function freshFocus() {
  const frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.resetModules();
  const focus = await import('./focus');
  return { ...focus, frames, runFrames: () => frames.splice(0).forEach((callback) => callback()) };
}

describe('focusOnMount', () => {
  beforeEach(() => vi.unstubAllGlobals());

  it('waits for the first screen to be shown, then focuses the element at once', async () => {
    const { focusOnMount, firstScreenShown } = await freshFocus();
    const heading = element();
    focusOnMount(heading);
    await Promise.resolve();
    expect(heading.focus).not.toHaveBeenCalled();
    firstScreenShown();
    expect(heading.focus).toHaveBeenCalledTimes(1);
  });

  it('focuses the element before the first frame when the first screen is not shown by then', async () => {
    const { focusOnMount, firstScreenShown, frames, runFrames } = await freshFocus();
    const heading = element();
    focusOnMount(heading);
    expect(frames).toHaveLength(1);
    runFrames();
    expect(heading.focus).toHaveBeenCalledTimes(1);
    // The data arriving later changes nothing.
    firstScreenShown();
    expect(heading.focus).toHaveBeenCalledTimes(1);
  });

  it('asks for one frame only, and the frame after the first screen was shown does nothing', async () => {
    const { focusOnMount, firstScreenShown, frames, runFrames } = await freshFocus();
    const first = element();
    focusOnMount(first);
    focusOnMount(element());
    expect(frames).toHaveLength(1);
    firstScreenShown();
    runFrames();
    expect(first.focus).not.toHaveBeenCalled();
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
    const { focusOnMount, firstScreenShown, frames } = await freshFocus();
    firstScreenShown();
    const heading = element();
    focusOnMount(heading);
    expect(frames).toHaveLength(0);
    expect(heading.focus).not.toHaveBeenCalled();
    await Promise.resolve();
    expect(heading.focus).toHaveBeenCalledTimes(1);
  });

  it('is harmless when nothing waited', async () => {
    const { firstScreenShown } = await freshFocus();
    expect(() => firstScreenShown()).not.toThrow();
  });
});
