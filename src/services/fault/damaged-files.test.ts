/**
 * Damaged and foreign store files, for the learner's snapshot and for the index (`learners.json`):
 * cut off, empty, zero bytes, not JSON, the wrong shape, or written by a newer version. (Damage to a
 * learner's journal is in journal.test.ts.)
 *
 * - Damaged: the file is moved into `<dataDir>/damaged/` with its bytes exactly as they were, the
 *   newest backup that reads cleanly is restored, and a notice says what happened and what was lost.
 *   Nothing a backup held is lost. For a learner, the journal's answers after the backup come back on
 *   top of it, and the notice says how many, and whether any between the two are missing. With no
 *   usable backup the file is still set aside, never deleted, the store starts empty for it (or from
 *   the journal) and the notice says that no backup could be used.
 * - Newer version: left byte for byte as it is, a notice says it is open read-only, writes are refused
 *   with `read-only` and change nothing on disk.
 * - Temporary files left by a killed writer are removed on open; a learner's file that the index does
 *   not list is listed again.
 *
 * The history is written by a real ProgressStore across simulated time (only `Date` is faked), so the
 * backups are the ones the store takes itself: at most one every two minutes per file.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../shared/contract';
import { ApiError, type ErrorCode } from '../../shared/errors';
import type { Attempt, Learner } from '../../shared/progress';
import { ProgressStore } from '../store/progress-store';
import { Backups } from '../store/store-file';
import { snapshot, validAttempt } from './fixtures';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const MINUTE = 60_000;

let root: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-damaged-'));
  dataDir = join(root, 'data');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
  rmSync(root, { recursive: true, force: true });
});

interface History {
  ana: Learner;
  ben: Learner;
  cleo: Learner;
  /** Everything Ana answered, in order: a1..a3 before her newest backup, a4 and a5 after it. */
  anaAttempts: Attempt[];
  cleoAttempts: Attempt[];
}

/**
 * T0: Ana and Ben are created (the index is backed up after each write), Ana answers three times (her
 * first answer creates her snapshot, empty, and its first backup; the answers go to her journal).
 * T0+3 min: her journal is folded into her snapshot, and its newest backup holds her first three
 * answers. T0+5 min: Cleo is created (the index's backup now holds all three), Ana answers twice
 * more (in her journal, after the snapshot) and Cleo once. Then the app is closed; it is opened again
 * at T0+10 min.
 */
async function writeHistory(): Promise<History> {
  const store = new ProgressStore(dataDir);
  const ana = await store.createLearner('Ana');
  const ben = await store.createLearner('Ben');
  const anaAttempts: Attempt[] = [];
  const answer = async (learner: Learner, into: Attempt[]) => {
    const attempt = validAttempt(learner.id, { itemId: `item-${into.length + 1}` });
    await store.addAttempt(attempt);
    into.push(attempt);
  };
  for (let n = 0; n < 3; n++) await answer(ana, anaAttempts);
  vi.setSystemTime(T0 + 3 * MINUTE);
  await store.compact();
  vi.setSystemTime(T0 + 5 * MINUTE);
  const cleo = await store.createLearner('Cleo');
  const cleoAttempts: Attempt[] = [];
  for (let n = 0; n < 2; n++) await answer(ana, anaAttempts);
  await answer(cleo, cleoAttempts);
  await store.settled();
  vi.setSystemTime(T0 + 10 * MINUTE);
  expect(store.notices()).toEqual([]);
  return { ana, ben, cleo, anaAttempts, cleoAttempts };
}

const indexPath = () => join(dataDir, 'learners.json');
const learnerPath = (id: string) => join(dataDir, 'learners', `${id}.json`);
const damagedDir = () => join(dataDir, 'damaged');

function damagedFiles(): string[] {
  return existsSync(damagedDir()) ? readdirSync(damagedDir()).map((name) => join(damagedDir(), name)) : [];
}

async function newestBackup(path: string): Promise<{ path: string; data: Record<string, unknown> }> {
  const [newest] = await new Backups(dataDir).list(path);
  if (!newest) throw new Error(`no backup of ${path}`);
  return { path: newest, data: JSON.parse(readFileSync(newest, 'utf8')) as Record<string, unknown> };
}

async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<ApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a rejection with code ${code}`).toBeInstanceOf(ApiError);
  expect((caught as ApiError).code, (caught as Error).message).toBe(code);
  return caught as ApiError;
}

const ids = (attempts: Attempt[]) => attempts.map((attempt) => attempt.id);
const byTitle = (notices: Notice[], part: string) => notices.filter((notice) => notice.title.includes(part));

interface Damage {
  name: string;
  /** What the notice gives as the reason. */
  reason: string;
  make: (original: Buffer, list: 'attempts' | 'learners') => Buffer;
}

const DAMAGES: Damage[] = [
  {
    name: 'cut off in the middle',
    reason: 'it is not complete JSON',
    make: (original) => original.subarray(0, Math.floor(original.length / 2)),
  },
  { name: 'empty', reason: 'it is empty', make: () => Buffer.alloc(0) },
  { name: 'all NUL bytes', reason: 'it holds only zero bytes', make: (original) => Buffer.alloc(original.length, 0) },
  {
    name: 'not JSON',
    reason: 'it is not complete JSON',
    make: () => Buffer.from('{"schemaVersion": 1, "learners": [{"id": ]}\n'),
  },
  {
    name: 'valid JSON of the wrong shape',
    reason: 'its contents are not valid',
    make: (original, list) => {
      const data = JSON.parse(original.toString('utf8')) as Record<string, unknown>;
      return Buffer.from(JSON.stringify({ ...data, [list]: [{ id: 42, name: null }] }));
    },
  },
];

describe.each([
  { target: 'the learner file' as const, title: "Ana's progress" },
  { target: 'the index' as const, title: 'The list of learners' },
])('$target', ({ target, title }) => {
  const pathOf = (history: History) => (target === 'the index' ? indexPath() : learnerPath(history.ana.id));
  const list = target === 'the index' ? 'learners' : 'attempts';

  describe.each(DAMAGES)('$name', (damage) => {
    it('is set aside with its bytes, the newest valid backup is restored, and a notice says so', async () => {
      const history = await writeHistory();
      const path = pathOf(history);
      const backup = await newestBackup(path);
      const damaged = damage.make(readFileSync(path), list);
      writeFileSync(path, damaged);

      const store = new ProgressStore(dataDir);
      await store.open();

      // Set aside, byte for byte, never deleted.
      const [setAside, ...more] = damagedFiles();
      expect(more).toEqual([]);
      expect(readFileSync(setAside!).equals(damaged), 'the damaged file is kept exactly as it was').toBe(true);

      // A notice saying what happened, why, where the file went and what was lost.
      const notices = store.notices();
      const [restored, ...otherRestored] = byTitle(notices, 'restored from a backup');
      expect(otherRestored).toEqual([]);
      expect(restored).toMatchObject({ severity: 'warning', title: `${title} was damaged and has been restored from a backup` });
      expect(restored!.text).toContain(damage.reason);
      expect(restored!.text).toContain(setAside);

      if (target === 'the learner file') {
        expect(notices).toHaveLength(1);
        // What the backup held (the first three answers), and on top of it the two in the journal: nothing lost.
        expect(restored!.text).toContain(
          'The 2 answers saved after that backup were recovered from the journal of recent answers, so nothing was lost.',
        );
        const attempts = await store.attempts(history.ana.id);
        expect(attempts.slice(0, 3)).toEqual(backup.data.attempts);
        expect(ids(attempts)).toEqual(ids(history.anaAttempts));
        expect(await store.attempts(history.cleo.id)).toEqual(history.cleoAttempts);
        expect((await store.listLearners()).map((learner) => learner.name)).toEqual(['Ana', 'Ben', 'Cleo']);
      } else {
        expect(restored!.text).toContain('Anything saved after that backup could not be recovered');
        // The index is backed up after every write: the backup lists every learner, by name.
        const learners = await store.listLearners();
        expect(learners).toEqual(backup.data.learners);
        expect(learners.map((learner) => learner.name)).toEqual(['Ana', 'Ben', 'Cleo']);
        expect(byTitle(notices, 'A learner was found again')).toEqual([]);
        expect(notices).toHaveLength(1);
        expect(await store.attempts(history.ana.id)).toEqual(history.anaAttempts);
        expect(await store.attempts(history.cleo.id)).toEqual(history.cleoAttempts);
      }

      // The restored file is on disk: the next start is clean, and the damaged file is still kept.
      const again = new ProgressStore(dataDir);
      await again.open();
      expect(again.notices()).toEqual([]);
      expect(await again.listLearners()).toEqual(await store.listLearners());
      expect(await again.attempts(history.ana.id)).toEqual(await store.attempts(history.ana.id));
      await again.addAttempt(validAttempt(history.ana.id));
      expect(readFileSync(setAside!).equals(damaged)).toBe(true);
    });

    it('without any backup is still set aside, the store starts empty for it, and the notice says no backup could be used', async () => {
      const history = await writeHistory();
      const path = pathOf(history);
      rmSync(new Backups(dataDir).folderFor(path), { recursive: true });
      const damaged = damage.make(readFileSync(path), list);
      writeFileSync(path, damaged);

      const store = new ProgressStore(dataDir);
      await store.open();

      const [setAside, ...more] = damagedFiles();
      expect(more).toEqual([]);
      expect(readFileSync(setAside!).equals(damaged)).toBe(true);
      const notices = store.notices();
      const [lost, ...otherLost] = byTitle(notices, 'no backup could be used');
      expect(otherLost).toEqual([]);
      expect(lost).toMatchObject({ severity: 'error', title: `${title} was damaged and no backup could be used` });
      expect(lost!.text).toContain(damage.reason);
      expect(lost!.text).toContain(setAside);

      if (target === 'the learner file') {
        expect(notices).toHaveLength(1);
        // Only what the journal held after the snapshot: the last two answers.
        expect(lost!.text).toContain(
          'it starts again from the journal of recent answers, which held the 2 answers saved last; anything saved before them could not be recovered.',
        );
        expect(ids(await store.attempts(history.ana.id))).toEqual(ids(history.anaAttempts.slice(3)));
        expect(await store.attempts(history.cleo.id)).toEqual(history.cleoAttempts);
      } else {
        expect(lost!.text).toContain('it starts again empty');
        // Learners with answers are found again from their own files; Ben, who never answered, is gone.
        expect(byTitle(notices, 'A learner was found again')).toHaveLength(2);
        expect(notices).toHaveLength(3);
        const learners = await store.listLearners();
        expect(learners.map((learner) => learner.id).sort()).toEqual([history.ana.id, history.cleo.id].sort());
        expect(await store.attempts(history.ana.id)).toEqual(history.anaAttempts);
        expect(await store.attempts(history.cleo.id)).toEqual(history.cleoAttempts);
      }

      const again = new ProgressStore(dataDir);
      await again.open();
      expect(again.notices()).toEqual([]);
      expect(readFileSync(setAside!).equals(damaged)).toBe(true);
    });
  });

  it('skips a damaged newest backup and restores the older one that reads cleanly', async () => {
    const history = await writeHistory();
    const path = pathOf(history);
    const [newest, older] = await new Backups(dataDir).list(path);
    expect(older, 'two backups were taken').toBeDefined();
    writeFileSync(newest!, readFileSync(newest!).subarray(0, 20));
    const olderData = JSON.parse(readFileSync(older!, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, '');

    const store = new ProgressStore(dataDir);
    await store.open();
    const [restored, ...others] = byTitle(store.notices(), 'restored from a backup');
    expect(others).toEqual([]);
    if (target === 'the learner file') {
      // The older backup is the empty snapshot of Ana's first answer; the journal starts after the fold of
      // her first three answers, so those are missing, and the notice says so.
      expect(olderData.attempts).toEqual([]);
      expect(ids(await store.attempts(history.ana.id))).toEqual(ids(history.anaAttempts.slice(3)));
      expect(restored!.text).toContain(
        '2 answers saved after that backup were recovered from the journal of recent answers; 3 changes saved between the backup and them could not be recovered.',
      );
    } else {
      expect((await store.listLearners()).filter((learner) => !learner.name.startsWith('Recovered'))).toEqual(olderData.learners);
    }
    expect(readFileSync(newest!).length, 'a damaged backup is left alone').toBe(20);
  });

  it('when every backup is damaged too, says that no backup could be used', async () => {
    const history = await writeHistory();
    const path = pathOf(history);
    for (const backup of await new Backups(dataDir).list(path)) writeFileSync(backup, '{"schemaVersion": 1');
    writeFileSync(path, Buffer.alloc(64, 0));

    const store = new ProgressStore(dataDir);
    await store.open();
    expect(byTitle(store.notices(), 'no backup could be used')).toHaveLength(1);
    expect(damagedFiles()).toHaveLength(1);
  });

  it('after a crash between setting the damaged file aside and restoring the backup, the next start still restores it', async () => {
    const history = await writeHistory();
    const path = pathOf(history);
    const backup = await newestBackup(path);
    mkdirSync(damagedDir());
    renameSync(path, join(damagedDir(), `${target === 'the index' ? 'learners' : history.ana.id}-2026-03-02T09-10-00.000Z.json`));

    const store = new ProgressStore(dataDir);
    await store.open();
    if (target === 'the learner file') {
      const attempts = await store.attempts(history.ana.id);
      expect(attempts.slice(0, 3), "Ana's progress is not silently reset").toEqual(backup.data.attempts);
      expect(ids(attempts), 'and her journal comes back on top of the backup').toEqual(ids(history.anaAttempts));
    } else {
      const learners = await store.listLearners();
      expect(learners, 'the learners the backup held are listed by their names').toEqual(backup.data.learners);
    }
  });

  it('from a newer version is left untouched, opened read-only with a notice, and refuses writes', async () => {
    const history = await writeHistory();
    const path = pathOf(history);
    const future = { ...(JSON.parse(readFileSync(path, 'utf8')) as object), schemaVersion: 99, somethingNew: { kept: true } };
    writeFileSync(path, JSON.stringify(future, null, 1));
    const before = snapshot(dataDir);

    const store = new ProgressStore(dataDir);
    await store.open();
    const notices = store.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'warning', title: `${title} comes from a newer version of Sourcewise` });
    expect(notices[0]!.text).toContain('format 99');
    expect(notices[0]!.text).toContain('left untouched and is open read-only');
    expect(snapshot(dataDir), 'opening changed nothing on disk').toEqual(before);

    if (target === 'the learner file') {
      const refused = await rejection(store.addAttempt(validAttempt(history.ana.id)), 'read-only');
      expect(refused.message).toContain('newer version of Sourcewise');
      await rejection(store.startNewRound(history.ana.id, 'pack-a'), 'read-only');
      await rejection(store.deleteLearner(history.ana.id), 'read-only');
      expect(snapshot(dataDir), 'refused writes changed nothing on disk').toEqual(before);
      // Only Ana's file is read-only: the others, and the index, stay writable.
      await store.addAttempt(validAttempt(history.cleo.id));
    } else {
      const refused = await rejection(store.createLearner('Dara'), 'read-only');
      expect(refused.message).toContain('newer version of Sourcewise');
      expect(snapshot(dataDir), 'refused writes changed nothing on disk').toEqual(before);
    }
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(future, null, 1));
  });
});

it('a newer index refuses a learner write as read-only, not as a missing learner', async () => {
  const history = await writeHistory();
  const future = { ...(JSON.parse(readFileSync(indexPath(), 'utf8')) as object), schemaVersion: 99 };
  writeFileSync(indexPath(), JSON.stringify(future));
  const before = snapshot(dataDir);
  const store = new ProgressStore(dataDir);
  await store.open();
  await rejection(store.addAttempt(validAttempt(history.ana.id)), 'read-only');
  await rejection(store.renameLearner(history.ana.id, 'Anna'), 'read-only');
  expect(snapshot(dataDir)).toEqual(before);
});

describe('opening', () => {
  it('removes temporary files a killed writer left in the data folder and the learners folder, and nothing else', async () => {
    const history = await writeHistory();
    const leftovers = [
      join(dataDir, '.learners.json.4242.a1b2c3d4e5f6.tmp'),
      join(dataDir, 'learners', `.${history.ana.id}.json.4242.0a0b0c0d0e0f.tmp`),
      join(dataDir, 'learners', 'half-written.tmp'),
    ];
    for (const leftover of leftovers) writeFileSync(leftover, '{"schemaVersion": 1, "attem');
    writeFileSync(join(dataDir, 'notes.txt'), 'not ours to remove');
    const before = snapshot(dataDir);

    const store = new ProgressStore(dataDir);
    await store.open();
    expect(store.notices()).toEqual([]);
    for (const leftover of leftovers) expect(existsSync(leftover), leftover).toBe(false);
    const after = snapshot(dataDir);
    const expected = Object.fromEntries(Object.entries(before).filter(([name]) => !name.endsWith('.tmp')));
    expect(after).toEqual(expected);
    expect(await store.attempts(history.ana.id)).toEqual(history.anaAttempts);
  });

  it('lists again, with a notice, a learner whose file holds answers but whom the index does not list', async () => {
    const history = await writeHistory();
    const index = JSON.parse(readFileSync(indexPath(), 'utf8')) as { learners: Learner[] };
    writeFileSync(
      indexPath(),
      JSON.stringify({ ...index, learners: index.learners.filter((learner) => learner.id !== history.ana.id) }),
    );

    const store = new ProgressStore(dataDir);
    await store.open();
    const notices = store.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'warning', title: 'A learner was found again' });
    expect(notices[0]!.text).toContain('5 answers');
    const recovered = (await store.listLearners()).find((learner) => learner.id === history.ana.id);
    expect(recovered?.name).toBe(`Recovered learner ${history.ana.id.slice(0, 4)}`);
    expect(notices[0]!.text).toContain(recovered!.name);
    expect(await store.attempts(history.ana.id)).toEqual(history.anaAttempts);

    // Listed on disk too: the next start has nothing to recover.
    const again = new ProgressStore(dataDir);
    await again.open();
    expect(again.notices()).toEqual([]);
    expect((await again.listLearners()).map((learner) => learner.id)).toContain(history.ana.id);
  });
});
