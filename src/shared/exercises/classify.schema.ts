/** Classify: the item and the answer as zod schemas (the pack format and the contract build on them). */
import { z } from 'zod';
import { Claim, itemBase, Label } from '../pack/parts';

export const ClassifyItem = z.strictObject({
  ...itemBase,
  type: z.literal('classify'),
  claim: Claim,
  /** The labels offered; all five when absent. Must include the claim's label. */
  choices: z.array(Label).min(2).max(5).optional(),
});
export type ClassifyItem = z.infer<typeof ClassifyItem>;

/** How sure the learner is, asked on classify items: 1 guessing, 2 fairly sure, 3 certain. */
export const Confidence = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type Confidence = z.infer<typeof Confidence>;

export const ClassifyAnswer = z.strictObject({ type: z.literal('classify'), label: Label, confidence: Confidence.optional() });
export type ClassifyAnswer = z.infer<typeof ClassifyAnswer>;
