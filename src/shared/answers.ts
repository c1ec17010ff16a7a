/**
 * What a learner answers, per exercise type, and what scoring says about it. The answer schemas are
 * part of the contract (the UI sends them; the backend validates and scores them); each exercise type
 * defines its own (`src/shared/exercises/<type>.schema.ts`) and its score's detail (`<type>.ts`).
 */
import { z } from 'zod';
import type { ClassifyDetail } from './exercises/classify';
import type { FindDetail } from './exercises/find';
import type { HeadlineDetail } from './exercises/headline';
import type { NumbersDetail } from './exercises/numbers';
import { ANSWER_SCHEMAS } from './exercises/schemas';
import type { SourceDetail } from './exercises/source';
import type { ItemType, Label } from './pack/vocabulary';

export { ClassifyAnswer, Confidence } from './exercises/classify.schema';
export { FindAnswer, MarkedSpan } from './exercises/find.schema';
export { HeadlineAnswer } from './exercises/headline.schema';
export { NumbersAnswer } from './exercises/numbers.schema';
export { SourceAnswer } from './exercises/source.schema';

export const Answer = z.discriminatedUnion('type', ANSWER_SCHEMAS);
export type Answer = z.infer<typeof Answer>;

/** One judgement about a label inside an item, for per-label results (a numbers item holds several). */
export interface LabelOutcome {
  label: Label;
  correct: boolean;
}

export type ScoreDetail = ClassifyDetail | FindDetail | SourceDetail | HeadlineDetail | NumbersDetail;

export interface Score {
  itemType: ItemType;
  /** Whether the answer counts as right. */
  correct: boolean;
  /** Partial credit from 0 to 1 (find: overlap F1; numbers: share of right judgements). */
  score: number;
  labels: LabelOutcome[];
  detail: ScoreDetail;
}
