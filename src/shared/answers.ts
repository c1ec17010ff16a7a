/**
 * What a learner answers, per exercise type, and what scoring says about it. The answer schemas are
 * part of the contract (the UI sends them; the backend validates and scores them).
 */
import { z } from 'zod';
import { HeadlineVerdict, Id, Label, type ItemType } from './pack/schema';

/** How sure the learner is, asked on classify items: 1 guessing, 2 fairly sure, 3 certain. */
export const Confidence = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Confidence = z.infer<typeof Confidence>;

/** A stretch of one paragraph the learner marked (end exclusive). */
export const MarkedSpan = z.strictObject({
  paragraph: z.number().int().min(0).max(999),
  start: z.number().int().min(0).max(20000),
  end: z.number().int().min(1).max(20000),
});
export type MarkedSpan = z.infer<typeof MarkedSpan>;

export const ClassifyAnswer = z.strictObject({ type: z.literal('classify'), label: Label, confidence: Confidence.optional() });
export const FindAnswer = z.strictObject({ type: z.literal('find'), spans: z.array(MarkedSpan).max(100) });
export const SourceAnswer = z.strictObject({ type: z.literal('source'), optionId: Id });
export const HeadlineAnswer = z.strictObject({ type: z.literal('headline'), verdict: HeadlineVerdict });
export const NumbersAnswer = z.strictObject({
  type: z.literal('numbers'),
  figures: z
    .array(z.strictObject({ label: Label, source: z.string().min(1).max(200) }))
    .min(1)
    .max(12),
});

export const Answer = z.discriminatedUnion('type', [ClassifyAnswer, FindAnswer, SourceAnswer, HeadlineAnswer, NumbersAnswer]);
export type Answer = z.infer<typeof Answer>;
export type ClassifyAnswer = z.infer<typeof ClassifyAnswer>;
export type FindAnswer = z.infer<typeof FindAnswer>;
export type SourceAnswer = z.infer<typeof SourceAnswer>;
export type HeadlineAnswer = z.infer<typeof HeadlineAnswer>;
export type NumbersAnswer = z.infer<typeof NumbersAnswer>;

/** One judgement about a label inside an item, for per-label results (a numbers item holds several). */
export interface LabelOutcome {
  label: Label;
  correct: boolean;
}

export type ScoreDetail =
  | { type: 'classify'; expected: Label; accepted: Label[]; given: Label }
  | {
      type: 'find';
      /** Indices into item.spans that the learner covered by at least half. */
      found: number[];
      missed: number[];
      /** Marked spans that touch no expected span. */
      extra: MarkedSpan[];
      precision: number;
      recall: number;
    }
  | { type: 'source'; expected: string; given: string }
  | { type: 'headline'; expected: HeadlineVerdict; given: HeadlineVerdict }
  | {
      type: 'numbers';
      figures: {
        expectedLabel: Label;
        accepted: Label[];
        givenLabel: Label;
        labelCorrect: boolean;
        expectedSource: string;
        givenSource: string;
        sourceCorrect: boolean;
      }[];
    };

export interface Score {
  itemType: ItemType;
  /** Whether the answer counts as right. */
  correct: boolean;
  /** Partial credit from 0 to 1 (find: overlap F1; numbers: share of right judgements). */
  score: number;
  labels: LabelOutcome[];
  detail: ScoreDetail;
}
