/**
 * A learner's progress file (docs/progress-format.md): who they are, every attempt they made, in
 * pack and in review, and the packs those attempts were made in. The instructor imports it with
 * `ClassStore.importFiles`; the file is checked here with the same validator the import uses, so an
 * export that the instructor could not import is never handed out.
 */
import { ApiError } from '../../shared/errors';
import { PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION, type ProgressFile } from '../../shared/progress-file';
import { validateProgressFile } from '../../shared/progress-file-validate';
import type { Attempt } from '../../shared/progress';
import type { PackLibrary } from '../packs/pack-library';
import type { ProgressStore } from '../store/progress-store';

const MAX_TITLE = 300;
const MAX_APP_VERSION = 40;
/** The learner's name in a file name is cut to this many characters. */
const MAX_NAME_IN_FILE_NAME = 40;

export async function exportProgressFile(
  store: ProgressStore,
  library: PackLibrary,
  learnerId: string,
  appVersion: string,
  now: Date = new Date(),
): Promise<ProgressFile> {
  const learner = await store.requireLearner(learnerId);
  const attempts = uniqueById(await store.attempts(learnerId));
  const { packs: available } = await library.load();
  const titles = new Map(available.map((pack) => [pack.id, pack.meta.title]));

  // Each pack once, in the order first answered, at the newest version any attempt was made in.
  const versions = new Map<string, number>();
  for (const attempt of attempts) {
    versions.set(attempt.packId, Math.max(versions.get(attempt.packId) ?? 1, attempt.packVersion));
  }
  const file: ProgressFile = {
    kind: PROGRESS_FILE_KIND,
    schemaVersion: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    appVersion: appVersion.slice(0, MAX_APP_VERSION),
    learner: { id: learner.id, name: learner.name },
    packs: [...versions].map(([id, version]) => ({ id, version, title: (titles.get(id) ?? id).slice(0, MAX_TITLE) })),
    attempts: attempts.map((attempt) => structuredClone(attempt)),
  };

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

/** The store never holds one attempt twice; if a damaged file ever did, the export still imports. */
function uniqueById(attempts: readonly Attempt[]): Attempt[] {
  const seen = new Set<string>();
  return attempts.filter((attempt) => {
    if (seen.has(attempt.id)) return false;
    seen.add(attempt.id);
    return true;
  });
}

/**
 * A file name for the export, e.g. `sourcewise-progress-Ana-2026-11-26.json` (the local date): the
 * learner's name with only letters, marks and digits kept (non-ASCII letters included), everything
 * else turned into hyphens, cut to a few dozen characters. No path separators, dots, control,
 * formatting or reserved characters can come through, so it is safe on Windows, macOS and Linux.
 */
export function progressFileName(learnerName: string, now: Date = new Date()): string {
  const letters = [
    ...learnerName
      .normalize('NFC')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  ];
  const name =
    letters
      .slice(0, MAX_NAME_IN_FILE_NAME)
      .join('')
      .replace(/^\p{M}+/u, '')
      .replace(/-+$/, '') || 'learner';
  const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `sourcewise-progress-${name}-${date}.json`;
}
