/**
 * Learners and their progress on disk, with lowdb: a small index of learners (`learners.json`) and
 * one file per learner (`learners/<id>.json`).
 *
 * - Every write is durable before it is acknowledged (DurableJsonFile), and a write that fails
 *   leaves memory as it was on disk and says why.
 * - On first use every file is read, migrated and validated (`openStoreFile`): a damaged file is set
 *   aside and restored from the newest valid backup, a file from a newer version is opened read-only,
 *   and each of these leaves a notice for the UI. Temporary files left by a killed writer are removed.
 * - Rolling backups are taken before writes (at most one every few minutes per file).
 * - The caller holds the data folder's lock (`acquireDataLock`), so this process is the only writer.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { Notice } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { Attempt, Learner, LearnerId } from '../shared/progress';
import { DurableJsonFile } from './durable-json-file';
import { StoredCard } from './review-schedule';
import { Backups, openStoreFile, removeStaleTempFiles, type StoreFileSpec } from './store-file';

/**
 * The store's format. Raise it when the shape of a file changes, add the migration from the previous
 * version to INDEX_SPEC / learnerSpec below, and a fixture of the old format to the tests.
 */
export const STORE_SCHEMA_VERSION = 2 as const;

const LearnerIndex = z.object({ schemaVersion: z.literal(STORE_SCHEMA_VERSION), learners: z.array(Learner) });
type LearnerIndex = z.infer<typeof LearnerIndex>;

const LearnerFile = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  learnerId: LearnerId,
  /** The current round per pack; absent means round 1. */
  rounds: z.record(z.string(), z.number().int().min(1)),
  attempts: z.array(Attempt),
  /** Review cards of items in spaced review, by `packId/itemId` (format 2). */
  reviews: z.record(z.string(), StoredCard),
});
type LearnerFile = z.infer<typeof LearnerFile>;

const INDEX_SPEC: StoreFileSpec<LearnerIndex> = {
  describe: 'the list of learners',
  schema: LearnerIndex,
  version: STORE_SCHEMA_VERSION,
  // Format 2 changed only learner files; the index just says which format its folder is in.
  migrations: { 1: (data) => data },
};

function learnerSpec(name: string): StoreFileSpec<LearnerFile> {
  return {
    describe: `${name}'s progress`,
    schema: LearnerFile,
    version: STORE_SCHEMA_VERSION,
    // Format 2 added spaced review: no card yet for anything answered before.
    migrations: { 1: (data) => ({ ...data, reviews: {} }) },
  };
}

interface OpenFile<T> {
  db: Low<T>;
  readOnly: boolean;
  /** The commit in progress, which the next one waits for. */
  queue: Promise<unknown>;
}

export class ProgressStore {
  private readonly dataDir: string;
  private readonly backups: Backups;
  private opening: Promise<void> | undefined;
  private index: OpenFile<LearnerIndex> | undefined;
  private readonly files = new Map<string, OpenFile<LearnerFile>>();
  private readonly noticeList: Notice[] = [];

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.backups = new Backups(dataDir);
  }

  private get learnersDir(): string {
    return join(this.dataDir, 'learners');
  }

  /** Reads and checks every file once; every other method waits for it. */
  open(): Promise<void> {
    this.opening ??= this.openAll();
    return this.opening;
  }

  private async openAll(): Promise<void> {
    await mkdir(this.learnersDir, { recursive: true });
    await removeStaleTempFiles(this.dataDir, '.learners.json.');
    await removeStaleTempFiles(this.learnersDir);

    const indexPath = join(this.dataDir, 'learners.json');
    const opened = await openStoreFile(indexPath, INDEX_SPEC, this.backups);
    this.noticeList.push(...opened.notices);
    this.index = {
      db: lowOver<LearnerIndex>(indexPath, opened.data ?? { schemaVersion: STORE_SCHEMA_VERSION, learners: [] }),
      readOnly: opened.readOnly,
      queue: Promise.resolve(),
    };

    for (const learner of this.index.db.data.learners) await this.openLearnerFile(learner);
    if (!this.index.readOnly) await this.recoverOrphans();
  }

  private async openLearnerFile(learner: Learner): Promise<OpenFile<LearnerFile>> {
    const path = this.learnerPath(learner.id);
    const opened = await openStoreFile(path, learnerSpec(learner.name), this.backups);
    this.noticeList.push(...opened.notices);
    const file = {
      db: lowOver<LearnerFile>(
        path,
        opened.data ?? { schemaVersion: STORE_SCHEMA_VERSION, learnerId: learner.id, rounds: {}, attempts: [], reviews: {} },
      ),
      readOnly: opened.readOnly,
      queue: Promise.resolve(),
    };
    this.files.set(learner.id, file);
    return file;
  }

  /**
   * A learner's file that the index does not list (the index was restored from an older backup, say)
   * is progress that must not vanish: the learner is listed again under a name that says so.
   */
  private async recoverOrphans(): Promise<void> {
    const known = new Set(this.index!.db.data.learners.map((learner) => learner.id));
    for (const name of await readdir(this.learnersDir)) {
      const id = name.replace(/\.json$/, '');
      if (!name.endsWith('.json') || known.has(id) || !LearnerId.safeParse(id).success) continue;
      const learner: Learner = { id, name: `Recovered learner ${id.slice(0, 4)}`, createdAt: new Date().toISOString() };
      const file = await this.openLearnerFile(learner);
      if (file.db.data.attempts.length === 0) continue;
      await this.commit(this.index!, (data) => ({ ...data, learners: [...data.learners, learner] }));
      this.noticeList.push({
        id: `orphan:${id}`,
        severity: 'warning',
        title: 'A learner was found again',
        text: `Progress with ${file.db.data.attempts.length} answers was on this computer but missing from the list of learners. It is listed again as “${learner.name}”; rename it to the learner's own name.`,
      });
    }
  }

  notices(): Notice[] {
    return [...this.noticeList];
  }

  dismissNotice(id: string): void {
    const index = this.noticeList.findIndex((notice) => notice.id === id);
    if (index >= 0) this.noticeList.splice(index, 1);
  }

  /** The path of a learner's file; the id is checked first so that it can never leave the data folder. */
  private learnerPath(learnerId: string): string {
    if (!LearnerId.safeParse(learnerId).success)
      throw new ApiError('invalid-input', `"${learnerId.slice(0, 60)}" is not a learner id`);
    return join(this.learnersDir, `${learnerId}.json`);
  }

  private async openIndex(): Promise<OpenFile<LearnerIndex>> {
    await this.open();
    return this.index!;
  }

  private async learnerFile(learnerId: string): Promise<OpenFile<LearnerFile>> {
    const learner = await this.requireLearner(learnerId);
    return this.files.get(learnerId) ?? this.openLearnerFile(learner);
  }

  async listLearners(): Promise<Learner[]> {
    const index = await this.openIndex();
    return [...index.db.data.learners].sort((a, b) => a.name.localeCompare(b.name));
  }

  async requireLearner(learnerId: string): Promise<Learner> {
    this.learnerPath(learnerId);
    const index = await this.openIndex();
    const learner = index.db.data.learners.find((candidate) => candidate.id === learnerId);
    // A list of learners from a newer version may not be readable at all: refuse as read-only, not as gone.
    if (!learner && index.readOnly) throw readOnlyError();
    if (!learner) throw new ApiError('not-found', 'this learner no longer exists on this computer');
    return learner;
  }

  async createLearner(name: string): Promise<Learner> {
    const index = await this.openIndex();
    const learner: Learner = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await this.commit(index, (data) => {
      this.refuseDuplicateName(data.learners, name);
      return { ...data, learners: [...data.learners, learner] };
    });
    return learner;
  }

  async renameLearner(learnerId: string, name: string): Promise<Learner> {
    this.learnerPath(learnerId);
    const index = await this.openIndex();
    const learner = await this.requireLearner(learnerId);
    const renamed = { ...learner, name };
    await this.commit(index, (data) => {
      this.refuseDuplicateName(
        data.learners.filter((other) => other.id !== learnerId),
        name,
      );
      return { ...data, learners: data.learners.map((other) => (other.id === learnerId ? renamed : other)) };
    });
    return renamed;
  }

  /** Removes the learner from the list; their file goes to the backups folder, not to nothing. */
  async deleteLearner(learnerId: string): Promise<void> {
    this.learnerPath(learnerId);
    const index = await this.openIndex();
    await this.requireLearner(learnerId);
    const path = this.learnerPath(learnerId);
    const file = this.files.get(learnerId);
    if (file?.readOnly) throw readOnlyError();
    await this.commit(index, (data) => ({ ...data, learners: data.learners.filter((other) => other.id !== learnerId) }));
    this.files.delete(learnerId);
    await this.backups.take(path, 'before-restore');
    await rm(path, { force: true });
  }

  private refuseDuplicateName(learners: Learner[], name: string): void {
    if (learners.some((other) => other.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new ApiError('conflict', `there is already a learner called "${name}" on this computer; choose another name`);
    }
  }

  async attempts(learnerId: string): Promise<Attempt[]> {
    return (await this.learnerFile(learnerId)).db.data.attempts;
  }

  async round(learnerId: string, packId: string): Promise<number> {
    return (await this.learnerFile(learnerId)).db.data.rounds[packId] ?? 1;
  }

  async rounds(learnerId: string): Promise<Record<string, number>> {
    return (await this.learnerFile(learnerId)).db.data.rounds;
  }

  async reviews(learnerId: string): Promise<Record<string, StoredCard>> {
    return (await this.learnerFile(learnerId)).db.data.reviews;
  }

  /** Resolves only once the attempt (and the item's review card, if given) is on disk, in one write. */
  async addAttempt(attempt: Attempt, review?: { key: string; card: StoredCard }): Promise<void> {
    const file = await this.learnerFile(attempt.learnerId);
    await this.commit(file, (data) => ({
      ...data,
      attempts: [...data.attempts, attempt],
      reviews: review ? { ...data.reviews, [review.key]: review.card } : data.reviews,
    }));
  }

  async startNewRound(learnerId: string, packId: string): Promise<number> {
    const file = await this.learnerFile(learnerId);
    let next = 0;
    await this.commit(file, (data) => {
      next = (data.rounds[packId] ?? 1) + 1;
      return { ...data, rounds: { ...data.rounds, [packId]: next } };
    });
    return next;
  }

  /**
   * Writes the next state of a file; only once the write succeeded does it replace the state in
   * memory. A failed write therefore changes nothing, in memory or on disk. Commits to one file run
   * one after another, each computing its next state from the one before, so that two answers in
   * flight at once are both kept. `next` may throw (a duplicate name, say) to change nothing, and
   * must return new objects rather than mutate.
   */
  private commit<T>(file: OpenFile<T>, next: (data: T) => T): Promise<void> {
    const run = file.queue.then(async () => {
      if (file.readOnly || this.index?.readOnly) throw readOnlyError();
      const adapter = file.db.adapter as DurableJsonFile<T>;
      const draft = next(file.db.data);
      try {
        await this.backups.maybeTake(adapter.path);
        await adapter.write(draft);
      } catch (error) {
        throw storageError(error);
      }
      file.db.data = draft;
    });
    file.queue = run.catch(() => undefined);
    return run;
  }
}

function lowOver<T>(path: string, data: T): Low<T> {
  const db = new Low<T>(new DurableJsonFile<T>(path), data);
  db.data = data;
  return db;
}

function readOnlyError(): ApiError {
  return new ApiError(
    'read-only',
    'Progress could not be saved: this data was written by a newer version of Sourcewise and is open read-only. Update Sourcewise to keep working.',
  );
}

function storageError(error: unknown): ApiError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'the data folder cannot be written to'
        : `the disk reported ${code ?? (error as Error).message}`;
  return new ApiError(
    'storage-failed',
    `Progress could not be saved: ${reason}. Nothing was lost; your answer is kept so you can try again.`,
  );
}
