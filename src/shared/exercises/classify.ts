/** Classify: the claim is highlighted in the article; the learner picks its label and, optionally, how sure they are. */
import { LABEL_NAMES, LABELS, type Label } from '../pack/vocabulary';
import {
  accepts,
  alsoAccepted,
  claimKeyFields,
  claimLabelled,
  claimRefs,
  type ExerciseKind,
  type ExerciseReporting,
  labelWithAlso,
} from './kind';

export interface ClassifyDetail {
  type: 'classify';
  expected: Label;
  accepted: Label[];
  given: Label;
}

export const classify: ExerciseKind<'classify'> = {
  type: 'classify',
  name: 'Classify',
  question: 'How well established is the highlighted claim?',

  score(item, answer) {
    const accepted = accepts(item.claim.label, item.claim.alsoAccept);
    const correct = accepted.includes(answer.label);
    return {
      itemType: 'classify',
      correct,
      score: correct ? 1 : 0,
      labels: [{ label: item.claim.label, correct }],
      detail: { type: 'classify', expected: item.claim.label, accepted, given: answer.label },
    };
  },

  labelled: (item) => [claimLabelled(item.claim)],
  // No `shuffled`: the label buttons are the same five for every item, always in the guide's order
  // (`labelsOffered`), so a button's place says nothing about any item's answer, and a learner finds
  // each label where it was last time.
  refs: (item) => claimRefs(item.claim),
  summary: (item) => item.claim.ref.quote,
  draft: ({ id, ref, outlet }) => ({
    id,
    type: 'classify',
    explanation: '',
    claim: { ref, label: 'confirmed', source: outlet, cues: [] },
  }),
};

export const classifyReporting: ExerciseReporting<'classify'> = {
  describeItem: (item) => `“${item.claim.ref.quote}”`,
  expected: (item) => labelWithAlso(item.claim.label, item.claim.alsoAccept),
  describeAnswer: (answer) => answer.label,
  answerWords: (_item, answer) => LABEL_NAMES[answer.label],

  keyFields: (item, words) => claimKeyFields(item.claim, words),
  keyRows: (item) => [
    {
      quote: item.claim.ref.quote,
      label: item.claim.label,
      ...alsoAccepted(item.claim.alsoAccept),
      source: item.claim.source.name,
    },
  ],

  xapi: {
    interactionType: 'choice',
    choices: (item) => ({
      choices: (item.choices ?? [...LABELS]).map((label) => ({ id: label, text: LABEL_NAMES[label] })),
      correct: accepts(item.claim.label, item.claim.alsoAccept),
    }),
    response: (answer) => answer.label,
  },

  check(item, path, checks) {
    checks.claim(item.claim, `${path}.claim`);
    if (item.choices) {
      checks.unique(item.choices, `${path}.choices`);
      for (const needed of accepts(item.claim.label, item.claim.alsoAccept)) {
        if (!item.choices.includes(needed)) checks.problem(`${path}.choices: must offer "${needed}", which the claim accepts`);
      }
    }
  },
};
