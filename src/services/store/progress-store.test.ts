import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError, type ErrorCode } from '../../shared/errors';
import type { Attempt } from '../../shared/progress';
import { TEMP_SUFFIX } from './durable-json-file';
import { decodeLine } from './progress-journal';
import { ProgressStore, readProgressOnDisk, STORE_SCHEMA_VERSION } from './progress-store';

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

function journalFile(learnerId: string): string {
  return join(dataDir, 'learners', `${learnerId}.journal`);
}

/** The journal's lines, each decoded (undefined for a line that is not a valid record). */
function journalLines(learnerId: string) {
  const text = existsSync(journalFile(learnerId)) ? readFileSync(journalFile(learnerId)) : Buffer.alloc(0);
  const lines: Buffer[] = [];
  for (let start = 0; start < text.length;) {
    const end = text.indexOf(0x0a, start);
    lines.push(text.subarray(start, end));
    start = end + 1;
  }
  return lines.map((line) => decodeLine(line, learnerId));
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

  it('deletes a learner and their progress files, keeping their progress among the backups', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    const adas = [attempt(ada.id), attempt(ada.id, { itemId: 'item-2' })];
    for (const one of adas) await store.addAttempt(one);
    await store.addAttempt(attempt(bob.id));
    expect(existsSync(learnerFile(ada.id))).toBe(true);
    expect(existsSync(journalFile(ada.id))).toBe(true);

    await store.deleteLearner(ada.id);
    expect(existsSync(learnerFile(ada.id))).toBe(false);
    expect(existsSync(journalFile(ada.id))).toBe(false);
    expect(readdirSync(join(dataDir, 'learners'))).toEqual([`${bob.id}.journal`, `${bob.id}.json`]);
    const kept = readdirSync(join(dataDir, 'backups', ada.id)).filter((name) => name.endsWith('-before-restore.json'));
    expect(kept).toHaveLength(1);
    expect(readJson(join(dataDir, 'backups', ada.id, kept[0]!))).toMatchObject({ attempts: adas, seq: 2 });
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
    // On disk: the snapshot the first answer created, and one journal line per answer.
    expect(readJson(learnerFile(ada.id))).toEqual({
      schemaVersion: STORE_SCHEMA_VERSION,
      learnerId: ada.id,
      seq: 0,
      rounds: {},
      attempts: [],
      reviews: {},
    });
    expect(journalLines(ada.id)).toEqual([
      { t: 'attempt', seq: 1, attempt: first },
      { t: 'attempt', seq: 2, attempt: second },
    ]);
    // Folded, the snapshot holds them all and the journal is empty.
    await reopened.compact();
    expect(readJson(learnerFile(ada.id))).toEqual({
      schemaVersion: STORE_SCHEMA_VERSION,
      learnerId: ada.id,
      seq: 2,
      rounds: {},
      attempts: [first, second],
      reviews: {},
    });
    expect(readFileSync(journalFile(ada.id)).length).toBe(0);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual([first, second]);
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
    expect(journalLines(ada.id)).toEqual([
      { t: 'round', seq: 1, packId: 'pack-a', round: 2 },
      { t: 'round', seq: 2, packId: 'pack-a', round: 3 },
      { t: 'round', seq: 3, packId: 'pack-b', round: 2 },
    ]);
    await reopened.compact();
    expect(readJson(learnerFile(ada.id))).toMatchObject({ seq: 3, rounds: { 'pack-a': 3, 'pack-b': 2 } });
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
    expect(error.message).toContain('the data folder cannot be written to');
    await expect(store.attempts(ada.id)).resolves.toEqual([saved]);

    repairLearnersFolder();
    const retried = attempt(ada.id, { itemId: 'item-3' });
    await store.addAttempt(retried);
    await expect(store.attempts(ada.id)).resolves.toEqual([saved, retried]);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual([saved, retried]);
    // The folder came back empty, so the retry could not simply append: everything went into a new snapshot.
    expect(readdirSync(join(dataDir, 'learners'))).toEqual([`${ada.id}.journal`, `${ada.id}.json`]);
    expect(readJson(learnerFile(ada.id))).toMatchObject({ seq: 2, attempts: [saved, retried] });
  });

  it('a failed answer changes nothing; a journal that is not the one the store left makes the next answer write a snapshot', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const saved = attempt(ada.id);
    await store.addAttempt(saved);
    // A folder where the journal was: it cannot be opened for appending.
    rmSync(journalFile(ada.id));
    mkdirSync(journalFile(ada.id));
    await rejection(store.addAttempt(attempt(ada.id, { itemId: 'item-2' })), 'storage-failed');
    await expect(store.attempts(ada.id)).resolves.toEqual([saved]);

    // Then no journal at all: appending to a new one would lose the first answer, so all of it goes into the snapshot.
    rmSync(journalFile(ada.id), { recursive: true });
    const next = attempt(ada.id, { itemId: 'item-3' });
    await store.addAttempt(next);
    expect(readJson(learnerFile(ada.id))).toMatchObject({ seq: 2, attempts: [saved, next] });
    expect(journalLines(ada.id)).toEqual([]);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual([saved, next]);
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

describe('ProgressStore: the journal', () => {
  it('an answer appends one line to the journal and leaves the snapshot alone', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    await store.addAttempt(attempt(ada.id));
    const snapshotBefore = readFileSync(learnerFile(ada.id));
    let size = statSync(journalFile(ada.id)).size;
    for (let n = 2; n <= 6; n++) {
      const one = attempt(ada.id, { itemId: `item-${n}` });
      await store.addAttempt(one);
      const grown = statSync(journalFile(ada.id)).size;
      expect(grown - size, 'one line, about the size of the attempt').toBeLessThan(JSON.stringify(one).length + 64);
      size = grown;
    }
    expect(readFileSync(learnerFile(ada.id)).equals(snapshotBefore)).toBe(true);
    expect(journalLines(ada.id).map((line) => line?.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await readProgressOnDisk(dataDir, ada.id)).attempts).toEqual(await store.attempts(ada.id));
  });

  it('an answer and the review card it changes are one line', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const card = {
      due: '2026-12-01T00:00:00.000Z',
      stability: 1,
      difficulty: 5,
      elapsed_days: 0,
      scheduled_days: 1,
      learning_steps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
    };
    const one = attempt(ada.id, { correct: false, score: 0 });
    await store.addAttempt(one, { key: 'pack-a/item-1', card });
    expect(journalLines(ada.id)).toEqual([{ t: 'attempt', seq: 1, attempt: one, review: { key: 'pack-a/item-1', card } }]);
    await expect(new ProgressStore(dataDir).reviews(ada.id)).resolves.toEqual({ 'pack-a/item-1': card });
  });

  it('folds the journal into the snapshot in the background once it passes its size', async () => {
    const store = new ProgressStore(dataDir, { compactAfterRecords: 3 });
    const ada = await store.createLearner('Ada');
    const batch = Array.from({ length: 3 }, (_, n) => attempt(ada.id, { itemId: `item-${n}` }));
    for (const one of batch) await store.addAttempt(one);
    await store.settled();
    // Serialised in slices, the snapshot is byte for byte what JSON.stringify would have written.
    expect(readFileSync(learnerFile(ada.id), 'utf8')).toBe(
      JSON.stringify({
        schemaVersion: STORE_SCHEMA_VERSION,
        learnerId: ada.id,
        seq: 3,
        rounds: {},
        attempts: batch,
        reviews: {},
      }),
    );
    expect(journalLines(ada.id)).toEqual([]);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual(batch);
  });

  it('a long history is folded in slices while answers go on, and nothing is lost or doubled', async () => {
    const ada = randomUUID();
    const history = Array.from({ length: 1234 }, (_, n) => attempt(ada, { id: `old-${n}`, itemId: `item-${n % 38}` }));
    mkdirSync(join(dataDir, 'learners'), { recursive: true });
    writeFileSync(
      join(dataDir, 'learners.json'),
      JSON.stringify({
        schemaVersion: STORE_SCHEMA_VERSION,
        learners: [{ id: ada, name: 'Ada', createdAt: '2026-01-01T00:00:00.000Z' }],
      }),
    );
    const snapshotText = (attempts: Attempt[], seq: number, rounds = {}) =>
      JSON.stringify({ schemaVersion: STORE_SCHEMA_VERSION, learnerId: ada, seq, rounds, attempts, reviews: {} });
    writeFileSync(learnerFile(ada), snapshotText(history, 0));

    const store = new ProgressStore(dataDir);
    const first = attempt(ada, { itemId: 'first' });
    await store.addAttempt(first);
    const folding = store.compact();
    const during = Array.from({ length: 5 }, (_, n) => attempt(ada, { itemId: `during-${n}` }));
    await Promise.all([folding, ...during.map((one) => store.addAttempt(one))]);
    await store.startNewRound(ada, 'pack-a');
    await store.settled();

    const all = [...history, first, ...during];
    await expect(store.attempts(ada)).resolves.toEqual(all);
    const onDisk = await readProgressOnDisk(dataDir, ada);
    expect(onDisk.attempts).toEqual(all);
    expect(onDisk.rounds).toEqual({ 'pack-a': 2 });
    await store.compact();
    expect(readFileSync(learnerFile(ada), 'utf8')).toBe(snapshotText(all, 7, { 'pack-a': 2 }));
  });

  it('keeps every answer given while a fold is being written, in order, each once', async () => {
    const store = new ProgressStore(dataDir, { compactAfterRecords: 2 });
    const ada = await store.createLearner('Ada');
    const all: Attempt[] = [];
    for (let round = 0; round < 6; round++) {
      const batch = Array.from({ length: 7 }, (_, n) => attempt(ada.id, { itemId: `item-${round}-${n}` }));
      all.push(...batch);
      await Promise.all(batch.map((one) => store.addAttempt(one)));
    }
    await expect(store.attempts(ada.id)).resolves.toEqual(all);
    await store.settled();
    const onDisk = await readProgressOnDisk(dataDir, ada.id);
    expect(onDisk.attempts).toEqual(all);
    expect(onDisk.seq).toBe(all.length);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toEqual(all);
  });

  it('the first write of a session folds what an earlier session left in the journal', async () => {
    const first = new ProgressStore(dataDir);
    const ada = await first.createLearner('Ada');
    const earlier = [attempt(ada.id), attempt(ada.id, { itemId: 'item-2' })];
    for (const one of earlier) await first.addAttempt(one);

    const second = new ProgressStore(dataDir);
    const later = attempt(ada.id, { itemId: 'item-3' });
    await second.addAttempt(later);
    await second.settled();
    expect(readJson(learnerFile(ada.id))).toMatchObject({ seq: 3, attempts: [...earlier, later] });
    expect(journalLines(ada.id)).toEqual([]);
  });

  it('compact() folds every journal now; a learner who never answered gets no file', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    const one = attempt(ada.id);
    await store.addAttempt(one);
    await store.compact();
    expect(readJson(learnerFile(ada.id))).toMatchObject({ seq: 1, attempts: [one] });
    expect(existsSync(learnerFile(bob.id))).toBe(false);
  });

  it('reads come from memory: the files are parsed once, and a caller’s copy does not change under it', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const one = attempt(ada.id);
    await store.addAttempt(one);
    const copy = await store.attempts(ada.id);
    writeFileSync(learnerFile(ada.id), 'not read again');
    writeFileSync(journalFile(ada.id), 'not read again either');
    await expect(store.attempts(ada.id)).resolves.toEqual([one]);
    await store.startNewRound(ada.id, 'pack-a'); // the journal is not the one the store left: a snapshot is written
    await store.addAttempt(attempt(ada.id, { round: 2 }));
    expect(copy).toEqual([one]);
    await expect(new ProgressStore(dataDir).attempts(ada.id)).resolves.toHaveLength(2);
  });

  it('a fold that cannot be written leaves the journal whole; answers are still acknowledged and nothing is lost', async () => {
    const store = new ProgressStore(dataDir, { compactAfterRecords: 2 });
    const ada = await store.createLearner('Ada');
    const all = [attempt(ada.id)];
    await store.addAttempt(all[0]!);
    // A folder full of something where the snapshot is: renaming a new snapshot onto it fails.
    rmSync(learnerFile(ada.id));
    mkdirSync(learnerFile(ada.id));
    writeFileSync(join(learnerFile(ada.id), 'in-the-way'), '');
    for (let n = 2; n <= 5; n++) {
      const one = attempt(ada.id, { itemId: `item-${n}` });
      await store.addAttempt(one);
      all.push(one);
      await store.settled();
    }
    expect(journalLines(ada.id).map((line) => line?.seq)).toEqual([1, 2, 3, 4, 5]);
    rmSync(learnerFile(ada.id), { recursive: true });

    // The snapshot is missing: its backup (taken when it was created, empty) comes back, and the journal on top of it.
    const reopened = new ProgressStore(dataDir);
    await expect(reopened.attempts(ada.id)).resolves.toEqual(all);
    const [notice, ...others] = reopened.notices();
    expect(others).toEqual([]);
    expect(notice!.title).toBe("Ada's progress was missing and has been restored from a backup");
    expect(notice!.text).toContain(
      'The 5 answers saved after that backup were recovered from the journal of recent answers, so nothing was lost.',
    );
    expect(readdirSync(join(dataDir, 'learners')).filter((name) => name.endsWith(TEMP_SUFFIX))).toEqual([]);
  });
});

describe('ProgressStore: a copy to recover from', () => {
  it('backs up the list of learners from its first write, so a damaged list with one learner keeps their name', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    writeFileSync(join(dataDir, 'learners.json'), '{"schemaVersion": 3, "learn');

    const again = new ProgressStore(dataDir);
    expect(await again.listLearners()).toEqual([ada]);
    expect(again.notices()[0]).toMatchObject({ title: 'The list of learners was damaged and has been restored from a backup' });
  });

  it('backs up every learner the list held, even ones added moments apart who never answered', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const bob = await store.createLearner('Bob');
    writeFileSync(join(dataDir, 'learners.json'), '');

    expect(await new ProgressStore(dataDir).listLearners()).toEqual([ada, bob]);
  });

  it('refreshes the snapshot’s backup at each fold, so a damaged snapshot loses nothing the journal gave up', async () => {
    const store = new ProgressStore(dataDir);
    const ada = await store.createLearner('Ada');
    const answers = [attempt(ada.id), attempt(ada.id), attempt(ada.id), attempt(ada.id)];
    for (const answer of answers) await store.addAttempt(answer);
    await store.compact(); // moments after the first snapshot's backup: the journal is emptied into the snapshot
    writeFileSync(join(dataDir, 'learners', `${ada.id}.json`), '{"schemaVersion": 3, "lear');

    const again = new ProgressStore(dataDir);
    expect((await again.attempts(ada.id)).map((answer) => answer.id)).toEqual(answers.map((answer) => answer.id));
  });
});
