import { describe, expect, it } from 'vitest';
import { FIXTURE_CONTEXT, headlineItem, PLAIN_KEY_WORDS, problemsOf } from '../testing/exercise-items';
import { headline, headlineReporting, VERDICT_WORDS } from './headline';

describe('headline', () => {
  it('is right only for the right verdict, and judges no label', () => {
    expect(headline.score(headlineItem, { type: 'headline', verdict: 'overstated' }, FIXTURE_CONTEXT)).toMatchObject({
      correct: true,
      labels: [],
      detail: { expected: 'overstated', given: 'overstated' },
    });
    expect(headline.score(headlineItem, { type: 'headline', verdict: 'supported' }, FIXTURE_CONTEXT).score).toBe(0);
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(headlineReporting.describeItem(headlineItem)).toBe('Headline: “1,000 jobs lost”');
    expect(headlineReporting.expected(headlineItem)).toBe('says more than the body supports');
    expect(headlineReporting.expected({ ...headlineItem, answer: 'supported' })).toBe('supported by the body');
    expect(headlineReporting.keyRows(headlineItem)).toEqual([{ quote: '1,000 jobs lost', answer: 'overstated' }]);
    expect(headlineReporting.keyFields(headlineItem, PLAIN_KEY_WORDS)).toEqual([
      { name: 'Headline', value: '“1,000 jobs lost”' },
      { name: 'Verdict', value: VERDICT_WORDS.overstated.key },
      { name: 'Evidence', list: ['“about 300 jobs would go” (paragraph 2)'] },
    ]);
    expect(headlineReporting.xapi.choices?.(headlineItem)).toEqual({
      choices: [
        { id: 'supported', text: 'supported by the body' },
        { id: 'overstated', text: 'says more than the body supports' },
      ],
      correct: ['overstated'],
    });
  });

  it('requires its evidence to quote the article', () => {
    expect(problemsOf({ ...headlineItem, evidence: [{ paragraph: 1, start: 0, end: 5, quote: 'nowhere' }] })).toEqual([
      'items[0].evidence[0].quote: not found in paragraph 2',
    ]);
  });
});
