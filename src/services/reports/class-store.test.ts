// ClassStore: importing progress files into the instructor's class. Learners by id, attempts by id,
// so nothing is ever counted twice; invalid files listed and skipped; one write per import after a
// backup; a failed write changes nothing; the class survives a restart and recovers from damage.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ErrorCode } from '../../shared/errors';
import type { Pack } from '../../shared/pack/schema';
import type { Attempt } from '../../shared/progress';
import { PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION, type ProgressFile } from '../../shared/progress-file';
import { CLASS_SCHEMA_VERSION, ClassStore } from './class-store';
import { DurableJsonFile } from '../store/durable-json-file';

const repo = join(import.meta.dirname, '../../..');
const seedPack = JSON.parse(readFileSync(join(repo, 'exercises/nk-troops-russia-2024.json'), 'utf8')) as Pack;

const ANA = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const BEN = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-class-'));
  dataDir = join(root, 'data');
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught, `expected a rejection with code ${code}`).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code).toBe(code);
  return caught as ApiError;
}

function attempt(learnerId: string, id: string, minute: number, overrides: Partial<Attempt> = {}): Attempt {
  return {
    id,
    learnerId,
    packId: seedPack.id,
    packVersion: 1,
    itemId: 'classify-one',
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'estimate' },
    correct: true,
    score: 1,
    labels: [{ label: 'estimate', correct: true }],
    timeTakenMs: 3000,
    answeredAt: new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString(),
    appVersion: '0.1.0',
    ...overrides,
  };
}

function progressFile(
  learnerId: string,
  name: string,
  attempts: Attempt[],
  exportedAt = '2026-11-26T18:00:00.000Z',
  packs = [{ id: seedPack.id, version: 1, title: seedPack.meta.title }],
): ProgressFile {
  return {
    kind: PROGRESS_FILE_KIND,
    schemaVersion: PROGRESS_FILE_VERSION,
    exportedAt,
    appVersion: '0.1.0',
    learner: { id: learnerId, name },
    packs,
    attempts,
  };
}

function asText(file: ProgressFile, name = `${file.learner.name}.json`): { name: string; text: string } {
  return { name, text: JSON.stringify(file, null, 2) };
}

async function opened(dir = dataDir): Promise<ClassStore> {
  const store = new ClassStore(dir);
  await store.open();
  return store;
}

function summary(store: ClassStore): { name: string; attempts: string[] }[] {
  return store.classData([seedPack], '0.1.0').learners.map((learner) => ({
    name: learner.name,
    attempts: learner.attempts.map((a) => a.id),
  }));
}

const classFile = () => join(dataDir, 'class.json');
const readClass = () => readFileSync(classFile(), 'utf8');

describe('ClassStore.importFiles', () => {
  it('imports two learners, each with their attempts, in one write', async () => {
    const store = await opened();
    const result = await store.importFiles([
      asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1), attempt(ANA, 'a2', 2)]), 'ana.json'),
      asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 3)]), 'ben.json'),
    ]);
    expect(result).toEqual({
      imported: [
        { file: 'ana.json', learnerId: ANA, name: 'Ana', added: 2, duplicates: 0 },
        { file: 'ben.json', learnerId: BEN, name: 'Ben', added: 1, duplicates: 0 },
      ],
      rejected: [],
    });
    expect(summary(store)).toEqual([
      { name: 'Ana', attempts: ['a1', 'a2'] },
      { name: 'Ben', attempts: ['b1'] },
    ]);
    const data = store.classData([seedPack], '0.1.0');
    expect(data.packs.map((pack) => pack.id)).toEqual([seedPack.id]);
    expect(data.appVersion).toBe('0.1.0');
    expect(Number.isNaN(Date.parse(data.generatedAt))).toBe(false);
    const onDisk = JSON.parse(readClass()) as { schemaVersion: number; learners: unknown[] };
    expect(onDisk.schemaVersion).toBe(CLASS_SCHEMA_VERSION);
    expect(onDisk.learners).toHaveLength(2);
  });

  it('imports the same file twice without duplicates', async () => {
    const store = await opened();
    const file = asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1), attempt(ANA, 'a2', 2)]));
    await store.importFiles([file]);
    const again = await store.importFiles([file]);
    expect(again.imported).toEqual([{ file: 'Ana.json', learnerId: ANA, name: 'Ana', added: 0, duplicates: 2 }]);
    // And twice within one import.
    const twice = await store.importFiles([file, file]);
    expect(twice.imported.map((entry) => [entry.added, entry.duplicates])).toEqual([
      [0, 2],
      [0, 2],
    ]);
    expect(summary(store)).toEqual([{ name: 'Ana', attempts: ['a1', 'a2'] }]);
  });

  it('merges one learner from two machines, with overlapping attempts, into the union in answer order', async () => {
    const store = await opened();
    const shared = attempt(ANA, 'shared', 5);
    const laptop = progressFile(ANA, 'Ana', [attempt(ANA, 'l1', 1), shared, attempt(ANA, 'l2', 9)], '2026-11-25T10:00:00.000Z');
    const lab = progressFile(ANA, 'Ana K.', [attempt(ANA, 'p1', 3), shared, attempt(ANA, 'p2', 7)], '2026-11-26T10:00:00.000Z');
    const result = await store.importFiles([asText(lab, 'lab.json'), asText(laptop, 'laptop.json')]);
    expect(result.imported).toEqual([
      { file: 'lab.json', learnerId: ANA, name: 'Ana K.', added: 3, duplicates: 0 },
      { file: 'laptop.json', learnerId: ANA, name: 'Ana', added: 2, duplicates: 1 },
    ]);
    // The name from the latest export wins, whatever order the files come in.
    expect(summary(store)).toEqual([{ name: 'Ana K.', attempts: ['l1', 'p1', 'shared', 'p2', 'l2'] }]);
    expect((await store.learners())[0]).toEqual({
      learnerId: ANA,
      name: 'Ana K.',
      attempts: 5,
      exportedAt: '2026-11-26T10:00:00.000Z',
    });
  });

  it('merges a later export of the same machine: only the new attempts are added', async () => {
    const store = await opened();
    const first = [attempt(ANA, 'a1', 1), attempt(ANA, 'a2', 2)];
    await store.importFiles([asText(progressFile(ANA, 'Ana', first, '2026-11-24T10:00:00.000Z'))]);
    const later = progressFile(ANA, 'Ana Maria', [...first, attempt(ANA, 'a3', 3)], '2026-11-26T10:00:00.000Z');
    const result = await store.importFiles([asText(later)]);
    expect(result.imported[0]).toMatchObject({ added: 1, duplicates: 2 });
    // An older export imported afterwards does not bring the old name back.
    await store.importFiles([asText(progressFile(ANA, 'Ana', first, '2026-11-24T10:00:00.000Z'))]);
    expect(summary(store)).toEqual([{ name: 'Ana Maria', attempts: ['a1', 'a2', 'a3'] }]);
  });

  it('imports the valid files of a mix, lists the invalid ones with their problems, and takes nothing from them', async () => {
    const store = await opened();
    const wrongLearner = progressFile(BEN, 'Ben', [attempt(ANA, 'stray', 1)]);
    const result = await store.importFiles([
      { name: 'not-json.json', text: '{"kind": ' },
      asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]), 'ana.json'),
      { name: 'pack.json', text: JSON.stringify(seedPack) },
      asText(wrongLearner, 'ben.json'),
    ]);
    expect(result.imported).toEqual([{ file: 'ana.json', learnerId: ANA, name: 'Ana', added: 1, duplicates: 0 }]);
    expect(result.rejected).toEqual([
      { file: 'not-json.json', problems: [expect.stringMatching(/^\(file\): not valid JSON/)] },
      {
        file: 'pack.json',
        problems: [
          '(file): this is a Sourcewise pack (exercises), not a progress file; a learner makes a progress file with "Export progress"',
        ],
      },
      {
        file: 'ben.json',
        problems: [`attempts[0].learnerId: "${ANA}" is not this file's learner (learner.id is "${BEN}")`],
      },
    ]);
    expect(summary(store)).toEqual([{ name: 'Ana', attempts: ['a1'] }]);
    expect(readClass()).not.toContain('stray');
    expect(readClass()).not.toContain(BEN);
  });

  it('writes nothing, and takes no backup, when no file is valid', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    const before = readClass();
    const result = await store.importFiles([{ name: 'bad.json', text: 'null' }]);
    expect(result.imported).toEqual([]);
    expect(result.rejected).toHaveLength(1);
    expect(readClass()).toBe(before);
    // The first import had nothing to back up (no class yet); this one backed up nothing either.
    const folder = join(dataDir, 'backups', 'class');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });

  it('takes a backup of the class before every import', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    const afterFirst = readClass();
    await store.importFiles([asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)]))]);
    const backups = readdirSync(join(dataDir, 'backups', 'class'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/-before-import\.json$/);
    expect(readFileSync(join(dataDir, 'backups', 'class', backups[0]!), 'utf8')).toBe(afterFirst);
  });

  it('keeps hostile names as text, capped, and file names capped', async () => {
    const store = await opened();
    const name = '<img src=x onerror=alert(1)>';
    const result = await store.importFiles([
      { name: `${'n'.repeat(1000)}.json`, text: JSON.stringify(progressFile(ANA, name, [attempt(ANA, 'a1', 1)])) },
    ]);
    expect(result.imported[0]!.file.length).toBeLessThanOrEqual(255);
    expect(summary(store)[0]!.name).toBe(name);
  });

  it('rejects with storage-failed and changes nothing when the write fails', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    const before = readClass();
    const beforeData = summary(store);

    const write = vi
      .spyOn(DurableJsonFile.prototype, 'write')
      .mockRejectedValueOnce(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
    const error = await rejection(
      store.importFiles([
        asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)])),
        asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a2', 2)])),
      ]),
      'storage-failed',
    );
    expect(write).toHaveBeenCalledTimes(1);
    expect(error.message).toBe(
      'The progress files could not be imported: the disk is full. Nothing was changed; the class is as it was.',
    );
    expect(summary(store)).toEqual(beforeData);
    expect(readClass()).toBe(before);

    // The next import works, from the state before the failed one.
    const retry = await store.importFiles([asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)]))]);
    expect(retry.imported[0]).toMatchObject({ added: 1 });
    expect(summary(store)).toEqual([...beforeData, { name: 'Ben', attempts: ['b1'] }]);
  });

  it('rejects with storage-failed and changes nothing when the data folder has become a file', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    const before = readClass();
    const beforeData = summary(store);

    const moved = join(root, 'moved');
    renameSync(dataDir, moved);
    writeFileSync(dataDir, 'not a folder');
    await rejection(store.importFiles([asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)]))]), 'storage-failed');
    await rejection(store.removeLearner(ANA), 'storage-failed');
    await rejection(store.clear(), 'storage-failed');
    expect(summary(store)).toEqual(beforeData);
    expect(readFileSync(join(moved, 'class.json'), 'utf8')).toBe(before);

    rmSync(dataDir);
    renameSync(moved, dataDir);
    expect(summary(await opened())).toEqual(beforeData);
  });

  it('rejects with storage-failed when the store is under a regular file from the start', async () => {
    writeFileSync(join(root, 'file'), 'x');
    const store = new ClassStore(join(root, 'file', 'data'));
    await expect(store.open()).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('ClassStore on disk', () => {
  it('reopens on the same folder with the same data', async () => {
    const store = await opened();
    await store.importFiles([
      asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1), attempt(ANA, 'a2', 2)])),
      asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 3)])),
    ]);
    const reopened = await opened();
    expect(reopened.classData([seedPack], '0.1.0').learners).toEqual(store.classData([seedPack], '0.1.0').learners);
    expect(await reopened.packRefs()).toEqual([{ id: seedPack.id, version: 1, title: seedPack.meta.title }]);
    // And merges with what it reopened.
    const again = await reopened.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a2', 2), attempt(ANA, 'a3', 4)]))]);
    expect(again.imported[0]).toMatchObject({ added: 1, duplicates: 1 });
  });

  it('restores a damaged class file from its newest backup, with a notice', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    await store.importFiles([asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)]))]);
    writeFileSync(classFile(), '{"schemaVersion": 1, "learn');
    const reopened = await opened();
    expect(summary(reopened)).toEqual([{ name: 'Ana', attempts: ['a1'] }]);
    expect(reopened.notices()).toEqual([
      expect.objectContaining({
        severity: 'warning',
        title: 'The imported class was damaged and has been restored from a backup',
      }),
    ]);
    expect(readdirSync(join(dataDir, 'damaged'))).toHaveLength(1);
    reopened.dismissNotice(reopened.notices()[0]!.id);
    expect(reopened.notices()).toEqual([]);
  });

  it('opens a class file from a newer version read-only, and refuses to change it', async () => {
    mkdirSync(dataDir, { recursive: true });
    const newer = JSON.stringify({ schemaVersion: CLASS_SCHEMA_VERSION + 1, learners: [], somethingNew: true });
    writeFileSync(classFile(), newer);
    const store = await opened();
    expect(store.notices()).toEqual([expect.objectContaining({ id: 'newer:class.json' })]);
    await rejection(store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]), 'read-only');
    expect(readClass()).toBe(newer);
  });

  it('removes stale temporary files of its own, and only those', async () => {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(join(dataDir, '.class.json.123.abc.tmp'), '{');
    writeFileSync(join(dataDir, '.learners.json.123.abc.tmp'), '{');
    await opened();
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual(['.learners.json.123.abc.tmp']);
  });
});

describe('ClassStore.removeLearner and clear', () => {
  it('removes one learner after a backup, and importing them again brings them back', async () => {
    const store = await opened();
    const ana = asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]));
    await store.importFiles([ana, asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)]))]);
    const before = readClass();
    await store.removeLearner(ANA);
    expect(summary(store)).toEqual([{ name: 'Ben', attempts: ['b1'] }]);
    const backups = readdirSync(join(dataDir, 'backups', 'class'));
    expect(backups.map((name) => readFileSync(join(dataDir, 'backups', 'class', name), 'utf8'))).toContain(before);
    await store.importFiles([ana]);
    expect(summary(store).map((learner) => learner.name)).toEqual(['Ana', 'Ben']);
  });

  it('undoes the last removal: the learner comes back with every attempt and their packs, once', async () => {
    const store = await opened();
    await store.importFiles([
      asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)])),
      asText(progressFile(BEN, 'Ben', [attempt(BEN, 'b1', 1)])),
    ]);
    const before = { learners: summary(store), packs: await store.packRefs() };
    await store.removeLearner(ANA);
    await rejection(store.restoreLearner(BEN), 'not-found');
    await store.restoreLearner(ANA);
    expect({ learners: summary(store), packs: await store.packRefs() }).toEqual(before);
    // Written to disk, not only in memory.
    expect(summary(await opened())).toEqual(before.learners);
    // Undone once: a second undo has nothing to bring back.
    await rejection(store.restoreLearner(ANA), 'not-found');
  });

  it('refuses an id that is not a learner id, or a learner not in the class', async () => {
    const store = await opened();
    await rejection(store.removeLearner('../../etc/passwd'), 'invalid-input');
    await rejection(store.removeLearner(randomUUID()), 'not-found');
  });

  it('clears the class after a backup of it', async () => {
    const store = await opened();
    await store.importFiles([asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)]))]);
    const before = readClass();
    await store.clear();
    expect(summary(store)).toEqual([]);
    expect(await store.packRefs()).toEqual([]);
    expect(summary(await opened())).toEqual([]);
    const folder = join(dataDir, 'backups', 'class');
    expect(readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'))).toContain(before);
  });
});

describe('ClassStore xAPI addresses', () => {
  it('keeps the last xAPI export’s addresses across a restart and a cleared class', async () => {
    const store = await opened();
    expect(await store.xapiAddresses()).toBeUndefined();
    await store.rememberXapi({ homePage: 'https://lms.school.example', activityBase: 'https://school.example/xapi' });
    await store.rememberXapi({ homePage: 'https://lms.school.example' });
    expect(await (await opened()).xapiAddresses()).toEqual({ homePage: 'https://lms.school.example' });
    await store.clear();
    expect(await (await opened()).xapiAddresses()).toEqual({ homePage: 'https://lms.school.example' });
  });
});

describe('ClassStore.classData', () => {
  it('gives learners by name with copies of their attempts, and only the packs they refer to', async () => {
    const store = await opened();
    const otherPack = { ...seedPack, id: 'other-pack' };
    await store.importFiles([
      asText(progressFile(BEN, 'Zoë', [attempt(BEN, 'b1', 1)])),
      asText(progressFile(ANA, 'Ana', [attempt(ANA, 'a1', 1)])),
    ]);
    const data = store.classData([seedPack, otherPack], '9.9.9');
    expect(data.learners.map((learner) => learner.name)).toEqual(['Ana', 'Zoë']);
    expect(data.packs.map((pack) => pack.id)).toEqual([seedPack.id]);
    data.learners[0]!.attempts[0]!.correct = false;
    expect(store.classData([], '9.9.9').learners[0]!.attempts[0]!.correct).toBe(true);
  });

  it('needs open() first', () => {
    expect(() => new ClassStore(dataDir).classData([], '0.1.0')).toThrow(/open\(\)/);
  });
});
