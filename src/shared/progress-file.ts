/**
 * The progress file a learner exports and an instructor imports: one learner, every attempt, and
 * the packs they were made in. Documented in docs/progress-format.md; its JSON Schema is published
 * as docs/progress.schema.json. Untrusted when imported: validated and size-capped like a pack.
 */
import { z } from 'zod';
import { Id } from './pack/schema';
import { Attempt, checkLearnerName, LearnerId } from './progress';

import { PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION } from './progress-file-build';

export { PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION };
export { MAX_PROGRESS_FILE_BYTES } from './limits';

export const ProgressFile = z.strictObject({
  $schema: z.string().max(500).optional(),
  kind: z.literal(PROGRESS_FILE_KIND),
  schemaVersion: z.literal(PROGRESS_FILE_VERSION),
  exportedAt: z.string().max(40),
  appVersion: z.string().max(40),
  learner: z.strictObject({
    /** Stable across machines and exports: the same learner exported twice merges into one. */
    id: LearnerId,
    /** The same check as a learner created in the app. */
    name: z.string().min(1).max(60).superRefine(checkLearnerName),
  }),
  packs: z.array(z.strictObject({ id: Id, version: z.number().int().min(1), title: z.string().max(300) })).max(1000),
  attempts: z.array(Attempt).max(200_000),
});
export type ProgressFile = z.infer<typeof ProgressFile>;
