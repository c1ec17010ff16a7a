/** Numbers: for each figure, is it confirmed or an estimate (or another label), and whose figure is it? */
import type { LabelOutcome } from '../answers';
import { ApiError } from '../errors';
import { LABEL_NAMES, LABELS, type Label } from '../pack/vocabulary';
import {
  accepts,
  alsoAccepted,
  claimLabelled,
  claimRefs,
  inOrder,
  labelWithAlso,
  type ExerciseKind,
  type ExerciseReporting,
} from './kind';

/** Most correct-response patterns listed for one item; beyond that, the first ones (the main labels first). */
const MAX_PATTERNS = 64;

/** One figure's two pairs in an xAPI matching response. */
function pairs(index: number, label: Label, source: string): string {
  return `figure-${index + 1}-label[.]${label}[,]figure-${index + 1}-source[.]${source}`;
}

/** A source name as its matching target id (`source-2`), or the name itself if the item does not offer it. */
function sourceId(options: readonly string[], name: string): string {
  const index = options.indexOf(name);
  return index < 0 ? name : `source-${index + 1}`;
}

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
};

export const numbersReporting: ExerciseReporting<'numbers'> = {
  describeItem: (item) => `Figures: ${item.figures.map((figure) => `“${figure.ref.quote}”`).join(', ')}`,
  expected: (item) =>
    item.figures
      .map((figure) => `“${figure.ref.quote}”: ${labelWithAlso(figure.label, figure.alsoAccept)}, ${figure.source.name}`)
      .join('; '),
  describeAnswer: (answer) => answer.figures.map((figure) => `${figure.label} (${figure.source})`).join('; '),
  answerWords: (item, answer) =>
    answer.figures
      .map((given, index) => {
        const quote = item.figures[index]?.ref.quote;
        return `${quote === undefined ? '' : `“${quote}”: `}${LABEL_NAMES[given.label]}, ${given.source}`;
      })
      .join('; '),

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

  // Each figure's label and its source are two things to match: `figure-1-label` with a label,
  // `figure-1-source` with `source-2` (the item's second source option).
  xapi: {
    interactionType: 'matching',
    matching: (item) => ({
      source: item.figures.flatMap((figure, index) => [
        { id: `figure-${index + 1}-label`, text: `“${figure.ref.quote}”: how it is known` },
        { id: `figure-${index + 1}-source`, text: `“${figure.ref.quote}”: whose figure` },
      ]),
      target: [
        ...LABELS.map((label) => ({ id: label, text: LABEL_NAMES[label] })),
        ...item.sourceOptions.map((name, index) => ({ id: `source-${index + 1}`, text: name })),
      ],
      // One pattern per combination of accepted labels (a figure may accept more than one).
      correct: item.figures
        .reduce<string[][]>(
          (patterns, figure, index) =>
            patterns.flatMap((pattern) =>
              accepts(figure.label, figure.alsoAccept).map((label) => [
                ...pattern,
                pairs(index, label, sourceId(item.sourceOptions, figure.source.name)),
              ]),
            ),
          [[]],
        )
        .slice(0, MAX_PATTERNS)
        .map((pattern) => pattern.join('[,]')),
    }),
    // Without the item its source options are unknown: the source is then named as given.
    response: (answer, item) =>
      answer.figures
        .map((figure, index) =>
          pairs(index, figure.label, item === undefined ? figure.source : sourceId(item.sourceOptions, figure.source)),
        )
        .join('[,]'),
  },

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
