import { describe, expect, it } from 'vitest';
import { classifyItem, FIXTURE_CONTEXT, PLAIN_KEY_WORDS, problemsOf } from '../testing/exercise-items';
import { classify, classifyReporting } from './classify';

describe('classify', () => {
  it('counts the label and any label also accepted as right, and records one label judgement', () => {
    expect(classify.score(classifyItem, { type: 'classify', label: 'estimate' }, FIXTURE_CONTEXT)).toMatchObject({
      correct: true,
      score: 1,
      labels: [{ label: 'confirmed', correct: true }],
      detail: { expected: 'confirmed', accepted: ['confirmed', 'estimate'], given: 'estimate' },
    });
    expect(classify.score(classifyItem, { type: 'classify', label: 'opinion' }, FIXTURE_CONTEXT)).toMatchObject({
      correct: false,
      score: 0,
      labels: [{ label: 'confirmed', correct: false }],
    });
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(classifyReporting.describeItem(classifyItem)).toBe('“The ministry confirmed the closure”');
    expect(classifyReporting.expected(classifyItem)).toBe('Confirmed (also accepted: Estimate)');
    expect(classifyReporting.describeAnswer({ type: 'classify', label: 'opinion', confidence: 2 })).toBe('opinion');
    expect(classifyReporting.keyRows(classifyItem)).toEqual([
      { quote: 'The ministry confirmed the closure', label: 'confirmed', alsoAccept: ['estimate'], source: 'The ministry' },
    ]);
    expect(classifyReporting.keyFields(classifyItem, PLAIN_KEY_WORDS).map((field) => field.name)).toEqual([
      'Claim',
      'Label',
      'Source',
      'Cues',
    ]);
    expect(classifyReporting.xapi.interactionType).toBe('choice');
    expect(classifyReporting.xapi.choices?.(classifyItem)).toEqual({
      choices: [
        { id: 'confirmed', text: 'Confirmed' },
        { id: 'estimate', text: 'Estimate' },
        { id: 'opinion', text: 'Opinion' },
      ],
      correct: ['confirmed', 'estimate'],
    });
    expect(classifyReporting.xapi.response({ type: 'classify', label: 'denial' })).toBe('denial');
  });

  it('requires the labels offered to include every label the claim accepts', () => {
    expect(problemsOf({ ...classifyItem, choices: ['confirmed', 'opinion'] })).toEqual([
      'items[0].choices: must offer "estimate", which the claim accepts',
    ]);
  });
});
