/** Find: the learner marks every span of a given label in a passage; scored by character overlap. */
import { ApiError } from '../errors';
import { LABEL_NAMES } from '../pack/vocabulary';
import type { ExerciseKind } from './kind';
import type { MarkedSpan } from './find.schema';

export interface FindDetail {
  type: 'find';
  /** Indices into item.spans that the learner covered by at least half. */
  found: number[];
  missed: number[];
  /** Marked spans that touch no expected span. */
  extra: MarkedSpan[];
  precision: number;
  recall: number;
}

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

  score(item, answer) {
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
  },

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

  xapi: { interactionType: 'other', response: (answer) => spansText(answer.spans, '[,]') },

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
