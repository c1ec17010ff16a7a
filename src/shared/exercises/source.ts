/** Source: who says so, and through whom. The learner picks the option that names both. */
import {
  allOrNothing,
  claimKeyFields,
  claimLabelled,
  claimRefs,
  inOrder,
  type ExerciseKind,
  type ExerciseReporting,
} from './kind';
import type { SourceItem } from './source.schema';

export interface SourceDetail {
  type: 'source';
  expected: string;
  given: string;
}

/** The text of the right option (its id when no option has it, which a valid pack never has). */
export function rightOption(item: SourceItem): string {
  return item.options.find((option) => option.id === item.answer)?.text ?? item.answer;
}

export const source: ExerciseKind<'source'> = {
  type: 'source',
  name: 'Source',
  question: 'Who says so, and through whom did it reach the article?',

  score: (item, answer) =>
    allOrNothing('source', answer.optionId === item.answer, { type: 'source', expected: item.answer, given: answer.optionId }),

  shuffled: {
    lists: (item) => ({ options: item.options.map((option) => option.id) }),
    ordered: (item, order) => ({ ...item, options: inOrder(item.options, (option) => option.id, order.options) }),
  },

  labelled: (item) => [claimLabelled(item.claim)],
  refs: (item) => claimRefs(item.claim),
  summary: (item) => item.claim.ref.quote,
  draft: ({ id, ref, outlet }) => ({
    id,
    type: 'source',
    explanation: '',
    claim: { ref, label: 'confirmed', source: outlet, cues: [] },
    options: [
      { id: 'a', text: '' },
      { id: 'b', text: '' },
    ],
    answer: 'a',
  }),
};

export const sourceReporting: ExerciseReporting<'source'> = {
  describeItem: (item) => `“${item.claim.ref.quote}”`,
  expected: rightOption,
  describeAnswer: (answer) => answer.optionId,
  answerWords: (item, answer) => item.options.find((option) => option.id === answer.optionId)?.text ?? answer.optionId,

  keyFields: (item, words) => [
    ...claimKeyFields(item.claim, words),
    { name: 'Right option', value: words.line(rightOption(item)) },
  ],
  keyRows: (item) => [
    {
      quote: item.claim.ref.quote,
      label: item.claim.label,
      source: item.claim.source.name,
      answer: rightOption(item),
    },
  ],

  xapi: {
    interactionType: 'choice',
    choices: (item) => ({
      choices: item.options.map((option) => ({ id: option.id, text: option.text })),
      correct: [item.answer],
    }),
    response: (answer) => answer.optionId,
  },

  check(item, path, checks) {
    checks.claim(item.claim, `${path}.claim`);
    checks.unique(
      item.options.map((option) => option.id),
      `${path}.options`,
    );
    if (!item.options.some((option) => option.id === item.answer)) {
      checks.problem(`${path}.answer: "${item.answer}" is not one of the options' ids`);
    }
  },
};
