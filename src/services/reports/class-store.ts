/**
 * The instructor's class: the progress files learners exported, merged into one file on disk,
 * `<dataDir>/class.json`, from which class reports are built (`classData`).
 *
 * - Import is all or nothing per call: every file is parsed and validated first; files with problems
 *   are listed and skipped, and all the valid ones are merged in one durable write, after a backup
 *   of the class as it was. If that write (or the backup) fails, memory and disk are as they were.
 * - Merging never double-counts: learners are keyed by their learner id (stable across machines and
 *   exports; the name from the most recent export wins), attempts by their attempt id, so the same
 *   file twice, two exports of one machine and exports from two machines all merge into each attempt
 *   once. Attempts are kept in the order they were answered.
 * - The file is opened like the learner store's (`openStoreFile`): a damaged file is set aside and
 *   the newest valid backup restored, a file from a newer version is opened read-only, each with a
 *   notice for the UI.
 * - Names and file names are untrusted text: kept as given (capped), only ever shown as text. Learner
 *   ids are validated UUIDs and never become paths.
 * - The caller holds the data folder's lock, so this process is the only writer.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ClassData, ClassLearner } from '../../shared/class-data';
import type { ImportResult, Notice } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { Id, type Pack } from '../../shared/pack/schema';
import { Attempt, LearnerId } from '../../shared/progress';
import type { ProgressFile } from '../../shared/progress-file';
import { parseProgressFile } from '../../shared/progress-file-validate';
import { TEMP_SUFFIX, type StoreDb } from '../store/durable-json-file';
import { storageFailure } from '../store/storage-error';
import { Backups, openStoreFile, type StoreFileSpec } from '../store/store-file';
import { NoticeList } from '../notice-list';
import { PRIVATE_MKDIR } from '../store/private-files';

/** The class file's format. Raise it when its shape changes, with a migration in CLASS_SPEC. */
export const CLASS_SCHEMA_VERSION = 1 as const;
export const CLASS_FILE = 'class.json';

const MAX_NAME = 60;
const MAX_FILE_NAME = 255;

const ClassLearnerRecord = z.object({
  learnerId: LearnerId,
  name: z.string().min(1).max(MAX_NAME),
  /** When the export that gave the current name was made (the latest export seen). */
  exportedAt: z.string(),
  /** The app version that made that export. */
  appVersion: z.string(),
  /** Every attempt once, sorted by answeredAt. */
  attempts: z.array(Attempt),
});
type ClassLearnerRecord = z.infer<typeof ClassLearnerRecord>;

const PackRef = z.object({ id: Id, version: z.number().int().min(1), title: z.string() });
export type ClassPackRef = z.infer<typeof PackRef>;

const ClassFile = z.object({
  schemaVersion: z.literal(CLASS_SCHEMA_VERSION),
  learners: z.array(ClassLearnerRecord),
  /** The packs the imported attempts refer to, as the progress files described them (newest version). */
  packs: z.array(PackRef),
  /**
   * The addresses of the last xAPI export, offered again next time (optional: files written before
   * it was kept have none, and need no migration).
   */
  xapi: z.object({ homePage: z.string().max(500), activityBase: z.string().max(500).optional() }).optional(),
});
export type ClassFile = z.infer<typeof ClassFile>;
export type XapiAddresses = NonNullable<ClassFile['xapi']>;

const CLASS_SPEC: StoreFileSpec<ClassFile> = {
  describe: 'the imported class',
  schema: ClassFile,
  version: CLASS_SCHEMA_VERSION,
  migrations: {},
};

type ImportedFile = ImportResult['imported'][number];
type RejectedFile = ImportResult['rejected'][number];

export interface ClassLearnerSummary {
  learnerId: string;
  name: string;
  attempts: number;
  /** When the newest export imported for this learner was made. */
  exportedAt: string;
}

export class ClassStore {
  private readonly dataDir: string;
  private readonly backups: Backups;
  private readonly now: () => Date;
  private opening: Promise<void> | undefined;
  private db: StoreDb<ClassFile> | undefined;
  private readOnly = false;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly noticeList = new NoticeList();
  /**
   * The learner removed last, with the pack references only they used, so that the removal can be
   * undone (`restoreLearner`) until the app closes. Kept in memory only; the rolling backup on disk
   * keeps it longer.
   */
  private removed: { record: ClassLearnerRecord; packs: ClassPackRef[] } | undefined;

  constructor(dataDir: string, options: { now?: () => Date } = {}) {
    this.dataDir = dataDir;
    this.now = options.now ?? (() => new Date());
    this.backups = new Backups(dataDir, this.now);
  }

  get path(): string {
    return join(this.dataDir, CLASS_FILE);
  }

  /** Reads and checks the class file once; every other method waits for it. */
  open(): Promise<void> {
    this.opening ??= this.openFile();
    return this.opening;
  }

  private async openFile(): Promise<void> {
    await mkdir(this.dataDir, PRIVATE_MKDIR);
    await this.removeStaleTempFiles();
    const opened = await openStoreFile(this.path, CLASS_SPEC, this.backups, emptyClass());
    this.noticeList.add(...opened.notices);
    this.readOnly = opened.readOnly;
    this.db = opened.db;
  }

  /** Only this file's temporary files: the learner store's, in the same folder, are not ours to touch. */
  private async removeStaleTempFiles(): Promise<void> {
    const prefix = `.${CLASS_FILE}.`;
    for (const name of await readdir(this.dataDir)) {
      if (name.startsWith(prefix) && name.endsWith(TEMP_SUFFIX)) await rm(join(this.dataDir, name), { force: true });
    }
  }

  notices(): Notice[] {
    return this.noticeList.all();
  }

  dismissNotice(id: string): void {
    this.noticeList.dismiss(id);
  }

  /**
   * Imports progress files: the valid ones all together in one write (after a backup), the others
   * listed with their problems. Rejects with 'storage-failed' (nothing imported, nothing changed) when
   * the class cannot be saved, and 'read-only' when it comes from a newer version of Sourcewise.
   */
  async importFiles(files: readonly { name: string; text: string }[]): Promise<ImportResult> {
    await this.open();
    const valid: { file: string; progress: ProgressFile }[] = [];
    const rejected: RejectedFile[] = [];
    for (const { name, text } of files) {
      const file = cap(name, MAX_FILE_NAME);
      const parsed = parseProgressFile(text);
      if (parsed.ok) valid.push({ file, progress: parsed.file });
      else rejected.push({ file, problems: parsed.problems });
    }
    if (valid.length === 0) return { imported: [], rejected };

    let imported: ImportedFile[] = [];
    await this.commit('before-import', 'The progress files could not be imported', (data) => {
      const merged = mergeProgressFiles(
        data,
        valid.map((entry) => entry.progress),
      );
      imported = merged.counts.map((count, index) => ({ file: valid[index]!.file, ...count }));
      return merged.data;
    });
    return { imported, rejected };
  }

  /** The learners in the class, by name. */
  async learners(): Promise<ClassLearnerSummary[]> {
    await this.open();
    return sortByName(this.data().learners).map((learner) => ({
      learnerId: learner.learnerId,
      name: learner.name,
      attempts: learner.attempts.length,
      exportedAt: learner.exportedAt,
    }));
  }

  /** The packs the imported attempts refer to, as their progress files described them. */
  async packRefs(): Promise<ClassPackRef[]> {
    await this.open();
    return this.data().packs.map((pack) => ({ ...pack }));
  }

  /**
   * What class reports are built from: every learner (by name) with their attempts, and those of the
   * instructor's packs that the attempts refer to. Call after `open()` has resolved.
   */
  classData(packs: Pack[], appVersion: string): ClassData {
    const data = this.data();
    const learners: ClassLearner[] = sortByName(data.learners).map((learner) => ({
      learnerId: learner.learnerId,
      name: learner.name,
      attempts: learner.attempts.map((attempt) => structuredClone(attempt)),
    }));
    const used = new Set(data.learners.flatMap((learner) => learner.attempts.map((attempt) => attempt.packId)));
    return {
      learners,
      packs: packs.filter((pack) => used.has(pack.id)),
      generatedAt: this.now().toISOString(),
      appVersion,
    };
  }

  /** Removes one learner and their attempts from the class (after a backup); importing them again brings them back. */
  async removeLearner(learnerId: string): Promise<void> {
    if (!LearnerId.safeParse(learnerId).success) {
      throw new ApiError('invalid-input', `"${learnerId.slice(0, 60)}" is not a learner id`);
    }
    await this.open();
    let removed: typeof this.removed;
    await this.commit('rolling', 'The learner could not be removed', (data) => {
      const record = data.learners.find((learner) => learner.learnerId === learnerId);
      if (record === undefined) throw new ApiError('not-found', 'this learner is not in the class');
      const learners = data.learners.filter((learner) => learner.learnerId !== learnerId);
      const packs = packsInUse(data.packs, learners);
      removed = { record, packs: data.packs.filter((pack) => !packs.includes(pack)) };
      return { ...data, learners, packs };
    });
    this.removed = removed;
  }

  /** Undoes the last removal: the learner comes back with every attempt, as they were. */
  async restoreLearner(learnerId: string): Promise<void> {
    await this.open();
    const removed = this.removed;
    if (removed === undefined || removed.record.learnerId !== learnerId) {
      throw new ApiError('not-found', 'there is no removal of this learner to undo');
    }
    await this.commit('rolling', 'The learner could not be brought back', (data) => {
      if (data.learners.some((learner) => learner.learnerId === learnerId)) {
        throw new ApiError('conflict', 'this learner is in the class again: import their file to add what is new');
      }
      const learners = [...data.learners, removed.record];
      return { ...data, learners, packs: packsInUse([...data.packs, ...removed.packs], learners) };
    });
    this.removed = undefined;
  }

  /** Empties the class (after a backup, which keeps what was there); the school's xAPI addresses stay. */
  async clear(): Promise<void> {
    await this.open();
    await this.commit('rolling', 'The class could not be cleared', (data) => ({
      ...emptyClass(),
      ...(data.xapi === undefined ? {} : { xapi: data.xapi }),
    }));
  }

  /** The addresses of the last xAPI export, if there was one. */
  async xapiAddresses(): Promise<XapiAddresses | undefined> {
    await this.open();
    const kept = this.data().xapi;
    return kept === undefined ? undefined : { ...kept };
  }

  /** Keeps the addresses of an xAPI export for the next one (written only when they changed). */
  async rememberXapi(addresses: XapiAddresses): Promise<void> {
    await this.open();
    const kept = this.data().xapi;
    if (kept?.homePage === addresses.homePage && kept.activityBase === addresses.activityBase) return;
    await this.commit('rolling', 'The xAPI addresses could not be kept', (data) => ({
      ...data,
      xapi: {
        homePage: addresses.homePage,
        ...(addresses.activityBase === undefined ? {} : { activityBase: addresses.activityBase }),
      },
    }));
  }

  private data(): ClassFile {
    if (!this.db) throw new Error('ClassStore.open() must have resolved before the class is read');
    return this.db.data;
  }

  /**
   * Writes the next state of the class after a backup of the current one; only once the write
   * succeeded does it replace the state in memory. Commits run one after another, each from the
   * state the previous one left. `next` may throw an ApiError to change nothing.
   */
  private commit(reason: 'before-import' | 'rolling', failure: string, next: (data: ClassFile) => ClassFile): Promise<void> {
    const run = this.queue.then(async () => {
      const db = this.db!;
      if (this.readOnly) throw readOnlyError();
      const draft = next(db.data);
      try {
        await this.backups.take(this.path, reason);
        await db.commit(draft);
      } catch (error) {
        throw storageError(error, failure);
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

function emptyClass(): ClassFile {
  return { schemaVersion: CLASS_SCHEMA_VERSION, learners: [], packs: [] };
}

/**
 * Merges progress files into the class, in the order given, without changing `data`. Learners by
 * learner id (the name of the most recent export wins, by exportedAt; on a tie the later file),
 * attempts by attempt id (the first copy seen is kept), attempts sorted by answeredAt.
 */
export function mergeProgressFiles(
  data: ClassFile,
  files: readonly ProgressFile[],
): { data: ClassFile; counts: Omit<ImportedFile, 'file'>[] } {
  const learners = new Map(data.learners.map((learner) => [learner.learnerId, learner]));
  const working = new Map<string, { record: ClassLearnerRecord; ids: Set<string> }>();
  const packs = new Map(data.packs.map((pack) => [pack.id, pack]));
  const counts: Omit<ImportedFile, 'file'>[] = [];

  for (const file of files) {
    const id = file.learner.id;
    let entry = working.get(id);
    if (!entry) {
      const existing = learners.get(id);
      const record: ClassLearnerRecord = existing
        ? { ...existing, attempts: [...existing.attempts] }
        : {
            learnerId: id,
            name: cap(file.learner.name, MAX_NAME),
            exportedAt: file.exportedAt,
            appVersion: file.appVersion,
            attempts: [],
          };
      entry = { record, ids: new Set(record.attempts.map((attempt) => attempt.id)) };
      working.set(id, entry);
      learners.set(id, record);
    }
    const { record, ids } = entry;
    if (time(file.exportedAt) >= time(record.exportedAt)) {
      record.name = cap(file.learner.name, MAX_NAME);
      record.exportedAt = file.exportedAt;
      record.appVersion = file.appVersion;
    }
    let added = 0;
    let duplicates = 0;
    for (const attempt of file.attempts) {
      if (ids.has(attempt.id)) {
        duplicates++;
        continue;
      }
      ids.add(attempt.id);
      record.attempts.push(attempt);
      added++;
    }
    for (const pack of file.packs) {
      const known = packs.get(pack.id);
      if (!known || pack.version >= known.version) packs.set(pack.id, { ...pack });
    }
    counts.push({ learnerId: id, name: cap(file.learner.name, MAX_NAME), added, duplicates });
  }

  for (const { record } of working.values()) record.attempts = sortByAnswered(record.attempts);
  const merged = [...learners.values()];
  return { data: { ...data, learners: merged, packs: packsInUse([...packs.values()], merged) }, counts };
}

function sortByAnswered(attempts: Attempt[]): Attempt[] {
  return attempts
    .map((attempt, index) => ({ attempt, index, at: time(attempt.answeredAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ attempt }) => attempt);
}

/** Pack references that some attempt still points at. */
function packsInUse(packs: ClassPackRef[], learners: ClassLearnerRecord[]): ClassPackRef[] {
  const used = new Set(learners.flatMap((learner) => learner.attempts.map((attempt) => attempt.packId)));
  return packs.filter((pack) => used.has(pack.id)).sort((a, b) => a.id.localeCompare(b.id));
}

function sortByName<T extends { name: string; learnerId: string }>(learners: readonly T[]): T[] {
  return [...learners].sort((a, b) => a.name.localeCompare(b.name) || a.learnerId.localeCompare(b.learnerId));
}

/** Milliseconds since the epoch; anything unreadable sorts first. */
function time(value: string): number {
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? -Infinity : parsed;
}

/** At most `max` characters, never splitting a surrogate pair. */
function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut;
}

function readOnlyError(): ApiError {
  return new ApiError(
    'read-only',
    'The class could not be changed: it was saved by a newer version of Sourcewise and is open read-only. Update Sourcewise to import progress.',
  );
}

function storageError(error: unknown, failure: string): ApiError {
  return storageFailure(error, failure, 'Nothing was changed; the class is as it was.');
}
