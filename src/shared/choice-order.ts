/**
 * The order a learner sees an item's options in. Lists whose order is the pack author's (source
 * options, numbers' names) are shuffled with a seed made of the learner, the pack, the item and the
 * play, so that no position gives the answer away: the same learner sees the same order until they
 * answer (a reload changes nothing), and a new order each time they play the item again (practise
 * again, review); another learner sees another order. The order shown is stored with the attempt
 * (`Attempt.shown`), so that going back to an answer shows what the learner saw. Labels and
 * headline verdicts keep the guide's fixed order (see `ExerciseKind.shuffled`).
 */
import { kindOf } from './exercises/registry';
import type { Item } from './pack/schema';
import { LABELS, type Label } from './pack/vocabulary';
import { seededRandom, seedOf, shuffled } from './random';

/** The order each shuffled list of an item was shown in, by the item's field name, as its entries' keys. */
export type ShownOrder = Record<string, string[]>;

/** Who plays the item, and which time: the first answer to an item is play 1, the next answer play 2. */
export interface Play {
  learnerId: string;
  packId: string;
  itemId: string;
  play: number;
}

/** The order this play shows the item's lists in; undefined for a type that shuffles nothing. */
export function shownOrder(item: Item, play: Play): ShownOrder | undefined {
  const lists = kindOf(item.type).shuffled?.lists(item);
  if (lists === undefined) return undefined;
  const random = seededRandom(seedOf([play.learnerId, play.packId, play.itemId, play.play].join('\n')));
  return Object.fromEntries(Object.entries(lists).map(([field, keys]) => [field, shuffled(keys, random)]));
}

/** The item with its lists in the order shown (as in the pack when there is none: answers from before orders were kept). */
export function inShownOrder<I extends Item>(item: I, shown: ShownOrder | undefined): I {
  const shuffle = kindOf(item.type).shuffled;
  return shuffle === undefined || shown === undefined ? item : (shuffle.ordered(item, shown) as I);
}

/** What is wrong with an order said to be shown for the item, if anything: each list must be its own, every entry once. */
export function shownOrderProblem(item: Item, shown: ShownOrder): string | undefined {
  const lists = kindOf(item.type).shuffled?.lists(item) ?? {};
  for (const [field, keys] of Object.entries(shown)) {
    const own = lists[field];
    if (own === undefined) return `item "${item.id}" shows no list "${field}" in an order of its own`;
    const sorted = (list: readonly string[]) => JSON.stringify([...list].sort());
    if (keys.length !== own.length || sorted(keys) !== sorted(own))
      return `the order of "${field}" must hold each of item "${item.id}"'s entries once`;
  }
  return undefined;
}

/** The labels offered for an item, always in the guide's order, whatever order the pack lists its choices in. */
export function labelsOffered(choices: readonly Label[] | undefined): Label[] {
  return LABELS.filter((label) => choices === undefined || choices.includes(label));
}

/** The order shown, for a spreadsheet cell: `options: c | a | d | b` (one list per line part, `; ` between lists). */
export function describeShown(shown: ShownOrder | undefined): string {
  if (shown === undefined) return '';
  return Object.entries(shown)
    .map(([field, keys]) => `${field}: ${keys.join(' | ')}`)
    .join('; ');
}
