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
    {
      screen: 'review-session',
      learnerId: LEARNER,
      exercise: 2,
      queue: [
        { packId: 'nk-troops-russia-2024', itemId: 'a-1' },
        { packId: 'mh17-shot-down-2014', itemId: 'a-1' },
        { packId: 'nk-troops-russia-2024', itemId: 'b-2' },
      ],
    },
  ];

  it.each(places)('writes and reads back $screen', (place) => {
    expect(placeFromHash(placeToHash(place))).toEqual(place);
  });

  it('writes a mixed review as its exercises in order, each with its pack', () => {
    expect(placeToHash(places.at(-1)!)).toBe(
      `#/${LEARNER}/review/2/nk-troops-russia-2024:a-1,mh17-shot-down-2014:a-1,nk-troops-russia-2024:b-2`,
    );
  });

  it('still opens a link to a review of one pack written the older way', () => {
    expect(placeFromHash(`#/${LEARNER}/review/nk-troops-russia-2024/2/a-1,b-2`)).toEqual({
      screen: 'review-session',
      learnerId: LEARNER,
      exercise: 2,
      queue: [
        { packId: 'nk-troops-russia-2024', itemId: 'a-1' },
        { packId: 'nk-troops-russia-2024', itemId: 'b-2' },
      ],
    });
  });

  it("reads a review link that does not parse as the learner's Review screen, marked as a broken link", () => {
    for (const rest of [
      '2',
      '0/p:a',
      '2/p:a,',
      '2/p:a:b',
      '2/P_Q:a',
      '2/p',
      'x/y/z/w',
      `2/${Array(501).fill('p:a').join(',')}`,
    ]) {
      expect(placeFromHash(`#/${LEARNER}/review/${rest}`), rest).toEqual({
        screen: 'review',
        learnerId: LEARNER,
        brokenLink: true,
      });
    }
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
    const review = (exercise: number) =>
      placeToHash({ screen: 'review-session', learnerId: LEARNER, exercise, queue: [{ packId: 'p', itemId: 'a' }] });
    expect(screenOf(review(1))).toBe(screenOf(review(2)));
    expect(screenOf(review(1))).not.toBe(screenOf(placeToHash({ screen: 'review', learnerId: LEARNER })));
  });
});
