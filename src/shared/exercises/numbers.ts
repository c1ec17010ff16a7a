/** Numbers: for each figure, is it confirmed or an estimate (or another label), and whose figure is it? */
import type { LabelOutcome } from '../answers';
import { ApiError } from '../errors';
import type { Label } from '../pack/vocabulary';
import { accepts, alsoAccepted, claimLabelled, claimRefs, inOrder, labelWithAlso, type ExerciseKind } from './kind';

export interface NumbersDetail {
  type: 'numbers';
  figures: {
    expectedLabel: Label;
    accepted: Label[];
    givenLabel: Label;
    labelCorrect: boolean;
    expectedSource: string;
    givenSource: string;
    sourceCorrect: boolean;
  }[];
}

export const numbers: ExerciseKind<'numbers'> = {
  type: 'numbers',
  name: 'Numbers',
  question: 'For each figure: is it confirmed or an estimate, and whose figure is it?',

  score(item, answer) {
    if (item.figures.length !== answer.figures.length) {
      throw new ApiError(
        'invalid-input',
        `Item "${item.id}" has ${item.figures.length} figures, but the answer judges ${answer.figures.length}`,
      );
    }
    const figures = item.figures.map((figure, index) => {
      // Equal lengths, checked above: every figure has its answer.
      const given = answer.figures[index]!;
      const accepted = accepts(figure.label, figure.alsoAccept);
      return {
        expectedLabel: figure.label,
        accepted,
        givenLabel: given.label,
        labelCorrect: accepted.includes(given.label),
        expectedSource: figure.source.name,
        givenSource: given.source,
        sourceCorrect: given.source === figure.source.name,
      };
    });
    const right = figures.reduce((total, figure) => total + Number(figure.labelCorrect) + Number(figure.sourceCorrect), 0);
    const labels: LabelOutcome[] = figures.map((figure) => ({ label: figure.expectedLabel, correct: figure.labelCorrect }));
    return {
      itemType: 'numbers',
      correct: right === 2 * figures.length,
      score: right / (2 * figures.length),
      labels,
      detail: { type: 'numbers', figures },
    };
  },

  describeItem: (item) => `Figures: ${item.figures.map((figure) => `“${figure.ref.quote}”`).join(', ')}`,
  expected: (item) =>
    item.figures
      .map((figure) => `“${figure.ref.quote}”: ${labelWithAlso(figure.label, figure.alsoAccept)}, ${figure.source.name}`)
      .join('; '),
  describeAnswer: (answer) => answer.figures.map((figure) => `${figure.label} (${figure.source})`).join('; '),

  keyFields: (item, words) =>
    item.figures.flatMap((figure, index) => [
      { name: `Figure ${index + 1}`, value: words.quote(figure.ref) },
      { name: 'Label', value: words.labels(figure.label, figure.alsoAccept), indent: 12 },
      { name: 'Source', value: words.source(figure.source), indent: 12 },
    ]),
  keyRows: (item) =>
    item.figures.map((figure) => ({
      quote: figure.ref.quote,
      label: figure.label,
      ...alsoAccepted(figure.alsoAccept),
      source: figure.source.name,
    })),

  xapi: {
    interactionType: 'other',
    response: (answer) => answer.figures.map((figure) => `${figure.label}[.]${figure.source}`).join('[,]'),
  },

  // One order of the names for all the item's figures, so that each "Whose figure?" list reads alike.
  // The labels offered are not shuffled: they keep the guide's order, as in classify items.
  shuffled: {
    lists: (item) => ({ sourceOptions: item.sourceOptions }),
    ordered: (item, order) => ({ ...item, sourceOptions: inOrder(item.sourceOptions, (name) => name, order.sourceOptions) }),
  },

  labelled: (item) => item.figures.map(claimLabelled),
  refs: (item) => item.figures.flatMap(claimRefs),
  summary: (item) => item.figures.map((figure) => figure.ref.quote).join(' · '),
  draft: ({ id, ref, selected, outlet }) => ({
    id,
    type: 'numbers',
    explanation: '',
    figures: selected ? [{ ref, label: 'estimate', source: outlet }] : [],
    sourceOptions: [outlet.name, ''],
  }),

  check(item, path, checks) {
    checks.unique(item.sourceOptions, `${path}.sourceOptions`);
    if (item.choices) checks.unique(item.choices, `${path}.choices`);
    item.figures.forEach((figure, f) => {
      const figurePath = `${path}.figures[${f}]`;
      checks.ref(figure.ref, `${figurePath}.ref`);
      if (figure.source.mention) checks.ref(figure.source.mention, `${figurePath}.source.mention`);
      if (!item.sourceOptions.includes(figure.source.name)) {
        checks.problem(`${figurePath}.source.name: "${figure.source.name}" is not one of sourceOptions`);
      }
      for (const needed of accepts(figure.label, figure.alsoAccept)) {
        if (item.choices && !item.choices.includes(needed))
          checks.problem(`${figurePath}.label: "${needed}" is not one of choices`);
      }
    });
  },
};
