/**
 * Learners and their progress on disk: a small index of learners (`learners.json`, lowdb), and per
 * learner a snapshot (`learners/<id>.json`, lowdb) and a journal of the changes since it
 * (`learners/<id>.journal`, see progress-journal.ts).
 *
 * - Every write is durable before it is acknowledged, and a write that fails leaves memory as it was
 *   on disk and says why. An answer or a new round is one line appended to the journal and flushed:
 *   its cost does not grow with the learner's history. The index is rewritten whole (it is small).
 * - The journal is folded into a new snapshot in the background when it passes a size, and at the
 *   first write of a session that finds it non-empty. The snapshot is serialised in slices and written
 *   while answers go on being appended; only then does the journal drop what the snapshot holds. A crash at any step leaves a snapshot and a
 *   journal that together hold every acknowledged change (records carry a sequence number and the
 *   snapshot says up to which one it holds).
 * - On first use every file is read, migrated and validated (`openStoreFile`): a damaged file is set
 *   aside and restored from the newest valid backup (and the journal replayed on top), a file from a
 *   newer version is opened read-only, a damaged journal line is reported, and each of these leaves a
 *   notice for the UI. Temporary files left by a killed writer are removed. A journal's unfinished
 *   last line (a write that was never acknowledged) is ignored without a notice.
 * - Rolling backups: of the index after each write, of a learner's snapshot each time it is written
 *   (before the journal drops what it holds), so that a damaged file is restored without loss.
 * - Each learner's state stays in memory once read; reads never parse the files again.
 * - The caller holds the data folder's lock (`acquireDataLock`), so this process is the only writer.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Notice } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { Attempt, Learner, LearnerId } from '../../shared/progress';
import type { StoreDb } from './durable-json-file';
import {
  encodeRecord,
  JOURNAL_SUFFIX,
  JournalWriter,
  readJournal,
  type JournalContents,
  type JournalRecord,
} from './progress-journal';
import { StoredCard } from './review-schedule';
import { storageFailure } from './storage-error';
import { Backups, copyToDamaged, openStoreFile, removeStaleTempFiles, type StoreFileSpec } from './store-file';
import { NoticeList } from '../notice-list';
import { PRIVATE_MKDIR } from './private-files';

/**
 * The store's format. Raise it when the shape of a file changes (the journal's records included),
 * add the migration from the previous version to INDEX_SPEC / learnerSpec below, and a fixture of the
 * old format to src/services/store/migrations.test.ts. A migration that changes the journal's records must
 * fold the old journal into the snapshot first: the snapshot's version is the journal's.
 */
export const STORE_SCHEMA_VERSION = 3 as const;

/** The journal is folded into a new snapshot once it holds this many records… */
export const COMPACT_AFTER_RECORDS = 1000;
/** …or this many bytes, whichever comes first. */
export const COMPACT_AFTER_BYTES = 1024 * 1024;

/**
 * Attempts serialised per slice of a fold before giving way to other work (answers, requests): a
 * fifth of a millisecond or so. An answer given during a fold waits about one slice at each of its
 * steps (500 made it wait 12–17 ms in all; 100, 5–7 ms, with the fold no slower).
 */
export const FOLD_SLICE = 100;

export interface ProgressStoreOptions {
  /** Journal records after which it is folded into the snapshot (tests use small numbers). */
  compactAfterRecords?: number;
  compactAfterBytes?: number;
}

const LearnerIndex = z.object({ schemaVersion: z.literal(STORE_SCHEMA_VERSION), learners: z.array(Learner) });
type LearnerIndex = z.infer<typeof LearnerIndex>;

const LearnerFile = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  learnerId: LearnerId,
  /** The last journal record this snapshot holds (format 3); the journal's later records come on top. */
  seq: z.number().int().min(0),
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
  // Formats 2 and 3 changed only learner files; the index just says which format its folder is in.
  migrations: { 1: (data) => data, 2: (data) => data },
};

function learnerSpec(name: string, journal: JournalContents): StoreFileSpec<LearnerFile> {
  return {
    describe: `${name}'s progress`,
    schema: LearnerFile,
    version: STORE_SCHEMA_VERSION,
    migrations: {
      // Format 2 added spaced review: no card yet for anything answered before.
      1: (data) => ({ ...data, reviews: {} }),
      // Format 3 added the journal: a format-2 file is a snapshot with nothing after it.
      2: (data) => ({ ...data, seq: 0 }),
    },
    recovered: (restored, outcome) => describeRecovery(restored, outcome, journal),
  };
}

interface OpenFile<T> {
  db: StoreDb<T>;
  readOnly: boolean;
  /** The commit in progress, which the next one waits for. */
  queue: Promise<unknown>;
}

/** One learner's progress: the snapshot's lowdb, whose data in memory runs ahead of it by the journal. */
interface OpenLearner extends OpenFile<LearnerFile> {
  path: string;
  journal: JournalWriter;
  /** Whether the snapshot exists on disk; the learner's first write creates it. */
  hasSnapshot: boolean;
  /** The journal held records when this process read it: the first write folds them into a snapshot. */
  foldAtFirstWrite: boolean;
  /** While a snapshot is being written: the journal lines appended since its state was taken. */
  linesSinceSnapshot: Buffer[] | undefined;
  /** The fold in progress, if any. */
  folding: Promise<{ error: unknown } | undefined> | undefined;
  /** After a fold failed, the next is tried once the journal holds this many records. */
  retryAtRecords: number;
  /** Set once the learner is deleted: nothing more is written for them. */
  deleted: boolean;
}

export class ProgressStore {
  private readonly dataDir: string;
  private readonly backups: Backups;
  private readonly compactAfterRecords: number;
  private readonly compactAfterBytes: number;
  private opening: Promise<void> | undefined;
  private index: OpenFile<LearnerIndex> | undefined;
  private readonly files = new Map<string, Promise<OpenLearner>>();
  private readonly noticeList = new NoticeList();

  constructor(dataDir: string, options: ProgressStoreOptions = {}) {
    this.dataDir = dataDir;
    this.backups = new Backups(dataDir);
    this.compactAfterRecords = options.compactAfterRecords ?? COMPACT_AFTER_RECORDS;
    this.compactAfterBytes = options.compactAfterBytes ?? COMPACT_AFTER_BYTES;
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
    await mkdir(this.learnersDir, PRIVATE_MKDIR);
    await removeStaleTempFiles(this.dataDir, '.learners.json.');
    await removeStaleTempFiles(this.learnersDir);

    const indexPath = join(this.dataDir, 'learners.json');
    const opened = await openStoreFile(indexPath, INDEX_SPEC, this.backups, {
      schemaVersion: STORE_SCHEMA_VERSION,
      learners: [],
    });
    this.noticeList.add(...opened.notices);
    this.index = {
      db: opened.db,
      readOnly: opened.readOnly,
      queue: Promise.resolve(),
    };

    for (const learner of this.index.db.data.learners) await this.load(learner);
    if (!this.index.readOnly) await this.recoverOrphans();
  }

  /** The learner's progress, read once (concurrent callers share the one read). */
  private load(learner: Learner): Promise<OpenLearner> {
    let file = this.files.get(learner.id);
    if (!file) {
      file = this.openLearnerFile(learner);
      this.files.set(learner.id, file);
      file.catch(() => this.files.delete(learner.id));
    }
    return file;
  }

  private async openLearnerFile(learner: Learner): Promise<OpenLearner> {
    const path = this.learnerPath(learner.id);
    const journalPath = this.journalPath(learner.id);
    const journal = await readJournal(journalPath, learner.id);
    const opened = await openStoreFile(
      path,
      learnerSpec(learner.name, journal),
      this.backups,
      emptyLearnerFile(learner.id),
      serialiseInSlices,
    );
    this.noticeList.add(...opened.notices);
    const snapshot = opened.db.data;
    // The state in memory: the snapshot, then every journal record it does not hold yet.
    const data: LearnerFile = { ...snapshot, attempts: [...snapshot.attempts] };
    for (const record of journal.records) if (record.seq > data.seq) apply(data, record);
    opened.db.data = data;
    const file: OpenLearner = {
      db: opened.db,
      readOnly: opened.readOnly,
      queue: Promise.resolve(),
      path,
      journal: await JournalWriter.after(journalPath, journal),
      hasSnapshot: opened.data !== undefined && !opened.readOnly,
      foldAtFirstWrite: journal.records.length > 0,
      linesSinceSnapshot: undefined,
      folding: undefined,
      retryAtRecords: 0,
      deleted: false,
    };
    if (journal.damagedLines > 0 && !opened.readOnly) await this.setDamagedJournalAside(learner, file, journal);
    return file;
  }

  /**
   * Lines of the journal that cannot be read but have valid ones after them are damage, not an
   * unfinished append: the journal is copied to `damaged/` as it is, what could be read is kept, and
   * it is folded into a new snapshot at once, so that the damaged lines leave the live files.
   */
  private async setDamagedJournalAside(learner: Learner, file: OpenLearner, journal: JournalContents): Promise<void> {
    const { setAside, stamp } = await copyToDamaged(this.dataDir, file.journal.path);
    const lines = journal.damagedLines;
    this.noticeList.add({
      id: `damaged-journal:${learner.id}:${stamp}`,
      severity: 'warning',
      title: `${learner.name}'s progress was partly damaged`,
      text: `${lines} ${lines === 1 ? 'line' : 'lines'} of the journal of recent answers could not be read, so what ${lines === 1 ? 'it' : 'they'} held is missing. Everything else was kept. The journal as it was is in ${setAside}.`,
    });
    await this.fold(file);
  }

  /**
   * A learner's file that the index does not list (the index was restored from an older backup, say)
   * is progress that must not vanish: the learner is listed again under a name that says so.
   */
  private async recoverOrphans(): Promise<void> {
    const known = new Set(this.index!.db.data.learners.map((learner) => learner.id));
    const found = new Set<string>();
    for (const name of await readdir(this.learnersDir)) {
      // A snapshot, or a journal whose snapshot is gone.
      const id = name.replace(/\.json$|\.journal$/, '');
      if (id === name || known.has(id) || found.has(id) || !LearnerId.safeParse(id).success) continue;
      found.add(id);
      const learner: Learner = { id, name: `Recovered learner ${id.slice(0, 4)}`, createdAt: new Date().toISOString() };
      const file = await this.load(learner);
      if (file.db.data.attempts.length === 0) continue;
      await this.commit(this.index!, (data) => ({ ...data, learners: [...data.learners, learner] }));
      this.noticeList.add({
        id: `orphan:${id}`,
        severity: 'warning',
        title: 'A learner was found again',
        text: `Progress with ${file.db.data.attempts.length} answers was on this computer but missing from the list of learners. It is listed again as “${learner.name}”; rename it to the learner's own name.`,
      });
    }
  }

  notices(): Notice[] {
    return this.noticeList.all();
  }

  dismissNotice(id: string): void {
    this.noticeList.dismiss(id);
  }

  /** The path of a learner's file; the id is checked first so that it can never leave the data folder. */
  private learnerPath(learnerId: string): string {
    if (!LearnerId.safeParse(learnerId).success)
      throw new ApiError('invalid-input', `"${learnerId.slice(0, 60)}" is not a learner id`);
    return join(this.learnersDir, `${learnerId}.json`);
  }

  private journalPath(learnerId: string): string {
    this.learnerPath(learnerId);
    return join(this.learnersDir, `${learnerId}${JOURNAL_SUFFIX}`);
  }

  private async openIndex(): Promise<OpenFile<LearnerIndex>> {
    await this.open();
    return this.index!;
  }

  private async learnerFile(learnerId: string): Promise<OpenLearner> {
    return this.load(await this.requireLearner(learnerId));
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

  /** Removes the learner from the list; their progress goes to the backups folder, not to nothing. */
  async deleteLearner(learnerId: string): Promise<void> {
    this.learnerPath(learnerId);
    const index = await this.openIndex();
    const file = await this.learnerFile(learnerId);
    if (file.readOnly) throw readOnlyError();
    await this.commit(index, (data) => ({ ...data, learners: data.learners.filter((other) => other.id !== learnerId) }));
    this.files.delete(learnerId);
    await this.inQueue(file, async () => {
      file.deleted = true;
      // A snapshot still being written must land before the files go, or it would bring them back.
      await file.db.file.settled();
      if (file.hasSnapshot || file.journal.records > 0) {
        await this.backups.save(file.path, 'before-restore', JSON.stringify(file.db.data));
      }
      await rm(file.journal.path, { force: true });
      await rm(file.path, { force: true });
    });
  }

  private refuseDuplicateName(learners: Learner[], name: string): void {
    if (learners.some((other) => other.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new ApiError('conflict', `there is already a learner called "${name}" on this computer; choose another name`);
    }
  }

  /** Every attempt, in order: a copy, which later answers do not change. */
  async attempts(learnerId: string): Promise<Attempt[]> {
    return (await this.learnerFile(learnerId)).db.data.attempts.slice();
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

  /** Resolves only once the attempt (and the item's review card, if given) is on disk, in one record. */
  async addAttempt(attempt: Attempt, review?: { key: string; card: StoredCard }): Promise<void> {
    const file = await this.learnerFile(attempt.learnerId);
    await this.append(file, { t: 'attempt', attempt, ...(review ? { review } : {}) });
  }

  async startNewRound(learnerId: string, packId: string): Promise<number> {
    const file = await this.learnerFile(learnerId);
    let next = 0;
    await this.append(file, (data) => {
      next = (data.rounds[packId] ?? 1) + 1;
      return { t: 'round', packId, round: next };
    });
    return next;
  }

  /**
   * Folds every learner's journal into a new snapshot now, and waits for every write in progress.
   * The app does this on its own as journals grow; tests, the bench and tools that read the
   * snapshots directly may want it done.
   */
  async compact(): Promise<void> {
    await this.open();
    for (const file of await Promise.all(this.files.values())) {
      await file.folding;
      if (file.readOnly || file.deleted || file.journal.records === 0) continue;
      const failure = await this.fold(file);
      if (failure) throw storageError(failure.error);
    }
  }

  /** Resolves once every write asked for so far, the folds started in the background included, is done. */
  async settled(): Promise<void> {
    for (const file of await Promise.all(this.files.values())) {
      await file.queue; // an append may start a fold…
      await file.folding; // …whose last step is queued too
      await file.queue;
    }
  }

  /**
   * Writes the index's next state; only once the write succeeded does it replace the state in
   * memory. A failed write therefore changes nothing, in memory or on disk. Commits run one after
   * another, each computing its next state from the one before, so that two changes in flight at
   * once are both kept. `next` may throw (a duplicate name, say) to change nothing, and must return
   * new objects rather than mutate.
   */
  private commit<T>(file: OpenFile<T>, next: (data: T) => T): Promise<void> {
    return this.inQueue(file, async () => {
      if (file.readOnly || this.index?.readOnly) throw readOnlyError();
      const draft = next(file.db.data);
      try {
        await file.db.commit(draft);
      } catch (error) {
        throw storageError(error);
      }
      // From the first write on, a backup holds every learner the list holds (the list is small and
      // rarely written). The change is saved; a backup the disk refuses is tried again next time.
      await this.backups.take(file.db.file.path, 'rolling').catch(() => undefined);
    });
  }

  /**
   * Appends one record to a learner's journal; resolves once it is flushed, and only then changes
   * the state in memory. Appends to one learner run one after another, each from the state the one
   * before left. The learner's first write creates the snapshot first.
   */
  private append(file: OpenLearner, change: NewRecord | ((data: LearnerFile) => NewRecord)): Promise<void> {
    return this.inQueue(file, async () => {
      if (file.deleted) throw new ApiError('not-found', 'this learner no longer exists on this computer');
      if (file.readOnly || this.index?.readOnly) throw readOnlyError();
      const data = file.db.data;
      const record = { ...(typeof change === 'function' ? change(data) : change), seq: data.seq + 1 } as JournalRecord;
      const line = encodeRecord(record);
      try {
        if (!file.hasSnapshot) await this.writeSnapshot(file, data);
        if ((await file.journal.append(line)) === 'replaced') {
          // The journal is not the file this store left (deleted or replaced behind its back): what
          // is in memory is all there is, so all of it goes into a new snapshot.
          const next = { ...data, attempts: [...data.attempts] };
          apply(next, record);
          await this.writeSnapshot(file, next);
          if (file.linesSinceSnapshot) file.linesSinceSnapshot.length = 0;
          // The answer is safe in the snapshot; if the journal cannot be emptied now, the next append
          // finds it still not as left and writes a snapshot again.
          await file.journal.reset([]).catch(() => undefined);
          return;
        }
      } catch (error) {
        throw storageError(error);
      }
      apply(data, record);
      file.linesSinceSnapshot?.push(line);
      this.maybeFold(file);
    });
  }

  /** Writes `next` as the snapshot and the state in memory (which stays as it was if the write fails). */
  private async writeSnapshot(file: OpenLearner, next: LearnerFile): Promise<void> {
    await file.db.commit(next);
    file.hasSnapshot = true;
    await this.backups.take(file.path, 'rolling');
  }

  /** Starts a fold in the background when the journal is due for one; the answer is already acknowledged. */
  private maybeFold(file: OpenLearner): void {
    if (file.folding || file.deleted) return;
    const { records, bytes } = file.journal;
    const due =
      file.foldAtFirstWrite ||
      (records >= Math.max(this.compactAfterRecords, file.retryAtRecords) && records > 0) ||
      (bytes >= this.compactAfterBytes && records >= file.retryAtRecords);
    file.foldAtFirstWrite = false;
    if (due) void this.fold(file);
  }

  /**
   * Folds the journal into a new snapshot, in three steps, so that answers wait for neither the
   * snapshot's serialisation nor its write:
   * 1. in the learner's queue, the state as it is now (up to record N) is taken: the number of
   *    attempts, and the rounds and cards, which are replaced rather than changed, so they stay as taken;
   * 2. outside the queue, the snapshot is serialised a slice of attempts at a time, giving way to
   *    other work between slices, then written (temporary file, flush, rename, folder flush) while
   *    answers go on being appended, and a rolling backup of it is taken;
   * 3. in the queue again, the journal keeps only the records after N.
   * A crash before 2 ends leaves the old snapshot and the whole journal; after it, the new snapshot
   * and a journal whose records up to N are skipped on reading. A failure leaves the journal whole,
   * and the fold is tried again later. Never rejects: resolves to the failure, if there was one.
   */
  private fold(file: OpenLearner): Promise<{ error: unknown } | undefined> {
    file.folding ??= this.runFold(file).finally(() => (file.folding = undefined));
    return file.folding;
  }

  private async runFold(file: OpenLearner): Promise<{ error: unknown } | undefined> {
    let writing: Promise<void> | undefined;
    await this.inQueue(file, async () => {
      if (file.deleted || file.readOnly || this.index?.readOnly) return;
      file.linesSinceSnapshot = [];
      // Takes the state as it is now; the slices are serialised and written outside the queue. Writes
      // land in the order asked for, so a snapshot asked for later never lands before this one.
      writing = file.db.write();
    });
    if (!writing) return undefined;
    try {
      await writing;
      file.hasSnapshot = true;
    } catch (error) {
      file.linesSinceSnapshot = undefined;
      file.retryAtRecords = file.journal.records + this.compactAfterRecords;
      return { error };
    }
    // Before the journal gives up what the snapshot now holds, a backup holds it too: a snapshot
    // damaged later is restored from it without loss. If the disk refuses the backup, the journal is
    // kept whole (it still holds those answers) and the fold is tried again later.
    if (!file.deleted) {
      try {
        await this.backups.take(file.path, 'rolling');
      } catch (error) {
        file.linesSinceSnapshot = undefined;
        file.retryAtRecords = file.journal.records + this.compactAfterRecords;
        return { error };
      }
    }
    try {
      await this.inQueue(file, async () => {
        const since = file.linesSinceSnapshot ?? [];
        file.linesSinceSnapshot = undefined;
        if (file.deleted) return;
        await file.journal.reset(since);
        file.retryAtRecords = 0;
        file.foldAtFirstWrite = false;
      });
    } catch (error) {
      // The journal keeps records the snapshot holds too: they are skipped on reading, and go at the next fold.
      file.retryAtRecords = file.journal.records + this.compactAfterRecords;
      return { error };
    }
    return undefined;
  }

  private inQueue<R>(file: { queue: Promise<unknown> }, task: () => Promise<R>): Promise<R> {
    const run = file.queue.then(task);
    file.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * A learner's progress as the files on disk hold it (the snapshot, then the journal's later records),
 * read without opening a store: no migration, no repair, no notices. For tests and tools.
 */
export async function readProgressOnDisk(dataDir: string, learnerId: string): Promise<Omit<LearnerFile, 'schemaVersion'>> {
  if (!LearnerId.safeParse(learnerId).success) throw new ApiError('invalid-input', 'not a learner id');
  const base = join(dataDir, 'learners', learnerId);
  let data = emptyLearnerFile(learnerId);
  try {
    const raw = JSON.parse(await readFile(`${base}.json`, 'utf8')) as Partial<LearnerFile>;
    data = { ...data, ...raw, seq: raw.seq ?? 0, attempts: [...(raw.attempts ?? [])], reviews: raw.reviews ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const record of (await readJournal(`${base}${JOURNAL_SUFFIX}`, learnerId)).records) {
    if (record.seq > data.seq) apply(data, record);
  }
  const { schemaVersion: _version, ...progress } = data;
  return progress;
}

type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;
/** A journal record before it gets its sequence number. */
type NewRecord = WithoutSeq<JournalRecord>;

/**
 * The snapshot's JSON, the same as JSON.stringify of `data` as it is at the call, made a slice of
 * attempts at a time with a turn of the event loop between slices, so that a large history does not
 * hold up answers. Everything else is taken at once; attempts are only ever appended and never
 * changed, and rounds and cards are replaced rather than changed, so later answers do not disturb it.
 */
async function serialiseInSlices(data: LearnerFile): Promise<string> {
  const { schemaVersion, learnerId, seq, rounds, reviews, attempts } = data;
  const count = attempts.length;
  const head = JSON.stringify({ schemaVersion, learnerId, seq, rounds }).slice(0, -1);
  const tail = JSON.stringify(reviews);
  const parts: string[] = [];
  for (let start = 0; start < count; start += FOLD_SLICE) {
    const slice = attempts.slice(start, Math.min(count, start + FOLD_SLICE));
    parts.push(slice.map((attempt) => JSON.stringify(attempt)).join(','));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return `${head},"attempts":[${parts.join(',')}],"reviews":${tail}}`;
}

function emptyLearnerFile(learnerId: string): LearnerFile {
  return { schemaVersion: STORE_SCHEMA_VERSION, learnerId, seq: 0, rounds: {}, attempts: [], reviews: {} };
}

/** Applies one journal record to the state in memory: attempts are appended, rounds and cards replaced. */
function apply(data: LearnerFile, record: JournalRecord): void {
  if (record.t === 'attempt') {
    data.attempts.push(record.attempt);
    if (record.review) data.reviews = { ...data.reviews, [record.review.key]: record.review.card };
  } else {
    data.rounds = { ...data.rounds, [record.packId]: record.round };
  }
  data.seq = record.seq;
}

/**
 * What the journal brings back on top of a restored backup (or of nothing), for the notice: the
 * answers it holds after the backup, and whether changes between the two are missing.
 */
function describeRecovery(
  restored: LearnerFile | undefined,
  outcome: 'missing' | 'restored' | 'lost',
  journal: JournalContents,
): string | undefined {
  const from = restored?.seq ?? 0;
  const later = journal.records.filter((record) => record.seq > from);
  if (later.length === 0) return undefined;
  const answers = later.filter((record) => record.t === 'attempt').length;
  const gap = later[0]!.seq - from - 1;
  const count = `${answers} ${answers === 1 ? 'answer' : 'answers'}`;
  if (outcome === 'lost') {
    return gap > 0
      ? `it starts again from the journal of recent answers, which held the ${count} saved last; anything saved before them could not be recovered.`
      : `it starts again from the journal of recent answers, which held all ${count}, so nothing was lost.`;
  }
  return gap > 0
    ? `${capitalise(count)} saved after that backup ${answers === 1 ? 'was' : 'were'} recovered from the journal of recent answers; ${gap} ${gap === 1 ? 'change' : 'changes'} saved between the backup and ${answers === 1 ? 'it' : 'them'} could not be recovered.`
    : `The ${count} saved after that backup ${answers === 1 ? 'was' : 'were'} recovered from the journal of recent answers, so nothing was lost.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function readOnlyError(): ApiError {
  return new ApiError(
    'read-only',
    'Progress could not be saved: this data was written by a newer version of Sourcewise and is open read-only. Update Sourcewise to keep working.',
  );
}

function storageError(error: unknown): ApiError {
  return storageFailure(error, 'Progress could not be saved', 'Nothing was lost; your answer is kept so you can try again.');
}
