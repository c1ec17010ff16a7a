/**
 * A review drawn from every pack the learner has played: which exercises, and in what order. The
 * exercises of different articles are interleaved, so that the learner switches article as often as
 * the mix allows (judging a claim again means reading its article again, not riding on the one
 * before), in an order drawn from a seed: the same learner on the same day gets the same order, and
 * tests choose theirs.
 */
import { seededRandom, seedOf, shuffled } from './random';

/** One exercise of a review: an item of a pack. */
export interface ReviewPick {
  packId: string;
  itemId: string;
}

/** The seed of a learner's review order on the day (UTC) of `now` (milliseconds): the same all day, another tomorrow. */
export function reviewSeed(learnerId: string, now: number): string {
  return `review:${learnerId}:${new Date(now).toISOString().slice(0, 10)}`;
}

/**
 * The picks in an interleaved order: each pack's own exercises shuffled, then one taken at a time
 * from the pack with most left, never the pack just taken from while another has some left (ties go
 * to the pack that comes first in a shuffled order of packs). Taking from the fullest pack is what
 * keeps two exercises of one article apart whenever they can be: a pack is left with a run at the
 * end only when it holds more than all the others together.
 */
export function interleaved(picks: readonly ReviewPick[], seed: string): ReviewPick[] {
  const random = seededRandom(seedOf(seed));
  const byPack = new Map<string, ReviewPick[]>();
  for (const pick of picks) {
    if (!byPack.has(pick.packId)) byPack.set(pick.packId, []);
    const list = byPack.get(pick.packId)!;
    // The same exercise twice would be answered twice in one review: it is played once.
    if (!list.some((other) => other.itemId === pick.itemId)) list.push(pick);
  }
  const queues = shuffled([...byPack.values()], random).map((list) => shuffled(list, random));
  const order: ReviewPick[] = [];
  let last: ReviewPick[] | undefined;
  for (;;) {
    let fullest: ReviewPick[] | undefined;
    for (const queue of queues) {
      if (queue.length === 0 || (queue === last && queues.some((other) => other !== last && other.length > 0))) continue;
      if (!fullest || queue.length > fullest.length) fullest = queue;
    }
    if (!fullest) return order;
    order.push(fullest.shift()!);
    last = fullest;
  }
}

/** How many articles (packs) a list of picks comes from. */
export function articleCount(picks: readonly ReviewPick[]): number {
  return new Set(picks.map((pick) => pick.packId)).size;
}
