/**
 * A lowdb adapter whose writes survive a crash or a power cut: lowdb's own JSONFile does not flush.
 * Each write goes to a unique temporary file beside the target, is flushed to disk (fsync), renamed
 * over the target (atomic on one file system) and the folder is flushed so that the rename itself is
 * durable. A reader therefore sees the old file or the new one, never half of one.
 *
 * Every JSON store file is a `StoreDb` (a lowdb `Low`) over this adapter: opened with `db.read()`,
 * written with `db.write()` or `db.commit()`.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { PRIVATE_FILE } from './private-files';

export const TEMP_SUFFIX = '.tmp';

export interface DurableJsonFileOptions<T> {
  /** Turns the file's text into data; throws when the text is not a valid file (default: JSON.parse). */
  parse?: (text: string) => T;
  /**
   * Turns data into the file's text (default: JSON.stringify). May be asynchronous (a large file
   * serialised in slices), but must take what it needs from `data` before its first await: later
   * changes to `data` must not reach the file.
   */
  serialise?: (data: T) => string | Promise<string>;
}

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  private readonly parse: (text: string) => T;
  private readonly serialise: (data: T) => string | Promise<string>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string, options: DurableJsonFileOptions<T> = {}) {
    this.path = path;
    this.parse = options.parse ?? ((text) => JSON.parse(text) as T);
    this.serialise = options.serialise ?? ((data) => JSON.stringify(data));
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(text);
  }

  /**
   * Writes are queued, so two writes from this process never interleave on one file and land in the
   * order they were asked for. The data is taken at once, so it may change after the call.
   */
  write(data: T): Promise<void> {
    const text = this.serialise(data);
    const next = Promise.all([text, this.queue]).then(([serialised]) => writeDurably(this.path, serialised));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every write asked for so far has finished (or failed). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}

/** A store file: lowdb over the durable adapter, which it keeps typed (`file`) for its path and queue. */
export class StoreDb<T> extends Low<T> {
  readonly file: DurableJsonFile<T>;

  constructor(file: DurableJsonFile<T>, initial: T) {
    super(file, initial);
    this.file = file;
  }

  /**
   * Makes `next` the data and writes it; when the write fails the data is put back as it was, so
   * that memory never keeps what the disk refused. `next` must be a new object, not `data` changed.
   */
  async commit(next: T): Promise<void> {
    const previous = this.data;
    this.data = next;
    try {
      await this.write();
    } catch (error) {
      if (this.data === next) this.data = previous;
      throw error;
    }
  }
}

export async function writeDurably(path: string, text: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'wx', PRIVATE_FILE);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Flushes a folder, so that names created or renamed in it are durable. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is as durable as the OS makes it.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
