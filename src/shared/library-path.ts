/**
 * A path through the library: packs grouped by level, where a learner stands in each, and which pack
 * to play next. The rule for the next pack, as the library states it on screen: the first pack, going
 * through level 1, then 2, then 3, then packs without a level, that the learner has not yet finished
 * with at least `DONE_WELL_SHARE` right; within a level a pack already started comes first, then the
 * library's order.
 */
import { PACK_LEVELS, type PackLevel } from './pack/vocabulary';
import type { PackProgress } from './progress';

/** A finished round with at least this share right is a pack done well. */
export const DONE_WELL_SHARE = 0.7;

/** The words the library shows for the rule above, so the screen and the code cannot drift apart. */
export const NEXT_PACK_RULE = `The suggested pack is the first one, from level 1 up, that you have not yet finished with at least ${Math.round(DONE_WELL_SHARE * 100)} % right; a pack you have started comes first.`;

export type Standing =
  | { state: 'not-started' }
  | { state: 'in-progress'; answered: number; total: number }
  /** At least one round finished; `best` is the best of them. `answered` is the current round, if started again. */
  | { state: 'done'; correct: number; total: number; well: boolean; answered: number };

export function standingOf(progress: PackProgress | undefined): Standing {
  if (progress?.best) {
    const { correct, total } = progress.best;
    const again = progress.round > progress.best.round && progress.answered < progress.total ? progress.answered : 0;
    return { state: 'done', correct, total, well: total > 0 && correct / total >= DONE_WELL_SHARE, answered: again };
  }
  if (!progress || progress.answered === 0) return { state: 'not-started' };
  return { state: 'in-progress', answered: progress.answered, total: progress.total };
}

export interface LevelGroup<P> {
  /** Undefined for the packs that do not say their level: "More packs", after level 3. */
  level: PackLevel | undefined;
  packs: P[];
}

/** The packs by level, 1 to 3, then those without a level; each group keeps the packs' order; empty groups are left out. */
export function groupByLevel<P extends { level?: PackLevel | undefined }>(packs: readonly P[]): LevelGroup<P>[] {
  return [...PACK_LEVELS, undefined]
    .map((level) => ({ level, packs: packs.filter((pack) => pack.level === level) }))
    .filter((group) => group.packs.length > 0);
}

/** The pack to play next by the rule above, or undefined when every pack is done well. */
export function nextPack<P extends { id: string; level?: PackLevel | undefined }>(
  packs: readonly P[],
  progress: Readonly<Record<string, PackProgress>>,
): P | undefined {
  for (const group of groupByLevel(packs)) {
    const open = group.packs.filter((pack) => {
      const standing = standingOf(progress[pack.id]);
      return !(standing.state === 'done' && standing.well);
    });
    const started = open.find((pack) => (progress[pack.id]?.answered ?? 0) > 0);
    if (open.length > 0) return started ?? open[0];
  }
  return undefined;
}
