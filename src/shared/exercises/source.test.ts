import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, PLAIN_KEY_WORDS, problemsOf, sourceItem } from '../testing/exercise-items';
import { rightOption, source, sourceReporting } from './source';

describe('source', () => {
  it('is right only for the right option, and judges no label', () => {
    expect(source.score(sourceItem, { type: 'source', optionId: 'a' }, FIXTURE_CONTEXT)).toEqual({
      itemType: 'source',
      correct: true,
      score: 1,
      labels: [],
      detail: { type: 'source', expected: 'a', given: 'a' },
    });
    expect(source.score(sourceItem, { type: 'source', optionId: 'b' }, FIXTURE_CONTEXT).correct).toBe(false);
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(rightOption(sourceItem)).toBe('The ministry, through AFP');
    expect(sourceReporting.expected(sourceItem)).toBe('The ministry, through AFP');
    expect(sourceReporting.describeAnswer({ type: 'source', optionId: 'b' })).toBe('b');
    expect(sourceReporting.keyRows(sourceItem)).toEqual([
      {
        quote: 'The ministry confirmed the closure',
        label: 'confirmed',
        source: 'The ministry',
        answer: 'The ministry, through AFP',
      },
    ]);
    expect(sourceReporting.keyFields(sourceItem, PLAIN_KEY_WORDS).at(-1)).toEqual({
      name: 'Right option',
      value: 'The ministry, through AFP',
    });
    expect(sourceReporting.xapi.choices?.(sourceItem)?.choices[1]).toEqual({ id: 'b', text: 'The critics' });
    expect(sourceReporting.xapi.response({ type: 'source', optionId: 'a' })).toBe('a');
  });

  it('requires the answer to be one of the options, each id once', () => {
    expect(
      problemsOf({
        ...sourceItem,
        options: [
          { id: 'a', text: 'One' },
          { id: 'a', text: 'Two' },
        ],
        answer: 'c',
      }),
    ).toEqual(['items[0].options[1]: "a" appears twice', `items[0].answer: "c" is not one of the options' ids`]);
  });
});
