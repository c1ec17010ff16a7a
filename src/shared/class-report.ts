/**
 * The class report: what an instructor sees about a class, computed once from `ClassData` and then
 * written out as CSV, PDF or xAPI by the services (`report-csv.ts`, `report-pdf.ts`, `report-xapi.ts`).
 * Pure functions, no I/O.
 *
 * What counts:
 * - Every attempt counts, in pack mode and in review mode alike (an attempt without a mode is from
 *   before modes existed, and was answered in pack mode). The instructor's report is about every
 *   judgement a learner made, so a claim missed in the pack and missed again in review is two misses;
 *   the learner's own library view ("latest attempt per item counts") is a different question.
 *   `reviewAttempts` says how many of a row's attempts were reviews, so both can be told apart.
 * - Per-label accuracy counts the label outcomes of the attempts (as the learner's progress report
 *   does: a classify or find attempt gives one, a numbers attempt one per figure). d′ and c come from
 *   `labelJudgements` and `signalDetection` (classify and numbers only: find is scored by overlap),
 *   and only where a label has `MIN_SIDE_TRIALS` judgements on both sides; so do the hit rate ("when
 *   it was X, said X") and the precision ("when said X, it was X").
 * - The class-wide d′ pools every learner's judgements; `meanLearnerDPrime` is the mean of each
 *   learner's own d′ (across the packs reported), which a few very active learners sway less.
 * - "Completed" rounds: a learner completed round r of a pack when, in pack mode and in that round,
 *   they answered every item of the pack as the instructor has it. Needs the pack; without it there
 *   are no completed rounds.
 */
import type { ClassData, ClassLearner } from './class-data';
import {
  calibration,
  labelJudgements,
  readings,
  signalDetection,
  type Calibration,
  type LabelDiscernment,
  type Reading,
} from './discernment';
import { analyseItems, type PackItemAnalysis } from './item-analysis';
import type { Pack } from './pack/schema';
import { LABELS, type ItemType, type Label } from './pack/vocabulary';
import type { Attempt } from './progress';
import { accuracy, tallyScores, type Tally } from './scoring';
import { addTransferFigures, transferFigures, type TransferFigures } from './transfer';

import { describeItem, expectedAnswer } from './exercises/reporting';

export { describeAnswer, describeItem, expectedAnswer } from './exercises/reporting';

/** One label's figures for some attempts. */
export interface LabelFigures extends Tally {
  label: Label;
  /** right / total of the label outcomes; undefined when the label was never judged. */
  accuracy: number | undefined;
  hits: number;
  misses: number;
  falseAlarms: number;
  correctRejections: number;
  /** When a claim was this label, the share the learner said so (see `LabelDiscernment`). */
  hitRate: number | undefined;
  /** When the learner said this label, the share it was. */
  precision: number | undefined;
  /** Whether there were enough judgements on both sides for d′ and c (`MIN_SIDE_TRIALS`). */
  enough: boolean;
  /** d′ of this label against the others; undefined without enough judgements on both sides. */
  dPrime: number | undefined;
  /** c: negative uses the label too readily, positive too rarely; undefined like d′. */
  criterion: number | undefined;
}

export interface ClassLabelFigures extends LabelFigures {
  /** Mean of the learners' own d′ for this label, over the learners for whom it is defined. */
  meanLearnerDPrime: number | undefined;
  learnersWithDPrime: number;
}

/** One learner's work in one pack: a row of the learners CSV. */
export interface LearnerPackRow {
  learnerId: string;
  learnerName: string;
  packId: string;
  /** The pack's title, or its id when the instructor does not have the pack. */
  packTitle: string;
  /** Whether the pack is in `ClassData.packs` (titles, items and completion depend on it). */
  packKnown: boolean;
  /** The version of the pack the instructor has, or else the latest version answered. */
  packVersion: number;
  /** Every pack version the learner answered, ascending. */
  versionsAnswered: number[];
  /** Items in the pack, when the pack is known. */
  itemsInPack: number | undefined;
  /** Distinct items answered at least once. */
  itemsAnswered: number;
  /** Every attempt, pack and review mode. */
  attempts: number;
  reviewAttempts: number;
  correct: number;
  /** correct / attempts. */
  accuracy: number | undefined;
  /** Mean partial credit (0 to 1) of the attempts. */
  meanScore: number | undefined;
  /** Rounds in which every item of the pack was answered (pack mode). */
  roundsCompleted: number;
  labels: Record<Label, LabelFigures>;
  firstAnsweredAt: string | undefined;
  lastAnsweredAt: string | undefined;
  /** Sum of the attempts' time taken. */
  totalTimeMs: number;
}

export interface LearnerSummary {
  learnerId: string;
  name: string;
  attempts: number;
  reviewAttempts: number;
  correct: number;
  accuracy: number | undefined;
  totalTimeMs: number;
  firstAnsweredAt: string | undefined;
  lastAnsweredAt: string | undefined;
  /** Across the packs reported. */
  labels: Record<Label, LabelFigures>;
  /** Plain-language readings (sceptic flag, confusions, bias, good discernment), about the learner in the third person. */
  readings: Reading[];
  /** Whether the learner gives one label to most claims (see `readings`). */
  blanketLabel: Label | undefined;
  calibration: Calibration;
  /** Per label: new articles in the first packs begun, in later packs, and articles seen before (`transfer.ts`). */
  transfer: TransferFigures;
  /** This learner's rows, in pack order. */
  packs: LearnerPackRow[];
}

export interface PackFigures {
  packId: string;
  title: string;
  known: boolean;
  version: number;
  items: number | undefined;
  /** Learners with at least one attempt in the pack. */
  learners: number;
  attempts: number;
  correct: number;
  accuracy: number | undefined;
}

export interface MissedItem {
  packId: string;
  packTitle: string;
  itemId: string;
  itemType: ItemType;
  /** The claim, headline or figures the item is about, or the item id when the pack is unknown. */
  summary: string;
  /** The right answer in words, when the pack is known. */
  answer: string | undefined;
  /** The instructor's explanation, when the pack is known. */
  explanation: string | undefined;
  attempts: number;
  /** Wrong attempts. */
  missed: number;
  /** missed / attempts. */
  shareMissed: number;
  /** Learners who answered the item, and how many of them got it wrong at least once. */
  learners: number;
  learnersMissed: number;
}

export interface ClassSummary {
  generatedAt: string;
  appVersion: string;
  /** The pack the report is limited to, if any. */
  packId: string | undefined;
  totals: {
    learners: number;
    /** Learners with at least one attempt in the packs reported. */
    activeLearners: number;
    attempts: number;
    reviewAttempts: number;
    correct: number;
    accuracy: number | undefined;
    totalTimeMs: number;
    firstAnsweredAt: string | undefined;
    lastAnsweredAt: string | undefined;
  };
  /** The packs reported: known packs in `ClassData.packs` order, then unknown ones by id. */
  packs: PackFigures[];
  /** Every learner, by name, including those with no attempts. */
  learners: LearnerSummary[];
  /** One row per learner × pack with attempts, learners by name, packs in pack order. */
  rows: LearnerPackRow[];
  /** Class-wide, pooled over every learner. */
  labels: Record<Label, ClassLabelFigures>;
  /** The learners' transfer figures added up: each learner's packs are in the order that learner began them. */
  transfer: TransferFigures;
  /** Items answered wrong at least once, most missed first. */
  mostMissed: MissedItem[];
  /** Item analysis and the learner × exercise grid of each pack reported that the instructor has. */
  items: PackItemAnalysis[];
}

export interface SummaryOptions {
  /** Report on this pack only. */
  packId?: string;
  /** How many most-missed items to keep (default 10). */
  topMissed?: number;
}

export const DEFAULT_TOP_MISSED = 10;

export function summariseClass(data: ClassData, options: SummaryOptions = {}): ClassSummary {
  const { packId, topMissed = DEFAULT_TOP_MISSED } = options;
  const packsById = new Map(data.packs.map((pack) => [pack.id, pack]));
  const selected = (attempt: Attempt) => packId === undefined || attempt.packId === packId;

  const learners = [...data.learners]
    .sort((a, b) => a.name.localeCompare(b.name) || compare(a.learnerId, b.learnerId))
    .map((learner) => ({
      learner,
      attempts: learner.attempts.filter(selected),
      // Grouped over all the learner's attempts, so that which packs came first does not depend on the filter.
      transfer: transferFigures(learner.attempts, selected),
    }));

  // Pack order: the instructor's packs as given, then packs only the attempts know about.
  const answeredPacks = new Set(learners.flatMap(({ attempts }) => attempts.map((attempt) => attempt.packId)));
  const packOrder = [
    ...data.packs.map((pack) => pack.id).filter((id) => answeredPacks.has(id) || id === packId),
    ...[...answeredPacks].filter((id) => !packsById.has(id)).sort(compare),
  ].filter((id, index, all) => all.indexOf(id) === index && (packId === undefined || id === packId));
  const packRank = new Map(packOrder.map((id, index) => [id, index]));

  const summarised = learners.map(({ learner, attempts, transfer }) =>
    summariseLearner(learner, attempts, transfer, packOrder, packsById),
  );
  const learnerSummaries = summarised.map(({ summary }) => summary);
  const rows = learnerSummaries.flatMap((learner) => learner.packs);
  const all = learners.flatMap(({ attempts }) => attempts);

  const packs = packOrder.map((id): PackFigures => {
    const pack = packsById.get(id);
    const packRows = rows.filter((row) => row.packId === id);
    const attempts = sum(packRows.map((row) => row.attempts));
    const correct = sum(packRows.map((row) => row.correct));
    return {
      packId: id,
      title: pack?.meta.title ?? id,
      known: pack !== undefined,
      version: pack?.version ?? Math.max(0, ...packRows.flatMap((row) => row.versionsAnswered)),
      items: pack?.items.length,
      learners: packRows.length,
      attempts,
      correct,
      accuracy: accuracy({ right: correct, total: attempts }),
    };
  });

  const pooled = labelFigures(all);
  const labels = Object.fromEntries(
    LABELS.map((label) => {
      const own = learnerSummaries.map((learner) => learner.labels[label].dPrime).filter((d) => d !== undefined);
      const figures: ClassLabelFigures = {
        ...pooled[label],
        meanLearnerDPrime: own.length === 0 ? undefined : sum(own) / own.length,
        learnersWithDPrime: own.length,
      };
      return [label, figures];
    }),
  ) as Record<Label, ClassLabelFigures>;

  const correct = all.filter((attempt) => attempt.correct).length;
  const span = mergeSpans(summarised.map(({ span }) => span));
  return {
    generatedAt: data.generatedAt,
    appVersion: data.appVersion,
    packId,
    totals: {
      learners: learners.length,
      activeLearners: learners.filter(({ attempts }) => attempts.length > 0).length,
      attempts: all.length,
      reviewAttempts: all.filter(isReview).length,
      correct,
      accuracy: accuracy({ right: correct, total: all.length }),
      totalTimeMs: sum(all.map((attempt) => attempt.timeTakenMs)),
      firstAnsweredAt: span.first?.at,
      lastAnsweredAt: span.last?.at,
    },
    packs,
    learners: learnerSummaries,
    rows,
    labels,
    transfer: addTransferFigures(learnerSummaries.map((learner) => learner.transfer)),
    mostMissed: mostMissed(learners, packsById, packRank).slice(0, Math.max(0, topMissed)),
    items: analyseItems(
      learners.map(({ learner, attempts }) => ({ ...learner, attempts })),
      packOrder.flatMap((id) => packsById.get(id) ?? []),
    ),
  };
}

function summariseLearner(
  learner: ClassLearner,
  attempts: Attempt[],
  transfer: TransferFigures,
  packOrder: readonly string[],
  packsById: ReadonlyMap<string, Pack>,
): { summary: LearnerSummary; span: Span } {
  const byPack = groupBy(attempts, (attempt) => attempt.packId);
  // Every attempt is in one row, so the learner's first and last answers are among the rows'.
  const spans: Span[] = [];
  const packs = packOrder.flatMap((packId): LearnerPackRow[] => {
    const own = byPack.get(packId);
    if (own === undefined) return [];
    const pack = packsById.get(packId);
    const versionsAnswered = [...new Set(own.map((attempt) => attempt.packVersion))].sort((a, b) => a - b);
    const correct = own.filter((attempt) => attempt.correct).length;
    const span = timeSpan(own);
    spans.push(span);
    return [
      {
        learnerId: learner.learnerId,
        learnerName: learner.name,
        packId,
        packTitle: pack?.meta.title ?? packId,
        packKnown: pack !== undefined,
        packVersion: pack?.version ?? Math.max(...versionsAnswered),
        versionsAnswered,
        itemsInPack: pack?.items.length,
        itemsAnswered: new Set(own.map((attempt) => attempt.itemId)).size,
        attempts: own.length,
        reviewAttempts: own.filter(isReview).length,
        correct,
        accuracy: accuracy({ right: correct, total: own.length }),
        meanScore: own.length === 0 ? undefined : sum(own.map((attempt) => attempt.score)) / own.length,
        roundsCompleted: pack === undefined ? 0 : completedRounds(pack, own).length,
        labels: labelFigures(own),
        firstAnsweredAt: span.first?.at,
        lastAnsweredAt: span.last?.at,
        totalTimeMs: sum(own.map((attempt) => attempt.timeTakenMs)),
      },
    ];
  });
  const judgements = labelJudgements(attempts);
  const detection = signalDetection(judgements);
  const found = readings(detection, judgements, 'report');
  const correct = attempts.filter((attempt) => attempt.correct).length;
  const span = mergeSpans(spans);
  const summary: LearnerSummary = {
    learnerId: learner.learnerId,
    name: learner.name,
    attempts: attempts.length,
    reviewAttempts: attempts.filter(isReview).length,
    correct,
    accuracy: accuracy({ right: correct, total: attempts.length }),
    totalTimeMs: sum(attempts.map((attempt) => attempt.timeTakenMs)),
    firstAnsweredAt: span.first?.at,
    lastAnsweredAt: span.last?.at,
    labels: labelFigures(attempts, detection),
    readings: found,
    blanketLabel: found.find((reading) => reading.kind === 'sceptic')?.label,
    calibration: calibration(attempts, 'report'),
    transfer,
    packs,
  };
  return { summary, span };
}

/**
 * Per-label tallies of the label outcomes, with d′ and c from the label judgements (`detection`, when
 * the caller has worked them out already for these very attempts).
 */
export function labelFigures(
  attempts: readonly Attempt[],
  detection: Record<Label, LabelDiscernment> = signalDetection(labelJudgements(attempts)),
): Record<Label, LabelFigures> {
  const { byLabel } = tallyScores(attempts);
  return Object.fromEntries(LABELS.map((label) => [label, figures(label, byLabel[label], detection[label])])) as Record<
    Label,
    LabelFigures
  >;
}

function figures(label: Label, tally: Tally, detection: LabelDiscernment): LabelFigures {
  return {
    label,
    right: tally.right,
    total: tally.total,
    accuracy: accuracy(tally),
    hits: detection.hits,
    misses: detection.misses,
    falseAlarms: detection.falseAlarms,
    correctRejections: detection.correctRejections,
    hitRate: detection.hitRate,
    precision: detection.precision,
    enough: detection.enough,
    dPrime: detection.dPrime,
    criterion: detection.criterion,
  };
}

/** One round of a pack in which every item was answered. */
export interface CompletedRound {
  round: number;
  /** When the last missing item was answered. */
  completedAt: string;
  /** The round's pack-mode attempts up to and including that moment, in the order answered. */
  attempts: Attempt[];
}

/**
 * The rounds of `pack` that one learner completed: every item of the pack answered in pack mode in
 * that round. `attempts` are the learner's attempts in the order they were answered (as ClassData
 * keeps them); attempts at other packs, review attempts and attempts at items the pack no longer has
 * are ignored. Rounds come out in ascending order.
 */
export function completedRounds(pack: Pack, attempts: readonly Attempt[]): CompletedRound[] {
  const items = new Set(pack.items.map((item) => item.id));
  const byRound = groupBy(
    attempts.filter((attempt) => attempt.packId === pack.id && !isReview(attempt) && items.has(attempt.itemId)),
    (attempt) => attempt.round,
  );
  const rounds: CompletedRound[] = [];
  for (const [round, own] of [...byRound].sort(([a], [b]) => a - b)) {
    const seen = new Set<string>();
    for (const [index, attempt] of own.entries()) {
      seen.add(attempt.itemId);
      if (seen.size === items.size) {
        rounds.push({ round, completedAt: attempt.answeredAt, attempts: own.slice(0, index + 1) });
        break;
      }
    }
  }
  return rounds;
}

function mostMissed(
  learners: readonly { learner: ClassLearner; attempts: Attempt[] }[],
  packsById: ReadonlyMap<string, Pack>,
  packRank: ReadonlyMap<string, number>,
): MissedItem[] {
  interface Entry {
    packId: string;
    itemId: string;
    itemType: ItemType;
    attempts: number;
    missed: number;
    learners: Set<string>;
    learnersMissed: Set<string>;
  }
  // By pack, then by item.
  const byItem = new Map<string, Map<string, Entry>>();
  for (const { learner, attempts } of learners) {
    for (const attempt of attempts) {
      let items = byItem.get(attempt.packId);
      if (items === undefined) {
        items = new Map();
        byItem.set(attempt.packId, items);
      }
      let entry = items.get(attempt.itemId);
      if (entry === undefined) {
        entry = {
          packId: attempt.packId,
          itemId: attempt.itemId,
          itemType: attempt.itemType,
          attempts: 0,
          missed: 0,
          learners: new Set(),
          learnersMissed: new Set(),
        };
        items.set(attempt.itemId, entry);
      }
      entry.attempts += 1;
      entry.learners.add(learner.learnerId);
      if (!attempt.correct) {
        entry.missed += 1;
        entry.learnersMissed.add(learner.learnerId);
      }
    }
  }
  const missed = [...byItem.values()]
    .flatMap((items) => [...items.values()])
    .filter((entry) => entry.missed > 0)
    .map((entry) => {
      const pack = packsById.get(entry.packId);
      const itemIndex = pack?.items.findIndex((candidate) => candidate.id === entry.itemId) ?? -1;
      const item = pack?.items[itemIndex];
      const row: MissedItem = {
        packId: entry.packId,
        packTitle: pack?.meta.title ?? entry.packId,
        itemId: entry.itemId,
        itemType: item?.type ?? entry.itemType,
        summary: item === undefined ? entry.itemId : describeItem(item),
        answer: item === undefined ? undefined : expectedAnswer(item),
        explanation: item?.explanation,
        attempts: entry.attempts,
        missed: entry.missed,
        shareMissed: entry.missed / entry.attempts,
        learners: entry.learners.size,
        learnersMissed: entry.learnersMissed.size,
      };
      return { row, order: [packRank.get(entry.packId) ?? Infinity, itemIndex < 0 ? Infinity : itemIndex] as const };
    });
  // Most wrong attempts first, then the larger share, then pack and item order so ties read in order.
  missed.sort(
    (a, b) =>
      b.row.missed - a.row.missed ||
      b.row.shareMissed - a.row.shareMissed ||
      a.order[0] - b.order[0] ||
      a.order[1] - b.order[1] ||
      compare(a.row.packId, b.row.packId) ||
      compare(a.row.itemId, b.row.itemId),
  );
  return missed.map(({ row }) => row);
}

export function isReview(attempt: Pick<Attempt, 'mode'>): boolean {
  return attempt.mode === 'review';
}

interface Stamp {
  at: string;
  time: number;
}

/** The earliest and latest answers, by time (timestamps that cannot be read are left out). */
interface Span {
  first: Stamp | undefined;
  last: Stamp | undefined;
}

function timeSpan(attempts: readonly Attempt[]): Span {
  const span: Span = { first: undefined, last: undefined };
  for (const { answeredAt } of attempts) widen(span, answeredAt, Date.parse(answeredAt));
  return span;
}

function mergeSpans(spans: readonly Span[]): Span {
  const span: Span = { first: undefined, last: undefined };
  for (const { first, last } of spans) {
    if (first !== undefined) widen(span, first.at, first.time);
    if (last !== undefined) widen(span, last.at, last.time);
  }
  return span;
}

function widen(span: Span, at: string, time: number): void {
  if (Number.isNaN(time)) return;
  if (span.first === undefined || time < span.first.time) span.first = { at, time };
  if (span.last === undefined || time > span.last.time) span.last = { at, time };
}

function groupBy<T, K>(values: readonly T[], key: (value: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const value of values) {
    const k = key(value);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [value]);
    else group.push(value);
  }
  return groups;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Code-point order, the same on every machine (unlike localeCompare), for ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
