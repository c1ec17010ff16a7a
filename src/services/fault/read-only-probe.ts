/**
 * What read-only.test.ts checks on a data folder it may not write to, run either in a child process
 * as an unprivileged user or in the test process itself: open the store, try to write in every way
 * a learner can (and a retry), and report what each attempt said and what the store then holds.
 */
import type { Notice } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { acquireDataLock } from '../store/data-lock';
import { ProgressStore } from '../store/progress-store';
import { validAttempt } from './fixtures';

export interface Outcome {
  operation: string;
  ok: boolean;
  code?: string;
  message?: string;
}

export interface ProbeReport {
  notices: Notice[];
  attemptsBefore: number;
  outcomes: Outcome[];
  attemptsAfter: number;
  learnersAfter: number;
  /** What taking the data folder's lock did: a result, or the error it threw. */
  lock: { ok: boolean; message?: string } | { threw: string };
}

async function outcome(operation: string, action: () => Promise<unknown>): Promise<Outcome> {
  try {
    await action();
    return { operation, ok: true };
  } catch (error) {
    return error instanceof ApiError
      ? { operation, ok: false, code: error.code, message: error.message }
      : { operation, ok: false, code: `not an ApiError: ${(error as NodeJS.ErrnoException).code ?? ''}`, message: String(error) };
  }
}

export async function probeReadOnly(dataDir: string, learnerId: string): Promise<ProbeReport> {
  const store = new ProgressStore(dataDir);
  await store.open();
  const attemptsBefore = (await store.attempts(learnerId)).length;
  const outcomes = [
    await outcome('addAttempt', () => store.addAttempt(validAttempt(learnerId))),
    await outcome('addAttempt again', () => store.addAttempt(validAttempt(learnerId))),
    await outcome('createLearner', () => store.createLearner('Dara')),
    await outcome('startNewRound', () => store.startNewRound(learnerId, 'pack-a')),
  ];
  const attemptsAfter = (await store.attempts(learnerId)).length;
  const learnersAfter = (await store.listLearners()).length;

  let lock: ProbeReport['lock'];
  try {
    const result = await acquireDataLock(dataDir, 'browser');
    lock = result.ok ? { ok: true } : { ok: false, message: result.message };
    if (result.ok) result.release();
  } catch (error) {
    lock = { threw: `${(error as NodeJS.ErrnoException).code ?? ''} ${(error as Error).message}` };
  }
  return { notices: store.notices(), attemptsBefore, outcomes, attemptsAfter, learnersAfter, lock };
}
