/**
 * Item analysis, as Moodle's quiz statistics give it: for every exercise of a pack, how many learners
 * answered it, the share who got it right (facility), whether it separates strong readers from weak
 * ones (discrimination), and for label and option answers how many chose each one (distractors); and
 * a learner × exercise grid of results. Pure functions over `ClassData`.
 *
 * What counts: each learner's latest attempt at each item (`latestPerItem`), pack and review mode
 * alike, the same rule as the learner's own library view: a learner who corrected a mistake is read
 * as they read now. Only items the pack has are analysed; packs the instructor does not have are left
 * out (there is nothing to say what their items were).
 *
 * Discrimination is the corrected point-biserial: the correlation, over the learners who answered the
 * item, between their score on the item (partial credit, 0 to 1) and their score on the rest of the
 * pack (the sum over the other items, an item not done counting 0). "Corrected" because the item is
 * left out of the total it is compared with, so it cannot correlate with itself. It runs from −1 to
 * 1: above 0.3 the item separates well, near 0 not at all, below 0 the weaker readers did better (a
 * sign the key or the wording is off). It is given only with `MIN_DISCRIMINATION_LEARNERS` learners
 * who answered; with fewer, or when every one of them scored alike (nothing to correlate), it is
 * undefined and `discriminationNote` says why.
 */
import { sampleCorrelation } from 'simple-statistics';
import type { ClassLearner } from './class-data';
import { describeItem, expectedAnswer, reportingOf } from './exercises/reporting';
import type { Item, Pack } from './pack/schema';
import type { ItemType } from './pack/vocabulary';
import type { Attempt } from './progress';
import { latestPerItem, verdictOf, type Verdict } from './scoring';

/** Fewer learners than this, and a correlation says more about chance than about the item. */
export const MIN_DISCRIMINATION_LEARNERS = 5;

/** A learner's result on one item: their latest attempt's verdict, or not done. */
export type ItemResult = Verdict | 'not-done';

/** Each result in a word or two, the same in every report. */
export const RESULT_WORDS: Record<ItemResult, string> = {
  right: 'right',
  'partly-right': 'partly',
  wrong: 'wrong',
  'not-done': 'not done',
};

/** Why an item has no discrimination figure, in words. */
export const DISCRIMINATION_NOTE_WORDS: Record<NonNullable<ItemFigures['discriminationNote']>, string> = {
  'few-learners': 'not enough answers yet',
  'all-alike': 'everyone scored alike',
};

/** How many chose one of an item's labels, verdicts or options. */
export interface ChoiceCount {
  /** The label, verdict or option id. */
  id: string;
  /** What the learner saw: the label, the verdict or the option's text. */
  text: string;
  /** Whether it is a right answer. */
  right: boolean;
  count: number;
}

export interface ItemFigures {
  itemId: string;
  /** 1-based position in the pack. */
  number: number;
  type: ItemType;
  /** The claim, headline, figures or passage, in a line. */
  claim: string;
  /** The right answer in words. */
  expected: string;
  /** Learners who answered the item at least once. */
  answered: number;
  right: number;
  partly: number;
  wrong: number;
  /** right / answered; undefined when nobody answered. */
  rightShare: number | undefined;
  /** Corrected point-biserial, −1 to 1; undefined when `discriminationNote` says why not. */
  discrimination: number | undefined;
  discriminationNote: 'few-learners' | 'all-alike' | undefined;
  /** For label and option answers (classify, source, headline): every choice, in the order offered; else empty. */
  choices: ChoiceCount[];
}

export interface PackItemAnalysis {
  packId: string;
  title: string;
  items: ItemFigures[];
  /** One row per learner who answered anything in the pack, by name: a result per item, in pack order. */
  grid: { learnerId: string; name: string; results: ItemResult[] }[];
}

/**
 * Item analysis of each of `packs` that `learners` answered. `learners` come in the order the grid
 * lists them (the class report's: by name), each with their attempts in the order answered.
 */
export function analyseItems(learners: readonly ClassLearner[], packs: readonly Pack[]): PackItemAnalysis[] {
  return packs.flatMap((pack) => {
    const rows = learners.flatMap((learner) => {
      const own = learner.attempts.filter((attempt) => attempt.packId === pack.id);
      return own.length === 0 ? [] : [{ learnerId: learner.learnerId, name: learner.name, latest: latestPerItem(own) }];
    });
    return rows.length === 0 ? [] : [analysePack(pack, rows)];
  });
}

function analysePack(
  pack: Pack,
  rows: readonly { learnerId: string; name: string; latest: ReadonlyMap<string, Attempt> }[],
): PackItemAnalysis {
  // Each learner's score on the whole pack, from which each item's own score is taken away.
  const totals = rows.map((row) => pack.items.reduce((total, item) => total + (row.latest.get(item.id)?.score ?? 0), 0));
  const items = pack.items.map((item, index): ItemFigures => {
    const answered: { score: number; rest: number; attempt: Attempt }[] = [];
    rows.forEach((row, at) => {
      const attempt = row.latest.get(item.id);
      if (attempt !== undefined) answered.push({ score: attempt.score, rest: totals[at]! - attempt.score, attempt });
    });
    const verdicts = answered.map(({ attempt }) => verdictOf(attempt));
    const right = verdicts.filter((verdict) => verdict === 'right').length;
    const { value, note } = discrimination(answered);
    return {
      itemId: item.id,
      number: index + 1,
      type: item.type,
      claim: describeItem(item),
      expected: expectedAnswer(item),
      answered: answered.length,
      right,
      partly: verdicts.filter((verdict) => verdict === 'partly-right').length,
      wrong: verdicts.filter((verdict) => verdict === 'wrong').length,
      rightShare: answered.length === 0 ? undefined : right / answered.length,
      discrimination: value,
      discriminationNote: note,
      choices: choiceCounts(
        item,
        answered.map(({ attempt }) => attempt),
      ),
    };
  });
  return {
    packId: pack.id,
    title: pack.meta.title,
    items,
    grid: rows.map((row) => ({
      learnerId: row.learnerId,
      name: row.name,
      results: pack.items.map((item): ItemResult => {
        const attempt = row.latest.get(item.id);
        return attempt === undefined ? 'not-done' : verdictOf(attempt);
      }),
    })),
  };
}

/** The corrected point-biserial of one item, or why there is none. */
export function discrimination(answered: readonly { score: number; rest: number }[]): {
  value: number | undefined;
  note: ItemFigures['discriminationNote'];
} {
  if (answered.length < MIN_DISCRIMINATION_LEARNERS) return { value: undefined, note: 'few-learners' };
  const scores = answered.map(({ score }) => score);
  const rests = answered.map(({ rest }) => rest);
  // A correlation needs spread on both sides: an item everyone got right (or a class that scored alike
  // on the rest) separates no one.
  if (!spread(scores) || !spread(rests)) return { value: undefined, note: 'all-alike' };
  return { value: sampleCorrelation(scores, rests), note: undefined };
}

function choiceCounts(item: Item, attempts: readonly Attempt[]): ChoiceCount[] {
  const kind = reportingOf(item.type);
  const offered = kind.xapi.choices?.(item as never);
  if (offered === undefined) return [];
  const chosen = new Map<string, number>();
  for (const attempt of attempts) {
    if (attempt.answer.type !== item.type) continue;
    const id = kind.xapi.response(attempt.answer as never);
    chosen.set(id, (chosen.get(id) ?? 0) + 1);
  }
  return offered.choices.map((choice) => ({
    id: choice.id,
    text: choice.text,
    right: offered.correct.includes(choice.id),
    count: chosen.get(choice.id) ?? 0,
  }));
}

function spread(values: readonly number[]): boolean {
  return values.some((value) => value !== values[0]);
}
