/**
 * One writer per data folder: of two processes started on one folder exactly one writes, and the
 * other says clearly which process holds the folder. A lock left by a process that died is taken over.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acquireDataLock, LOCK_FILE } from '../store/data-lock';
import { ProgressStore } from '../store/progress-store';
import { bundleChild } from './bundle-child';
import { startChild } from './child-process';
import { snapshot } from './fixtures';

const RACES = 5;

let root: string;
let script: string;
let folders = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-two-'));
  script = await bundleChild('lock-writer', join(root, 'bundle'));
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function freshDataDir(): string {
  const dataDir = join(root, `data-${folders++}`);
  mkdirSync(dataDir);
  return dataDir;
}

function wrote(stdout: string): number | undefined {
  const match = /^wrote (\d+)$/m.exec(stdout);
  return match ? Number(match[1]) : undefined;
}

/** The pid of a process that has just ended, so no process holds it. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await once(child, 'exit');
  const pid = child.pid!;
  expect(() => process.kill(pid, 0), `process ${pid} is gone`).toThrow();
  return pid;
}

describe('two processes on one data folder', () => {
  it(`let exactly one write; the other says which process holds the folder (${RACES} races)`, async () => {
    for (let race = 0; race < RACES; race++) {
      const dataDir = freshDataDir();
      const children = [startChild(script, [dataDir]), startChild(script, [dataDir])];
      await Promise.all(children.map((child) => child.ready));
      // Let both go at the same moment, alternating who is told first.
      for (const child of race % 2 === 0 ? children : [...children].reverse()) child.go();
      const results = await Promise.all(children.map(async (child) => ({ pid: child.pid, ...(await child.done) })));

      for (const result of results) expect(result.stderr, `race ${race}, process ${result.pid}`).toBe('');
      const writers = results.filter((result) => result.code === 0);
      const refused = results.filter((result) => result.code === 2);
      expect(writers, `race ${race}: exactly one process writes`).toHaveLength(1);
      expect(refused, `race ${race}: the other is refused`).toHaveLength(1);
      const writer = writers[0]!;
      const other = refused[0]!;
      const count = wrote(writer.stdout);
      expect(count, `race ${race}: the writer wrote`).toBeGreaterThan(0);
      expect(wrote(other.stdout)).toBeUndefined();

      const message = other.stdout.replace(/^refused /, '').trim();
      expect(other.stdout).toMatch(/^refused /);
      expect(message).toContain('Sourcewise is already running on this data folder');
      expect(message).toContain(`browser mode, process ${writer.pid}`);
      expect(message).toContain('Only one copy may write progress at a time');
      expect(message).toContain(dataDir);

      // Only the writer's answers are on disk, and its lock is gone once it is done.
      expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
      const store = new ProgressStore(dataDir);
      const learners = await store.listLearners();
      expect(learners.map((learner) => learner.name)).toEqual([`Writer ${writer.pid}`]);
      expect(await store.attempts(learners[0]!.id)).toHaveLength(count!);
      expect(store.notices()).toEqual([]);
    }
  });

  it('refuses a second process while this one holds the folder, touching nothing', async () => {
    const dataDir = freshDataDir();
    const lock = await acquireDataLock(dataDir, 'desktop');
    expect(lock.ok).toBe(true);
    try {
      const before = snapshot(dataDir);
      const child = startChild(script, [dataDir]);
      await child.ready;
      child.go();
      const result = await child.done;
      expect(result.code).toBe(2);
      expect(result.stdout).toContain(`(the desktop app, process ${process.pid}, started `);
      expect(result.stdout).toContain('Only one copy may write progress at a time');
      expect(snapshot(dataDir)).toEqual(before);
    } finally {
      if (lock.ok) lock.release();
    }
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it.runIf(process.platform === 'linux' || process.platform === 'win32')(
    'refuses a second process while another writes, even after the lock file was removed by hand',
    async () => {
      const dataDir = freshDataDir();
      const first = startChild(script, [dataDir, '1500']);
      await first.ready;
      first.go();
      await vi.waitFor(() => expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true), { timeout: 10_000 });
      rmSync(join(dataDir, LOCK_FILE));
      const second = startChild(script, [dataDir]);
      await second.ready;
      second.go();
      const refused = await second.done;
      expect(refused.code, refused.stdout).toBe(2);
      expect(refused.stdout).toMatch(/already running on this data folder .*lock file was removed/);
      const written = await first.done;
      expect(written.code, written.stdout + written.stderr).toBe(0);
      // Every answer the first process acknowledged is on disk, none cut off by a second writer.
      const store = new ProgressStore(dataDir);
      const [learner] = await store.listLearners();
      expect((await store.attempts(learner!.id)).length).toBe(wrote(written.stdout));
    },
  );

  it('takes over a lock left by a process that died', async () => {
    const dataDir = freshDataDir();
    const lockPath = join(dataDir, LOCK_FILE);
    const pid = await deadPid();
    writeFileSync(lockPath, JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString(), shell: 'desktop' }));

    const child = startChild(script, [dataDir]);
    await child.ready;
    child.go();
    const result = await child.done;
    expect(result.stderr).toBe('');
    expect(result.code, result.stdout).toBe(0);
    expect(wrote(result.stdout)).toBeGreaterThan(0);
    expect(existsSync(lockPath)).toBe(false);

    // And in this process, too.
    writeFileSync(lockPath, JSON.stringify({ pid, hostname: hostname(), startedAt: new Date().toISOString(), shell: 'browser' }));
    const lock = await acquireDataLock(dataDir, 'desktop');
    expect(lock.ok).toBe(true);
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toMatchObject({
      pid: process.pid,
      hostname: hostname(),
      shell: 'desktop',
    });
    if (lock.ok) lock.release();
    expect(existsSync(lockPath)).toBe(false);
  });

  it('does not take over a lock from another machine, whose processes it cannot see', async () => {
    const dataDir = freshDataDir();
    const lockPath = join(dataDir, LOCK_FILE);
    const owner = { pid: await deadPid(), hostname: 'lab-pc-7', startedAt: new Date().toISOString(), shell: 'browser' };
    writeFileSync(lockPath, JSON.stringify(owner));
    const lock = await acquireDataLock(dataDir, 'desktop');
    expect(lock.ok).toBe(false);
    if (!lock.ok) expect(lock.message).toContain(`process ${owner.pid} on lab-pc-7`);
    expect(JSON.parse(readFileSync(lockPath, 'utf8'))).toEqual(owner);
  });

  it('does not take a lock whose owner has created it but not yet written it', async () => {
    const dataDir = freshDataDir();
    const lockPath = join(dataDir, LOCK_FILE);
    const first = openSync(lockPath, 'wx'); // the first process, between creating and writing its lock
    const second = await acquireDataLock(dataDir, 'browser');
    writeSync(
      first,
      JSON.stringify({ pid: process.ppid, hostname: hostname(), startedAt: new Date().toISOString(), shell: 'desktop' }),
    );
    closeSync(first);
    try {
      expect(second.ok, 'the second process must not also hold the lock').toBe(false);
    } finally {
      if (second.ok) second.release();
    }
  });

  it('takes over an empty lock left long ago by a crash between creating and writing it', async () => {
    const dataDir = freshDataDir();
    const lockPath = join(dataDir, LOCK_FILE);
    closeSync(openSync(lockPath, 'wx'));
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lockPath, longAgo, longAgo);
    const lock = await acquireDataLock(dataDir, 'browser');
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.release();
  });

  it('leaves no temporary file behind when it takes the lock', async () => {
    const dataDir = freshDataDir();
    const lock = await acquireDataLock(dataDir, 'browser');
    expect(lock.ok).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    if (lock.ok) lock.release();
  });
});
