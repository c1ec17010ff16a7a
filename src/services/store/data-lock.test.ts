/**
 * When a lock file is left over and when it is not: after a reboot its process id may belong to
 * another process, a lock from another machine may be days old, and a lock file removed by hand must
 * not let a second copy in while the first still runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, LOCK_FILE, processIdentity, type LockResult } from './data-lock';

const onLinux = process.platform === 'linux';

let dataDir: string;
let other: ChildProcess | undefined;
const held: LockResult[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-lock-'));
});

afterEach(() => {
  for (const lock of held.splice(0)) if (lock.ok) lock.release();
  other?.kill('SIGKILL');
  other = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

/** A live process that is not Sourcewise (what a reused process id names after a reboot). */
function notSourcewise(): number {
  other = spawn('sleep', ['60'], { stdio: 'ignore' });
  return other.pid!;
}

function bootTime(): number {
  return Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
}

async function take(): Promise<LockResult> {
  const lock = await acquireDataLock(dataDir, 'browser');
  held.push(lock);
  return lock;
}

function writeLock(owner: object): void {
  writeFileSync(join(dataDir, LOCK_FILE), JSON.stringify(owner));
}

describe('acquireDataLock: stale locks', () => {
  // Each lock names a live process that is not the Sourcewise that took it, told apart in a different way.
  it.runIf(onLinux).each([
    ['from before a reboot whose process id now names another process', { bootTime: -3600, processStart: 12345 }],
    ['whose process id was reused by a process that started later', { bootTime: 0, processStart: 1 }],
    [
      'whose process id now runs another program, even without its start time',
      { bootTime: 0, command: '/opt/Sourcewise/sourcewise --data-dir /home/ana/sourcewise' },
    ],
  ] as const)('takes over a lock %s', async (_, { bootTime: bootShift, ...identity }) => {
    writeLock({
      pid: notSourcewise(),
      hostname: hostname(),
      startedAt: new Date().toISOString(),
      shell: 'browser',
      bootTime: bootTime() + bootShift,
      ...identity,
    });
    expect((await take()).ok).toBe(true);
  });

  it.runIf(onLinux)(
    'refuses a lock whose process still runs the program that took it, and names the file to remove',
    async () => {
      const pid = notSourcewise();
      writeLock({ pid, hostname: hostname(), startedAt: new Date().toISOString(), shell: 'browser', ...processIdentity(pid) });
      const lock = await take();
      expect(lock.ok).toBe(false);
      if (!lock.ok) expect(lock.message).toContain(`remove the file ${join(dataDir, LOCK_FILE)}`);
    },
  );

  it.runIf(onLinux)('refuses a lock it cannot decide about (a live process, nothing known about it)', async () => {
    writeLock({ pid: notSourcewise(), hostname: hostname(), startedAt: new Date().toISOString(), shell: 'browser' });
    const lock = await take();
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(lock.message).toContain(`remove the file ${join(dataDir, LOCK_FILE)}`);
  });

  it.runIf(existsSync('/bin/ps') || existsSync('/usr/bin/ps'))(
    'without /proc (macOS), tells a process by its command and start time from ps',
    () => {
      const pid = notSourcewise();
      const fromPs = processIdentity(pid, 'darwin');
      expect(fromPs.command).toBe('sleep 60');
      expect(fromPs.processStart).toMatch(/\d\d:\d\d:\d\d \d{4}$/);
      expect(processIdentity(pid, 'darwin')).toEqual(fromPs);
      if (onLinux) expect(processIdentity(pid).command).toBe('sleep 60');
    },
  );

  it('takes over a lock from another machine once it is more than a day old', async () => {
    writeLock({
      pid: 4242,
      hostname: 'lab-pc-7',
      startedAt: new Date(Date.now() - 25 * 3600_000).toISOString(),
      shell: 'browser',
    });
    expect((await take()).ok).toBe(true);
  });

  it('refuses a recent lock from another machine, and names the file to remove if it is left over', async () => {
    writeLock({ pid: 4242, hostname: 'lab-pc-7', startedAt: new Date().toISOString(), shell: 'browser' });
    const lock = await take();
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(lock.message).toContain(`remove the file ${join(dataDir, LOCK_FILE)}`);
  });

  it.runIf(onLinux || process.platform === 'win32')(
    'refuses while this process holds the folder, even when the lock file was removed by hand',
    async () => {
      expect((await take()).ok).toBe(true);
      rmSync(join(dataDir, LOCK_FILE));
      const second = await take();
      expect(second.ok).toBe(false);
      if (!second.ok) expect(second.message).toMatch(/already running on this data folder/);
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
    },
  );
});
