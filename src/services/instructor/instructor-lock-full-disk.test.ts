/**
 * The throttle on a disk that refuses writes (full, or read-only): a try that cannot be recorded is
 * refused, and the count kept in memory still makes later tries wait, so guessing on a full disk
 * gains nothing. The disk is made to refuse by failing the creation of the file's temporary copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors';
import { InstructorLock } from './instructor-lock';

const refusedWrites = vi.hoisted(() => ({ on: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    open: (path: string, flags?: string, mode?: number) => {
      if (refusedWrites.on && flags === 'wx') {
        return Promise.reject(Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: 'ENOSPC' }));
      }
      return actual.open(path, flags, mode);
    },
  };
});

const PASSPHRASE = 'correct horse battery';
const OTHER = 'wrong but long enough';

let dir: string;
let time: number;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-instructor-full-'));
  time = Date.UTC(2026, 0, 1);
  refusedWrites.on = false;
});

afterEach(() => {
  refusedWrites.on = false;
  rmSync(dir, { recursive: true, force: true });
});

async function outcome(promise: Promise<boolean>): Promise<boolean | string> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

describe('InstructorLock on a disk that refuses writes', () => {
  it('refuses every try it cannot record, and the right passphrase never unlocks while the count says wait', async () => {
    const lock = new InstructorLock(dir, { now: () => time });
    await lock.setFirst(PASSPHRASE);
    refusedWrites.on = true;

    const outcomes: (boolean | string)[] = [];
    for (let n = 0; n < 6; n++) outcomes.push(await outcome(lock.verify(OTHER)));
    // No try was recorded, so none was answered; from the fourth on, the count in memory says wait.
    expect(outcomes).toEqual(['storage-failed', 'storage-failed', 'storage-failed', 'conflict', 'conflict', 'conflict']);
    expect(await outcome(lock.verify(PASSPHRASE))).toBe('conflict');
    // Waiting is not enough while nothing can be recorded: the try is still refused.
    time += 60_000;
    expect(await outcome(lock.verify(PASSPHRASE))).toBe('storage-failed');

    refusedWrites.on = false;
    time += 60_000;
    expect(await outcome(lock.verify(PASSPHRASE))).toBe(true);
  });

  it('says in plain words that the disk is full', async () => {
    const lock = new InstructorLock(dir, { now: () => time });
    await lock.setFirst(PASSPHRASE);
    refusedWrites.on = true;
    await expect(lock.verify(OTHER)).rejects.toMatchObject({
      code: 'storage-failed',
      message: expect.stringMatching(/the disk is full/),
    });
  });
});
