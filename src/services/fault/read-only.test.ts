/**
 * A data folder that cannot be written to: nothing is acknowledged falsely and nothing is harmed.
 * Every write is refused with `storage-failed` and a message that says progress could not be saved,
 * the store still holds exactly what is on disk, and the files are byte for byte as they were.
 *
 * Root ignores file permissions, so as root the check runs in a child process as `nobody` against
 * a folder owned by root (folders 0755, files 0644); otherwise it runs here after a chmod.
 */
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressStore } from '../store/progress-store';
import { bundleChild } from './bundle-child';
import { startChild } from './child-process';
import { snapshot, validAttempt } from './fixtures';
import { probeReadOnly, type ProbeReport } from './read-only-probe';

const NOBODY = 65534;
const ANSWERS = 3;

let root: string;
let dataDir: string;
let before: Record<string, string | null>;
let report: ProbeReport | undefined;
let skipReason: string | undefined;
let how = '';

/** Sets the mode of `folder` and everything under it. */
function setModes(folder: string, folderMode: number, fileMode: number): void {
  for (const name of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    const path = join(folder, name);
    chmodSync(path, statSync(path).isDirectory() ? folderMode : fileMode);
  }
  chmodSync(folder, folderMode);
}

function canWriteIn(folder: string): boolean {
  try {
    writeFileSync(join(folder, '.probe'), '');
    rmSync(join(folder, '.probe'));
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-readonly-'));
  dataDir = join(root, 'data');
  const store = new ProgressStore(dataDir);
  const learner = await store.createLearner('Ana');
  for (let n = 0; n < ANSWERS; n++) await store.addAttempt(validAttempt(learner.id));

  if (process.getuid?.() === 0) {
    const script = await bundleChild('read-only-child', join(root, 'bundle'));
    setModes(root, 0o755, 0o644); // owned by root: nobody may read everything and write nothing
    before = snapshot(dataDir);
    const run = startChild(script, [dataDir, learner.id], { uid: NOBODY, gid: NOBODY, cwd: root });
    const result = await run.done;
    if (result.code !== 0) throw new Error(`the child running as nobody failed (${result.code}): ${result.stderr}`);
    report = JSON.parse(result.stdout) as ProbeReport;
    how = 'in a child process running as nobody';
  } else if (process.platform !== 'win32') {
    setModes(dataDir, 0o555, 0o444);
    if (canWriteIn(dataDir)) {
      skipReason = 'this file system does not enforce file permissions, so a read-only data folder cannot be made here';
    } else {
      before = snapshot(dataDir);
      report = await probeReadOnly(dataDir, learner.id);
      how = 'in this process, after chmod';
    }
  } else {
    skipReason = 'not root (to run as another user) and no POSIX permissions (to chmod) on this platform';
  }
  if (skipReason) console.log(`read-only.test skipped: ${skipReason}`);
}, 60_000);

afterAll(() => {
  if (!root) return;
  if (process.getuid?.() !== 0 && process.platform !== 'win32') setModes(root, 0o755, 0o644);
  rmSync(root, { recursive: true, force: true });
});

describe('a read-only data folder', () => {
  it('refuses every write with storage-failed, saying progress could not be saved', ({ skip }) => {
    if (skipReason) skip(skipReason);
    expect(report!.notices, how).toEqual([]);
    expect(report!.outcomes.map((outcome) => outcome.operation)).toEqual([
      'addAttempt',
      'addAttempt again',
      'createLearner',
      'startNewRound',
    ]);
    for (const outcome of report!.outcomes) {
      expect(outcome, `${outcome.operation} ${how}`).toMatchObject({ ok: false, code: 'storage-failed' });
      expect(outcome.message).toContain('Progress could not be saved: the data folder cannot be written to.');
      expect(outcome.message).toContain('Nothing was lost');
    }
  });

  it('acknowledges nothing falsely: the store still holds what is on disk', ({ skip }) => {
    if (skipReason) skip(skipReason);
    expect(report!.attemptsBefore, how).toBe(ANSWERS);
    expect(report!.attemptsAfter, `after the refused writes, ${how}`).toBe(ANSWERS);
    expect(report!.learnersAfter).toBe(1);
  });

  it('harms nothing: every file is byte for byte as it was', ({ skip }) => {
    if (skipReason) skip(skipReason);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('taking the lock on it gives a clear refusal rather than throwing', ({ skip }) => {
    if (skipReason) skip(skipReason);
    expect(report!.lock).not.toHaveProperty('threw');
    expect(report!.lock).toMatchObject({ ok: false });
    expect((report!.lock as { message: string }).message).toContain(dataDir);
  });
});
