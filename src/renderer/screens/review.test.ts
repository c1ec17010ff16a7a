// The Review screen's state against a stub of the API: what is due and what was missed, grouped by
// pack and mixed from every pack in a seeded order.
import { describe, expect, it } from 'vitest';
import type { ReviewQueue } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { interleaved, reviewSeed } from '../../shared/review-mix';
import { stubApi } from '../../shared/testing/stub-api';
import { ReviewState } from './review.svelte';

const LEARNER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const TODAY = Date.parse('2026-12-06T09:00:00Z');

type Entry = ReviewQueue['due'][number];
function entry(packId: string, itemId: string, due: string, missed = true): Entry {
  return {
    packId,
    packTitle: `Pack ${packId}`,
    itemId,
    itemType: 'classify',
    summary: `“${itemId}”`,
    due,
    lapses: 0,
    missed,
  };
}

const QUEUE: ReviewQueue = {
  due: [
    entry('bridge', 'one', '2026-12-01T10:00:00.000Z'),
    entry('data', 'one', '2026-12-02T10:00:00.000Z'),
    entry('bridge', 'two', '2026-12-03T10:00:00.000Z', false),
    entry('data', 'two', '2026-12-04T10:00:00.000Z'),
  ],
  upcoming: [entry('flood', 'one', '2026-12-07T10:00:00.000Z'), entry('flood', 'two', '2026-12-08T10:00:00.000Z', false)],
};

async function review(queue = QUEUE, options = {}): Promise<ReviewState> {
  const state = new ReviewState(stubApi({ getReviewQueue: async () => structuredClone(queue) }), LEARNER, {
    now: () => TODAY,
    ...options,
  });
  await state.load();
  return state;
}

const picked = (list: { packId: string; itemId: string }[]) => list.map(({ packId, itemId }) => `${packId}/${itemId}`);

describe('ReviewState', () => {
  it('groups what is due and what is not yet due by pack', async () => {
    const state = await review();
    expect(state.status).toBe('ready');
    expect(state.dueByPack.map((group) => [group.packId, group.items.length])).toEqual([
      ['bridge', 2],
      ['data', 2],
    ]);
    expect(state.upcomingByPack.map((group) => group.packId)).toEqual(['flood']);
  });

  it('mixes everything due from every pack, in the order seeded by the learner and the day', async () => {
    const state = await review();
    const due = state.dueMix;
    expect(due.articles).toBe(2);
    expect(picked(due.queue).sort()).toEqual(['bridge/one', 'bridge/two', 'data/one', 'data/two']);
    expect(due.queue).toEqual(
      interleaved(
        QUEUE.due.map(({ packId, itemId }) => ({ packId, itemId })),
        reviewSeed(LEARNER, TODAY),
      ),
    );
    // Interleaved: no two exercises of one article in a row.
    for (let index = 1; index < due.queue.length; index++)
      expect(due.queue[index]!.packId).not.toBe(due.queue[index - 1]!.packId);
    // The same all day; the same exercises another day.
    expect((await review()).dueMix).toEqual(due);
    const tomorrow = await review(QUEUE, { now: () => Date.parse('2026-12-07T09:00:00Z') });
    expect(picked(tomorrow.dueMix.queue).sort()).toEqual(picked(due.queue).sort());
  });

  it('practises the ones missed, due or not, from every pack, and leaves out right guesses', async () => {
    const missed = (await review()).missedMix;
    expect(missed.articles).toBe(3);
    expect(picked(missed.queue).sort()).toEqual(['bridge/one', 'data/one', 'data/two', 'flood/one']);
  });

  it('offers nothing to mix when nothing is in review', async () => {
    const state = await review({ due: [], upcoming: [] });
    expect(state.dueMix).toEqual({ queue: [], articles: 0 });
    expect(state.missedMix).toEqual({ queue: [], articles: 0 });
  });

  it('says why the review could not be loaded, and whether it came from a broken link', async () => {
    const failing = new ReviewState(
      stubApi({
        getReviewQueue: async () => {
          throw new ApiError('storage-failed', 'the disk could not be read');
        },
      }),
      LEARNER,
      { brokenLink: true },
    );
    await failing.load();
    expect(failing.status).toBe('failed');
    expect(failing.error).toMatch(/disk could not be read/);
    expect(failing.brokenLink).toBe(true);
    expect((await review()).brokenLink).toBe(false);
  });
});
