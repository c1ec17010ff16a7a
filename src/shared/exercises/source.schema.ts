/** Source: the item and the answer as zod schemas (the pack format and the contract build on them). */
import { z } from 'zod';
import { Claim, Id, itemBase, text } from '../pack/parts';

export const SourceOption = z.strictObject({ id: Id, text: text(300) });

/** The most options a source item offers (reports give each its own column). */
export const MAX_SOURCE_OPTIONS = 6;

export const SourceItem = z.strictObject({
  ...itemBase,
  type: z.literal('source'),
  claim: Claim,
  options: z.array(SourceOption).min(2).max(MAX_SOURCE_OPTIONS),
  /** The id of the option that names who says so and through whom. */
  answer: Id,
});
export type SourceItem = z.infer<typeof SourceItem>;

export const SourceAnswer = z.strictObject({ type: z.literal('source'), optionId: Id });
export type SourceAnswer = z.infer<typeof SourceAnswer>;
