/** For tests and the bench: answers to any item, and the attempt records they make, without the UI. */
import type { Answer, Confidence } from '../answers';
import type { Item, Pack } from '../pack/schema';
import type { Attempt } from '../progress';
import { scoreAnswer } from '../scoring';

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

/**
 * The attempt record the backend would store for this answer: scored against the item, with the
 * confidence of a classify answer copied out as `Backend.recordAnswer` does.
 */
export function scoredAttempt(
  pack: Pack,
  item: Item,
  answer: Answer,
  record: {
    id: string;
    learnerId: string;
    round?: number;
    mode?: 'pack' | 'review' | undefined;
    timeTakenMs: number;
    answeredAt: string;
  },
): Attempt {
  const score = scoreAnswer(item, answer, pack);
  return {
    id: record.id,
    learnerId: record.learnerId,
    packId: pack.id,
    packVersion: pack.version,
    itemId: item.id,
    itemType: item.type,
    round: record.round ?? 1,
    ...(record.mode === undefined ? {} : { mode: record.mode }),
    answer,
    correct: score.correct,
    score: score.score,
    labels: score.labels,
    ...(answer.type === 'classify' && answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
    timeTakenMs: record.timeTakenMs,
    answeredAt: record.answeredAt,
    appVersion: '0.1.0',
  };
}
