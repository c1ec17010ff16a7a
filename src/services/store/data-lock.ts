/**
 * One writer per data folder. The first process to start on a folder (desktop app, browser mode,
 * or anything else built on these services) takes two locks:
 * - an OS-level hold: a local socket whose name comes from the folder's real path (Linux: abstract
 *   namespace; Windows: a named pipe). The system frees it when the process ends however it ends,
 *   and removing files cannot free it, so a second copy cannot start while the first runs even when
 *   `sourcewise.lock` was deleted by hand. (Elsewhere only the file below applies.)
 * - `sourcewise.lock`, which says who holds the folder, for the message a second copy shows, and
 *   works across machines sharing a folder.
 * A lock file is left over (stale), and taken over, when its process is gone; on Linux also when the
 * machine has restarted since it was written (/proc/stat's boot time) or its process id now names a
 * process that started at another time (/proc/<pid>/stat), which is what a restart produces; and
 * when it comes from another machine and is more than a day old. When the app cannot tell, its
 * message names the file to remove. The desktop app also takes Electron's single-instance lock,
 * which focuses the first window.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  linkSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PRIVATE_FILE } from './private-files';

export const LOCK_FILE = 'sourcewise.lock';
/** How long a lock file may stay unreadable (created, not yet written) before it counts as left over. */
export const UNREADABLE_LOCK_GRACE_MS = 3_000;
/** A lock from another machine, whose processes this one cannot see, is left over after this long. */
export const OTHER_HOST_LOCK_MS = 24 * 60 * 60 * 1000;
/** /proc/stat's boot time may drift by a second or two as the clock is adjusted. */
const BOOT_TIME_SLACK_S = 5;

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  shell: string;
  /** Linux: the machine's boot time (/proc/stat btime, seconds) when the lock was taken. */
  bootTime?: number;
  /** Linux: the owner's start time in clock ticks after boot (/proc/<pid>/stat, field 22). */
  processStart?: number;
}

export type LockResult = { ok: true; release: () => void } | { ok: false; owner: LockOwner | undefined; message: string };

export async function acquireDataLock(dataDir: string, shell: string): Promise<LockResult> {
  // The file first, so that a second copy started at the same moment finds it and can say who holds the folder.
  const file = takeLockFile(dataDir, shell);
  if (!file.ok) return file;
  let hold: Server | undefined;
  try {
    hold = await holdFolder(dataDir);
  } catch (error) {
    file.release();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') return cannotWrite(dataDir, error);
    return {
      ok: false,
      owner: undefined,
      message: `Sourcewise is already running on this data folder (${dataDir}), though its lock file was removed. Only one copy may write progress at a time; use that one, or close it and start again.`,
    };
  }
  return {
    ok: true,
    release: () => {
      file.release();
      hold?.close();
    },
  };
}

function takeLockFile(dataDir: string, shell: string): LockResult {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date().toISOString(),
    shell,
    ...processIdentity(process.pid),
  };
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
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return cannotWrite(dataDir, error);
    }
    const owner = readOwner(path);
    if (owner && isLeftOver(owner, me)) {
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
    return { ok: false, owner, message: alreadyRunning(owner, dataDir) };
  }
  return { ok: false, owner: undefined, message: `Sourcewise could not take the lock on its data folder ${dataDir}` };
}

function cannotWrite(dataDir: string, error: unknown): LockResult {
  const code = (error as NodeJS.ErrnoException).code;
  return {
    ok: false,
    owner: undefined,
    message: `Sourcewise cannot write to its data folder ${dataDir} (${code ?? (error as Error).message}), so it cannot keep progress there. Check that the folder exists and can be written to, or start with --data-dir to use another one.`,
  };
}

function alreadyRunning(owner: LockOwner, dataDir: string): string {
  const here = owner.hostname === hostname();
  return (
    `Sourcewise is already running on this data folder (${owner.shell === 'desktop' ? 'the desktop app' : 'browser mode'}, ` +
    `process ${owner.pid}${here ? '' : ` on ${owner.hostname}`}, started ${owner.startedAt}). ` +
    `Only one copy may write progress at a time; use that one, or close it and start again. Data folder: ${dataDir}. ` +
    `If no copy is running ${here ? '' : `on ${owner.hostname} `}(the lock was left over), remove the file ${join(dataDir, LOCK_FILE)} and start again.`
  );
}

/**
 * Whether the lock's owner is certainly not running: gone, from before a restart, a reused process
 * id, or another machine's lock older than a day.
 */
function isLeftOver(owner: LockOwner, me: LockOwner): boolean {
  if (owner.hostname !== me.hostname) {
    const started = Date.parse(owner.startedAt);
    return !Number.isNaN(started) && Date.now() - started > OTHER_HOST_LOCK_MS;
  }
  if (!isRunning(owner.pid)) return true;
  if (owner.bootTime !== undefined && me.bootTime !== undefined && Math.abs(owner.bootTime - me.bootTime) > BOOT_TIME_SLACK_S)
    return true;
  if (owner.processStart !== undefined) {
    const now = processIdentity(owner.pid).processStart;
    if (now !== undefined && now !== owner.processStart) return true;
  }
  return false;
}

/** What identifies a process across process id reuse (Linux); nothing elsewhere. */
function processIdentity(pid: number): Pick<LockOwner, 'bootTime' | 'processStart'> {
  try {
    const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Field 22 of /proc/<pid>/stat, counted after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const processStart = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isInteger(bootTime) && Number.isInteger(processStart) ? { bootTime, processStart } : {};
  } catch {
    return {};
  }
}

/**
 * Listens on a local socket named after the folder, which only one process can do at a time; the
 * system frees it when the process ends. Rejects with EADDRINUSE when another process holds it;
 * resolves undefined where the platform has no such name (macOS).
 */
async function holdFolder(dataDir: string): Promise<Server | undefined> {
  if (process.platform !== 'linux' && process.platform !== 'win32') return undefined;
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 32);
  const name = process.platform === 'win32' ? `\\\\.\\pipe\\sourcewise-${key}` : `\0sourcewise-${key}`;
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(name, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref(); // the hold never keeps the process alive
  return server;
}

/**
 * Creates `path` holding `text`, failing with EEXIST if it exists. A hard link from a finished
 * temporary file creates it whole, so nobody ever sees an empty lock, even after a crash. Where links
 * are not supported (FAT-formatted USB sticks), create-exclusive and write is the fallback.
 */
function createWithContent(path: string, text: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, text, { flag: 'wx', mode: PRIVATE_FILE });
  try {
    linkSync(temp, path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  const fd = openSync(path, 'wx', PRIVATE_FILE);
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
        ...(typeof owner.bootTime === 'number' ? { bootTime: owner.bootTime } : {}),
        ...(typeof owner.processStart === 'number' ? { processStart: owner.processStart } : {}),
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
