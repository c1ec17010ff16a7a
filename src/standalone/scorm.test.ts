// The player's side of SCORM 1.2, against scorm-again's Scorm12API (a real SCORM 1.2 runtime, as an
// LMS provides): the API is found up the frames, answers reach the LMS as interactions with the
// score and status, and a new session resumes from the suspend data alone.
import type Scorm12APIType from 'scorm-again/scorm12';
import { describe, expect, it } from 'vitest';
import type { Pack } from '../shared/pack/schema';
import { answerFor } from '../shared/testing/answers';
import { ITEMS_BY_TYPE, packOf } from '../shared/testing/exercise-items';
import { LocalApi } from './local-api';
import { findScormApi, nameFromLms, ScormSession, type Scorm12Api } from './scorm';

// The package's ES module names the class; its types call it the default export.
const { Scorm12API } = (await import('scorm-again/scorm12')) as unknown as { Scorm12API: typeof Scorm12APIType };
type Scorm12API = Scorm12APIType;

/** What the LMS holds, write-only elements included (as it would send them on to its database). */
function recorded(api: Scorm12API) {
  return JSON.parse(JSON.stringify(api.cmi)) as {
    core: { lesson_status: string; exit: string; session_time: string; score: { raw: string } };
    suspend_data: string;
    interactions: Record<string, { id: string; type: string; result: string; student_response: string }>;
  };
}

/** One item of each type, so every kind of interaction reaches the LMS. */
const seed: Pack = packOf(Object.values(ITEMS_BY_TYPE));

/** A fresh LMS attempt, or the next visit to one (its cmi data carried over as an LMS would). */
function lms(carried?: { suspend_data: string; lesson_status: string }): Scorm12API {
  const api = new Scorm12API({ logLevel: 5, autocommit: false });
  api.loadFromJSON({
    core: {
      student_id: 'ada-1',
      student_name: 'Lovelace, Ada',
      entry: carried ? 'resume' : 'ab-initio',
      lesson_status: carried?.lesson_status ?? 'not attempted',
    },
    suspend_data: carried?.suspend_data ?? '',
  });
  return api;
}

/** Every value the player set, and each one the LMS refused (with SCORM's error code). */
const sets: [string, string][] = [];
const refusals: string[] = [];

function open(api: Scorm12API, clock: { now: Date }) {
  const watched: Scorm12Api = {
    LMSInitialize: () => api.LMSInitialize(),
    LMSFinish: () => api.LMSFinish(),
    LMSCommit: () => api.LMSCommit(),
    LMSGetValue: (element) => api.LMSGetValue(element),
    LMSSetValue: (element, value) => {
      sets.push([element, value]);
      const ok = api.LMSSetValue(element, value);
      if (ok !== 'true') refusals.push(`${element}=${value}: ${api.LMSGetLastError()}`);
      return ok;
    },
  };
  const session = ScormSession.open(watched, seed, { appVersion: '0.0.0-test', now: () => clock.now })!;
  const local = new LocalApi(seed, session.storage, { appVersion: '0.0.0-test', now: () => clock.now });
  return { session, local };
}

describe('findScormApi', () => {
  it('finds API on a parent within the bounded walk, then on the opener, and nowhere else', () => {
    const api = { LMSInitialize: () => 'true' };
    const top = { API: api } as unknown as Window & { parent: Window };
    top.parent = top;
    let frame = top as Window;
    for (let depth = 0; depth < 3; depth += 1) frame = { parent: frame } as unknown as Window;
    expect(findScormApi(frame)).toBe(api);
    let deep = top as Window;
    for (let depth = 0; depth < 20; depth += 1) deep = { parent: deep } as unknown as Window;
    expect(findScormApi(deep)).toBeUndefined();
    const popup = { parent: null, opener: frame } as unknown as Window;
    expect(findScormApi(popup)).toBe(api);
    expect(findScormApi({ parent: null, opener: null } as unknown as Window)).toBeUndefined();
  });

  it('takes the LMS name of the learner in the order people say it', () => {
    expect(nameFromLms('Lovelace, Ada')).toBe('Ada Lovelace');
    expect(nameFromLms('Ada')).toBe('Ada');
    expect(nameFromLms('')).toBeUndefined();
  });
});

describe('ScormSession', () => {
  it('reports answers, score and status to the LMS, and resumes from the suspend data', async () => {
    const clock = { now: new Date('2026-03-04T09:00:00Z') };
    const first = lms();
    const { session, local } = open(first, clock);
    expect(first.cmi.core.lesson_status).toBe('incomplete');
    expect(session.learnerName).toBe('Ada Lovelace');
    local.start(session.learnerName!);
    const [one, two] = seed.items;
    await local.recordAnswer({
      learnerId: 'x',
      packId: seed.id,
      itemId: one!.id,
      answer: answerFor(one!, true),
      timeTakenMs: 4000,
    });
    await local.recordAnswer({
      learnerId: 'x',
      packId: seed.id,
      itemId: two!.id,
      answer: answerFor(two!, false),
      timeTakenMs: 9000,
    });
    clock.now = new Date('2026-03-04T09:12:30Z');
    session.finish();

    const sent = recorded(first);
    expect(Object.values(sent.interactions)).toHaveLength(2);
    expect(sent.interactions['0']).toMatchObject({ id: one!.id, result: 'correct' });
    expect(sent.interactions['1']).toMatchObject({ id: two!.id, result: 'wrong' });
    expect(sent.core.score.raw).toBe(String(Math.round(100 / seed.items.length)));
    expect(sent.core.lesson_status).toBe('incomplete');
    expect(sent.core.exit).toBe('suspend');
    expect(sets).toContainEqual(['cmi.core.session_time', '0000:12:30.00']);
    expect(sent.core.session_time).toBe('00:12:30');
    expect(refusals).toEqual([]);
    expect(sent.suspend_data.length).toBeLessThanOrEqual(4096);

    const next = lms({ suspend_data: sent.suspend_data, lesson_status: sent.core.lesson_status });
    const again = open(next, clock);
    expect(again.local.learner()?.name).toBe('Ada Lovelace');
    const resumed = await again.local.getPackSession();
    expect(resumed.answers.map((answer) => [answer.itemId, answer.score.correct])).toEqual([
      [one!.id, true],
      [two!.id, false],
    ]);
    expect(resumed.answeredTimes).toEqual({ [one!.id]: 1, [two!.id]: 1 });

    // Finishing every exercise right passes; playing again keeps the pass.
    for (const item of seed.items)
      await again.local.recordAnswer({
        learnerId: 'x',
        packId: seed.id,
        itemId: item.id,
        answer: answerFor(item, true),
        timeTakenMs: 1000,
      });
    expect(next.cmi.core.lesson_status).toBe('passed');
    expect(next.cmi.core.score.raw).toBe('100');
    await again.local.restartPack();
    expect(next.cmi.core.lesson_status).toBe('passed');
    expect(next.cmi.core.score.raw).toBe('100');
    expect(refusals).toEqual([]);
  });

  it('is not opened when the LMS will not start a session', () => {
    const refusing = { LMSInitialize: () => 'false' } as unknown as Scorm12Api;
    expect(ScormSession.open(refusing, seed, { appVersion: '0.0.0-test' })).toBeUndefined();
  });
});
