// Instructor mode through the contract: other learners' progress stays locked until the passphrase opens it.
// Which methods need it is the contract's to say; contract-robustness.test.ts tries every one of them locked.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { Backend } from '../backend';
import { TEST_SCRYPT_COST } from './instructor-lock';

let dataDir: string;
let backend: Backend;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-instructor-'));
  backend = new Backend({
    dataDir,
    packsDir: join(import.meta.dirname, '../../../exercises'),
    appVersion: '9.9.9',
    shell: 'browser',
    scryptCost: TEST_SCRYPT_COST,
  });
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('instructor mode', () => {
  it('first use sets the passphrase and unlocks; a new start is locked again; only the right passphrase opens it', async () => {
    expect(await dispatch(backend, 'getInstructorStatus', {})).toEqual({ ok: true, value: { set: false, unlocked: false } });
    expect(await dispatch(backend, 'setInstructorPassphrase', { passphrase: 'teacher-only' })).toEqual({
      ok: true,
      value: { unlocked: true },
    });
    expect((await dispatch(backend, 'getClassReport', {})).ok).toBe(true);

    const restarted = new Backend({
      dataDir,
      packsDir: join(import.meta.dirname, '../../../exercises'),
      appVersion: '9.9.9',
      shell: 'browser',
      scryptCost: TEST_SCRYPT_COST,
    });
    expect(await dispatch(restarted, 'getInstructorStatus', {})).toEqual({ ok: true, value: { set: true, unlocked: false } });
    expect(await dispatch(restarted, 'unlockInstructor', { passphrase: 'wrong guess' })).toEqual({
      ok: true,
      value: { unlocked: false },
    });
    expect((await dispatch(restarted, 'getClassReport', {})).ok).toBe(false);
    expect(await dispatch(restarted, 'unlockInstructor', { passphrase: 'teacher-only' })).toEqual({
      ok: true,
      value: { unlocked: true },
    });
    expect((await dispatch(restarted, 'getClassReport', {})).ok).toBe(true);
    await dispatch(restarted, 'lockInstructor', {});
    expect((await dispatch(restarted, 'getClassReport', {})).ok).toBe(false);
  });

  it('cannot set a second passphrase over the first', async () => {
    await dispatch(backend, 'setInstructorPassphrase', { passphrase: 'teacher-only' });
    const again = await dispatch(backend, 'setInstructorPassphrase', { passphrase: 'a-learner-guess' });
    expect(again.ok ? undefined : again.error.code).toBe('conflict');
  });
});
