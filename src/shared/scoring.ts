/**
 * Scoring: what an answer to one item is worth, and what a learner's attempts at a pack add up to.
 * Pure functions, shared by the backend (which records scores) and the renderer (which shows them).
 */
import type {
  Answer,
  ClassifyAnswer,
  FindAnswer,
  HeadlineAnswer,
  LabelOutcome,
  MarkedSpan,
  NumbersAnswer,
  Score,
  SourceAnswer,
} from './answers';
import { ApiError } from './errors';
import type { ClassifyItem, FindItem, HeadlineItem, Item, NumbersItem, Pack, SourceItem } from './pack/schema';
import { ITEM_TYPES, type ItemType, type Label } from './pack/vocabulary';

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

export function scoreAnswer(item: Item, answer: Answer): Score {
  if (item.type === 'classify' && answer.type === 'classify') return scoreClassify(item, answer);
  if (item.type === 'find' && answer.type === 'find') return scoreFind(item, answer);
  if (item.type === 'source' && answer.type === 'source') return scoreSource(item, answer);
  if (item.type === 'headline' && answer.type === 'headline') return scoreHeadline(item, answer);
  if (item.type === 'numbers' && answer.type === 'numbers') return scoreNumbers(item, answer);
  throw new ApiError('invalid-input', `Item "${item.id}" is a ${item.type} item, but the answer is for a ${answer.type} item`);
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
  const latest = new Map<string, Score>();
  for (const attempt of attempts) latest.set(attempt.itemId, attempt.score);

  const byType = tallies(ITEM_TYPES);
  const missed: string[] = [];
  let answered = 0;
  let correct = 0;
  // Walking the pack rather than the attempts drops attempts at items the pack no longer has.
  for (const item of pack.items) {
    const score = latest.get(item.id);
    if (score === undefined) continue;
    answered += 1;
    if (score.correct) correct += 1;
    else missed.push(item.id);
    count(byType[item.type], score.correct);
  }
  return { answered, total: pack.items.length, correct, byType, missed };
}

function tallies<K extends string>(keys: readonly K[]): Record<K, Tally> {
  return Object.fromEntries(keys.map((key) => [key, { right: 0, total: 0 }])) as Record<K, Tally>;
}

function count(tally: Tally, right: boolean): void {
  tally.total += 1;
  if (right) tally.right += 1;
}

function accepts(label: Label, alsoAccept: Label[] | undefined): Label[] {
  return [label, ...(alsoAccept ?? [])];
}

function scoreClassify(item: ClassifyItem, answer: ClassifyAnswer): Score {
  const accepted = accepts(item.claim.label, item.claim.alsoAccept);
  const correct = accepted.includes(answer.label);
  return {
    itemType: 'classify',
    correct,
    score: correct ? 1 : 0,
    labels: [{ label: item.claim.label, correct }],
    detail: { type: 'classify', expected: item.claim.label, accepted, given: answer.label },
  };
}

function scoreFind(item: FindItem, answer: FindAnswer): Score {
  answer.spans.forEach((span, index) => {
    if (!item.paragraphs.includes(span.paragraph)) {
      throw new ApiError(
        'invalid-input',
        `Marked span ${index} of item "${item.id}" is in paragraph ${span.paragraph}, outside the passage (${item.paragraphs.join(', ')})`,
      );
    }
    if (span.end <= span.start) {
      throw new ApiError(
        'invalid-input',
        `Marked span ${index} of item "${item.id}" is empty or backwards: it must end after it starts (start ${span.start}, end ${span.end})`,
      );
    }
  });

  const expected = union(item.spans);
  const marks = union(answer.spans);
  const expectedChars = totalLength(expected);
  const markedChars = totalLength(marks);
  const common = sum(expected.map((span) => coveredBy(span, marks)));

  const found: number[] = [];
  const missed: number[] = [];
  item.spans.forEach((span, index) => (2 * coveredBy(span, marks) >= length(span) ? found : missed).push(index));
  const extra = marks.filter((mark) => coveredBy(mark, expected) === 0);

  const precision = markedChars === 0 ? 0 : common / markedChars;
  const recall = common / expectedChars;
  // Integer form of precision >= 0.5, so a mark of exactly half never trips over rounding.
  const correct = missed.length === 0 && 2 * common >= markedChars;
  return {
    itemType: 'find',
    correct,
    // F1 written over character counts: equal to 2PR / (P + R), and 0 when nothing overlaps.
    score: (2 * common) / (expectedChars + markedChars),
    labels: [{ label: item.label, correct }],
    detail: { type: 'find', found, missed, extra, precision, recall },
  };
}

/**
 * The characters covered by any span, as maximal runs per paragraph, sorted. Touching spans join, so
 * marking a stretch in two strokes is the same as marking it in one.
 */
function union(spans: readonly MarkedSpan[]): MarkedSpan[] {
  const sorted = [...spans].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const runs: MarkedSpan[] = [];
  for (const span of sorted) {
    const last = runs.at(-1);
    if (last !== undefined && last.paragraph === span.paragraph && span.start <= last.end)
      last.end = Math.max(last.end, span.end);
    else runs.push({ paragraph: span.paragraph, start: span.start, end: span.end });
  }
  return runs;
}

/** How many characters of `span` lie in `runs`, which must not overlap each other. */
function coveredBy(span: MarkedSpan, runs: readonly MarkedSpan[]): number {
  return sum(
    runs.map((run) =>
      run.paragraph === span.paragraph ? Math.max(0, Math.min(run.end, span.end) - Math.max(run.start, span.start)) : 0,
    ),
  );
}

function length(span: MarkedSpan): number {
  return span.end - span.start;
}

function totalLength(spans: readonly MarkedSpan[]): number {
  return sum(spans.map(length));
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function scoreSource(item: SourceItem, answer: SourceAnswer): Score {
  const correct = answer.optionId === item.answer;
  return {
    itemType: 'source',
    correct,
    score: correct ? 1 : 0,
    labels: [],
    detail: { type: 'source', expected: item.answer, given: answer.optionId },
  };
}

function scoreHeadline(item: HeadlineItem, answer: HeadlineAnswer): Score {
  const correct = answer.verdict === item.answer;
  return {
    itemType: 'headline',
    correct,
    score: correct ? 1 : 0,
    labels: [],
    detail: { type: 'headline', expected: item.answer, given: answer.verdict },
  };
}

function scoreNumbers(item: NumbersItem, answer: NumbersAnswer): Score {
  const pairs = zip(item.figures, answer.figures);
  if (pairs === undefined) {
    throw new ApiError(
      'invalid-input',
      `Item "${item.id}" has ${item.figures.length} figures, but the answer judges ${answer.figures.length}`,
    );
  }
  const figures = pairs.map(([figure, given]) => {
    const accepted = accepts(figure.label, figure.alsoAccept);
    return {
      expectedLabel: figure.label,
      accepted,
      givenLabel: given.label,
      labelCorrect: accepted.includes(given.label),
      expectedSource: figure.source.name,
      givenSource: given.source,
      sourceCorrect: given.source === figure.source.name,
    };
  });
  const right = sum(figures.map((figure) => Number(figure.labelCorrect) + Number(figure.sourceCorrect)));
  const labels: LabelOutcome[] = figures.map((figure) => ({ label: figure.expectedLabel, correct: figure.labelCorrect }));
  return {
    itemType: 'numbers',
    correct: right === 2 * figures.length,
    score: right / (2 * figures.length),
    labels,
    detail: { type: 'numbers', figures },
  };
}

/** Pairs two arrays element by element, or undefined when their lengths differ. */
function zip<A, B>(as: readonly A[], bs: readonly B[]): [A, B][] | undefined {
  // The cast is safe: equal lengths mean every index of `as` exists in `bs`.
  return as.length === bs.length ? as.map((a, index) => [a, bs[index] as B]) : undefined;
}
