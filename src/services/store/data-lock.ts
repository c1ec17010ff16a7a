/**
 * One writer per data folder. The first process to start on a folder (desktop app, browser mode,
 * or anything else built on these services) takes two locks:
 * - an OS-level hold: a local socket whose name comes from the folder's real path (Linux: abstract
 *   namespace; Windows: a named pipe). The system frees it when the process ends however it ends,
 *   and removing files cannot free it, so a second copy cannot start while the first runs even when
 *   `sourcewise.lock` was deleted by hand. (Elsewhere only the file below applies.)
 * - `sourcewise.lock`, which says who holds the folder, for the message a second copy shows, and
 *   works across machines sharing a folder.
 * A lock file is left over (stale), and taken over, when its process is gone; when the machine has
 * restarted since it was written (Linux: /proc/stat's boot time); when its process id now names
 * another process, which is what a restart produces: one that started at another time or runs
 * another program (Linux: /proc/<pid>/stat and /proc/<pid>/cmdline; other Unix systems: `ps`; on
 * Windows only whether the process exists can be known); and when it comes from another machine and
 * is more than a day old. When the app cannot tell, its message names the file to remove. The desktop app also takes Electron's single-instance lock,
 * which focuses the first window.
 */
import { execFileSync } from 'node:child_process';
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
/** `ps` answers in milliseconds; a machine too busy for it within this leaves the question open. */
const PS_TIMEOUT_MS = 2_000;
const MAX_COMMAND_CHARS = 1_000;

export interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
  shell: string;
  /** Linux: the machine's boot time (/proc/stat btime, seconds) when the lock was taken. */
  bootTime?: number;
  /**
   * When the owner started: Linux, clock ticks after boot (/proc/<pid>/stat, field 22); other Unix
   * systems, `ps`'s start time.
   */
  processStart?: string;
  /** The owner's command line (Linux: /proc/<pid>/cmdline; other Unix systems: `ps`). */
  command?: string;
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
 * Whether the lock's owner is certainly not running: gone, from before a restart, a process id now
 * naming another process (started at another time, or running another program), or another
 * machine's lock older than a day. What is not known about the owner never makes its lock left over.
 */
function isLeftOver(owner: LockOwner, me: LockOwner): boolean {
  if (owner.hostname !== me.hostname) {
    const started = Date.parse(owner.startedAt);
    return !Number.isNaN(started) && Date.now() - started > OTHER_HOST_LOCK_MS;
  }
  if (!isRunning(owner.pid)) return true;
  if (owner.bootTime !== undefined && me.bootTime !== undefined && Math.abs(owner.bootTime - me.bootTime) > BOOT_TIME_SLACK_S)
    return true;
  const now = processIdentity(owner.pid);
  if (owner.processStart !== undefined && now.processStart !== undefined && now.processStart !== owner.processStart) return true;
  return owner.command !== undefined && now.command !== undefined && now.command !== owner.command;
}

/**
 * What tells a process apart from a later one given its id: its start time and command line, and
 * the machine's boot time. Linux reads /proc; other Unix systems ask `ps`; Windows gives nothing.
 */
export function processIdentity(
  pid: number,
  platform: NodeJS.Platform = process.platform,
): Pick<LockOwner, 'bootTime' | 'processStart' | 'command'> {
  if (platform === 'linux') return procIdentity(pid);
  if (platform === 'win32') return {};
  return psIdentity(pid);
}

function procIdentity(pid: number): Pick<LockOwner, 'bootTime' | 'processStart' | 'command'> {
  try {
    const bootTime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Field 22 of /proc/<pid>/stat, counted after the command name, which is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const processStart = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const command = commandLine(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
    if (!Number.isInteger(bootTime) || processStart === undefined || !/^\d+$/.test(processStart)) return {};
    return { bootTime, processStart, ...(command === '' ? {} : { command }) };
  } catch {
    return {};
  }
}

function psIdentity(pid: number): Pick<LockOwner, 'processStart' | 'command'> {
  try {
    const line = execFileSync('ps', ['-o', 'lstart=,command=', '-p', String(pid)], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'C' },
      timeout: PS_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    // lstart is "Sun Dec  6 07:19:47 2026", in the C locale.
    const match = /^(\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}) +(.*)$/.exec(line);
    if (!match) return {};
    const command = commandLine(match[2]!.split(' '));
    return { processStart: match[1]!, ...(command === '' ? {} : { command }) };
  } catch {
    return {};
  }
}

/** A command line's words joined by single spaces and capped, so the lock file stays small. */
function commandLine(words: string[]): string {
  return words
    .filter((word) => word !== '')
    .join(' ')
    .slice(0, MAX_COMMAND_CHARS);
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
        ...(typeof owner.processStart === 'number' || typeof owner.processStart === 'string'
          ? { processStart: String(owner.processStart) }
          : {}),
        ...(typeof owner.command === 'string' ? { command: owner.command } : {}),
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
