import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ErrorCode } from '../shared/errors';
import type { Attempt } from '../shared/progress';
import { TEMP_SUFFIX } from './durable-json-file';
import { ProgressStore, STORE_SCHEMA_VERSION } from './progress-store';

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-store-'));
  dataDir = join(root, 'data');
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a rejection with code ${code}`).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe(code);
  return caught as ApiError;
}

function attempt(learnerId: string, overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: randomUUID(),
    learnerId,
    packId: 'pack-a',
    packVersion: 1,
    itemId: 'item-1',
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'confirmed' },
    correct: true,
    score: 1,
    labels: [{ label: 'confirmed', correct: true }],
    timeTakenMs: 1200,
    answeredAt: new Date().toISOString(),
    appVersion: '0.0.0-test',
    ...overrides,
  };
}

function learnerFile(learnerId: string): string {
  return join(dataDir, 'learners', `${learnerId}.json`);
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Every file and folder under `folder`, with the contents of the files: what a call must leave unchanged. */
function snapshot(folder: string): Record<string, string | null> {
  const entries: Record<string, string | null> = {};
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(folder, name);
    entries[name] = statSync(path).isDirectory() ? null : readFileSync(path, 'utf8');
  }
  return entries;
}

describe('ProgressStore: learners', () => {
  it('starts with no learners and creates the data folder on first use', async () => {
    const store = new ProgressStore(dataDir);
    await expect(store.listLearners()).resolves.toEqual([]);
    expect(existsSync(join(dataDir, 'learners'))).toBe(true);
  });

  it('creates learners with a UUID and a timestamp, lists them sorted by name, and keeps them on disk', async () => {
    const store = new ProgressStore(dataDir);
    const zoe = await store.createLearner('Zoë');
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('bob');
    expect(ada.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set([zoe.id, ada.id, bob.id]).size).toBe(3);
    expect(new Date(ada.createdAt).toISOString()).toBe(ada.createdAt);
    expect((await store.listLearners()).map((learner) => learner.name)).toEqual(['Ada', 'bob', 'Zoë']);

    expect(readJson(join(dataDir, 'learners.json'))).toEqual({
      schemaVersion: STORE_SCHEMA_VERSION,
      learners: [zoe, ada, bob],
    });
    const reopened = new ProgressStore(dataDir);
    await expect(reopened.listLearners()).resolves.toEqual([ada, bob, zoe]);
  });

  it('keeps names exactly as given (trimming is the contract’s job)', async () => {
    const store = new ProgressStore(dataDir);
    const learner = await store.createLearner('  Ada   Lovelace ');
    expect(learner.name).toBe('  Ada   Lovelace ');
    await expect(store.requireLearner(learner.id)).resolves.toEqual(learner);
  });

  it('refuses a duplicate name on create, whatever its case, with a conflict', async () => {
    const store = new ProgressStore(dataDir);
    await store.createLearner('Ada');
    const error = await rejection(store.createLearner('aDA'), 'conflict');
    expect(error.message).toContain('already a learner called "aDA"');
    expect(await store.listLearners()).toHaveLength(1);
  });

  it('renames a learner, on disk too', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const renamed = await store.renameLearner(ada.id, 'Grace');
    expect(renamed).toEqual({ ...ada, name: 'Grace' });
    await expect(new ProgressStore(dataDir).listLearners()).resolves.toEqual([renamed]);
  });

  it('refuses to rename onto another learner’s name, whatever its case, and changes nothing', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    await rejection(store.renameLearner(bob.id, 'ADA'), 'conflict');
    await expect(store.listLearners()).resolves.toEqual([ada, bob]);
    await expect(new ProgressStore(dataDir).listLearners()).resolves.toEqual([ada, bob]);
  });

  it('allows renaming a learner to their own name in another case', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('ada');
    await expect(store.renameLearner(ada.id, 'Ada')).resolves.toEqual({ ...ada, name: 'Ada' });
  });

  it('deletes a learner and their progress file', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    await store.addAttempt(attempt(ada.id));
    await store.addAttempt(attempt(bob.id));
    expect(existsSync(learnerFile(ada.id))).toBe(true);

    await store.deleteLearner(ada.id);
    expect(existsSync(learnerFile(ada.id))).toBe(false);
    expect(readdirSync(join(dataDir, 'learners'))).toEqual([`${bob.id}.json`]);
    await expect(store.listLearners()).resolves.toEqual([bob]);
    await rejection(store.attempts(ada.id), 'not-found');
    await expect(new ProgressStore(dataDir).listLearners()).resolves.toEqual([bob]);
    // The name is free again.
    await expect(store.createLearner('Ada')).resolves.toMatchObject({ name: 'Ada' });
  });

  it('deletes a learner who never answered anything (no progress file yet)', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await store.deleteLearner(ada.id);
    await expect(store.listLearners()).resolves.toEqual([]);
  });

  it('answers not-found for a well-formed id that is not a learner', async () => {
    const store = new ProgressStore(dataDir);
    await store.createLearner('Ada');
    const unknown = randomUUID();
    const error = await rejection(store.requireLearner(unknown), 'not-found');
    expect(error.message).toContain('no longer exists');
    await rejection(store.attempts(unknown), 'not-found');
    await rejection(store.renameLearner(unknown, 'Bob'), 'not-found');
    await rejection(store.deleteLearner(unknown), 'not-found');
    await rejection(store.addAttempt(attempt(unknown)), 'not-found');
    await rejection(store.startNewRound(unknown, 'pack-a'), 'not-found');
    expect(existsSync(learnerFile(unknown))).toBe(false);
  });
});

describe('ProgressStore: learner ids never reach the file system unchecked', () => {
  const badIds = [
    '../../etc/passwd',
    '..',
    'a/b',
    '../learners',
    '0b7e9c4e-1f1a-4c1e-9d38-6a1f2b3c4d5e/../../x',
    '0B7E9C4E-1F1A-4C1E-9D38-6A1F2B3C4D5E',
    '',
  ];

  const calls: [string, (store: ProgressStore, id: string) => Promise<unknown>][] = [
    ['requireLearner', (store, id) => store.requireLearner(id)],
    ['attempts', (store, id) => store.attempts(id)],
    ['round', (store, id) => store.round(id, 'pack-a')],
    ['rounds', (store, id) => store.rounds(id)],
    ['addAttempt', (store, id) => store.addAttempt(attempt(id))],
    ['startNewRound', (store, id) => store.startNewRound(id, 'pack-a')],
    ['renameLearner', (store, id) => store.renameLearner(id, 'Mallory')],
    ['deleteLearner', (store, id) => store.deleteLearner(id)],
  ];

  for (const [method, call] of calls) {
    it.each(badIds)(`${method} refuses %j as invalid-input and writes nothing anywhere`, async (id) => {
      const store = new ProgressStore(dataDir);
      await store.createLearner('Ada');
      const before = snapshot(root);
      const error = await rejection(call(store, id), 'invalid-input');
      expect(error.message).toContain('is not a learner id');
      expect(readdirSync(root)).toEqual(['data']);
      expect(snapshot(root)).toEqual(before);
    });
  }

  const checkedFirst = calls.filter(([method]) => method !== 'renameLearner' && method !== 'deleteLearner');
  for (const [method, call] of checkedFirst) {
    it(`${method} rejects a bad id before touching the disk (a fresh store creates no data folder)`, async () => {
      await rejection(call(new ProgressStore(dataDir), '../../etc/passwd'), 'invalid-input');
      expect(readdirSync(root)).toEqual([]);
    });
  }

  for (const method of ['renameLearner', 'deleteLearner']) {
    const call = calls.find(([name]) => name === method)?.[1] as (store: ProgressStore, id: string) => Promise<unknown>;
    it(`${method} rejects a bad id before touching the disk (a fresh store creates no data folder)`, async () => {
      await rejection(call(new ProgressStore(dataDir), '../../etc/passwd'), 'invalid-input');
      expect(readdirSync(root)).toEqual([]);
    });
  }
});

describe('ProgressStore: attempts and rounds', () => {
  it('keeps attempts in order, per learner, and they survive a new store on the same folder', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    const first = attempt(ada.id, { itemId: 'item-1' });
    const second = attempt(ada.id, { itemId: 'item-2', correct: false, score: 0 });
    const bobs = attempt(bob.id);
    await store.addAttempt(first);
    await store.addAttempt(bobs);
    await store.addAttempt(second);
    await expect(store.attempts(ada.id)).resolves.toEqual([first, second]);

    const reopened = new ProgressStore(dataDir);
    await expect(reopened.attempts(ada.id)).resolves.toEqual([first, second]);
    await expect(reopened.attempts(bob.id)).resolves.toEqual([bobs]);
    expect(readJson(learnerFile(ada.id))).toEqual({
      schemaVersion: STORE_SCHEMA_VERSION,
      learnerId: ada.id,
      rounds: {},
      attempts: [first, second],
      reviews: {},
    });
  });

  it('a new learner has no attempts and is in round 1 of every pack', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await expect(store.attempts(ada.id)).resolves.toEqual([]);
    await expect(store.round(ada.id, 'pack-a')).resolves.toBe(1);
    await expect(store.rounds(ada.id)).resolves.toEqual({});
  });

  it('startNewRound counts up per pack and persists', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await expect(store.startNewRound(ada.id, 'pack-a')).resolves.toBe(2);
    await expect(store.startNewRound(ada.id, 'pack-a')).resolves.toBe(3);
    await expect(store.startNewRound(ada.id, 'pack-b')).resolves.toBe(2);
    await expect(store.round(ada.id, 'pack-a')).resolves.toBe(3);
    await expect(store.round(ada.id, 'pack-c')).resolves.toBe(1);

    const reopened = new ProgressStore(dataDir);
    await expect(reopened.rounds(ada.id)).resolves.toEqual({ 'pack-a': 3, 'pack-b': 2 });
    expect(readJson(learnerFile(ada.id))).toMatchObject({ rounds: { 'pack-a': 3, 'pack-b': 2 } });
  });

  it('keeps every attempt when several are recorded at once', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await store.attempts(ada.id);
    const batch = Array.from({ length: 5 }, (_, n) => attempt(ada.id, { itemId: `item-${n}` }));
    await Promise.all(batch.map((one) => store.addAttempt(one)));
    await expect(store.attempts(ada.id)).resolves.toEqual(batch);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual(batch);
  });

  it('keeps every learner when several are created at once', async () => {
    const store = new ProgressStore(dataDir);
    await store.listLearners();
    await Promise.all(['Ada', 'Bob', 'Cy'].map((name) => store.createLearner(name)));
    expect((await new ProgressStore(dataDir).listLearners()).map((learner) => learner.name)).toEqual(['Ada', 'Bob', 'Cy']);
  });
});

describe('ProgressStore: a write that fails', () => {
  /** Replaces the learners folder by a plain file, so that creating the temp file inside it fails with ENOTDIR. */
  function breakLearnersFolder(): void {
    rmSync(join(dataDir, 'learners'), { recursive: true, force: true });
    writeFileSync(join(dataDir, 'learners'), 'not a folder');
  }

  function repairLearnersFolder(): void {
    rmSync(join(dataDir, 'learners'), { force: true });
    mkdirSync(join(dataDir, 'learners'));
  }

  it('rejects with storage-failed, acknowledges nothing, and works again once the folder is back', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const saved = attempt(ada.id, { itemId: 'item-1' });
    await store.addAttempt(saved);

    breakLearnersFolder();
    const failed = attempt(ada.id, { itemId: 'item-2' });
    const error = await rejection(store.addAttempt(failed), 'storage-failed');
    expect(error.message).toMatch(/^Progress could not be saved: /);
    expect(error.message).toContain('ENOTDIR');
    await expect(store.attempts(ada.id)).resolves.toEqual([saved]);

    repairLearnersFolder();
    const retried = attempt(ada.id, { itemId: 'item-3' });
    await store.addAttempt(retried);
    await expect(store.attempts(ada.id)).resolves.toEqual([saved, retried]);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual([saved, retried]);
    expect(readdirSync(join(dataDir, 'learners'))).toEqual([`${ada.id}.json`]);
  });

  it('a failed new round leaves the round where it was', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await store.addAttempt(attempt(ada.id));
    breakLearnersFolder();
    await rejection(store.startNewRound(ada.id, 'pack-a'), 'storage-failed');
    await expect(store.round(ada.id, 'pack-a')).resolves.toBe(1);
    repairLearnersFolder();
    await expect(store.startNewRound(ada.id, 'pack-a')).resolves.toBe(2);
  });

  it('a failed write of the learner index leaves the learners as they were', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    // learners.json is written beside the folder's contents: turn the data folder into an unwritable place
    // by replacing it with a file after the index was opened.
    rmSync(dataDir, { recursive: true, force: true });
    writeFileSync(dataDir, 'not a folder');
    const error = await rejection(store.createLearner('Bob'), 'storage-failed');
    expect(error.message).toContain('Progress could not be saved');
    await rejection(store.renameLearner(ada.id, 'Grace'), 'storage-failed');
    await expect(store.listLearners()).resolves.toEqual([ada]);
    rmSync(dataDir, { force: true });
    mkdirSync(join(dataDir, 'learners'), { recursive: true });
    await store.createLearner('Bob');
    expect((await new ProgressStore(dataDir).listLearners()).map((learner) => learner.name)).toEqual(['Ada', 'Bob']);
    expect(readdirSync(dataDir).filter((name) => name.endsWith(TEMP_SUFFIX))).toEqual([]);
  });
});
