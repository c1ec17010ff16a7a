/**
 * What class reports are built from: the learners an instructor imported (merged across machines,
 * each attempt once) and the packs their attempts refer to. Report builders take this and nothing else.
 */
import type { Pack } from './pack/schema';
import type { Attempt } from './progress';

export interface ClassLearner {
  learnerId: string;
  name: string;
  /** Every attempt once (deduplicated by attempt id), in the order they were answered. */
  attempts: Attempt[];
}

export interface ClassData {
  learners: ClassLearner[];
  /** The packs attempts refer to, where the instructor has them; reports fall back to ids otherwise. */
  packs: Pack[];
  generatedAt: string;
  appVersion: string;
}
