/**
 * Find: the learner marks every claim of a given label in a passage. Scored claim by claim and mark
 * by mark, against every labelled span of the pack (so a mark on a claim of another label is known
 * for what it is), never by characters alone: marking the whole passage finds everything and is
 * still not right.
 */
import { ApiError } from '../errors';
import { LABEL_NAMES } from '../pack/vocabulary';
import type { ExerciseKind, ExerciseReporting, LabelledSpan, ScoringContext } from './kind';
import type { FindItem, MarkedSpan } from './find.schema';

/**
 * What one mark (strokes that touch or overlap joined into one) comes to, checked in this order:
 * - `other-label`: at least half of a claim of another label, or a mark lying mostly in one;
 * - `not-a-claim`: no character in a claim of the label asked for;
 * - `too-much`: more than half of the mark lies outside the claims of the label (the whole
 *   paragraph, say);
 * - `right`: on a claim of the label that counts as found (or on one the pack also accepts with it);
 * - `too-little`: only on claims of the label that it does not cover enough of to count as found
 *   (they are listed as missed, and the mark itself costs nothing more).
 */
export type MarkVerdict = 'right' | 'other-label' | 'not-a-claim' | 'too-much' | 'too-little';

export interface MarkOutcome extends MarkedSpan {
  /** The marked text. */
  quote: string;
  verdict: MarkVerdict;
  /** `other-label`: the claims of other labels the mark takes in, in article order. */
  claims?: LabelledSpan[];
}

export interface FindDetail {
  type: 'find';
  /** Indices into item.spans that the learner's marks cover enough of to count as found. */
  found: number[];
  missed: number[];
  /** The learner's marks, joined where they touch, in article order. */
  marks: MarkOutcome[];
}

/** Marks that make the answer not right (a too-little mark is already counted by the claim it missed). */
export const WRONG_MARKS: readonly MarkVerdict[] = ['other-label', 'not-a-claim', 'too-much'];

/** Marked spans as `paragraph:start-end` (0-based), joined by `separator`. */
function spansText(spans: readonly MarkedSpan[], separator: string): string {
  return spans.map((span) => `${span.paragraph}:${span.start}-${span.end}`).join(separator);
}

function paragraphsText(paragraphs: readonly number[]): string {
  return `paragraph${paragraphs.length > 1 ? 's' : ''} ${paragraphs.map((p) => p + 1).join(', ')}`;
}

export const find: ExerciseKind<'find'> = {
  type: 'find',
  name: 'Find',
  question: 'Mark every span of the given kind in the passage.',

  score(item, answer, context) {
    answer.spans.forEach((span, index) => {
      const where = `Mark ${index + 1} of item "${item.id}"`;
      if (!item.paragraphs.includes(span.paragraph)) {
        throw new ApiError(
          'invalid-input',
          `${where} is in paragraph ${span.paragraph + 1}, outside the passage (${paragraphsText(item.paragraphs)})`,
        );
      }
      if (span.end <= span.start) {
        throw new ApiError(
          'invalid-input',
          `${where} is empty or backwards: it must end after it starts (start ${span.start}, end ${span.end})`,
        );
      }
      const paragraphLength = context.paragraphs[span.paragraph]?.length ?? 0;
      if (span.end > paragraphLength) {
        throw new ApiError(
          'invalid-input',
          `${where} ends at ${span.end}, after paragraph ${span.paragraph + 1} ends (${paragraphLength} characters)`,
        );
      }
    });
    return scoreMarks(item, union(answer.spans), context);
  },

  labelled: (item) => item.spans.map((span) => ({ ...span, label: item.label })),
  refs: (item) => item.spans,
  summary: (item) =>
    `every ${LABEL_NAMES[item.label].toLowerCase()} in paragraph ${item.paragraphs.map((p) => p + 1).join(', ')}`,
  draft: ({ id, ref, selected }) => ({
    id,
    type: 'find',
    explanation: '',
    label: 'estimate',
    paragraphs: [ref.paragraph],
    spans: selected ? [ref] : [],
  }),
};

export const findReporting: ExerciseReporting<'find'> = {
  describeItem: (item) => `Find the ${item.label} claims in ${paragraphsText(item.paragraphs)}`,
  expected: (item) =>
    `${item.spans.length} ${item.label} span${item.spans.length === 1 ? '' : 's'}: ${item.spans.map((span) => `“${span.quote}”`).join(', ')}`,
  describeAnswer: (answer) => (answer.spans.length === 0 ? '(nothing marked)' : spansText(answer.spans, '; ')),
  answerWords: (_item, answer, paragraphs) =>
    answer.spans.length === 0
      ? '(nothing marked)'
      : answer.spans.map((span) => `“${paragraphs[span.paragraph]?.slice(span.start, span.end) ?? ''}”`).join('; '),

  keyFields: (item, words) => [
    { name: 'Passage', value: paragraphsText(item.paragraphs) },
    { name: 'Mark every', value: LABEL_NAMES[item.label] },
    { name: 'Spans', list: item.spans.map((span) => words.quote(span)) },
    ...(item.cues !== undefined && item.cues.length > 0 ? [{ name: 'Cues', value: words.cues(item.cues) }] : []),
  ],
  keyRows: (item) => item.spans.map((span) => ({ quote: span.quote, label: item.label })),

  xapi: {
    interactionType: 'long-fill-in',
    // Pattern and response both list the passages in article order (xAPI's order_matters is true
    // by default), so a learner who marked the right text in another order matches the pattern.
    fillIn: (item) => [
      inArticleOrder(item.spans)
        .map((span) => span.quote)
        .join('[,]'),
    ],
    // The marked text, as the pattern quotes it; spans by offset only when the article is not at hand.
    response: (answer, _item, paragraphs) =>
      paragraphs === undefined
        ? spansText(inArticleOrder(answer.spans), '[,]')
        : inArticleOrder(answer.spans)
            .map((span) => paragraphs[span.paragraph]?.slice(span.start, span.end) ?? '')
            .join('[,]'),
  },

  check(item, path, checks) {
    checks.unique(item.paragraphs, `${path}.paragraphs`);
    item.paragraphs.forEach((paragraph, p) => checks.paragraph(paragraph, `${path}.paragraphs[${p}]`));
    item.spans.forEach((span, s) => {
      checks.ref(span, `${path}.spans[${s}]`);
      if (!item.paragraphs.includes(span.paragraph)) {
        checks.problem(
          `${path}.spans[${s}].paragraph: paragraph ${span.paragraph + 1} is not in the passage (${checks.paragraphNumbers(item.paragraphs)})`,
        );
      }
      item.spans.slice(0, s).forEach((other, o) => {
        if (other.paragraph === span.paragraph && other.start < span.end && span.start < other.end) {
          checks.problem(`${path}.spans[${s}]: overlaps span ${o + 1}`);
        }
      });
    });
    if (item.cues) checks.cues(item.cues, item.paragraphs, `${path}.cues`);
  },
};

/**
 * Scores the learner's marks (joined into runs): which claims they found, and what each mark is.
 * Right means every claim found and no wrong mark; the score is the claims found out of the claims
 * plus the wrong marks, so it is 1 only when right, and each wrong mark costs as much as a missed claim.
 */
function scoreMarks(item: FindItem, marks: MarkedSpan[], context: ScoringContext) {
  const found: number[] = [];
  const missed: number[] = [];
  item.spans.forEach((span, index) => (isFound(span, marks, item.cues ?? []) ? found : missed).push(index));
  const outcomes = marks.map((mark) => judgeMark(mark, item, found, context));
  const wrong = outcomes.filter((outcome) => WRONG_MARKS.includes(outcome.verdict)).length;
  const correct = missed.length === 0 && wrong === 0;
  return {
    itemType: 'find' as const,
    correct,
    score: found.length / (item.spans.length + wrong),
    labels: [{ label: item.label, correct }],
    detail: { type: 'find' as const, found, missed, marks: outcomes },
  };
}

/**
 * A claim counts as found when the marks cover at least half of its characters, or all of one of
 * the item's cue words inside it: the words that make it this label are what the learner must see,
 * so "North Korea denied" finds the denial and "provided the first confirmation from Washington"
 * finds Austin's confirmation, though each is under half of its claim.
 */
function isFound(span: MarkedSpan & { quote: string }, marks: readonly MarkedSpan[], cues: readonly string[]): boolean {
  if (2 * coveredBy(span, marks) >= length(span)) return true;
  const quote = span.quote.toLowerCase();
  return cues.some((cue) => {
    const needle = cue.toLowerCase();
    for (let at = quote.indexOf(needle); needle !== '' && at !== -1; at = quote.indexOf(needle, at + 1)) {
      const cueSpan = { paragraph: span.paragraph, start: span.start + at, end: span.start + at + needle.length };
      if (coveredBy(cueSpan, marks) === needle.length) return true;
    }
    return false;
  });
}

/** What one mark is (the rules are at `MarkVerdict`). */
function judgeMark(mark: MarkedSpan, item: FindItem, found: readonly number[], context: ScoringContext): MarkOutcome {
  const quote = context.paragraphs[mark.paragraph]?.slice(mark.start, mark.end) ?? '';
  const outcome = (verdict: MarkVerdict): MarkOutcome => ({ ...mark, quote, verdict });
  const inParagraph = context.labelled.get(mark.paragraph) ?? [];
  const asked = item.spans.filter((span) => span.paragraph === mark.paragraph);
  // Claims of the label the pack does not ask for here, or that it also accepts as this label: never wrong to mark.
  const alike = inParagraph.filter((span) => span.label === item.label || (span.alsoAccept ?? []).includes(item.label));
  const others = inParagraph.filter((span) => !alike.includes(span));
  const own = union([...asked, ...alike]);

  const inOwn = coveredBy(mark, own);
  const takenIn = others.filter((claim) => {
    const overlap = { paragraph: mark.paragraph, start: Math.max(mark.start, claim.start), end: Math.min(mark.end, claim.end) };
    if (overlap.end <= overlap.start) return false;
    const inClaim = length(overlap) - coveredBy(overlap, own);
    return 2 * inClaim >= length(claim) || 2 * inClaim > length(mark);
  });
  if (takenIn.length > 0) {
    const claims = takenIn.sort((a, b) => a.start - b.start).map((claim) => ({ ...claim }));
    return { ...outcome('other-label'), claims };
  }
  if (inOwn === 0) return outcome('not-a-claim');
  if (2 * inOwn < length(mark)) return outcome('too-much');
  const touches = (span: MarkedSpan) => coveredBy(span, [mark]) > 0;
  const onFound = found.some((index) => item.spans[index]!.paragraph === mark.paragraph && touches(item.spans[index]!));
  const onAlikeOnly = alike.some((span) => touches(span) && !asked.some((other) => overlaps(other, span)));
  return outcome(onFound || onAlikeOnly ? 'right' : 'too-little');
}

function overlaps(a: MarkedSpan, b: MarkedSpan): boolean {
  return a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
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

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Spans sorted as they stand in the article: by paragraph, then by where they start. */
function inArticleOrder<S extends { paragraph: number; start: number }>(spans: readonly S[]): S[] {
  return [...spans].sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
