/** Headline: the item and the answer as zod schemas (the pack format and the contract build on them). */
import { z } from 'zod';
import { HeadlineVerdict, itemBase, text, TextRef } from '../pack/parts';

export const HeadlineItem = z.strictObject({
  ...itemBase,
  type: z.literal('headline'),
  /** The headline judged: the article's own, or one a less careful outlet might have written. */
  headline: text(300),
  answer: HeadlineVerdict,
  /** The body text that decides it. */
  evidence: z.array(TextRef).min(1).max(10),
});
export type HeadlineItem = z.infer<typeof HeadlineItem>;

export const HeadlineAnswer = z.strictObject({ type: z.literal('headline'), verdict: HeadlineVerdict });
export type HeadlineAnswer = z.infer<typeof HeadlineAnswer>;
