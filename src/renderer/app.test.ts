// Which screen the app shows, against a stub of the API: a screen change that waits (for the learner
// list, for its screen's code) never lands after one begun later, as two quick Backs in a row would do.
import { describe, expect, it } from 'vitest';
import { stubApi } from '../shared/testing/stub-api';
import { AppState } from './app.svelte';

const ANA = { id: '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', name: 'Ana', createdAt: '2026-12-06T10:00:00.000Z' };

function app(): AppState {
  return new AppState(
    stubApi({
      listLearners: async () => [ANA],
      listPacks: async () => ({ packs: [], invalid: [] }),
      getProgress: async () => [],
    }),
  );
}

describe('AppState navigation', () => {
  it('Back to the library, then at once Back to the learners: the learners are shown', async () => {
    const state = app();
    const library = state.goTo({ screen: 'library', learnerId: ANA.id });
    const learners = state.goTo({ screen: 'learners' });
    await Promise.all([library, learners]);
    expect(state.screen.name).toBe('learners');
    expect(state.learner).toBeUndefined();
  });

  it('the same with the learner already chosen (only the screen code is waited for)', async () => {
    const state = app();
    await state.goTo({ screen: 'library', learnerId: ANA.id });
    expect(state.screen.name).toBe('library');
    const progress = state.goTo({ screen: 'progress', learnerId: ANA.id });
    const learners = state.showLearners();
    await Promise.all([progress, learners]);
    expect(state.screen.name).toBe('learners');
  });

  it('one change alone still lands', async () => {
    const state = app();
    await state.goTo({ screen: 'library', learnerId: ANA.id });
    expect(state.screen.name).toBe('library');
    expect(state.learner?.name).toBe('Ana');
  });
});
