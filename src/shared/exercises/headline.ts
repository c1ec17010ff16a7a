/** Headline: does the headline say more than the body of the article supports? */
import { HEADLINE_VERDICTS, type HeadlineVerdict } from '../pack/vocabulary';
import { allOrNothing, type ExerciseKind, type ExerciseReporting } from './kind';

export interface HeadlineDetail {
  type: 'headline';
  expected: HeadlineVerdict;
  given: HeadlineVerdict;
}

/** How each verdict reads: as a choice on screen, in the printed answer key, and in reports. */
export const VERDICT_WORDS: Record<HeadlineVerdict, { choice: string; key: string; report: string }> = {
  supported: {
    choice: 'The body supports it',
    key: 'Supported: the body supports the headline',
    report: 'supported by the body',
  },
  overstated: {
    choice: 'It says more than the body supports',
    key: 'Overstated: the headline says more than the body supports',
    report: 'says more than the body supports',
  },
};

export const headline: ExerciseKind<'headline'> = {
  type: 'headline',
  name: 'Headline',
  question: 'Does the body of the article support this headline?',

  score: (item, answer) =>
    allOrNothing('headline', answer.verdict === item.answer, { type: 'headline', expected: item.answer, given: answer.verdict }),

  labelled: () => [],
  // No `shuffled`: the two verdicts are the same pair for every headline, always in one order, so a
  // verdict's place says nothing about any item (always taking the first scores the pack's share of
  // supported headlines, which the bot test in choice-order.test.ts keeps within chance).
  refs: (item) => item.evidence,
  summary: (item) => item.headline,
  draft: ({ id, ref, selected, headline }) => ({
    id,
    type: 'headline',
    explanation: '',
    headline,
    answer: 'supported',
    evidence: selected ? [ref] : [],
  }),
};

export const headlineReporting: ExerciseReporting<'headline'> = {
  describeItem: (item) => `Headline: “${item.headline}”`,
  // In the words the learner's answer is written in beside it, so the two columns compare at a glance.
  expected: (item) => VERDICT_WORDS[item.answer].report,
  describeAnswer: (answer) => answer.verdict,
  answerWords: (_item, answer) => VERDICT_WORDS[answer.verdict].report,

  keyFields: (item, words) => [
    { name: 'Headline', value: words.quoted(item.headline) },
    { name: 'Verdict', value: VERDICT_WORDS[item.answer].key },
    { name: 'Evidence', list: item.evidence.map((ref) => words.quote(ref)) },
  ],
  keyRows: (item) => [{ quote: item.headline, answer: item.answer }],

  xapi: {
    interactionType: 'choice',
    choices: (item) => ({
      choices: HEADLINE_VERDICTS.map((verdict) => ({
        id: verdict,
        text: VERDICT_WORDS[verdict].report,
      })),
      correct: [item.answer],
    }),
    response: (answer) => answer.verdict,
  },

  check(item, path, checks) {
    item.evidence.forEach((ref, e) => checks.ref(ref, `${path}.evidence[${e}]`));
  },
};
