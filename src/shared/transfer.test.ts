// Transfer: each answer is on a new article in one of the learner's first two packs, on a new article in a
// later pack, or on an article seen before; per label, a share only with enough answers.
import { describe, expect, it } from 'vitest';
import type { Attempt } from './progress';
import { addTransferFigures, MIN_TRANSFER_ANSWERS, transferFigures, transferGroups } from './transfer';

let clock = 0;
function attempt(packId: string, itemId: string, correct: boolean, extra: Partial<Attempt> = {}): Attempt {
  clock += 1;
  return {
    id: `a${clock}`,
    learnerId: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
    packId,
    packVersion: 1,
    itemId,
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'confirmed' },
    correct,
    score: correct ? 1 : 0,
    labels: [{ label: 'confirmed', correct }],
    timeTakenMs: 1000,
    answeredAt: new Date(Date.UTC(2026, 0, 1) + clock * 60_000).toISOString(),
    appVersion: '0.1.0',
    ...extra,
  };
}

describe('transferGroups', () => {
  it('puts the first answers of round 1 in the first two packs begun in early, later packs in later, the rest in again', () => {
    const attempts = [
      attempt('a', 'x', true),
      attempt('b', 'x', true),
      attempt('a', 'x', false), // answered again in the same round
      attempt('c', 'x', true),
      attempt('a', 'y', true, { round: 2 }), // a round played again
      attempt('c', 'y', true, { mode: 'review' }),
      attempt('d', 'x', true),
    ];
    expect(transferGroups(attempts)).toEqual(['early', 'early', 'again', 'later', 'again', 'again', 'later']);
  });

  it('orders packs by when the learner began them, whatever order the attempts come in', () => {
    const first = attempt('late-start', 'x', true);
    const second = attempt('early-start', 'x', true);
    const third = attempt('third', 'x', true);
    // The early-start pack was begun first.
    second.answeredAt = '2025-01-01T00:00:00.000Z';
    expect(transferGroups([third, first, second])).toEqual(['later', 'early', 'early']);
  });
});

describe('transferFigures', () => {
  it(`gives a share only with ${MIN_TRANSFER_ANSWERS} judgements of a label in a group`, () => {
    const early = ['1', '2', '3', '4', '5'].map((id, index) => attempt('a', id, index < 2));
    const second = attempt('b', '1', true);
    const later = ['1', '2', '3', '4'].map((id) => attempt('c', id, true));
    const figures = transferFigures([...early, second, ...later]);
    expect(figures.confirmed.early).toEqual({ right: 3, total: 6, accuracy: 0.5 });
    expect(figures.confirmed.later).toEqual({ right: 4, total: 4, accuracy: undefined });
    expect(figures.estimate.early).toEqual({ right: 0, total: 0, accuracy: undefined });
  });

  it('limits what is counted after grouping, and adds learners up', () => {
    const attempts = [attempt('a', '1', true), attempt('b', '1', true), attempt('c', '1', false)];
    const onlyC = transferFigures(attempts, (one) => one.packId === 'c');
    // Pack c is still the third pack begun: a later pack.
    expect(onlyC.confirmed.later).toEqual({ right: 0, total: 1, accuracy: undefined });
    expect(onlyC.confirmed.early.total).toBe(0);
    const sum = addTransferFigures([transferFigures(attempts), transferFigures(attempts)]);
    expect(sum.confirmed.early).toEqual({ right: 4, total: 4, accuracy: undefined });
  });
});
