/**
 * What the backend, the reports and the pack's validator do with an item, by its type: the other half
 * of each type's module (`ExerciseReporting` in `kind.ts`). The renderer never imports this file, so
 * the answer key, xAPI and the pack checks stay out of its bundle; `registry.ts` is what it plays and
 * edits with.
 */
import type { Answer } from '../answers';
import type { Item } from '../pack/schema';
import type { ItemType } from '../pack/vocabulary';
import { classifyReporting } from './classify';
import { findReporting } from './find';
import { headlineReporting } from './headline';
import type { ExerciseReporting } from './kind';
import { numbersReporting } from './numbers';
import { sourceReporting } from './source';

export const EXERCISE_REPORTING = {
  classify: classifyReporting,
  find: findReporting,
  source: sourceReporting,
  headline: headlineReporting,
  numbers: numbersReporting,
} satisfies { [T in ItemType]: ExerciseReporting<T> };

/** The reporting half of one type's module (the same one cast as `kindOf`). */
export function reportingOf<T extends ItemType>(type: T): ExerciseReporting<T> {
  return EXERCISE_REPORTING[type] as unknown as ExerciseReporting<T>;
}

/** A short description of an item: the claim quoted, the headline, the figures, or the passage. */
export function describeItem(item: Item): string {
  return reportingOf(item.type).describeItem(item);
}

/** The right answer to an item, in words. */
export function expectedAnswer(item: Item): string {
  return reportingOf(item.type).expected(item);
}

/**
 * A learner's answer as a teacher reads it (the marked text of a find answer quoted), when the item is
 * at hand; else as `describeAnswer` gives it. An answer of another type than the item is given raw.
 */
export function answerWords(item: Item | undefined, answer: Answer, paragraphs: readonly string[]): string {
  if (item === undefined || item.type !== answer.type) return describeAnswer(answer);
  return reportingOf(item.type).answerWords(item, answer as never, paragraphs);
}

/** A learner's answer in words, for a spreadsheet cell (find spans as paragraph:start-end, 0-based). */
export function describeAnswer(answer: Answer): string {
  return reportingOf(answer.type).describeAnswer(answer);
}
