/**
 * Learners and their progress on disk, with lowdb: a small index of learners (`learners.json`) and
 * one file per learner (`learners/<id>.json`). Every write is durable before it is acknowledged
 * (see DurableJsonFile); a write that fails leaves memory as it was on disk and says why.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { ApiError } from '../shared/errors';
import { LearnerId, type Attempt, type Learner } from '../shared/progress';
import { DurableJsonFile } from './durable-json-file';

export const STORE_SCHEMA_VERSION = 1;

interface LearnerIndex {
  schemaVersion: number;
  learners: Learner[];
}

interface LearnerFile {
  schemaVersion: number;
  learnerId: string;
  /** The current round per pack; absent means round 1. */
  rounds: Record<string, number>;
  attempts: Attempt[];
}

export class ProgressStore {
  private readonly dataDir: string;
  private index: Low<LearnerIndex> | undefined;
  private readonly files = new Map<string, Low<LearnerFile>>();

  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  private async openIndex(): Promise<Low<LearnerIndex>> {
    if (this.index) return this.index;
    await mkdir(join(this.dataDir, 'learners'), { recursive: true });
    const db = new Low<LearnerIndex>(new DurableJsonFile(join(this.dataDir, 'learners.json')), {
      schemaVersion: STORE_SCHEMA_VERSION,
      learners: [],
    });
    await db.read();
    this.index = db;
    return db;
  }

  /** The path of a learner's file; the id is checked first so that it can never leave the data folder. */
  private learnerPath(learnerId: string): string {
    if (!LearnerId.safeParse(learnerId).success)
      throw new ApiError('invalid-input', `"${learnerId.slice(0, 60)}" is not a learner id`);
    return join(this.dataDir, 'learners', `${learnerId}.json`);
  }

  private async openLearner(learnerId: string): Promise<Low<LearnerFile>> {
    await this.requireLearner(learnerId);
    const open = this.files.get(learnerId);
    if (open) return open;
    const db = new Low<LearnerFile>(new DurableJsonFile(this.learnerPath(learnerId)), {
      schemaVersion: STORE_SCHEMA_VERSION,
      learnerId,
      rounds: {},
      attempts: [],
    });
    await db.read();
    this.files.set(learnerId, db);
    return db;
  }

  async listLearners(): Promise<Learner[]> {
    const index = await this.openIndex();
    return [...index.data.learners].sort((a, b) => a.name.localeCompare(b.name));
  }

  async requireLearner(learnerId: string): Promise<Learner> {
    this.learnerPath(learnerId);
    const index = await this.openIndex();
    const learner = index.data.learners.find((candidate) => candidate.id === learnerId);
    if (!learner) throw new ApiError('not-found', 'this learner no longer exists on this computer');
    return learner;
  }

  async createLearner(name: string): Promise<Learner> {
    const index = await this.openIndex();
    this.refuseDuplicateName(index.data.learners, name);
    const learner: Learner = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await commit(index, (data) => ({ ...data, learners: [...data.learners, learner] }));
    return learner;
  }

  async renameLearner(learnerId: string, name: string): Promise<Learner> {
    const index = await this.openIndex();
    const learner = await this.requireLearner(learnerId);
    this.refuseDuplicateName(
      index.data.learners.filter((other) => other.id !== learnerId),
      name,
    );
    const renamed = { ...learner, name };
    await commit(index, (data) => ({
      ...data,
      learners: data.learners.map((other) => (other.id === learnerId ? renamed : other)),
    }));
    return renamed;
  }

  async deleteLearner(learnerId: string): Promise<void> {
    const index = await this.openIndex();
    await this.requireLearner(learnerId);
    await commit(index, (data) => ({ ...data, learners: data.learners.filter((other) => other.id !== learnerId) }));
    this.files.delete(learnerId);
    await rm(this.learnerPath(learnerId), { force: true });
  }

  private refuseDuplicateName(learners: Learner[], name: string): void {
    if (learners.some((other) => other.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new ApiError('conflict', `there is already a learner called "${name}" on this computer; choose another name`);
    }
  }

  async attempts(learnerId: string): Promise<Attempt[]> {
    return (await this.openLearner(learnerId)).data.attempts;
  }

  async round(learnerId: string, packId: string): Promise<number> {
    return (await this.openLearner(learnerId)).data.rounds[packId] ?? 1;
  }

  async rounds(learnerId: string): Promise<Record<string, number>> {
    return (await this.openLearner(learnerId)).data.rounds;
  }

  /** Resolves only once the attempt is on disk. */
  async addAttempt(attempt: Attempt): Promise<void> {
    const db = await this.openLearner(attempt.learnerId);
    await commit(db, (data) => ({ ...data, attempts: [...data.attempts, attempt] }));
  }

  async startNewRound(learnerId: string, packId: string): Promise<number> {
    const db = await this.openLearner(learnerId);
    const next = (db.data.rounds[packId] ?? 1) + 1;
    await commit(db, (data) => ({ ...data, rounds: { ...data.rounds, [packId]: next } }));
    return next;
  }
}

/**
 * Writes the next state of a file; only once the write succeeded does it replace the state in
 * memory. A failed write therefore changes nothing, in memory or on disk. `next` must return new
 * objects rather than mutate, so that the state in memory stays what is on disk until then.
 */
async function commit<T>(db: Low<T>, next: (data: T) => T): Promise<void> {
  const draft = next(db.data);
  try {
    await db.adapter.write(draft);
  } catch (error) {
    throw storageError(error);
  }
  db.data = draft;
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
