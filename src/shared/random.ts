/**
 * Seeded randomness for the app itself: the same seed always gives the same numbers, on every
 * machine, in the page and in Node alike. The order a learner sees an item's options in comes from
 * here (`choice-order.ts`), and so does the randomness of tests (`testing/random.ts`).
 *
 * A library was weighed: pure-rand (already in the tree under fast-check) seeds xoroshiro128+ from a
 * 32-bit number without mixing it, so its first draw is the seed itself; it would still need our own
 * hash of the seed text and shuffle, and it would add a runtime dependency to the page for what is a
 * dozen lines here.
 */

/** mulberry32: a small, fast generator of numbers in [0, 1) that repeats for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A text as a 32-bit seed (FNV-1a over its UTF-16 code units; mulberry32 mixes it further). */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A copy of the list in an order drawn from `random` (Fisher–Yates: every order equally likely). */
export function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const copy = [...list];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}
