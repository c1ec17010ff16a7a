/**
 * The zod building blocks that pack items share: ids, capped text, quotes at their offsets, sources
 * and claims. `schema.ts` and each exercise type's schema (`src/shared/exercises/*.schema.ts`) are
 * built from these; they live apart so that neither imports the other.
 */
import { z } from 'zod';
import { HEADLINE_VERDICTS, LABELS, SOURCE_KINDS } from './vocabulary';

export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

export const HeadlineVerdict = z.enum(HEADLINE_VERDICTS);
export type HeadlineVerdict = z.infer<typeof HeadlineVerdict>;

export const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `longer than ${max} characters`);

export const Id = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
    'must be 1 to 64 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
  );

/** A stretch of one paragraph: its exact text and where it starts and ends (end exclusive). */
export const TextRef = z.strictObject({
  paragraph: z.number().int().min(0).max(999),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: text(5000),
});
export type TextRef = z.infer<typeof TextRef>;

export const Source = z.strictObject({
  /** Who says so, as the article names them. */
  name: text(200),
  kind: SourceKind,
  /** Through whom it reached the article, in order, after the source itself: e.g. lawmakers, then AFP. */
  chain: z.array(text(200)).max(10),
  /** Where the article names the source, highlighted after answering. */
  mention: TextRef.optional(),
});
export type Source = z.infer<typeof Source>;

export const Claim = z.strictObject({
  ref: TextRef,
  label: Label,
  /** For a claim that is truly borderline: other labels also counted right (the explanation says why). */
  alsoAccept: z.array(Label).max(4).optional(),
  source: Source,
  /** The words in the claim's paragraph that signal its label. */
  cues: z.array(text(100)).max(20),
});
export type Claim = z.infer<typeof Claim>;

/** The fields every item has, whatever its type. */
export const itemBase = {
  id: Id,
  /** Overrides the standard question for the item type. */
  prompt: text(500).optional(),
  explanation: text(4000),
};
