/**
 * Every exercise type, by its name: what playing and editing an item need (`reporting.ts` has what
 * only the backend and the reports need). The `satisfies` clause is what makes a new type complete:
 * add its name to `ITEM_TYPES` and the compiler refuses this file (and `reporting.ts`) until the type
 * has its module. Everything that depends on an item's type dispatches through here or there, never
 * through a chain of `if`s.
 */
import type { Answer, Score } from '../answers';
import { ApiError } from '../errors';
import type { Item, Pack } from '../pack/schema';
import type { ItemType } from '../pack/vocabulary';
import { classify } from './classify';
import { find } from './find';
import { headline } from './headline';
import type { ExerciseKind, LabelledSpan, ScoringContext } from './kind';
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

/** What the article's paragraphs are and what every item of the pack labels, for scoring. */
export type ScoredPack = Pick<Pack, 'items'> & { article: Pick<Pack['article'], 'paragraphs'> };

/**
 * Every labelled span of a pack, by paragraph, each once: a claim asked about in a classify and a
 * source item is one span. Built from every item's `labelled`, so a new type's claims count too.
 */
export function labelledSpans(pack: Pick<Pack, 'items'>): Map<number, LabelledSpan[]> {
  const byParagraph = new Map<number, LabelledSpan[]>();
  for (const item of pack.items) {
    for (const span of kindOf(item.type).labelled(item)) {
      const inParagraph = byParagraph.get(span.paragraph) ?? [];
      const same = (other: LabelledSpan) => other.start === span.start && other.end === span.end && other.label === span.label;
      if (!inParagraph.some(same)) inParagraph.push(span);
      byParagraph.set(span.paragraph, inParagraph);
    }
  }
  return byParagraph;
}

/**
 * What an answer to an item of `pack` is worth; an answer for another type of item is refused. The
 * pack is needed because a find answer is judged against every claim in its passage, not only the
 * item's own.
 */
export function scoreAnswer(item: Item, answer: Answer, pack: ScoredPack): Score {
  if (answer.type !== item.type) {
    throw new ApiError('invalid-input', `Item "${item.id}" is a ${item.type} item, but the answer is for a ${answer.type} item`);
  }
  return kindOf(item.type).score(item, answer, scoringContext(pack));
}

/** What scoring knows of a pack beyond the item scored. */
export function scoringContext(pack: ScoredPack): ScoringContext {
  return { paragraphs: pack.article.paragraphs, labelled: labelledSpans(pack) };
}
