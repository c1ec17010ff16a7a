import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { FIXTURE_CONTEXT, numbersItem, PLAIN_KEY_WORDS, problemsOf } from '../testing/exercise-items';
import { numbers, numbersReporting } from './numbers';

describe('numbers', () => {
  it('gives a point for each right label and each right source, and one label judgement per figure', () => {
    const score = numbers.score(
      numbersItem,
      {
        type: 'numbers',
        figures: [
          { label: 'confirmed', source: 'Officials' },
          { label: 'unconfirmed', source: 'Officials' },
        ],
      },
      FIXTURE_CONTEXT,
    );
    expect(score).toMatchObject({
      correct: false,
      score: 0.5,
      labels: [
        { label: 'estimate', correct: false },
        { label: 'estimate', correct: true },
      ],
    });
  });

  it('refuses an answer that judges another number of figures', () => {
    expect(() =>
      numbers.score(numbersItem, { type: 'numbers', figures: [{ label: 'estimate', source: 'Officials' }] }, FIXTURE_CONTEXT),
    ).toThrow(ApiError);
  });

  it('reads in words for reports, the answer key and xAPI', () => {
    expect(numbersReporting.describeItem(numbersItem)).toBe('Figures: “about 300”, “1,000”');
    expect(numbersReporting.expected(numbersItem)).toBe(
      '“about 300”: Estimate, Officials; “1,000”: Estimate (also accepted: Unconfirmed), The union',
    );
    const answer = { type: 'numbers' as const, figures: [{ label: 'estimate' as const, source: 'Officials' }] };
    expect(numbersReporting.describeAnswer(answer)).toBe('estimate (Officials)');
    expect(numbersReporting.xapi.response(answer)).toBe('figure-1-label[.]estimate[,]figure-1-source[.]Officials');
    // A matching interaction: each figure's label and source; one pattern per accepted combination.
    expect(numbersReporting.xapi.interactionType).toBe('matching');
    const matching = numbersReporting.xapi.matching?.(numbersItem);
    expect(matching?.correct).toEqual([
      'figure-1-label[.]estimate[,]figure-1-source[.]source-1[,]figure-2-label[.]estimate[,]figure-2-source[.]source-2',
      'figure-1-label[.]estimate[,]figure-1-source[.]source-1[,]figure-2-label[.]unconfirmed[,]figure-2-source[.]source-2',
    ]);
    const right = {
      type: 'numbers' as const,
      figures: [
        { label: 'estimate' as const, source: 'Officials' },
        { label: 'unconfirmed' as const, source: 'The union' },
      ],
    };
    expect(matching?.correct).toContain(numbersReporting.xapi.response(right, numbersItem));
    const ids = new Set([...(matching?.source ?? []), ...(matching?.target ?? [])].map((entry) => entry.id));
    for (const pair of matching!.correct[0]!.split('[,]')) for (const id of pair.split('[.]')) expect(ids).toContain(id);
    expect(numbersReporting.keyRows(numbersItem)[1]).toEqual({
      quote: '1,000',
      label: 'estimate',
      alsoAccept: ['unconfirmed'],
      source: 'The union',
    });
    expect(numbersReporting.keyFields(numbersItem, PLAIN_KEY_WORDS).slice(0, 3)).toEqual([
      { name: 'Figure 1', value: '“about 300” (paragraph 2)' },
      { name: 'Label', value: 'estimate', indent: 12 },
      { name: 'Source', value: 'Officials (anonymous-official)', indent: 12 },
    ]);
  });

  it("requires each figure's source among the names offered, and its labels among the choices", () => {
    expect(problemsOf({ ...numbersItem, sourceOptions: ['Officials', 'Others'], choices: ['estimate', 'opinion'] })).toEqual([
      'items[0].figures[1].source.name: "The union" is not one of sourceOptions',
      'items[0].figures[1].label: "unconfirmed" is not one of choices',
    ]);
  });
});
