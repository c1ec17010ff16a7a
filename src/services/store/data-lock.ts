/**
 * One writer per data folder. The first process to start on a folder (desktop app, browser mode,
 * or anything else built on these services) creates `sourcewise.lock`; a second one finds it and
 * refuses to write, saying which process holds it. A lock left by a process that died (a crash, a
 * power cut) is recognised by its process id no longer running on this machine, and taken over.
 * The desktop app also takes Electron's single-instance lock, which focuses the first window.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'sourcewise.lock';
/** How long a lock file may stay unreadable (created, not yet written) before it counts as left over. */
export const UNREADABLE_LOCK_GRACE_MS = 3_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  shell: string;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; owner: LockOwner | undefined; message: string };

export function acquireDataLock(dataDir: string, shell: string): LockResult {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), shell };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      createWithContent(path, JSON.stringify(me));
      removeStaleTemporaries(dataDir);
      const release = () => {
        process.off('exit', release);
        const owner = readOwner(path);
        if (owner?.pid === me.pid && owner.hostname === me.hostname) rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { ok: true, release };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        return {
          ok: false,
          owner: undefined,
          message: `Sourcewise cannot write to its data folder ${dataDir} (${code ?? (error as Error).message}), so it cannot keep progress there. Check that the folder exists and can be written to, or start with --data-dir to use another one.`,
        };
      }
    }
    const owner = readOwner(path);
    if (owner && owner.hostname === me.hostname && !isRunning(owner.pid)) {
      rmSync(path, { force: true });
      continue;
    }
    if (!owner) {
      // Unreadable: on a file system without links its owner may have created it and not yet written
      // it. Only a lock that stayed unreadable for a while is left over from a crash and taken over.
      if (lockAgeMs(path) < UNREADABLE_LOCK_GRACE_MS) {
        return {
          ok: false,
          owner: undefined,
          message: `Another copy of Sourcewise is starting on this data folder (${dataDir}). Only one copy may write progress at a time.`,
        };
      }
      rmSync(path, { force: true });
      continue;
    }
    return {
      ok: false,
      owner,
      message:
        `Sourcewise is already running on this data folder (${owner.shell === 'desktop' ? 'the desktop app' : 'browser mode'}, ` +
        `process ${owner.pid}${owner.hostname === me.hostname ? '' : ` on ${owner.hostname}`}, started ${owner.startedAt}). ` +
        `Only one copy may write progress at a time; use that one, or close it and start again. Data folder: ${dataDir}`,
    };
  }
  return { ok: false, owner: undefined, message: `Sourcewise could not take the lock on its data folder ${dataDir}` };
}

/**
 * Creates `path` holding `text`, failing with EEXIST if it exists. A hard link from a finished
 * temporary file creates it whole, so nobody ever sees an empty lock, even after a crash. Where links
 * are not supported (FAT-formatted USB sticks), create-exclusive and write is the fallback.
 */
function createWithContent(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  const fd = openSync(path, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/** Temporary lock files of processes that died before linking them (`sourcewise.lock.<pid>.<hex>.tmp`). */
function removeStaleTemporaries(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const match = /^sourcewise\.lock\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name);
    if (match && Number(match[1]) !== process.pid && !isRunning(Number(match[1]))) rmSync(join(dataDir, name), { force: true });
  }
}

function lockAgeMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.hostname === 'string') {
      return {
        pid: owner.pid,
        hostname: owner.hostname,
        startedAt: String(owner.startedAt ?? ''),
        shell: String(owner.shell ?? ''),
      };
    }
  } catch {
    // missing or half-written: treated as unreadable
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
