/** For tests and the bench: a right or a wrong answer to any item, without going through the UI. */
import type { Answer, Confidence } from '../answers';
import type { Item } from '../pack/schema';

/**
 * Wrong answers are wrong in one plain way each: another label, no marks, another option, the other
 * verdict, the first figure's label swapped. Classify answers are certain when right and fairly sure
 * when wrong, unless `confidence` says otherwise.
 */
export function answerFor(item: Item, right: boolean, options: { confidence?: Confidence } = {}): Answer {
  switch (item.type) {
    case 'classify': {
      const wrong = item.claim.label === 'opinion' ? 'confirmed' : 'opinion';
      return { type: 'classify', label: right ? item.claim.label : wrong, confidence: options.confidence ?? (right ? 3 : 2) };
    }
    case 'find':
      return { type: 'find', spans: right ? item.spans.map(({ paragraph, start, end }) => ({ paragraph, start, end })) : [] };
    case 'source':
      return { type: 'source', optionId: right ? item.answer : item.options.find((option) => option.id !== item.answer)!.id };
    case 'headline':
      return { type: 'headline', verdict: right === (item.answer === 'supported') ? 'supported' : 'overstated' };
    case 'numbers':
      return {
        type: 'numbers',
        figures: item.figures.map((figure, index) => ({
          label: right || index > 0 ? figure.label : figure.label === 'estimate' ? 'confirmed' : 'estimate',
          source: figure.source.name,
        })),
      };
  }
}
