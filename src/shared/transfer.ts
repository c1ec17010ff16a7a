/**
 * Does the skill carry over to a new article? Each answer falls in one of three groups:
 *
 * - `early`: the first answer to an exercise in the first round of one of the learner's first
 *   `EARLY_PACKS` packs (in the order the learner began them): a new article, met early on;
 * - `later`: the same, in a pack the learner began after those: a new article, met after practice;
 * - `again`: every other answer (a round played again, a review, an exercise answered a second time):
 *   an article the learner has seen before.
 *
 * Per label, "right of the label's judgements" in `later` against `early` says whether the skill
 * carries over to articles the learner has never seen; `again` shows how much of the score comes from
 * having seen the article. A share is given only with `MIN_TRANSFER_ANSWERS` judgements or more.
 */
import { LABELS, type Label } from './pack/vocabulary';
import type { Attempt } from './progress';
import { accuracy, tallyScores, type Tally } from './scoring';

export const EARLY_PACKS = 2;
/** Fewer judgements than this in a group give no share ("not enough yet"). */
export const MIN_TRANSFER_ANSWERS = 5;

export const TRANSFER_GROUPS = ['early', 'later', 'again'] as const;
export type TransferGroup = (typeof TRANSFER_GROUPS)[number];

/** How each group reads on screen and in print, and what it means, for learners and teachers. */
export const TRANSFER_GROUP_NAMES: Record<TransferGroup, string> = {
  early: `New article, first ${EARLY_PACKS} packs`,
  later: 'New article, later packs',
  again: 'Article seen before',
};

export const TRANSFER_EXPLANATION = `"New article" counts the first answer to each exercise in the first round of a pack, when the article is new to the learner; "first ${EARLY_PACKS} packs" are the first ${EARLY_PACKS} packs the learner began, "later packs" every pack begun after them. If the share right on new articles in later packs is higher than in the first ${EARLY_PACKS}, the skill carries over to articles the learner has never seen. "Article seen before" counts every other answer: a pack played again, a review, an exercise answered twice. A share is shown once there are ${MIN_TRANSFER_ANSWERS} answers of that label in the group.`;

export type TransferFigures = Record<Label, Record<TransferGroup, Tally & { accuracy: number | undefined }>>;

type TransferAttempt = Pick<Attempt, 'packId' | 'itemId' | 'round' | 'mode' | 'answeredAt' | 'itemType' | 'correct' | 'labels'>;

/** The group of each of one learner's attempts (all of them, so the order of packs is right), in the same order. */
export function transferGroups(attempts: readonly TransferAttempt[]): TransferGroup[] {
  const ordered = attempts
    .map((attempt, index) => ({ attempt, index }))
    .sort((a, b) => a.attempt.answeredAt.localeCompare(b.attempt.answeredAt));
  const packRank = new Map<string, number>();
  const met = new Set<string>();
  const groups: TransferGroup[] = new Array<TransferGroup>(attempts.length);
  for (const { attempt, index } of ordered) {
    if (!packRank.has(attempt.packId)) packRank.set(attempt.packId, packRank.size);
    const key = `${attempt.packId}/${attempt.itemId}`;
    const first = attempt.round === 1 && attempt.mode !== 'review' && !met.has(key);
    met.add(key);
    groups[index] = !first ? 'again' : packRank.get(attempt.packId)! < EARLY_PACKS ? 'early' : 'later';
  }
  return groups;
}

/**
 * Per label and group, right of the label judgements. `attempts` are one learner's, all of them;
 * `keep` limits which are counted (a report on one pack) after the groups are known.
 */
export function transferFigures<A extends TransferAttempt>(
  attempts: readonly A[],
  keep: (attempt: A) => boolean = () => true,
): TransferFigures {
  const groups = transferGroups(attempts);
  return figuresOf(TRANSFER_GROUPS.map((group) => attempts.filter((attempt, index) => groups[index] === group && keep(attempt))));
}

/** Several learners' figures added up. */
export function addTransferFigures(all: readonly TransferFigures[]): TransferFigures {
  return Object.fromEntries(
    LABELS.map((label) => [
      label,
      Object.fromEntries(
        TRANSFER_GROUPS.map((group) => {
          const right = all.reduce((total, figures) => total + figures[label][group].right, 0);
          const total = all.reduce((sum, figures) => sum + figures[label][group].total, 0);
          return [group, withShare({ right, total })];
        }),
      ),
    ]),
  ) as TransferFigures;
}

function figuresOf(byGroup: readonly (readonly TransferAttempt[])[]): TransferFigures {
  const tallies = byGroup.map((attempts) => tallyScores(attempts).byLabel);
  return Object.fromEntries(
    LABELS.map((label) => [
      label,
      Object.fromEntries(TRANSFER_GROUPS.map((group, index) => [group, withShare(tallies[index]![label])])),
    ]),
  ) as TransferFigures;
}

function withShare(tally: Tally): Tally & { accuracy: number | undefined } {
  return { ...tally, accuracy: tally.total >= MIN_TRANSFER_ANSWERS ? accuracy(tally) : undefined };
}
