import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, MarkedSpan, Score } from './answers';
import { ApiError } from './errors';
import type { ClassifyItem, FindItem, HeadlineItem, Item, NumbersItem, Pack, Source, SourceItem, TextRef } from './pack/schema';
import { validatePack } from './pack/validate';
import { accuracy, scoreAnswer, summariseAttempts, verdictOf } from './scoring';

const PARAGRAPHS = [
  'Aides call it a disaster and critics call it a truly reckless bet, though the ministry confirmed the terms.',
  'One senator said it was a bad deal for everyone.',
  'The ministry said about 300 jobs would go; unions put the figure at 1,000.',
];

function ref(paragraph: number, quote: string): TextRef {
  const start = (PARAGRAPHS[paragraph] ?? '').indexOf(quote);
  if (start < 0) throw new Error(`fixture: "${quote}" is not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + quote.length, quote };
}

function speaker(name: string, kind: Source['kind']): Source {
  return { name, kind, chain: [] };
}
const MINISTRY = speaker('The ministry', 'institution');
const CRITICS = speaker('Critics', 'party');
const UNIONS = speaker('Unions', 'party');

const classifyConfirmed: ClassifyItem = {
  id: 'classify-confirmed',
  type: 'classify',
  explanation: 'The ministry says it confirmed the terms.',
  claim: { ref: ref(0, 'the ministry confirmed the terms'), label: 'confirmed', source: MINISTRY, cues: ['confirmed'] },
};

const classifyBorderline: ClassifyItem = {
  id: 'classify-borderline',
  type: 'classify',
  explanation: '"Reckless" is a judgement, though some read it as a report of what critics think.',
  claim: {
    ref: ref(0, 'a truly reckless bet'),
    label: 'opinion',
    alsoAccept: ['unconfirmed'],
    source: CRITICS,
    cues: ['reckless'],
  },
};

// Spans 0 and 1 share paragraph 0 (10 and 20 characters, 21 apart); span 2 is in paragraph 1.
const find: FindItem = {
  id: 'find-opinions',
  type: 'find',
  label: 'opinion',
  explanation: 'Three characterisations.',
  paragraphs: [0, 1],
  spans: [ref(0, 'a disaster'), ref(0, 'a truly reckless bet'), ref(1, 'a bad deal')],
};
const [A, B, C] = find.spans as [TextRef, TextRef, TextRef];

const source: SourceItem = {
  id: 'source-terms',
  type: 'source',
  explanation: 'The ministry says so itself.',
  claim: { ref: ref(0, 'the ministry confirmed the terms'), label: 'confirmed', source: MINISTRY, cues: ['confirmed'] },
  options: [
    { id: 'ministry', text: 'The ministry, on the record' },
    { id: 'aides', text: 'Aides, speaking anonymously' },
  ],
  answer: 'ministry',
};

const headline: HeadlineItem = {
  id: 'headline-1000-jobs',
  type: 'headline',
  explanation: 'The 1,000 is the unions’ figure; the ministry says about 300.',
  headline: 'Ministry confirms 1,000 job losses',
  answer: 'overstated',
  evidence: [ref(2, 'unions put the figure at 1,000')],
};

const numbers: NumbersItem = {
  id: 'numbers-jobs',
  type: 'numbers',
  explanation: 'Both figures are projections, from different sides.',
  figures: [
    { ref: ref(2, 'about 300 jobs'), label: 'estimate', source: MINISTRY },
    { ref: ref(2, '1,000'), label: 'estimate', alsoAccept: ['unconfirmed'], source: UNIONS },
  ],
  sourceOptions: ['The ministry', 'Unions', 'Aides'],
};

const rawPack = {
  schemaVersion: 1,
  id: 'scoring-fixture',
  version: 1,
  meta: {
    title: 'Fixture',
    outlet: 'Test Outlet',
    author: 'Test',
    published: '2024-01-02',
    url: 'https://example.org/fixture',
    credit: 'Written for the tests.',
    language: 'en',
  },
  article: { headline: 'Fixture', paragraphs: PARAGRAPHS },
  items: [classifyConfirmed, classifyBorderline, find, source, headline, numbers],
};

function fixturePack(): Pack {
  const result = validatePack(rawPack);
  if (!result.ok) throw new Error(`fixture pack is invalid: ${result.problems.join('; ')}`);
  return result.pack;
}

function mark(span: { paragraph: number; start: number; end: number }): MarkedSpan {
  return { paragraph: span.paragraph, start: span.start, end: span.end };
}

function scoreMarks(...spans: MarkedSpan[]): Score {
  return scoreAnswer(find, { type: 'find', spans }, rawPack);
}

function quoteOf(span: MarkedSpan): string {
  return PARAGRAPHS[span.paragraph]!.slice(span.start, span.end);
}

function findDetail(score: Score) {
  if (score.detail.type !== 'find') throw new Error(`expected a find detail, got ${score.detail.type}`);
  return score.detail;
}

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}

describe('fixtures', () => {
  it('are a valid pack with the span lengths the hand computations assume', () => {
    expect(fixturePack().items).toHaveLength(6);
    expect([A.end - A.start, B.end - B.start, C.end - C.start, B.start - A.end]).toEqual([10, 20, 10, 21]);
    expect([PARAGRAPHS[0]?.length, PARAGRAPHS[1]?.length]).toEqual([107, 48]);
  });
});

describe('scoreAnswer: classify', () => {
  it('is right for the claim’s label', () => {
    expect(scoreAnswer(classifyConfirmed, { type: 'classify', label: 'confirmed', confidence: 3 }, rawPack)).toEqual({
      itemType: 'classify',
      correct: true,
      score: 1,
      labels: [{ label: 'confirmed', correct: true }],
      detail: { type: 'classify', expected: 'confirmed', accepted: ['confirmed'], given: 'confirmed' },
    });
  });

  it('is wrong for another label, and the outcome is filed under the expected label', () => {
    expect(scoreAnswer(classifyConfirmed, { type: 'classify', label: 'unconfirmed' }, rawPack)).toEqual({
      itemType: 'classify',
      correct: false,
      score: 0,
      labels: [{ label: 'confirmed', correct: false }],
      detail: { type: 'classify', expected: 'confirmed', accepted: ['confirmed'], given: 'unconfirmed' },
    });
  });

  it('accepts the labels in alsoAccept, and lists them', () => {
    const score = scoreAnswer(classifyBorderline, { type: 'classify', label: 'unconfirmed' }, rawPack);
    expect(score.correct).toBe(true);
    expect(score.score).toBe(1);
    expect(score.labels).toEqual([{ label: 'opinion', correct: true }]);
    expect(score.detail).toEqual({
      type: 'classify',
      expected: 'opinion',
      accepted: ['opinion', 'unconfirmed'],
      given: 'unconfirmed',
    });
  });

  it('still rejects labels outside alsoAccept on a borderline claim', () => {
    expect(scoreAnswer(classifyBorderline, { type: 'classify', label: 'estimate' }, rawPack).correct).toBe(false);
  });
});

describe('scoreAnswer: find', () => {
  const right = (span: MarkedSpan) => ({ ...mark(span), quote: quoteOf(span), verdict: 'right' });

  it('scores exact marks as right, every mark right', () => {
    const score = scoreMarks(mark(A), mark(B), mark(C));
    expect(score).toEqual({
      itemType: 'find',
      correct: true,
      score: 1,
      labels: [{ label: 'opinion', correct: true }],
      detail: { type: 'find', found: [0, 1, 2], missed: [], marks: [right(A), right(B), right(C)] },
    });
  });

  it('misses a claim marked at 40%: the mark is too little to count, and costs nothing more', () => {
    const short = { paragraph: 0, start: A.start, end: A.start + 4 };
    const score = scoreMarks(short, mark(B), mark(C));
    const detail = findDetail(score);
    expect(detail.found).toEqual([1, 2]);
    expect(detail.missed).toEqual([0]);
    expect(detail.marks[0]).toMatchObject({ ...short, quote: 'a di', verdict: 'too-little' });
    expect(score.score).toBeCloseTo(2 / 3, 12);
    expect(score.correct).toBe(false);
    expect(verdictOf(score)).toBe('partly-right');
    expect(score.labels).toEqual([{ label: 'opinion', correct: false }]);
  });

  it('finds a claim marked at 60% or at exactly half', () => {
    for (const part of [
      { paragraph: 0, start: A.end - 6, end: A.end },
      { paragraph: 0, start: A.start, end: A.start + 5 },
    ]) {
      const score = scoreMarks(part, mark(B), mark(C));
      expect(findDetail(score).found).toEqual([0, 1, 2]);
      expect(findDetail(score).marks[0]?.verdict).toBe('right');
      expect(score).toMatchObject({ correct: true, score: 1 });
    }
  });

  it('lets a mark straddle a claim’s end by a few words (half of it in the claim)', () => {
    const straddle = { paragraph: 0, start: A.start + 5, end: A.end + 5 };
    const score = scoreMarks(straddle, mark(B), mark(C));
    expect(findDetail(score).marks[0]).toMatchObject({ quote: 'aster and ', verdict: 'right' });
    expect(score.correct).toBe(true);
  });

  it('lets one mark cover two claims and the few words between them', () => {
    // A.start..B.end is 10 + 21 + 20 = 51 characters, 30 of them in the two claims.
    const score = scoreMarks({ paragraph: 0, start: A.start, end: B.end }, mark(C));
    expect(findDetail(score).found).toEqual([0, 1, 2]);
    expect(findDetail(score).marks.map((one) => one.verdict)).toEqual(['right', 'right']);
    expect(score.correct).toBe(true);
  });

  it('does not reward marking whole paragraphs: every claim found, and still not right', () => {
    const score = scoreMarks({ paragraph: 0, start: 0, end: 107 }, { paragraph: 1, start: 0, end: 48 });
    const detail = findDetail(score);
    expect(detail.found).toEqual([0, 1, 2]);
    expect(detail.missed).toEqual([]);
    // Paragraph 1 takes in the ministry's confirmation; paragraph 2 is mostly no claim at all.
    expect(detail.marks.map((one) => one.verdict)).toEqual(['other-label', 'too-much']);
    expect(detail.marks[0]?.claims).toEqual([{ ...classifyConfirmed.claim.ref, label: 'confirmed' }]);
    expect(score.score).toBeCloseTo(3 / 5, 12);
    expect(score.correct).toBe(false);
    expect(verdictOf(score)).toBe('partly-right');
    expect(score.labels).toEqual([{ label: 'opinion', correct: false }]);
  });

  it('counts a mark on a claim of another label as wrong, though every claim was found', () => {
    const confirmation = mark(classifyConfirmed.claim.ref);
    const score = scoreMarks(mark(A), mark(B), mark(C), confirmation);
    const detail = findDetail(score);
    expect(detail.found).toEqual([0, 1, 2]);
    expect(detail.marks[2]).toMatchObject({ ...confirmation, verdict: 'other-label' });
    expect(score.score).toBeCloseTo(3 / 4, 12);
    expect(score.correct).toBe(false);
  });

  it('counts a mark lying mostly inside a claim of another label as wrong, however short', () => {
    const ref = classifyConfirmed.claim.ref;
    const score = scoreMarks(mark(A), mark(B), mark(C), { paragraph: 0, start: ref.start, end: ref.start + 8 });
    expect(findDetail(score).marks[2]).toMatchObject({ quote: 'the mini', verdict: 'other-label' });
    expect(score.correct).toBe(false);
  });

  it('forgives a mark that runs a word into a claim of another label', () => {
    // "a truly reckless bet, though the": 3 of the confirmation's 32 characters.
    const score = scoreMarks(mark(A), { paragraph: 0, start: B.start, end: classifyConfirmed.claim.ref.start + 3 }, mark(C));
    expect(findDetail(score).marks.map((one) => one.verdict)).toEqual(['right', 'right', 'right']);
    expect(score.correct).toBe(true);
  });

  it('counts a mark on no claim at all as wrong', () => {
    const stray = { paragraph: 0, start: 0, end: 10 };
    const score = scoreMarks(mark(A), stray, mark(B), mark(C));
    const detail = findDetail(score);
    expect(detail.marks[0]).toMatchObject({ ...stray, quote: 'Aides call', verdict: 'not-a-claim' });
    expect(score.score).toBeCloseTo(3 / 4, 12);
    expect(score.correct).toBe(false);
  });

  it('never double counts the same claim marked twice', () => {
    expect(scoreMarks(mark(A), mark(A), mark(B), mark(C), mark(C))).toEqual(scoreMarks(mark(A), mark(B), mark(C)));
  });

  it('joins overlapping strokes into one mark before judging it', () => {
    const score = scoreMarks(
      { paragraph: 0, start: A.start, end: A.start + 7 },
      { paragraph: 0, start: A.start + 5, end: A.end + 3 },
      mark(B),
      mark(C),
    );
    const detail = findDetail(score);
    expect(detail.marks[0]).toMatchObject({ paragraph: 0, start: A.start, end: A.end + 3, verdict: 'right' });
    expect(detail.marks).toHaveLength(3);
    expect(score.correct).toBe(true);
  });

  it('scores no marks as zero without dividing by zero', () => {
    expect(scoreMarks()).toEqual({
      itemType: 'find',
      correct: false,
      score: 0,
      labels: [{ label: 'opinion', correct: false }],
      detail: { type: 'find', found: [], missed: [0, 1, 2], marks: [] },
    });
  });

  it('credits marks in the passage’s second paragraph', () => {
    const score = scoreMarks(mark(C));
    expect(findDetail(score)).toMatchObject({ found: [2], missed: [0, 1] });
    expect(score.score).toBeCloseTo(1 / 3, 12);
    expect(score.correct).toBe(false);
  });

  it('matches paragraphs, not just offsets: C’s offsets in paragraph 1 find nothing', () => {
    const misplaced = { paragraph: 0, start: C.start, end: C.end };
    const score = scoreMarks(misplaced);
    expect(findDetail(score)).toMatchObject({ found: [], missed: [0, 1, 2], marks: [{ ...misplaced, verdict: 'not-a-claim' }] });
    expect(verdictOf(score)).toBe('wrong');
  });

  it('lists marks by paragraph and position', () => {
    const late = { paragraph: 1, start: 0, end: 3 };
    const early = { paragraph: 0, start: 0, end: 5 };
    expect(findDetail(scoreMarks(late, mark(C), early)).marks.map(({ paragraph, start }) => [paragraph, start])).toEqual([
      [0, 0],
      [1, 0],
      [1, C.start],
    ]);
  });

  it('rejects a mark outside the passage, counting paragraphs from 1', () => {
    const error = thrown(() => scoreMarks(mark(A), { paragraph: 2, start: 0, end: 10 }));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toBe('Mark 2 of item "find-opinions" is in paragraph 3, outside the passage (paragraphs 1, 2)');
  });

  it('rejects an empty or backwards mark, and one past the end of its paragraph', () => {
    expect(thrown(() => scoreMarks({ paragraph: 0, start: 10, end: 10 })).code).toBe('invalid-input');
    expect(thrown(() => scoreMarks({ paragraph: 1, start: 20, end: 5 })).code).toBe('invalid-input');
    expect(thrown(() => scoreMarks({ paragraph: 1, start: 20, end: 49 })).message).toMatch(
      /after paragraph 2 ends \(48 characters\)/,
    );
  });
});

describe('scoreAnswer: source', () => {
  it('is right for the keyed option, with no label outcomes', () => {
    expect(scoreAnswer(source, { type: 'source', optionId: 'ministry' }, rawPack)).toEqual({
      itemType: 'source',
      correct: true,
      score: 1,
      labels: [],
      detail: { type: 'source', expected: 'ministry', given: 'ministry' },
    });
  });

  it('is wrong for another option', () => {
    expect(scoreAnswer(source, { type: 'source', optionId: 'aides' }, rawPack)).toEqual({
      itemType: 'source',
      correct: false,
      score: 0,
      labels: [],
      detail: { type: 'source', expected: 'ministry', given: 'aides' },
    });
  });
});

describe('scoreAnswer: headline', () => {
  it('is right for the keyed verdict', () => {
    expect(scoreAnswer(headline, { type: 'headline', verdict: 'overstated' }, rawPack)).toEqual({
      itemType: 'headline',
      correct: true,
      score: 1,
      labels: [],
      detail: { type: 'headline', expected: 'overstated', given: 'overstated' },
    });
  });

  it('is wrong for the other verdict', () => {
    const score = scoreAnswer(headline, { type: 'headline', verdict: 'supported' }, rawPack);
    expect(score.correct).toBe(false);
    expect(score.score).toBe(0);
    expect(score.detail).toEqual({ type: 'headline', expected: 'overstated', given: 'supported' });
  });
});

describe('scoreAnswer: numbers', () => {
  it('is right when every label and source is right', () => {
    const score = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'estimate', source: 'The ministry' },
          { label: 'estimate', source: 'Unions' },
        ],
      },
      rawPack,
    );
    expect(score.correct).toBe(true);
    expect(score.score).toBe(1);
    expect(score.labels).toEqual([
      { label: 'estimate', correct: true },
      { label: 'estimate', correct: true },
    ]);
  });

  it('gives partial credit per judgement: 3 of 4 right', () => {
    const score = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'confirmed', source: 'The ministry' },
          { label: 'estimate', source: 'Unions' },
        ],
      },
      rawPack,
    );
    expect(score).toEqual({
      itemType: 'numbers',
      correct: false,
      score: 0.75,
      labels: [
        { label: 'estimate', correct: false },
        { label: 'estimate', correct: true },
      ],
      detail: {
        type: 'numbers',
        figures: [
          {
            expectedLabel: 'estimate',
            accepted: ['estimate'],
            givenLabel: 'confirmed',
            labelCorrect: false,
            expectedSource: 'The ministry',
            givenSource: 'The ministry',
            sourceCorrect: true,
          },
          {
            expectedLabel: 'estimate',
            accepted: ['estimate', 'unconfirmed'],
            givenLabel: 'estimate',
            labelCorrect: true,
            expectedSource: 'Unions',
            givenSource: 'Unions',
            sourceCorrect: true,
          },
        ],
      },
    });
  });

  it('judges sources apart from labels, and accepts alsoAccept labels: 2 of 4 right', () => {
    const score = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'opinion', source: 'Aides' },
          { label: 'unconfirmed', source: 'Unions' },
        ],
      },
      rawPack,
    );
    expect(score.score).toBe(0.5);
    expect(score.correct).toBe(false);
    expect(score.labels).toEqual([
      { label: 'estimate', correct: false },
      { label: 'estimate', correct: true },
    ]);
  });

  it('is wrong, not right, when only the sources are swapped', () => {
    const score = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'estimate', source: 'Unions' },
          { label: 'estimate', source: 'The ministry' },
        ],
      },
      rawPack,
    );
    expect(score.score).toBe(0.5);
    expect(score.correct).toBe(false);
    expect(score.labels.every((outcome) => outcome.correct)).toBe(true);
  });

  it('rejects an answer with the wrong number of figures', () => {
    const tooFew: Answer = { type: 'numbers', figures: [{ label: 'estimate', source: 'The ministry' }] };
    const tooMany: Answer = {
      type: 'numbers',
      figures: [
        { label: 'estimate', source: 'The ministry' },
        { label: 'estimate', source: 'Unions' },
        { label: 'estimate', source: 'Aides' },
      ],
    };
    expect(thrown(() => scoreAnswer(numbers, tooFew, rawPack)).code).toBe('invalid-input');
    expect(thrown(() => scoreAnswer(numbers, tooMany, rawPack)).code).toBe('invalid-input');
  });
});

describe('scoreAnswer: mismatched types', () => {
  const cases: [Item, Answer][] = [
    [classifyConfirmed, { type: 'headline', verdict: 'supported' }],
    [find, { type: 'classify', label: 'opinion' }],
    [source, { type: 'find', spans: [] }],
    [headline, { type: 'source', optionId: 'ministry' }],
    [numbers, { type: 'classify', label: 'estimate' }],
  ];
  it.each(cases)('rejects an answer of another type', (item, answer) => {
    const error = thrown(() => scoreAnswer(item, answer, rawPack));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(item.id);
  });
});

describe('accuracy', () => {
  it('is the share right', () => {
    expect(accuracy({ right: 1, total: 4 })).toBe(0.25);
    expect(accuracy({ right: 0, total: 3 })).toBe(0);
  });

  it('is undefined, not 0, with nothing to judge', () => {
    expect(accuracy({ right: 0, total: 0 })).toBeUndefined();
  });
});

describe('verdictOf', () => {
  it('reads right, partly right (some credit, not right) and not right, one rule for every type', () => {
    const partly = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'confirmed', source: 'The ministry' },
          { label: 'estimate', source: 'Unions' },
        ],
      },
      rawPack,
    );
    expect(verdictOf(partly)).toBe('partly-right');
    const right = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'estimate', source: 'The ministry' },
          { label: 'estimate', source: 'Unions' },
        ],
      },
      rawPack,
    );
    expect(verdictOf(right)).toBe('right');
    expect(verdictOf({ correct: false, score: 0 })).toBe('wrong');
  });

  it('counts partly right as not right in the tallies, and lists it with the missed', () => {
    const pack = fixturePack();
    const partly = scoreAnswer(
      numbers,
      {
        type: 'numbers',
        figures: [
          { label: 'confirmed', source: 'The ministry' },
          { label: 'estimate', source: 'Unions' },
        ],
      },
      rawPack,
    );
    const summary = summariseAttempts(pack, [{ itemId: numbers.id, score: partly }]);
    expect(summary).toMatchObject({ answered: 1, correct: 0, missed: [numbers.id] });
    expect(summary.byType.numbers).toEqual({ right: 0, total: 1 });
  });
});

describe('summariseAttempts', () => {
  const zero = { right: 0, total: 0 };

  it('reports every type, even with no attempts', () => {
    expect(summariseAttempts(fixturePack(), [])).toEqual({
      answered: 0,
      total: 6,
      correct: 0,
      byType: { classify: zero, find: zero, source: zero, headline: zero, numbers: zero },
      missed: [],
    });
  });

  it('counts the last attempt per item, ignores unknown items, and lists misses in pack order', () => {
    const pack = fixturePack();
    const attempt = (item: Item, answer: Answer) => ({ itemId: item.id, score: scoreAnswer(item, answer, rawPack) });
    const summary = summariseAttempts(pack, [
      attempt(classifyConfirmed, { type: 'classify', label: 'unconfirmed' }),
      attempt(numbers, {
        type: 'numbers',
        figures: [
          { label: 'estimate', source: 'The ministry' },
          { label: 'confirmed', source: 'Unions' },
        ],
      }),
      attempt(classifyBorderline, { type: 'classify', label: 'opinion' }),
      attempt(classifyConfirmed, { type: 'classify', label: 'confirmed' }),
      // An item since removed from the pack: its confirmed outcome must not be counted.
      { itemId: 'removed-item', score: scoreAnswer(classifyConfirmed, { type: 'classify', label: 'confirmed' }, rawPack) },
      attempt(headline, { type: 'headline', verdict: 'overstated' }),
      attempt(find, { type: 'find', spans: [mark(A), mark(B), mark(C)] }),
      attempt(classifyBorderline, { type: 'classify', label: 'denial' }),
    ]);
    expect(summary).toEqual({
      answered: 5,
      total: 6,
      correct: 3,
      byType: {
        classify: { right: 1, total: 2 },
        find: { right: 1, total: 1 },
        source: zero,
        headline: { right: 1, total: 1 },
        numbers: { right: 0, total: 1 },
      },
      missed: ['classify-borderline', 'numbers-jobs'],
    });
  });

  it('gives every summary its own tallies', () => {
    const first = summariseAttempts(fixturePack(), [
      { itemId: classifyConfirmed.id, score: scoreAnswer(classifyConfirmed, { type: 'classify', label: 'confirmed' }, rawPack) },
    ]);
    const second = summariseAttempts(fixturePack(), []);
    expect(first.byType.classify).toEqual({ right: 1, total: 1 });
    expect(second.byType.classify).toEqual(zero);
  });
});

describe('the seed pack', () => {
  const file = join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json');
  const result = validatePack(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`seed pack is invalid: ${result.problems.join('; ')}`);
  const seed = result.pack;

  function keyAnswer(item: Item): Answer {
    switch (item.type) {
      case 'classify':
        return { type: 'classify', label: item.claim.label };
      case 'find':
        return { type: 'find', spans: item.spans.map(mark) };
      case 'source':
        return { type: 'source', optionId: item.answer };
      case 'headline':
        return { type: 'headline', verdict: item.answer };
      case 'numbers':
        return { type: 'numbers', figures: item.figures.map((figure) => ({ label: figure.label, source: figure.source.name })) };
    }
  }

  it('scores its own key as all correct', () => {
    const attempts = seed.items.map((item) => ({ itemId: item.id, score: scoreAnswer(item, keyAnswer(item), seed) }));
    for (const { itemId, score } of attempts) {
      expect({ itemId, correct: score.correct, score: score.score }).toEqual({ itemId, correct: true, score: 1 });
    }
    const summary = summariseAttempts(seed, attempts);
    expect(summary).toMatchObject({
      answered: seed.items.length,
      total: seed.items.length,
      correct: seed.items.length,
      missed: [],
    });
    for (const tally of Object.values(summary.byType)) {
      expect(tally.right).toBe(tally.total);
    }
  });
});
