// The order of a review mixed from several packs: every exercise once, articles interleaved as far as
// they can be, and the same order for the same seed.
import { describe, expect, it } from 'vitest';
import { articleCount, interleaved, reviewSeed, type ReviewPick } from './review-mix';

function picks(counts: Record<string, number>): ReviewPick[] {
  return Object.entries(counts).flatMap(([packId, count]) =>
    Array.from({ length: count }, (_, index) => ({ packId, itemId: `item-${index + 1}` })),
  );
}

/** How many times two exercises in a row come from the same pack. */
function runs(order: readonly ReviewPick[]): number {
  return order.filter((pick, index) => index > 0 && order[index - 1]!.packId === pick.packId).length;
}

const key = (pick: ReviewPick) => `${pick.packId}/${pick.itemId}`;

describe('interleaved', () => {
  it('plays every exercise once, whatever the seed', () => {
    const all = picks({ a: 5, b: 3, c: 1 });
    for (const seed of ['one', 'two', 'three']) {
      expect(interleaved(all, seed).map(key).sort()).toEqual(all.map(key).sort());
    }
  });

  it('never puts two exercises of one article side by side while another article has some left', () => {
    for (const counts of [
      { a: 4, b: 4 },
      { a: 5, b: 3, c: 1 },
      { a: 2, b: 2, c: 2, d: 2 },
      { a: 6, b: 5 },
    ]) {
      for (const seed of ['x', 'y', 'z', 'w']) expect(runs(interleaved(picks(counts), seed)), JSON.stringify(counts)).toBe(0);
    }
  });

  it('leaves a run only at the end, when one article has more than all the others together', () => {
    const order = interleaved(picks({ a: 6, b: 2 }), 'seed');
    expect(order.map((pick) => pick.packId).join('')).toBe('ababaaaa');
  });

  it('gives the same order for the same seed, and mixes each article’s own exercises', () => {
    const all = picks({ a: 6, b: 6 });
    const seed = reviewSeed('1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', Date.parse('2026-12-06T08:00:00Z'));
    expect(reviewSeed('l', Date.parse('2026-12-06T23:59:00Z'))).toBe(reviewSeed('l', Date.parse('2026-12-06T00:01:00Z')));
    expect(interleaved(all, seed)).toEqual(interleaved(all, seed));
    const orders = new Set(
      ['2026-12-06', '2026-12-07', '2026-12-08'].map((day) =>
        interleaved(all, reviewSeed('l', Date.parse(day)))
          .map(key)
          .join(),
      ),
    );
    expect(orders.size).toBeGreaterThan(1);
    const ofA = (seed: string) =>
      interleaved(all, seed)
        .filter((pick) => pick.packId === 'a')
        .map((pick) => pick.itemId);
    expect(['s1', 's2', 's3', 's4'].some((seed) => ofA(seed).join() !== ofA('s0').join())).toBe(true);
  });

  it('plays an exercise listed twice once', () => {
    expect(interleaved([...picks({ a: 2 }), { packId: 'a', itemId: 'item-1' }], 's')).toHaveLength(2);
  });

  it('counts the articles', () => {
    expect(articleCount(picks({ a: 2, b: 1 }))).toBe(2);
    expect(articleCount([])).toBe(0);
  });
});
