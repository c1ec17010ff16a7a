/**
 * Learners and their attempts: what the store keeps and what the contract returns about progress.
 * Each attempt carries what a report will need, so that reports never have to guess.
 */
import { z } from 'zod';
import { Answer } from './answers';
import { Id, ITEM_TYPES, Label } from './pack/schema';

export const LearnerId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a learner id');

/**
 * What makes a learner's name unusable, whatever way it arrives (created in the app, or in a progress
 * file the class imports): blank, control characters, half of a character (a lone UTF-16 surrogate).
 */
export function learnerNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'a name must have at least one letter';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a name cannot contain control characters';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name))
    return 'a name cannot contain broken characters';
  return undefined;
}

/** Adds `learnerNameProblem` to a string schema. */
export function checkLearnerName(name: string, context: z.RefinementCtx): void {
  if (name === '') return; // the schema's minimum length says so already
  const problem = learnerNameProblem(name);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
}

/** A learner's display name: what they type, trimmed, one line, at most 60 characters. */
export const LearnerName = z
  .string()
  // A generous cap before any work on the text: a 50 MB "name" is refused without being trimmed first.
  .max(1000, 'a name can be at most 60 characters')
  .transform((value) => value.trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(1, 'a name must have at least one letter')
      .max(60, 'a name can be at most 60 characters')
      .superRefine(checkLearnerName),
  );

export const Learner = z.object({ id: LearnerId, name: z.string(), createdAt: z.string() });
export type Learner = z.infer<typeof Learner>;

/**
 * The order an item's shuffled lists were shown in: by the item's field name (`options`,
 * `sourceOptions`), the keys of its entries as shown (option ids, names). See `choice-order.ts`.
 */
export const ShownOrder = z
  .record(z.string().regex(/^[A-Za-z]{1,40}$/, 'must be a field name'), z.array(z.string().min(1).max(300)).max(12))
  .refine((shown) => Object.keys(shown).length <= 4, 'at most 4 lists');

export const Attempt = z.object({
  id: z.string(),
  learnerId: LearnerId,
  packId: Id,
  packVersion: z.number().int(),
  itemId: Id,
  itemType: z.enum(ITEM_TYPES),
  /** Which time through the pack: starting a pack again starts a new round. */
  round: z.number().int().min(1),
  /** Answered while working through the pack, or in a review session (which does not touch the round). */
  mode: z.enum(['pack', 'review']).optional(),
  answer: Answer,
  /** The order the item's options were shown in; absent for types that shuffle nothing, and in answers from before it was kept. */
  shown: ShownOrder.optional(),
  correct: z.boolean(),
  score: z.number().min(0).max(1),
  labels: z.array(z.object({ label: Label, correct: z.boolean() })),
  confidence: z.number().int().min(1).max(3).optional(),
  timeTakenMs: z.number().int().min(0),
  answeredAt: z.string(),
  appVersion: z.string(),
});
export type Attempt = z.infer<typeof Attempt>;

/** One learner's standing in one pack, for the library. */
export const PackProgress = z.object({
  packId: Id,
  round: z.number().int(),
  answered: z.number().int(),
  correct: z.number().int(),
  total: z.number().int(),
});
export type PackProgress = z.infer<typeof PackProgress>;
