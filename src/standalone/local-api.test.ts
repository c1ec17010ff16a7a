// The one-file player's backend over a storage that lives as long as the test: answers kept between
// "visits" (a new LocalApi on the same storage), the app's resume rule, and a progress file the class takes.
import { describe, expect, it } from 'vitest';
import { shownOrder } from '../shared/choice-order';
import { ApiError } from '../shared/errors';
import type { Pack } from '../shared/pack/schema';
import { ITEMS_BY_TYPE, packOf } from '../shared/testing/exercise-items';
import { validateProgressFile } from '../shared/progress-file-validate';
import { answerFor } from '../shared/testing/answers';
import { LocalApi, newUuid, NOT_SAVED_MESSAGE } from './local-api';

/** One item of each type. */
const seed: Pack = packOf(Object.values(ITEMS_BY_TYPE));

/** localStorage's part the player uses, in memory; `full` makes every write fail as a full one does. */
class MemoryStorage implements Storage {
  readonly values = new Map<string, string>();
  full = false;
  get length(): number {
    return this.values.size;
  }
  clear(): void {
    this.values.clear();
  }
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.values.set(key, value);
  }
}

function apiOn(storage: Storage): LocalApi {
  let next = 0;
  return new LocalApi(seed, storage, {
    appVersion: '0.0.0-test',
    now: () => new Date(Date.UTC(2026, 10, 26, 9, 0, next)),
    newId: () => `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
  });
}

async function answer(api: LocalApi, index: number, right: boolean) {
  const item = seed.items[index]!;
  const learnerId = api.learner()!.id;
  const shown = shownOrder(item, { learnerId, packId: seed.id, itemId: item.id, play: 1 });
  return api.recordAnswer({
    learnerId,
    packId: seed.id,
    itemId: item.id,
    answer: answerFor(item, right),
    timeTakenMs: 1000,
    ...(shown ? { shown } : {}),
  });
}

describe('LocalApi', () => {
  it('starts under a name tidied and checked as the app checks one', () => {
    const api = apiOn(new MemoryStorage());
    expect(() => api.start('   ')).toThrow(/at least one letter/);
    expect(() => api.start('x'.repeat(61))).toThrow(/at most 60/);
    expect(() => api.start('a\u0007b')).toThrow(/control characters/);
    expect(api.learner()).toBeUndefined();
    expect(api.start('  Ana   Lima ').name).toBe('Ana Lima');
  });

  it('keeps answers between visits and resumes the round where the learner left it', async () => {
    const storage = new MemoryStorage();
    const first = apiOn(storage);
    first.start('Ana');
    expect((await answer(first, 0, true)).score.correct).toBe(true);
    expect((await answer(first, 1, false)).score.correct).toBe(false);

    const again = apiOn(storage);
    expect(again.learner()?.name).toBe('Ana');
    const session = await again.getPackSession();
    expect(session.round).toBe(1);
    expect(session.answers.map((entry) => [entry.itemId, entry.score.correct])).toEqual([
      [seed.items[0]!.id, true],
      [seed.items[1]!.id, false],
    ]);
    expect(session.answeredTimes).toEqual({ [seed.items[0]!.id]: 1, [seed.items[1]!.id]: 1 });

    expect(await again.restartPack()).toEqual({ round: 2 });
    const fresh = await apiOn(storage).getPackSession();
    expect(fresh.answers).toEqual([]);
    expect(fresh.answeredTimes[seed.items[0]!.id]).toBe(1);
  });

  it('refuses an order shown that is not the item’s own, and keeps nothing of it', async () => {
    const storage = new MemoryStorage();
    const api = apiOn(storage);
    api.start('Ana');
    const item = seed.items.find((candidate) => candidate.type === 'source')!;
    const attempt = api.recordAnswer({
      learnerId: api.learner()!.id,
      packId: seed.id,
      itemId: item.id,
      answer: answerFor(item, true),
      timeTakenMs: 5,
      shown: { options: ['nope'] },
    });
    await expect(attempt).rejects.toThrow(/order shown/);
    expect((await api.getPackSession()).answers).toEqual([]);
  });

  it('says so when the browser will not keep an answer, and counts it nowhere', async () => {
    const storage = new MemoryStorage();
    const api = apiOn(storage);
    api.start('Ana');
    storage.full = true;
    const failed = await answer(api, 0, true).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as ApiError).code).toBe('storage-failed');
    expect((failed as ApiError).message).toBe(NOT_SAVED_MESSAGE);
    storage.full = false;
    expect((await api.getPackSession()).answers).toEqual([]);
  });

  it('treats storage that is not its own as nothing started', () => {
    const storage = new MemoryStorage();
    const api = apiOn(storage);
    storage.setItem(api.storageKey, '{"learner": null}');
    expect(api.learner()).toBeUndefined();
    storage.setItem(api.storageKey, 'not json');
    expect(api.learner()).toBeUndefined();
  });

  it('exports a progress file the class import accepts, with every attempt of every round', async () => {
    const api = apiOn(new MemoryStorage());
    api.start('Ana Lima');
    for (const [index, item] of seed.items.entries()) await answer(api, index, item.type !== 'find');
    await api.restartPack();
    await answer(api, 0, false);

    const exported = api.exportProgress();
    expect(exported.name).toBe('sourcewise-progress-Ana-Lima-2026-11-26.json');
    const checked = validateProgressFile(JSON.parse(exported.content));
    if (!checked.ok) throw new Error(checked.problems.join('\n'));
    expect(checked.file.learner).toEqual({ id: api.learner()!.id, name: 'Ana Lima' });
    expect(checked.file.packs).toEqual([{ id: seed.id, version: seed.version, title: seed.meta.title }]);
    expect(checked.file.attempts).toHaveLength(seed.items.length + 1);
    expect(checked.file.attempts.at(-1)).toMatchObject({ round: 2, correct: false, appVersion: '0.0.0-test' });
    expect(checked.file.attempts.filter((attempt) => attempt.correct)).toHaveLength(
      seed.items.filter((item) => item.type !== 'find').length,
    );
  });
});

describe('newUuid', () => {
  it('makes version 4 UUIDs, as the app validates learner ids, without crypto.randomUUID', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newUuid()));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
