import { describe, expect, it } from 'vitest';
import { placeFromHash, placeToHash, screenOf, type Place } from './place';

const LEARNER = '0b7e9c4e-1f1a-4c1e-9d38-6a1f2b3c4d5e';

describe('places in the URL fragment', () => {
  const places: Place[] = [
    { screen: 'learners' },
    { screen: 'class' },
    { screen: 'studio' },
    { screen: 'library', learnerId: LEARNER },
    { screen: 'progress', learnerId: LEARNER },
    { screen: 'review', learnerId: LEARNER },
    { screen: 'pack', learnerId: LEARNER, packId: 'nk-troops-russia-2024', exercise: 12 },
    { screen: 'review-session', learnerId: LEARNER, packId: 'nk-troops-russia-2024', exercise: 2, itemIds: ['a-1', 'b-2'] },
  ];

  it.each(places)('writes and reads back $screen', (place) => {
    expect(placeFromHash(placeToHash(place))).toEqual(place);
  });

  it('reads anything else as no place', () => {
    for (const hash of [
      '',
      '#',
      '#token=abc',
      '#/nowhere',
      `#/${LEARNER}/pack/Bad_Id/1`,
      `#/${LEARNER}/pack/p/0`,
      '#/not-a-uuid/library',
    ]) {
      expect(placeFromHash(hash)).toBeUndefined();
    }
  });

  it('tells a new screen from a new exercise on the same one', () => {
    const at = (exercise: number) => placeToHash({ screen: 'pack', learnerId: LEARNER, packId: 'p', exercise });
    expect(screenOf(at(1))).toBe(screenOf(at(7)));
    expect(screenOf(at(1))).not.toBe(screenOf(placeToHash({ screen: 'library', learnerId: LEARNER })));
  });
});
