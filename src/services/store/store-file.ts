/**
 * Opening one store file safely: read it, migrate it from an earlier format (after a backup),
 * validate it, and when it is damaged, set it aside (never delete it) and restore the newest valid
 * backup. A file from a newer version of the app is left untouched and opened read-only. Each of
 * these outcomes comes with a notice for the person at the screen, saying what happened and what,
 * if anything, was lost.
 */
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import type { Notice } from '../../shared/contract';
import { DurableJsonFile, StoreDb } from './durable-json-file';
import { makeFilePrivate, PRIVATE_FILE, PRIVATE_MKDIR } from './private-files';

export interface StoreFileSpec<T> {
  /** What the file is, for people: "the list of learners", "Ana's progress". */
  describe: string;
  schema: z.ZodType<T>;
  version: number;
  /** migrations[n] turns format n into format n + 1. */
  migrations: Record<number, (data: Record<string, unknown>) => Record<string, unknown>>;
  /**
   * For a file with more beside it (a learner's snapshot and its journal): after a backup was
   * restored, or none could be (`restored` undefined), what else was recovered and what was lost,
   * said in place of the notice's last sentence; undefined keeps the usual one.
   */
  recovered?: (restored: T | undefined, outcome: 'missing' | 'restored' | 'lost') => string | undefined;
}

export interface OpenedFile<T> {
  /** The file in lowdb; its data is `data`, or the initial data when that is undefined. */
  db: StoreDb<T>;
  /** Undefined when the file does not exist yet (and no backup either). */
  data: T | undefined;
  readOnly: boolean;
  notices: Notice[];
}

export type BackupReason = 'rolling' | 'before-migration' | 'before-import' | 'before-restore';

/** Rolling backups: the newest ten kept per file, plus one a day for a week. */
export const BACKUPS_KEPT = 10;
export const DAILY_BACKUP_DAYS = 7;

export const DAMAGED_FOLDER = 'damaged';

export class Backups {
  readonly dataDir: string;
  private readonly dir: string;
  private readonly now: () => Date;

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    this.dataDir = dataDir;
    this.dir = join(dataDir, 'backups');
    this.now = now;
  }

  folderFor(file: string): string {
    return join(this.dir, basename(file, '.json'));
  }

  /** Copies the file as it is on disk now; `reason` is kept in the backup's name. */
  async take(file: string, reason: BackupReason): Promise<void> {
    await this.store(file, reason, async (temp) => {
      await copyFile(file, temp);
      await makeFilePrivate(temp);
    });
  }

  /**
   * Keeps `text` as a backup of the file: for a file whose whole state is not in the file alone (a
   * learner's snapshot and journal), the state as it is in memory.
   */
  async save(file: string, reason: BackupReason, text: string): Promise<void> {
    await this.store(file, reason, (temp) => writeFile(temp, text, { mode: PRIVATE_FILE }));
  }

  private async store(file: string, reason: BackupReason, write: (temp: string) => Promise<void>): Promise<void> {
    const folder = this.folderFor(file);
    await mkdir(folder, PRIVATE_MKDIR);
    const stamp = this.now().toISOString().replaceAll(':', '-');
    const target = join(folder, `${stamp}-${reason}.json`);
    const temp = `${target}.tmp`;
    try {
      await write(temp);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await rename(temp, target);
    await this.prune(folder);
  }

  /** Backup file paths, newest first. */
  async list(file: string): Promise<string[]> {
    try {
      const folder = this.folderFor(file);
      const names = (await readdir(folder))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .reverse();
      return names.map((name) => join(folder, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async prune(folder: string): Promise<void> {
    const names = (await readdir(folder))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .reverse();
    const keep = new Set(names.slice(0, BACKUPS_KEPT));
    const days = new Set<string>();
    const oldest = this.now().getTime() - DAILY_BACKUP_DAYS * 24 * 60 * 60 * 1000;
    for (const name of names) {
      const day = name.slice(0, 10);
      const time = backupTime(name);
      if (time !== undefined && time >= oldest && !days.has(day)) {
        days.add(day);
        keep.add(name);
      }
    }
    for (const name of names) if (!keep.has(name)) await rm(join(folder, name), { force: true });
    for (const name of await readdir(folder)) if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
  }
}

/** The time in a backup's name (`2026-11-26T18-25-53.123Z-rolling.json`). */
export function backupTime(path: string): number | undefined {
  const match = /(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d+)?Z)/.exec(basename(path));
  if (!match) return undefined;
  const time = Date.parse(`${match[1]}:${match[2]}:${match[3]}`);
  return Number.isNaN(time) ? undefined : time;
}

type Reading<T> = { ok: true; data: T; migratedFrom?: number } | { ok: false; reason: string; newer?: number; readable?: T };

/** A store file that cannot be used as it is: what the adapter's parse throws. */
class UnusableFile<T> extends Error {
  readonly reading: Reading<T> & { ok: false };
  constructor(reading: Reading<T> & { ok: false }) {
    super(reading.reason);
    this.reading = reading;
  }
}

/** A backup (not a store file: never written through lowdb), read and checked like one. */
async function readAndCheck<T>(path: string, spec: StoreFileSpec<T>): Promise<Reading<T> | 'missing'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return { ok: false, reason: `it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  return check(text, spec);
}

function check<T>(text: string, spec: StoreFileSpec<T>): Reading<T> {
  if (text.trim() === '') return { ok: false, reason: 'it is empty' };
  // eslint-disable-next-line no-control-regex -- NUL bytes are what a power cut can leave behind
  if (/^\u0000+$/.test(text)) return { ok: false, reason: 'it holds only zero bytes' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not complete JSON (it may have been cut off)' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reason: 'it is not a Sourcewise store file' };
  let data = raw as Record<string, unknown>;
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'it has no valid format version' };
  }
  if (version > spec.version) {
    const lenient = spec.schema.safeParse({ ...data, schemaVersion: spec.version });
    return {
      ok: false,
      reason: `it was written by a newer version of Sourcewise`,
      newer: version,
      ...(lenient.success ? { readable: lenient.data } : {}),
    };
  }
  for (let from = version; from < spec.version; from++) {
    const migrate = spec.migrations[from];
    if (!migrate) return { ok: false, reason: `there is no way to update its format ${from}` };
    data = { ...migrate(data), schemaVersion: from + 1 };
  }
  const parsed = spec.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `its contents are not valid (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unknown'})`,
    };
  }
  return version < spec.version ? { ok: true, data: parsed.data, migratedFrom: version } : { ok: true, data: parsed.data };
}

/**
 * Opens a store file through lowdb (`db.read()` over the durable adapter, which checks what it reads
 * against the spec). `db.data` is the file's data, or `initial` when there is none (and `data` says
 * which). `serialise` is for a file written in slices (see DurableJsonFileOptions).
 */
export async function openStoreFile<T>(
  path: string,
  spec: StoreFileSpec<T>,
  backups: Backups,
  initial: T,
  serialise?: (data: T) => Promise<string>,
): Promise<OpenedFile<T>> {
  let migratedFrom: number | undefined;
  const parse = (text: string): T => {
    const reading = check(text, spec);
    if (!reading.ok) throw new UnusableFile(reading);
    migratedFrom = reading.migratedFrom;
    return reading.data;
  };
  const db = new StoreDb<T>(new DurableJsonFile<T>(path, { parse, ...(serialise ? { serialise } : {}) }), initial);
  let reading: Reading<T> | 'missing';
  try {
    const before = db.data;
    await db.read();
    reading = db.data === before ? 'missing' : { ok: true, data: db.data, ...(migratedFrom ? { migratedFrom } : {}) };
  } catch (error) {
    if (error instanceof UnusableFile) reading = (error as UnusableFile<T>).reading;
    else reading = { ok: false, reason: `it could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const opened = await settle(db, path, spec, backups, reading);
  db.data = opened.data ?? initial;
  return { ...opened, db };
}

async function settle<T>(
  db: StoreDb<T>,
  path: string,
  spec: StoreFileSpec<T>,
  backups: Backups,
  reading: Reading<T> | 'missing',
): Promise<Omit<OpenedFile<T>, 'db'>> {
  if (reading === 'missing') {
    // No file but backups of it: it was lost (deleted by hand, or a crash mid-recovery). Never start
    // empty when a backup can say otherwise.
    const restored = await restoreNewestBackup(db, spec, backups);
    if (!restored) return { data: undefined, readOnly: false, notices: [] };
    return {
      data: restored.data,
      readOnly: false,
      notices: [
        {
          id: `missing:${basename(path)}:${restored.when}`,
          severity: 'warning',
          title: `${capitalise(spec.describe)} was missing and has been restored from a backup`,
          text: `The file was not there, though backups of it were, so ${restored.when} was restored. ${spec.recovered?.(restored.data, 'missing') ?? 'Anything saved after that backup could not be recovered.'}`,
        },
      ],
    };
  }
  if (reading.ok) {
    if (reading.migratedFrom !== undefined) {
      await backups.take(path, 'before-migration');
      await db.write();
    }
    return { data: reading.data, readOnly: false, notices: [] };
  }
  if (reading.newer !== undefined) {
    return {
      // A newer format that still reads as this one (fields added, say) can at least be shown.
      data: reading.readable,
      readOnly: true,
      notices: [
        {
          id: `newer:${basename(path)}`,
          severity: 'warning',
          title: `${capitalise(spec.describe)} comes from a newer version of Sourcewise`,
          text: `It uses format ${reading.newer}; this version reads format ${spec.version}. It was left untouched and is open read-only: nothing can be saved until Sourcewise is updated.`,
        },
      ],
    };
  }

  // Damaged: copy it aside, then write the newest backup that reads cleanly over it. In that order a
  // crash at any point leaves either the damaged file (handled again at the next start) or the
  // restored one in place, never no file at all, which would read as a new, empty store.
  const { setAside, stamp } = await copyToDamaged(backups.dataDir, path);
  const restored = await restoreNewestBackup(db, spec, backups);
  if (restored) {
    const { when } = restored;
    return {
      data: restored.data,
      readOnly: false,
      notices: [
        {
          id: `restored:${basename(path)}:${stamp}`,
          severity: 'warning',
          title: `${capitalise(spec.describe)} was damaged and has been restored from a backup`,
          text: `The file could not be used because ${reading.reason}. It was copied to ${setAside} and ${when} was restored. ${spec.recovered?.(restored.data, 'restored') ?? 'Anything saved after that backup could not be recovered from the damaged file.'}`,
        },
      ],
    };
  }
  await rm(path, { force: true });
  return {
    data: undefined,
    readOnly: false,
    notices: [
      {
        id: `lost:${basename(path)}:${stamp}`,
        severity: 'error',
        title: `${capitalise(spec.describe)} was damaged and no backup could be used`,
        text: `The file could not be used because ${reading.reason}. It was moved to ${setAside}, where it is kept; ${spec.recovered?.(undefined, 'lost') ?? 'it starts again empty.'}`,
      },
    ],
  };
}

/**
 * Copies a file into the data folder's `damaged/` under a time-stamped name (whole or not at all),
 * where files that cannot be used are kept for people to look at.
 */
export async function copyToDamaged(dataDir: string, path: string): Promise<{ setAside: string; stamp: string }> {
  const folder = join(dataDir, DAMAGED_FOLDER);
  await mkdir(folder, PRIVATE_MKDIR);
  const stamp = new Date().toISOString().replaceAll(':', '-');
  const extension = extname(path);
  const setAside = join(folder, `${basename(path, extension)}-${stamp}${extension}`);
  await copyFile(path, `${setAside}.tmp`);
  await makeFilePrivate(`${setAside}.tmp`);
  await rename(`${setAside}.tmp`, setAside);
  return { setAside, stamp };
}

/** Writes the newest backup that reads cleanly over the file (through `db`); undefined when there is none. */
async function restoreNewestBackup<T>(
  db: StoreDb<T>,
  spec: StoreFileSpec<T>,
  backups: Backups,
): Promise<{ data: T; when: string } | undefined> {
  for (const backup of await backups.list(db.file.path)) {
    const candidate = await readAndCheck(backup, spec);
    if (candidate === 'missing' || !candidate.ok) continue;
    await db.commit(candidate.data);
    const time = backupTime(backup);
    return {
      data: candidate.data,
      when: time === undefined ? 'an earlier backup' : `the backup from ${new Date(time).toLocaleString()}`,
    };
  }
  return undefined;
}

/**
 * Removes temporary files that a killed writer left behind; call while holding the data lock. With a
 * prefix, only that file's temporaries (another store may share the folder).
 */
export async function removeStaleTempFiles(folder: string, prefix = ''): Promise<number> {
  let removed = 0;
  try {
    for (const name of await readdir(folder)) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        await rm(join(folder, name), { force: true });
        removed++;
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return removed;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
