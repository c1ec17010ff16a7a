// The library as a path, against a stub of the API: packs grouped by level (packs without a level last,
// as "More packs"), where the learner stands in each, and the pack suggested next by the stated rule.
import { describe, expect, it } from 'vitest';
import type { PackSummary } from '../../shared/contract';
import type { PackProgress } from '../../shared/progress';
import { stubApi } from '../../shared/testing/stub-api';
import { LibraryState } from './library.svelte';

const LEARNER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

function summary(id: string, level?: 1 | 2 | 3): PackSummary {
  return {
    id,
    title: `Pack ${id}`,
    outlet: 'Wikinews',
    published: '2015-03-01',
    itemCount: 20,
    origin: 'bundled',
    ...(level ? { level, topics: ['science'], license: 'CC-BY-2.5' } : {}),
  };
}

/** A learner's standing in a pack of 20: answered in the current round, and a best finished round. */
function progress(packId: string, answered: number, best?: number, round = 1): PackProgress {
  return {
    packId,
    round,
    answered,
    correct: Math.min(answered, best ?? answered),
    total: 20,
    ...(best === undefined ? {} : { best: { round: 1, correct: best, total: 20 } }),
  };
}

async function library(packs: PackSummary[], standing: PackProgress[]): Promise<LibraryState> {
  const api = stubApi({
    listPacks: async () => ({ packs, invalid: [] }),
    getProgress: async () => standing,
  });
  const state = new LibraryState(api, LEARNER);
  await state.load();
  expect(state.status).toBe('ready');
  return state;
}

// The library lists packs by title; levels are mixed in that order.
const PACKS = [summary('seed'), summary('b-two', 2), summary('c-one', 1), summary('d-three', 3), summary('e-one', 1)];

describe('LibraryState as a path through the library', () => {
  it('groups the packs by level, 1 to 3, keeping their order, with packs that give no level last', async () => {
    const state = await library(PACKS, []);
    expect(state.groups.map((group) => [group.level, group.packs.map((pack) => pack.id)])).toEqual([
      [1, ['c-one', 'e-one']],
      [2, ['b-two']],
      [3, ['d-three']],
      [undefined, ['seed']],
    ]);
  });

  it('says where the learner stands: not started, in progress n of N, done with the best score', async () => {
    const state = await library(PACKS, [progress('c-one', 20, 15), progress('e-one', 7), progress('b-two', 3, 10, 2)]);
    expect(state.standing('d-three')).toEqual({ state: 'not-started' });
    expect(state.standing('e-one')).toEqual({ state: 'in-progress', answered: 7, total: 20 });
    expect(state.standing('c-one')).toEqual({ state: 'done', correct: 15, total: 20, well: true, answered: 0 });
    // Done once (10 of 20, under 70 %) and started again: 3 answered in round 2.
    expect(state.standing('b-two')).toEqual({ state: 'done', correct: 10, total: 20, well: false, answered: 3 });
  });

  it('suggests the first pack of level 1 for a new learner', async () => {
    expect((await library(PACKS, [])).suggested?.id).toBe('c-one');
  });

  it('suggests a started pack before a new one in the same level', async () => {
    expect((await library(PACKS, [progress('e-one', 4)])).suggested?.id).toBe('e-one');
  });

  it('moves to the next level once every pack of a level is done with at least 70 % right', async () => {
    // 14 of 20 is exactly 70 %: done well.
    const state = await library(PACKS, [progress('c-one', 20, 14), progress('e-one', 20, 18)]);
    expect(state.suggested?.id).toBe('b-two');
  });

  it('suggests a finished pack again while it is under 70 % right', async () => {
    const state = await library(PACKS, [progress('c-one', 20, 13), progress('e-one', 20, 18)]);
    expect(state.suggested?.id).toBe('c-one');
  });

  it('reaches the packs without a level last, and suggests nothing once every pack is done well', async () => {
    const levelled = PACKS.filter((pack) => pack.level !== undefined).map((pack) => progress(pack.id, 20, 20));
    expect((await library(PACKS, levelled)).suggested?.id).toBe('seed');
    expect((await library(PACKS, [...levelled, progress('seed', 20, 19)])).suggested).toBeUndefined();
  });
});
