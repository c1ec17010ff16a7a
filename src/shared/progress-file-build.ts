/**
 * Making a learner's progress file (docs/progress-format.md) from their attempts: the app's backend
 * and the one-file player both write it here, so an instructor imports either alike. Zod-free, so the
 * player can use it without bundling the schema library; the file's schema is in `progress-file.ts`.
 */
import type { ProgressFile } from './progress-file';
import type { Attempt, Learner } from './progress';

export const PROGRESS_FILE_VERSION = 1;
export const PROGRESS_FILE_KIND = 'sourcewise-progress';

const MAX_TITLE = 300;
const MAX_APP_VERSION = 40;
/** The learner's name in a file name is cut to this many characters. */
const MAX_NAME_IN_FILE_NAME = 40;

/** The file for one learner: each pack once, in the order first answered, at the newest version any attempt was made in. */
export function buildProgressFile(
  learner: Pick<Learner, 'id' | 'name'>,
  attempts: readonly Attempt[],
  packTitles: ReadonlyMap<string, string>,
  appVersion: string,
  now: Date,
): ProgressFile {
  const unique = uniqueById(attempts);
  const versions = new Map<string, number>();
  for (const attempt of unique) {
    versions.set(attempt.packId, Math.max(versions.get(attempt.packId) ?? 1, attempt.packVersion));
  }
  return {
    kind: PROGRESS_FILE_KIND,
    schemaVersion: PROGRESS_FILE_VERSION,
    exportedAt: now.toISOString(),
    appVersion: appVersion.slice(0, MAX_APP_VERSION),
    learner: { id: learner.id, name: learner.name },
    packs: [...versions].map(([id, version]) => ({ id, version, title: (packTitles.get(id) ?? id).slice(0, MAX_TITLE) })),
    attempts: unique.map((attempt) => structuredClone(attempt)),
  };
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
