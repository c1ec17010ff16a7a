import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { findItem, PLAIN_KEY_WORDS, problemsOf, ref } from '../testing/exercise-items';
import { find } from './find';

const span = findItem.spans[0]!;

describe('find', () => {
  it('scores by overlap: all of it is right, half a span found is enough, marks elsewhere cost precision', () => {
    expect(find.score(findItem, { type: 'find', spans: [span] })).toMatchObject({ correct: true, score: 1 });
    const half = { paragraph: 0, start: span.start, end: span.start + 7 };
    expect(find.score(findItem, { type: 'find', spans: [half] })).toMatchObject({
      correct: true,
      detail: { found: [0], missed: [], extra: [], precision: 1, recall: 0.5 },
    });
    const elsewhere = { paragraph: 0, start: 0, end: 12 };
    expect(find.score(findItem, { type: 'find', spans: [elsewhere] })).toMatchObject({
      correct: false,
      score: 0,
      labels: [{ label: 'opinion', correct: false }],
      detail: { found: [], missed: [0], extra: [elsewhere] },
    });
  });

  it('refuses marks outside the passage', () => {
    expect(() => find.score(findItem, { type: 'find', spans: [{ paragraph: 1, start: 0, end: 3 }] })).toThrow(ApiError);
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(find.describeItem(findItem)).toBe('Find the opinion claims in paragraph 1');
    expect(find.expected(findItem)).toBe('1 opinion span: “a reckless bet”');
    expect(find.describeAnswer({ type: 'find', spans: [] })).toBe('(nothing marked)');
    expect(find.describeAnswer({ type: 'find', spans: [span, span] })).toBe('0:56-70; 0:56-70');
    expect(find.keyRows(findItem)).toEqual([{ quote: 'a reckless bet', label: 'opinion' }]);
    expect(find.keyFields(findItem, PLAIN_KEY_WORDS)).toEqual([
      { name: 'Passage', value: 'paragraph 1' },
      { name: 'Mark every', value: 'Opinion' },
      { name: 'Spans', list: ['“a reckless bet” (paragraph 1)'] },
      { name: 'Cues', value: 'reckless' },
    ]);
    expect(find.xapi.interactionType).toBe('other');
    expect(find.xapi.response({ type: 'find', spans: [span, { paragraph: 0, start: 0, end: 3 }] })).toBe('0:56-70[,]0:0-3');
  });

  it('requires spans inside the passage that do not overlap', () => {
    expect(problemsOf({ ...findItem, spans: [span, ref(0, 'reckless'), ref(1, 'the union')] })).toEqual([
      'items[0].spans[1]: overlaps span 1',
      'items[0].spans[2].paragraph: paragraph 2 is not in the passage (paragraph 1)',
    ]);
  });
});
