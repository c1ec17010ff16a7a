/** Numbers: the item and the answer as zod schemas (the pack format and the contract build on them). */
import { z } from 'zod';
import { itemBase, Label, Source, text, TextRef } from '../pack/parts';

export const Figure = z.strictObject({
  ref: TextRef,
  label: Label,
  alsoAccept: z.array(Label).max(4).optional(),
  source: Source,
});
export type Figure = z.infer<typeof Figure>;

export const NumbersItem = z.strictObject({
  ...itemBase,
  type: z.literal('numbers'),
  figures: z.array(Figure).min(1).max(12),
  /** The labels offered for each figure; all five when absent. */
  choices: z.array(Label).min(2).max(5).optional(),
  /** The names offered for "whose figure": must include each figure's source name. */
  sourceOptions: z.array(text(200)).min(2).max(8),
});
export type NumbersItem = z.infer<typeof NumbersItem>;

export const NumbersAnswer = z.strictObject({
  type: z.literal('numbers'),
  figures: z
    .array(z.strictObject({ label: Label, source: z.string().min(1).max(200) }))
    .min(1)
    .max(12),
});
export type NumbersAnswer = z.infer<typeof NumbersAnswer>;
