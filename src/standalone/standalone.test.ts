// The one-file player's start page: a refused name says why and keeps nothing; the learner's progress
// file goes to the download, and a file that cannot be made says so instead.
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../shared/contract';
import type { Pack } from '../shared/pack/schema';
import { ITEMS_BY_TYPE, packOf } from '../shared/testing/exercise-items';
import { LocalApi } from './local-api';
import { StandaloneState } from './standalone.svelte';

/** One item of each type. */
const seed: Pack = packOf(Object.values(ITEMS_BY_TYPE));

function memory(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('StandaloneState', () => {
  it('starts under a good name only, and remembers the learner on the next visit', () => {
    const storage = memory();
    const saved: ExportedFile[] = [];
    const state = new StandaloneState(new LocalApi(seed, storage, { appVersion: '0.0.0-test' }), seed, {
      save: (file) => saved.push(file),
    });
    state.downloadProgress();
    expect(state.problem).toBe('Type your name first.');
    expect(state.start(' ')).toBe(false);
    expect(state.problem).toMatch(/at least one letter/);
    expect(state.learner).toBeUndefined();
    expect(state.start('Ana')).toBe(true);
    expect(state.problem).toBe('');
    state.play();
    expect(state.player?.learnerId).toBe(state.learner?.id);
    state.leave();
    expect(state.player).toBeUndefined();

    const again = new StandaloneState(new LocalApi(seed, storage, { appVersion: '0.0.0-test' }), seed, {
      save: (file) => saved.push(file),
    });
    expect(again.learner?.name).toBe('Ana');
    again.downloadProgress();
    expect(saved.map((file) => file.mimeType)).toEqual(['application/json']);
    expect(JSON.parse(saved[0]!.content)).toMatchObject({ kind: 'sourcewise-progress', learner: { name: 'Ana' }, attempts: [] });
  });
});
