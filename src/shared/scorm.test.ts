// What the LMS is told: suspend data that comes back as it went (and stays within SCORM 1.2's 4096
// characters for the largest shipped pack), interactions in SCORM 1.2's vocabulary and lengths, the
// result at the mastery score, and times in SCORM 1.2's formats.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownOrder } from './choice-order';
import type { Pack } from './pack/schema';
import { validatePack } from './pack/validate';
import {
  decodeSuspendData,
  encodeSuspendData,
  MAX_SCORM_FEEDBACK,
  MAX_SUSPEND_DATA,
  scormInteraction,
  scormResult,
  scormTimespan,
  type SuspendState,
} from './scorm';
import { scoreAnswer } from './scoring';
import { answerFor } from './testing/answers';

const packsDir = join(import.meta.dirname, '../../exercises');
const packs: Pack[] = readdirSync(packsDir)
  .filter((name) => name.endsWith('.json') && name !== 'pack.schema.json')
  .map((name) => {
    const result = validatePack(JSON.parse(readFileSync(join(packsDir, name), 'utf8')));
    if (!result.ok) throw new Error(`${name} is not valid`);
    return result.pack;
  });
const largest = packs.reduce((a, b) => (b.items.length > a.items.length ? b : a));
const LEARNER = '7c0b7c3e-1d7a-4a51-9a43-2f1d3c6f0a11';

/** Every item answered (right, or wrong every third), many times over, each with the order it was shown in. */
function everyItemAnswered(pack: Pack, times = 37): SuspendState {
  const items: SuspendState['items'] = {};
  for (const [index, item] of pack.items.entries()) {
    const shown = shownOrder(item, { learnerId: LEARNER, packId: pack.id, itemId: item.id, play: times });
    items[item.id] = { times, answer: answerFor(item, index % 3 !== 0), ...(shown ? { shown } : {}) };
  }
  return { learnerId: LEARNER, name: 'Zoë Ångström-Øverli, Élodie', round: 12, best: 83, items };
}

describe('suspend data', () => {
  it('comes back as it went, for every shipped pack with every exercise answered', () => {
    for (const pack of packs) {
      const state = everyItemAnswered(pack);
      const text = encodeSuspendData(pack, state);
      expect(text.length).toBeLessThanOrEqual(MAX_SUSPEND_DATA);
      expect(decodeSuspendData(pack, text)).toEqual(state);
    }
  });

  it(`stays within SCORM 1.2's ${MAX_SUSPEND_DATA} characters for the largest pack, marks in many pieces`, () => {
    const state = everyItemAnswered(largest, 1295);
    // Each passage marked in ten pieces at the article's far end, as a learner feeling their way might.
    for (const item of largest.items) {
      if (item.type !== 'find') continue;
      const spans = Array.from({ length: 10 }, (_, n) => ({
        paragraph: item.paragraphs[0]!,
        start: 9000 + n * 40,
        end: 9020 + n * 40,
      }));
      state.items[item.id] = { times: 1295, answer: { type: 'find', spans } };
    }
    const text = encodeSuspendData(largest, state);
    expect(largest.items.length).toBeGreaterThanOrEqual(38);
    expect(text.length).toBeLessThan(MAX_SUSPEND_DATA);
    expect(decodeSuspendData(largest, text)).toEqual(state);
  });

  it('leaves out the longest marks when a pack would not fit, and keeps the rest', () => {
    const state = everyItemAnswered(largest);
    const find = largest.items.filter((item) => item.type === 'find');
    for (const item of find) {
      const spans = Array.from({ length: 100 }, (_, n) => ({ paragraph: 900 + n, start: 19000 + n, end: 19999 }));
      state.items[item.id] = { times: 2, answer: { type: 'find', spans } };
    }
    const text = encodeSuspendData(largest, state);
    expect(text.length).toBeLessThanOrEqual(MAX_SUSPEND_DATA);
    const back = decodeSuspendData(largest, text)!;
    const kept = find.filter((item) => back.items[item.id]!.answer !== undefined);
    expect(kept.length).toBeLessThan(find.length);
    for (const item of find) expect(back.items[item.id]!.times).toBe(2);
    const classify = largest.items.find((item) => item.type === 'classify')!;
    expect(back.items[classify.id]).toEqual(state.items[classify.id]);
  });

  it('reads nothing from data that is not its own or does not fit the pack', () => {
    const pack = packs[0]!;
    const text = encodeSuspendData(pack, everyItemAnswered(pack));
    expect(decodeSuspendData(pack, '')).toBeUndefined();
    expect(decodeSuspendData(pack, 'lesson=3;page=7')).toBeUndefined();
    expect(decodeSuspendData(pack, text.replace(/^s1/, 's9'))).toBeUndefined();
    expect(decodeSuspendData(packs[1]!.items.length === pack.items.length ? largest : packs[1]!, text)).toBeUndefined();
    expect(decodeSuspendData(pack, `s1|${LEARNER}|1||Ada|${';'.repeat(pack.items.length - 1)}`)).toEqual({
      learnerId: LEARNER,
      name: 'Ada',
      round: 1,
      items: {},
    });
  });
});

describe('scormInteraction', () => {
  const at = new Date(2026, 2, 4, 9, 5, 7);

  it('writes every answer to every shipped exercise in SCORM 1.2 terms and lengths', () => {
    for (const pack of packs) {
      for (const item of pack.items) {
        for (const right of [true, false]) {
          const answer = answerFor(item, right);
          const interaction = scormInteraction(item, answer, scoreAnswer(item, answer, pack), pack, at, 65_432);
          expect(interaction.id).toMatch(/^[\u0021-\u007e]{1,255}$/);
          expect(['choice', 'matching', 'fill-in']).toContain(interaction.type);
          // The test's wrong label may be one the item does not offer: SCORM 1.2 calls that unanticipated.
          if (interaction.result === 'unanticipated') {
            expect(interaction.student_response).toBe('');
            continue;
          }
          expect(interaction.result).toBe(scoreAnswer(item, answer, pack).correct ? 'correct' : 'wrong');
          expect(interaction.student_response.length).toBeLessThanOrEqual(MAX_SCORM_FEEDBACK);
          for (const pattern of interaction.correct_responses) expect(pattern.length).toBeLessThanOrEqual(MAX_SCORM_FEEDBACK);
          if (interaction.type === 'choice') expect(interaction.student_response).toMatch(/^[a-z0-9]$/);
          if (interaction.type === 'matching')
            expect(interaction.student_response).toMatch(/^[a-z0-9]\.[a-z0-9](,[a-z0-9]\.[a-z0-9])*$/);
          if (interaction.type !== 'fill-in') expect(interaction.correct_responses.length).toBeGreaterThan(0);
          if (right && interaction.type !== 'fill-in')
            expect(interaction.correct_responses).toContain(interaction.student_response);
          expect(interaction.time).toBe('09:05:07');
          expect(interaction.latency).toBe('0000:01:05.43');
        }
      }
    }
  });

  it('names a label by its place among the labels offered, and accepts each label the claim allows', () => {
    const pack = largest;
    const item = pack.items.find((one) => one.type === 'classify')!;
    if (item.type !== 'classify') throw new Error('no classify item');
    const choices = item.choices ?? ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion'];
    const answer = { type: 'classify' as const, label: item.claim.label };
    const interaction = scormInteraction(item, answer, { correct: true }, pack, at, 0);
    expect(interaction.student_response).toBe('abcdefghij'[choices.indexOf(item.claim.label)]);
    expect(interaction.correct_responses).toHaveLength(1 + (item.claim.alsoAccept?.length ?? 0));
  });
});

describe('scormResult', () => {
  const pack = largest;
  const answered = (count: number, right: number) =>
    pack.items
      .slice(0, count)
      .map((item, index) => ({ itemId: item.id, score: scoreAnswer(item, answerFor(item, index < right), pack) }));
  const total = pack.items.length;

  it('is incomplete while exercises are left, then passed or failed at the mastery score', () => {
    expect(scormResult(pack, [], 70, undefined)).toEqual({ raw: 0, status: 'incomplete' });
    expect(scormResult(pack, answered(5, 5), 70, undefined)).toEqual({ raw: Math.round(500 / total), status: 'incomplete' });
    const pass = Math.ceil(0.7 * total);
    expect(scormResult(pack, answered(total, pass), 70, undefined)).toEqual({
      raw: Math.round((100 * pass) / total),
      status: 'passed',
    });
    expect(scormResult(pack, answered(total, pass - 1), 70, undefined).status).toBe('failed');
  });

  it('keeps the best finished round while the learner plays again', () => {
    expect(scormResult(pack, answered(3, 3), 70, 84)).toEqual({ raw: 84, status: 'passed' });
    expect(scormResult(pack, answered(3, 3), 70, 50)).toEqual({ raw: 50, status: 'failed' });
  });
});

describe('scormTimespan', () => {
  it('writes HHHH:MM:SS.SS', () => {
    expect(scormTimespan(0)).toBe('0000:00:00.00');
    expect(scormTimespan(1234)).toBe('0000:00:01.23');
    expect(scormTimespan(3_723_450)).toBe('0001:02:03.45');
    expect(scormTimespan(59_999)).toBe('0000:01:00.00');
    expect(scormTimespan(-5)).toBe('0000:00:00.00');
  });
});
