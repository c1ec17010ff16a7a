/** Find: the item and the answer as zod schemas (the pack format and the contract build on them). */
import { z } from 'zod';
import { itemBase, Label, text, TextRef } from '../pack/parts';

export const FindItem = z.strictObject({
  ...itemBase,
  type: z.literal('find'),
  /** The label whose spans the learner marks. */
  label: Label,
  /** The passage: the paragraphs the learner searches. */
  paragraphs: z.array(z.number().int().min(0).max(999)).min(1).max(50),
  /** Every span of that label in the passage. */
  spans: z.array(TextRef).min(1).max(50),
  cues: z.array(text(100)).max(20).optional(),
});
export type FindItem = z.infer<typeof FindItem>;

/** A stretch of one paragraph the learner marked (end exclusive). */
export const MarkedSpan = z.strictObject({
  paragraph: z.number().int().min(0).max(999),
  start: z.number().int().min(0).max(20000),
  end: z.number().int().min(1).max(20000),
});
export type MarkedSpan = z.infer<typeof MarkedSpan>;

export const FindAnswer = z.strictObject({ type: z.literal('find'), spans: z.array(MarkedSpan).max(100) });
export type FindAnswer = z.infer<typeof FindAnswer>;
