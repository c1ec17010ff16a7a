/**
 * Every exercise type, by its name. The `satisfies` clause is what makes a new type complete: add its
 * name to `ITEM_TYPES` and the compiler refuses this file until the type has its module. Everything
 * that depends on an item's type dispatches through here, never through a chain of `if`s.
 */
import type { Answer, Score } from '../answers';
import { ApiError } from '../errors';
import type { Item } from '../pack/schema';
import type { ItemType } from '../pack/vocabulary';
import { classify } from './classify';
import { find } from './find';
import { headline } from './headline';
import type { ExerciseKind } from './kind';
import { numbers } from './numbers';
import { source } from './source';

export const EXERCISE_KINDS = { classify, find, source, headline, numbers } satisfies { [T in ItemType]: ExerciseKind<T> };

/**
 * The module of one type. An item's type and its module's always agree (the registry is keyed by
 * type), which the compiler cannot follow through a union; this one cast says so once.
 */
export function kindOf<T extends ItemType>(type: T): ExerciseKind<T> {
  return EXERCISE_KINDS[type] as unknown as ExerciseKind<T>;
}

/** What an answer to an item is worth; an answer for another type of item is refused. */
export function scoreAnswer(item: Item, answer: Answer): Score {
  if (answer.type !== item.type) {
    throw new ApiError('invalid-input', `Item "${item.id}" is a ${item.type} item, but the answer is for a ${answer.type} item`);
  }
  return kindOf(item.type).score(item, answer);
}

/** A short description of an item: the claim quoted, the headline, the figures, or the passage. */
export function describeItem(item: Item): string {
  return kindOf(item.type).describeItem(item);
}

/** The right answer to an item, in words. */
export function expectedAnswer(item: Item): string {
  return kindOf(item.type).expected(item);
}

/**
 * A learner's answer as a teacher reads it (the marked text of a find answer quoted), when the item is
 * at hand; else as `describeAnswer` gives it. An answer of another type than the item is given raw.
 */
export function answerWords(item: Item | undefined, answer: Answer, paragraphs: readonly string[]): string {
  if (item === undefined || item.type !== answer.type) return describeAnswer(answer);
  return kindOf(item.type).answerWords(item, answer as never, paragraphs);
}

/** A learner's answer in words, for a spreadsheet cell (find spans as paragraph:start-end, 0-based). */
export function describeAnswer(answer: Answer): string {
  return kindOf(answer.type).describeAnswer(answer);
}
