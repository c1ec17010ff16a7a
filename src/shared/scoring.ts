/**
 * Scoring: what an answer to one item is worth (each exercise type scores its own, through the
 * registry), and what a learner's attempts add up to. Pure functions, shared by the backend (which
 * records scores) and the renderer (which shows them).
 */
import type { LabelOutcome, Score } from './answers';
import type { Pack } from './pack/schema';
import { ITEM_TYPES, LABELS, type ItemType, type Label } from './pack/vocabulary';

export { scoreAnswer } from './exercises/registry';

export interface Tally {
  right: number;
  total: number;
}

export interface PackSummaryScores {
  /** Items with at least one attempt. */
  answered: number;
  /** Items in the pack. */
  total: number;
  /** Answered items whose last attempt was right. */
  correct: number;
  /** Answered items per type. */
  byType: Record<ItemType, Tally>;
  /** Ids of items whose last attempt was wrong, in pack order. */
  missed: string[];
}

/** What is tallied of a scored answer or an attempt: its type, whether it was right, its label judgements. */
export interface Scored {
  itemType: ItemType;
  correct: boolean;
  labels: readonly LabelOutcome[];
}

/** Right answers per item type and right judgements per label. */
export function tallyScores(scored: Iterable<Scored>): { byLabel: Record<Label, Tally>; byType: Record<ItemType, Tally> } {
  const byLabel = tallies(LABELS);
  const byType = tallies(ITEM_TYPES);
  for (const one of scored) {
    count(byType[one.itemType], one.correct);
    for (const outcome of one.labels) count(byLabel[outcome.label], outcome.correct);
  }
  return { byLabel, byType };
}

/** The latest of each item's attempts (attempts in the order they were made), by item id. */
export function latestPerItem<T extends { itemId: string }>(attempts: Iterable<T>): Map<string, T> {
  const latest = new Map<string, T>();
  for (const attempt of attempts) latest.set(attempt.itemId, attempt);
  return latest;
}

/**
 * What an answer comes to, for the learner: right, partly right (some of the figures, or part of what
 * to find: partial credit above 0 but not right), or not right. One rule everywhere: only "right"
 * counts as right in the tallies; a partly right answer counts as not right there, and its partial
 * credit lives in `Score.score`.
 */
export type Verdict = 'right' | 'partly-right' | 'wrong';

export function verdictOf(score: Pick<Score, 'correct' | 'score'>): Verdict {
  if (score.correct) return 'right';
  return score.score > 0 ? 'partly-right' : 'wrong';
}

/** Share of right judgements, or undefined when there were none to judge (not the same as 0%). */
export function accuracy(tally: Tally): number | undefined {
  return tally.total === 0 ? undefined : tally.right / tally.total;
}

export function summariseAttempts(pack: Pack, attempts: readonly { itemId: string; score: Score }[]): PackSummaryScores {
  // Only the latest attempt counts, so a learner who corrects a mistake is not held to it.
  const latest = latestPerItem(attempts);
  // Walking the pack rather than the attempts drops attempts at items the pack no longer has.
  const answered = pack.items.flatMap((item) => {
    const score = latest.get(item.id)?.score;
    return score === undefined ? [] : [{ itemId: item.id, score }];
  });
  const scores = answered.map(({ score }) => score);
  return {
    answered: answered.length,
    total: pack.items.length,
    correct: scores.filter((score) => score.correct).length,
    byType: tallyScores(scores).byType,
    missed: answered.filter(({ score }) => !score.correct).map(({ itemId }) => itemId),
  };
}

function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((key) => [key, { right: 0, total: 0 }])) as Record<K, Tally>;
}

function count(tally: Tally, right: boolean): void {
  tally.total += 1;
  if (right) tally.right += 1;
}
