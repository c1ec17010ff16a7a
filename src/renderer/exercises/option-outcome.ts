/** How an option of an answered question is shown: right (and chosen or not), the learner's wrong choice, or neither. */
export type Outcome = 'is-right' | 'is-right-choice' | 'is-wrong-choice' | undefined;

export function optionOutcome(answered: boolean, right: boolean, chosen: boolean): Outcome {
  if (!answered) return undefined;
  if (right) return chosen ? 'is-right-choice' : 'is-right';
  return chosen ? 'is-wrong-choice' : undefined;
}
