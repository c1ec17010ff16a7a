/**
 * A learner's progress file (docs/progress-format.md): who they are, every attempt they made, in
 * pack and in review, and the packs those attempts were made in. The instructor imports it with
 * `ClassStore.importFiles`; the file is checked here with the same validator the import uses, so an
 * export that the instructor could not import is never handed out.
 */
import { ApiError } from '../../shared/errors';
import type { ProgressFile } from '../../shared/progress-file';
import { buildProgressFile } from '../../shared/progress-file-build';
import { validateProgressFile } from '../../shared/progress-file-validate';
import type { PackLibrary } from '../packs/pack-library';
import type { ProgressStore } from '../store/progress-store';

export { progressFileName } from '../../shared/progress-file-build';

export async function exportProgressFile(
  store: ProgressStore,
  library: PackLibrary,
  learnerId: string,
  appVersion: string,
  now: Date = new Date(),
): Promise<ProgressFile> {
  const learner = await store.requireLearner(learnerId);
  const attempts = await store.attempts(learnerId);
  const { packs: available } = await library.load();
  const file = buildProgressFile(
    learner,
    attempts,
    new Map(available.map((pack) => [pack.id, pack.meta.title])),
    appVersion,
    now,
  );

  const checked = validateProgressFile(file);
  if (!checked.ok) {
    throw new ApiError(
      'internal',
      `The progress file could not be made: ${checked.problems[0] ?? 'it is not valid'}. Nothing was written.`,
      checked.problems.map((line) => ({ path: line.slice(0, Math.max(0, line.indexOf(':'))), message: line })),
    );
  }
  return checked.file;
}
