import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarkedSpan } from '../answers';
import { ApiError } from '../errors';
import type { FindItem, Pack } from '../pack/schema';
import { validatePack } from '../pack/validate';
import { verdictOf } from '../scoring';
import { FIXTURE_CONTEXT, findItem, PARAGRAPHS, PLAIN_KEY_WORDS, problemsOf, ref } from '../testing/exercise-items';
import { find, findReporting, type FindDetail } from './find';
import { labelledSpans, scoreAnswer } from './registry';

const span = findItem.spans[0]!;

describe('find', () => {
  it('scores claim by claim: the claim marked is right, a mark on no claim is not', () => {
    expect(find.score(findItem, { type: 'find', spans: [span] }, FIXTURE_CONTEXT)).toMatchObject({ correct: true, score: 1 });
    const half = { paragraph: 0, start: span.start, end: span.start + 7 };
    expect(find.score(findItem, { type: 'find', spans: [half] }, FIXTURE_CONTEXT)).toMatchObject({
      correct: true,
      detail: { found: [0], missed: [], marks: [{ ...half, quote: 'a reckl', verdict: 'right' }] },
    });
    // "The ministry" is the start of the classify item's confirmed claim.
    const elsewhere = { paragraph: 0, start: 0, end: 12 };
    expect(find.score(findItem, { type: 'find', spans: [elsewhere] }, FIXTURE_CONTEXT)).toMatchObject({
      correct: false,
      score: 0,
      labels: [{ label: 'opinion', correct: false }],
      detail: { found: [], missed: [0], marks: [{ ...elsewhere, verdict: 'other-label' }] },
    });
  });

  it('finds a claim by its cue word alone', () => {
    const cue = ref(0, 'reckless');
    expect(find.score(findItem, { type: 'find', spans: [cue] }, FIXTURE_CONTEXT)).toMatchObject({
      correct: true,
      detail: { found: [0], marks: [{ verdict: 'right' }] },
    });
  });

  it('never counts a mark wrong on a claim the pack also accepts as the label asked for', () => {
    // "1,000" is an estimate that also accepts unconfirmed: marking it while finding unconfirmed claims is not wrong.
    const unconfirmed: FindItem = {
      ...findItem,
      label: 'unconfirmed',
      paragraphs: [1],
      spans: [ref(1, 'the union put the figure')],
    };
    const score = find.score(
      unconfirmed,
      { type: 'find', spans: [ref(1, 'the union put the figure at 1,000')] },
      FIXTURE_CONTEXT,
    );
    expect(score).toMatchObject({ correct: true, detail: { marks: [{ verdict: 'right' }] } });
    const estimate = find.score(unconfirmed, { type: 'find', spans: [ref(1, 'about 300')] }, FIXTURE_CONTEXT);
    expect(estimate).toMatchObject({ correct: false, detail: { marks: [{ verdict: 'other-label' }] } });
  });

  it('refuses marks outside the passage', () => {
    expect(() => find.score(findItem, { type: 'find', spans: [{ paragraph: 1, start: 0, end: 3 }] }, FIXTURE_CONTEXT)).toThrow(
      /Mark 1 of item "find-opinion" is in paragraph 2, outside the passage \(paragraph 1\)/,
    );
    expect(() => find.score(findItem, { type: 'find', spans: [{ paragraph: 1, start: 0, end: 3 }] }, FIXTURE_CONTEXT)).toThrow(
      ApiError,
    );
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(findReporting.describeItem(findItem)).toBe('Find the opinion claims in paragraph 1');
    expect(findReporting.expected(findItem)).toBe('1 opinion span: “a reckless bet”');
    expect(findReporting.describeAnswer({ type: 'find', spans: [] })).toBe('(nothing marked)');
    expect(findReporting.describeAnswer({ type: 'find', spans: [span, span] })).toBe('0:56-70; 0:56-70');
    expect(findReporting.keyRows(findItem)).toEqual([{ quote: 'a reckless bet', label: 'opinion' }]);
    expect(findReporting.keyFields(findItem, PLAIN_KEY_WORDS)).toEqual([
      { name: 'Passage', value: 'paragraph 1' },
      { name: 'Mark every', value: 'Opinion' },
      { name: 'Spans', list: ['“a reckless bet” (paragraph 1)'] },
      { name: 'Cues', value: 'reckless' },
    ]);
    expect(findReporting.xapi.interactionType).toBe('long-fill-in');
    // Marks in article order, whatever order the learner made them in, as the pattern lists the passages.
    expect(findReporting.xapi.response({ type: 'find', spans: [span, { paragraph: 0, start: 0, end: 3 }] })).toBe(
      '0:0-3[,]0:56-70',
    );
    const two = { ...findItem, spans: [ref(0, 'a reckless bet'), ref(0, 'The')] };
    expect(findReporting.xapi.fillIn?.(two)).toEqual(['The[,]a reckless bet']);
    expect(findReporting.xapi.response({ type: 'find', spans: [...two.spans].reverse() }, two, PARAGRAPHS)).toBe(
      'The[,]a reckless bet',
    );
  });

  it('requires spans inside the passage that do not overlap', () => {
    expect(problemsOf({ ...findItem, spans: [span, ref(0, 'reckless'), ref(1, 'the union')] })).toEqual([
      'items[0].spans[1]: overlaps span 1',
      'items[0].spans[2].paragraph: paragraph 2 is not in the passage (paragraph 1)',
    ]);
  });
});

describe('find, on the seed pack', () => {
  const file = join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json');
  const result = validatePack(JSON.parse(readFileSync(file, 'utf8')));
  if (!result.ok) throw new Error(`seed pack is invalid: ${result.problems.join('; ')}`);
  const seed: Pack = result.pack;
  const paragraphs = seed.article.paragraphs;

  function findItemOf(id: string): FindItem {
    const item = seed.items.find((candidate) => candidate.id === id);
    if (item?.type !== 'find') throw new Error(`the seed pack has no find item "${id}"`);
    return item;
  }

  /** A mark on the first occurrence of `quote` in the paragraph (counted from 0). */
  function at(paragraph: number, quote: string): MarkedSpan {
    const start = paragraphs[paragraph]!.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in paragraph ${paragraph + 1}`);
    return { paragraph, start, end: start + quote.length };
  }

  function play(item: FindItem, ...spans: MarkedSpan[]) {
    const score = scoreAnswer(item, { type: 'find', spans }, seed);
    return { score, detail: score.detail as FindDetail, verdict: verdictOf(score) };
  }

  const denials = findItemOf('find-denial-last-paragraph');
  const DENIAL = 'North Korea denied that it sent military forces to Russia';
  const MOSCOW = 'Moscow has not confirmed the reports';

  it('builds one map of labelled spans per paragraph: the last paragraph holds the denial and an unconfirmed claim', () => {
    const last = labelledSpans(seed).get(9)!;
    expect(last.map(({ quote, label }) => [quote, label])).toEqual([
      [DENIAL, 'denial'],
      [MOSCOW, 'unconfirmed'],
    ]);
  });

  it('the exact answer is right', () => {
    const { score, detail, verdict } = play(denials, at(9, DENIAL));
    expect(verdict).toBe('right');
    expect(score.score).toBe(1);
    expect(detail.marks).toEqual([{ ...at(9, DENIAL), quote: DENIAL, verdict: 'right' }]);
  });

  it('the trap: marking the denial and "Moscow has not confirmed the reports" is partly right, never right', () => {
    const { score, detail, verdict } = play(denials, at(9, DENIAL), at(9, MOSCOW));
    expect(verdict).toBe('partly-right');
    expect(score.correct).toBe(false);
    expect(score.score).toBe(0.5);
    expect(score.labels).toEqual([{ label: 'denial', correct: false }]);
    expect(detail.found).toEqual([0]);
    expect(detail.marks.map(({ quote, verdict: what }) => [quote, what])).toEqual([
      [DENIAL, 'right'],
      [MOSCOW, 'other-label'],
    ]);
    expect(detail.marks[1]?.claims?.map(({ quote, label }) => [quote, label])).toEqual([[MOSCOW, 'unconfirmed']]);
  });

  it('the trap alone finds nothing and is not right', () => {
    const { score, verdict } = play(denials, at(9, MOSCOW));
    expect([verdict, score.score]).toEqual(['wrong', 0]);
  });

  it('marking the whole paragraph is not right: it takes in the unconfirmed claim', () => {
    const whole = { paragraph: 9, start: 0, end: paragraphs[9]!.length };
    const { score, detail, verdict } = play(denials, whole);
    expect(verdict).toBe('partly-right');
    expect(score.correct).toBe(false);
    expect(detail.found).toEqual([0]);
    expect(detail.marks).toMatchObject([{ verdict: 'other-label', claims: [{ quote: MOSCOW, label: 'unconfirmed' }] }]);
  });

  it('near misses are right: a word short, a word over, or just the words that make it a denial', () => {
    for (const near of [
      'North Korea denied that it sent military forces',
      'North Korea denied that it sent military forces to Russia, while',
      'North Korea denied',
    ]) {
      const { verdict, detail } = play(denials, at(9, near));
      expect({ near, verdict, marks: detail.marks.map((one) => one.verdict) }).toEqual({
        near,
        verdict: 'right',
        marks: ['right'],
      });
    }
  });

  it('"provided the first confirmation from Washington" finds 1 of the 2 confirmations', () => {
    const confirmations = findItemOf('find-confirmations');
    const { detail, verdict } = play(confirmations, at(3, 'provided the first confirmation from Washington'));
    expect(detail.found).toEqual([0]);
    expect(detail.missed).toEqual([1]);
    expect(detail.marks.map((one) => one.verdict)).toEqual(['right']);
    expect(verdict).toBe('partly-right');
  });

  it('a mark on the unconfirmed "not yet clear" while finding confirmations is wrong', () => {
    const confirmations = findItemOf('find-confirmations');
    const { detail } = play(
      confirmations,
      ...confirmations.spans.map(({ paragraph, start, end }) => ({ paragraph, start, end })),
      at(3, 'it was not yet clear why the troops were sent there'),
    );
    expect(detail.marks.map(({ verdict, claims }) => [verdict, claims?.[0]?.label])).toEqual([
      ['right', undefined],
      ['other-label', 'unconfirmed'],
      ['right', undefined],
    ]);
  });
});
