// Spaced review and the progress report, through the contract as the UI reaches them.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, Score } from '../../shared/answers';
import type { ProgressReport, ReviewQueue } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { Backend } from '../backend';
import type { PackProgress } from '../../shared/progress';

const PACK = 'nk-troops-russia-2024';
const DENIAL = 'classify-north-korea-denied'; // label denial
const MOSCOW = 'classify-moscow-not-confirmed'; // label unconfirmed
const WE_KNOW = 'classify-official-we-know'; // label confirmed

let dataDir: string;
let clock: Date;
let backend: Backend;
let learnerId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(backend, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

const classify = (label: string, confidence?: number): Answer =>
  ({ type: 'classify', label, ...(confidence ? { confidence } : {}) }) as Answer;

async function answer(itemId: string, given: Answer, mode?: 'review') {
  return call<{ score: Score }>('recordAnswer', {
    learnerId,
    packId: PACK,
    itemId,
    answer: given,
    timeTakenMs: 1000,
    ...(mode ? { mode } : {}),
  });
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-review-'));
  clock = new Date('2026-11-26T10:00:00Z');
  backend = new Backend(
    { dataDir, packsDir: join(import.meta.dirname, '../../../exercises'), appVersion: '9.9.9', shell: 'browser' },
    () => clock,
  );
  learnerId = (await call<{ id: string }>('createLearner', { name: 'Ana' })).id;
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('spaced review', () => {
  it('puts a missed item and a right guess in review, but not a confident right answer', async () => {
    await answer(DENIAL, classify('unconfirmed', 3)); // wrong
    await answer(MOSCOW, classify('unconfirmed', 1)); // right, guessing
    await answer(WE_KNOW, classify('confirmed', 3)); // right, certain
    const queue = await call<ReviewQueue>('getReviewQueue', { learnerId });
    expect(queue.due).toEqual([]);
    expect(queue.upcoming.map((entry) => entry.itemId)).toEqual([DENIAL, MOSCOW]);
    // Only the wrong answer is one the learner missed; the right guess is in review all the same.
    expect(queue.upcoming.map((entry) => entry.missed)).toEqual([true, false]);

    // The miss comes back the next day; the guess, graded Hard, a little later.
    clock = new Date('2026-11-27T10:00:00Z');
    expect((await call<ReviewQueue>('getReviewQueue', { learnerId })).due.map((entry) => entry.itemId)).toEqual([DENIAL]);
    clock = new Date('2026-12-03T10:00:00Z');
    const due = await call<ReviewQueue>('getReviewQueue', { learnerId });
    expect(due.due.map((entry) => entry.itemId).sort()).toEqual([DENIAL, MOSCOW].sort());
    expect(due.due.find((entry) => entry.itemId === DENIAL)).toMatchObject({
      packId: PACK,
      packTitle: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
      itemType: 'classify',
      summary: '“North Korea denied that it sent military forces to Russia”',
      lapses: 0,
      missed: true,
    });
  });

  it('a right review answer sends the item days away; a wrong one brings it back the next day', async () => {
    await answer(DENIAL, classify('unconfirmed'));
    await answer(MOSCOW, classify('denial'));
    clock = new Date('2026-11-27T10:00:00Z');
    await answer(DENIAL, classify('denial'), 'review');
    await answer(MOSCOW, classify('confirmed'), 'review');
    const queue = await call<ReviewQueue>('getReviewQueue', { learnerId });
    expect(queue.due).toEqual([]);
    const day = 24 * 60 * 60 * 1000;
    clock = new Date(clock.getTime() + day);
    const nextDay = await call<ReviewQueue>('getReviewQueue', { learnerId });
    expect(nextDay.due.map((entry) => entry.itemId)).toEqual([MOSCOW]);
    expect(nextDay.due[0]!.lapses).toBeGreaterThanOrEqual(1);
    expect(Date.parse(nextDay.upcoming[0]!.due) - clock.getTime()).toBeGreaterThan(day);
  });

  it('offers items not due yet for practice; a right answer then leaves the schedule as it was', async () => {
    await answer(DENIAL, classify('unconfirmed'));
    const before = await call<ReviewQueue>('getReviewQueue', { learnerId });
    expect(before.upcoming).toHaveLength(1);

    clock = new Date('2026-11-26T15:00:00Z');
    await answer(DENIAL, classify('denial', 3), 'review');
    await answer(DENIAL, classify('denial', 3), 'review');
    const after = await call<ReviewQueue>('getReviewQueue', { learnerId });
    const schedule = (entry: ReviewQueue['upcoming'][number]) => ({ ...entry, missed: undefined });
    expect(after.upcoming.map(schedule)).toEqual(before.upcoming.map(schedule));
    // Right now: no longer one of the ones missed.
    expect([before.upcoming[0]!.missed, after.upcoming[0]!.missed]).toEqual([true, false]);
  });

  it('counts a miss while practising early: the item comes back the next day', async () => {
    await answer(DENIAL, classify('unconfirmed'));
    clock = new Date('2026-11-27T10:00:00Z');
    await answer(DENIAL, classify('denial', 3), 'review'); // due and right: FSRS sends it days away
    const far = (await call<ReviewQueue>('getReviewQueue', { learnerId })).upcoming[0]!;
    const day = 24 * 60 * 60 * 1000;
    expect(Date.parse(far.due) - clock.getTime()).toBeGreaterThan(2 * day);

    clock = new Date('2026-11-28T10:00:00Z');
    await answer(DENIAL, classify('confirmed'), 'review'); // early and wrong
    const back = (await call<ReviewQueue>('getReviewQueue', { learnerId })).upcoming[0]!;
    expect(Date.parse(back.due) - clock.getTime()).toBe(day);
    expect(back.lapses).toBe(far.lapses + 1);
    // Missed goes with the latest answer: right before, wrong now.
    expect([far.missed, back.missed]).toEqual([false, true]);
  });

  it('brings a find answer that fell for the trap back in review, like any answer that is not right', async () => {
    const FIND_DENIAL = 'find-denial-last-paragraph';
    // The denial (0-57) and "Moscow has not confirmed the reports" (65-101) in the last paragraph.
    const trap: Answer = {
      type: 'find',
      spans: [
        { paragraph: 9, start: 0, end: 57 },
        { paragraph: 9, start: 65, end: 101 },
      ],
    };
    const { score } = await answer(FIND_DENIAL, trap);
    expect(score).toMatchObject({ correct: false, score: 0.5 });
    expect((await call<ReviewQueue>('getReviewQueue', { learnerId })).upcoming.map((entry) => entry.itemId)).toEqual([
      FIND_DENIAL,
    ]);
    clock = new Date('2026-11-27T10:00:00Z');
    expect((await call<ReviewQueue>('getReviewQueue', { learnerId })).due.map((entry) => entry.itemId)).toEqual([FIND_DENIAL]);
    const progress = await call<PackProgress[]>('getProgress', { learnerId });
    expect(progress.find((pack) => pack.packId === PACK)).toMatchObject({ answered: 1, correct: 0 });
  });

  it('review answers do not count towards the pack round', async () => {
    await answer(DENIAL, classify('unconfirmed'));
    clock = new Date('2026-11-27T10:00:00Z');
    await answer(MOSCOW, classify('unconfirmed'), 'review');
    const session = await call<{ answers: { itemId: string }[] }>('getPackSession', { learnerId, packId: PACK });
    expect(session.answers.map((entry) => entry.itemId)).toEqual([DENIAL]);
  });
});

describe('progress report', () => {
  it('counts per label and type, with discernment, calibration and a day-by-day timeline', async () => {
    await answer(DENIAL, classify('denial', 3)); // right
    await answer(MOSCOW, classify('denial', 3)); // wrong: unconfirmed called a denial
    await answer(WE_KNOW, classify('confirmed', 1)); // right
    clock = new Date('2026-11-28T09:00:00Z');
    await call('recordAnswer', {
      learnerId,
      packId: PACK,
      itemId: 'headline-moscow-confirms',
      answer: { type: 'headline', verdict: 'overstated' },
      timeTakenMs: 500,
    });
    const report = await call<ProgressReport>('getProgressReport', { learnerId });
    expect(report.answered).toBe(4);
    expect(report.correct).toBe(3);
    expect(report.round).toBeUndefined();
    expect(report.byType.classify).toEqual({ right: 2, total: 3 });
    expect(report.byType.headline).toEqual({ right: 1, total: 1 });
    // Denial: 1 hit of 1, 1 false alarm of 2 others.
    expect(report.discernment.denial).toMatchObject({ hits: 1, misses: 0, falseAlarms: 1, correctRejections: 1 });
    // When it was a denial, said so 1 of 1; when said denial, it was 1 of 2. Too few for d′.
    expect(report.discernment.denial).toMatchObject({ hitRate: 1, precision: 0.5, enough: false, dPrime: undefined });
    expect(report.discernment.unconfirmed).toMatchObject({ hits: 0, misses: 1, hitRate: 0, precision: undefined });
    expect(report.calibration.levels).toEqual([
      { level: 1, right: 1, total: 1, accuracy: 1 },
      { level: 2, right: 0, total: 0, accuracy: undefined },
      { level: 3, right: 1, total: 2, accuracy: 0.5 },
    ]);
    expect(report.timeline).toEqual([
      { date: '2026-11-26', answered: 3, correct: 2 },
      { date: '2026-11-28', answered: 1, correct: 1 },
    ]);
    expect(report.packs).toEqual([{ id: PACK, title: 'U.S. Officials Confirm North Korea Sent Troops to Russia' }]);
  });

  it('for one pack, counts the current round as the pack card does, beside every answer given', async () => {
    await answer(DENIAL, classify('denial'));
    await answer(MOSCOW, classify('denial'));
    await answer(MOSCOW, classify('unconfirmed'), 'review');
    await call('restartPack', { learnerId, packId: PACK });
    await answer(WE_KNOW, classify('confirmed'));
    const report = await call<ProgressReport>('getProgressReport', { learnerId, packId: PACK });
    const [card] = (await call<PackProgress[]>('getProgress', { learnerId })).filter((pack) => pack.packId === PACK);
    expect(report.round).toEqual(card);
    expect(report.round).toMatchObject({ round: 2, answered: 1, correct: 1, total: 38 });
    // Every answer: both rounds and the review.
    expect(report).toMatchObject({ answered: 4, correct: 3 });
  });

  it('is empty for a learner without answers, and refuses an unknown learner', async () => {
    const report = await call<ProgressReport>('getProgressReport', { learnerId });
    expect(report.answered).toBe(0);
    expect(report.packs).toEqual([]);
    const unknown = await dispatch(backend, 'getProgressReport', { learnerId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok ? undefined : unknown.error.code).toBe('not-found');
  });
});
