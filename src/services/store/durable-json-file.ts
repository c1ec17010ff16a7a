/**
 * A lowdb adapter whose writes survive a crash or a power cut: lowdb's own JSONFile does not flush.
 * Each write goes to a unique temporary file beside the target, is flushed to disk (fsync), renamed
 * over the target (atomic on one file system) and the folder is flushed so that the rename itself is
 * durable. A reader therefore sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

export const TEMP_SUFFIX = '.tmp';

export class DurableJsonFile<T> implements Adapter<T> {
  readonly path: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  /**
   * Writes are queued, so two writes from this process never interleave on one file and land in the
   * order they were asked for. The data is serialised at once, so it may change after the call.
   */
  write(data: T): Promise<void> {
    return this.writeText(JSON.stringify(data));
  }

  /** Writes data already serialised (for a caller that serialises a large file in steps), in the same queue. */
  writeText(text: string): Promise<void> {
    const next = this.queue.then(() => writeDurably(this.path, text));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Resolves once every write asked for so far has finished (or failed). */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }
}

export async function writeDurably(path: string, text: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await open(temp, 'wx');
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
