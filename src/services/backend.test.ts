import { strFromU8, unzipSync } from 'fflate';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, MethodName, PackList, PackSession } from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import type { ErrorBody, ErrorCode } from '../shared/errors';
import type { Item, Pack } from '../shared/pack/schema';
import { answerFor } from '../shared/testing/answers';
import { validatePack } from '../shared/pack/validate';
import type { Attempt, Learner, PackProgress } from '../shared/progress';
import type { Score } from '../shared/answers';
import { Backend } from './backend';
import { readProgressOnDisk } from './store/progress-store';

const SEED_ID = 'nk-troops-russia-2024';
const SEED_FILE = join(import.meta.dirname, '../../exercises', `${SEED_ID}.json`);
/** A packs folder holding the seed pack alone, so that figures over every pack do not change as exercises/ grows. */
const PACKS_DIR = mkdtempSync(join(tmpdir(), 'sourcewise-backend-packs-'));
copyFileSync(SEED_FILE, join(PACKS_DIR, `${SEED_ID}.json`));
afterAll(() => rmSync(PACKS_DIR, { recursive: true, force: true }));
const SEED_VERSION = (JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { version: number }).version;
/** Classify items of the seed pack and their expected labels (none of them accepts another label). */
const CONFIRMED_ITEM = 'classify-official-confirms-troops-sent';
const UNCONFIRMED_ITEM = 'classify-official-mission-unclear';
const HEADLINE_ITEM = 'headline-real-us-officials-confirm';
const SOURCE_ITEM = 'source-10000-chain';

let dataDir: string;
let backend: Backend;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-backend-'));
  backend = new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' });
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** Calls a method the way both transports do, and returns its value or fails the test. */
async function call<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await dispatch(backend, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Calls a method that must fail, and returns the error it failed with. */
async function refused(method: MethodName, input: unknown, code: ErrorCode): Promise<ErrorBody> {
  const result = await dispatch(backend, method, input);
  if (result.ok) throw new Error(`${method} should have failed with ${code} but returned ${JSON.stringify(result.value)}`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error;
}

function learnerFilePath(learnerId: string): string {
  return join(dataDir, 'learners', `${learnerId}.json`);
}

/** What a fresh reader finds on disk for the learner: the snapshot with its journal replayed. */
async function attemptsOnDisk(learnerId: string): Promise<Attempt[]> {
  return (await readProgressOnDisk(dataDir, learnerId)).attempts;
}

async function newLearner(name = 'Ada'): Promise<Learner> {
  return call<Learner>('createLearner', { name });
}

function classify(learnerId: string, itemId: string, label: string, extra: Record<string, unknown> = {}) {
  return { learnerId, packId: SEED_ID, itemId, answer: { type: 'classify', label, ...extra }, timeTakenMs: 4321 };
}

async function answer(learnerId: string, itemId: string, label: string): Promise<Score> {
  return (await call<{ score: Score }>('recordAnswer', classify(learnerId, itemId, label))).score;
}

/** A right or a wrong answer to any item of the seed pack. */
async function answerItem(learnerId: string, item: Item, right: boolean): Promise<Score> {
  const input = { learnerId, packId: SEED_ID, itemId: item.id, answer: answerFor(item, right), timeTakenMs: 1000 };
  return (await call<{ score: Score }>('recordAnswer', input)).score;
}

describe('Backend through dispatch: app and packs', () => {
  it('reports the app version it was given', async () => {
    await expect(call<AppInfo>('getAppInfo', {})).resolves.toEqual({
      name: 'Sourcewise',
      version: '9.9.9',
      shell: 'browser',
      dataDir,
    });
  });

  it('lists the seed pack with its 38 items and no invalid packs', async () => {
    const list = await call<PackList>('listPacks', {});
    expect(list.invalid).toEqual([]);
    expect(list.packs).toHaveLength(1);
    expect(list.packs[0]).toMatchObject({ id: SEED_ID, itemCount: 38 });
    expect(list.packs[0]?.title).toBeTruthy();
  });

  it('returns the seed pack as validated from its file', async () => {
    const pack = await call<Pack>('getPack', { packId: SEED_ID });
    const expected = validatePack(JSON.parse(readFileSync(SEED_FILE, 'utf8')));
    if (!expected.ok) throw new Error(expected.problems.join('\n'));
    expect(pack).toEqual(expected.pack);
    expect(pack.items).toHaveLength(38);
  });

  it('answers not-found for an unknown pack, and invalid-input for an id that is not an id', async () => {
    const error = await refused('getPack', { packId: 'no-such-pack' }, 'not-found');
    expect(error.message).toContain('no-such-pack');
    await refused('getPack', { packId: '../nk-troops-russia-2024' }, 'invalid-input');
  });
});

describe('Backend through dispatch: learners', () => {
  it('trims a new learner’s name and collapses its whitespace', async () => {
    const learner = await newLearner('  Ada \t\n  Lovelace  ');
    expect(learner.name).toBe('Ada Lovelace');
    await expect(call<Learner[]>('listLearners', {})).resolves.toEqual([learner]);
  });

  it('accepts a name of exactly 60 characters', async () => {
    await expect(newLearner('a'.repeat(60))).resolves.toMatchObject({ name: 'a'.repeat(60) });
  });

  it.each([
    ['an empty name', '', 'a name must have at least one letter'],
    ['a whitespace-only name', ' \t\n  ', 'a name must have at least one letter'],
    ['a 61-character name', 'a'.repeat(61), 'a name can be at most 60 characters'],
    ['a name with a control character', 'Ada\u0007Lovelace', 'a name cannot contain control characters'],
    ['a name with DEL', 'Ada\u007f', 'a name cannot contain control characters'],
  ])('refuses %s as invalid-input naming the problem', async (_what, name, problem) => {
    const error = await refused('createLearner', { name }, 'invalid-input');
    expect(error.message).toBe(`invalid input for createLearner: name: ${problem}`);
    expect(error.issues).toEqual([{ path: 'name', message: problem }]);
    await expect(call<Learner[]>('listLearners', {})).resolves.toEqual([]);
  });

  it('validates names on rename too, and refuses a name already taken (ignoring case and spacing)', async () => {
    const ada = await newLearner('Ada');
    const bob = await newLearner('Bob');
    await refused('renameLearner', { learnerId: bob.id, name: '' }, 'invalid-input');
    await refused('renameLearner', { learnerId: bob.id, name: '  aDa ' }, 'conflict');
    await refused('createLearner', { name: ' ADA' }, 'conflict');
    await expect(call<Learner>('renameLearner', { learnerId: bob.id, name: '  Robert   B. ' })).resolves.toEqual({
      ...bob,
      name: 'Robert B.',
    });
    await expect(call<Learner[]>('listLearners', {})).resolves.toEqual([ada, { ...bob, name: 'Robert B.' }]);
  });

  it('refuses a learner id that is not a UUID as invalid-input before the store sees it', async () => {
    for (const learnerId of ['../../etc/passwd', '..', 'a/b']) {
      await refused('getProgress', { learnerId }, 'invalid-input');
      await refused('deleteLearner', { learnerId }, 'invalid-input');
    }
    // dispatch refused them before the backend was called: the data folder is still empty.
    expect(existsSync(join(dataDir, 'learners.json'))).toBe(false);
  });

  it('deletes a learner: their progress is gone and asking for it gives not-found', async () => {
    const ada = await newLearner('Ada');
    await answer(ada.id, CONFIRMED_ITEM, 'confirmed');
    expect(existsSync(learnerFilePath(ada.id))).toBe(true);
    await expect(call('deleteLearner', { learnerId: ada.id })).resolves.toEqual({});
    expect(existsSync(learnerFilePath(ada.id))).toBe(false);
    const error = await refused('getProgress', { learnerId: ada.id }, 'not-found');
    expect(error.message).toContain('no longer exists');
    await refused('recordAnswer', classify(ada.id, CONFIRMED_ITEM, 'confirmed'), 'not-found');
    await expect(call<Learner[]>('listLearners', {})).resolves.toEqual([]);
  });
});

describe('Backend through dispatch: recording answers', () => {
  it('scores a right classify answer and stores a full attempt on disk, stamped with the clock', async () => {
    const answeredAt = '2026-11-26T12:00:00.000Z';
    backend = new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' }, () => new Date(answeredAt));
    const ada = await newLearner();
    const result = await call<{ score: Score }>('recordAnswer', classify(ada.id, CONFIRMED_ITEM, 'confirmed', { confidence: 3 }));
    expect(result.score).toMatchObject({
      itemType: 'classify',
      correct: true,
      score: 1,
      labels: [{ label: 'confirmed', correct: true }],
      detail: { type: 'classify', expected: 'confirmed', given: 'confirmed' },
    });

    const attempts = await attemptsOnDisk(ada.id);
    expect(attempts).toHaveLength(1);
    const stored = attempts[0] as Attempt;
    expect(stored).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      learnerId: ada.id,
      packId: SEED_ID,
      packVersion: SEED_VERSION,
      itemId: CONFIRMED_ITEM,
      itemType: 'classify',
      round: 1,
      answer: { type: 'classify', label: 'confirmed', confidence: 3 },
      correct: true,
      score: 1,
      labels: [{ label: 'confirmed', correct: true }],
      confidence: 3,
      timeTakenMs: 4321,
      answeredAt,
      appVersion: '9.9.9',
    });
  });

  it('scores a wrong classify answer as wrong and stores it without a confidence when none was given', async () => {
    const ada = await newLearner();
    const score = await answer(ada.id, CONFIRMED_ITEM, 'estimate');
    expect(score).toMatchObject({ correct: false, score: 0, labels: [{ label: 'confirmed', correct: false }] });
    const [stored] = await attemptsOnDisk(ada.id);
    expect(stored).toMatchObject({ correct: false, score: 0, answer: { type: 'classify', label: 'estimate' } });
    expect(stored).not.toHaveProperty('confidence');
  });

  it('keeps the order a source item’s options were shown in with the attempt, and gives it back in the session', async () => {
    const ada = await newLearner();
    const shown = { options: ['afp-own-count', 'park-to-reporters', 'agency-lawmakers-park-afp', 'agency-direct-to-afp'] };
    const input = {
      learnerId: ada.id,
      packId: SEED_ID,
      itemId: SOURCE_ITEM,
      answer: { type: 'source', optionId: 'park-to-reporters' },
    };
    await call('recordAnswer', { ...input, timeTakenMs: 10, shown });
    expect(await attemptsOnDisk(ada.id)).toMatchObject([{ itemId: SOURCE_ITEM, shown, correct: true }]);
    const session = await call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID });
    expect(session.answers).toMatchObject([{ itemId: SOURCE_ITEM, shown }]);
    expect(session.answeredTimes).toEqual({ [SOURCE_ITEM]: 1 });
    // And it goes to the instructor in the progress file.
    const exported = await call<{ content: string }>('exportProgress', { learnerId: ada.id });
    expect((JSON.parse(exported.content) as { attempts: Attempt[] }).attempts[0]?.shown).toEqual(shown);
    // An answer sent without an order (as before orders were kept) is stored without one.
    await call('recordAnswer', { ...input, timeTakenMs: 10, mode: 'review' });
    expect((await attemptsOnDisk(ada.id))[1]).not.toHaveProperty('shown');
    expect((await call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID })).answeredTimes).toEqual({
      [SOURCE_ITEM]: 2,
    });
  });

  it('scores a headline item', async () => {
    const ada = await newLearner();
    const { score } = await call<{ score: Score }>('recordAnswer', {
      learnerId: ada.id,
      packId: SEED_ID,
      itemId: HEADLINE_ITEM,
      answer: { type: 'headline', verdict: 'supported' },
      timeTakenMs: 10,
    });
    expect(score).toMatchObject({ itemType: 'headline', correct: true });
    expect(await attemptsOnDisk(ada.id)).toMatchObject([{ itemId: HEADLINE_ITEM, itemType: 'headline', correct: true }]);
  });

  describe('refuses and stores nothing', () => {
    let learner: Learner;
    let filesBefore: string[];

    /** The learner's snapshot and journal, byte for byte. */
    const learnerFiles = () =>
      [learnerFilePath(learner.id), learnerFilePath(learner.id).replace(/\.json$/, '.journal')].map((path) =>
        readFileSync(path, 'utf8'),
      );

    beforeEach(async () => {
      learner = await newLearner();
      // One real answer first, so that the learner's snapshot and journal exist and can be compared.
      await answer(learner.id, CONFIRMED_ITEM, 'confirmed');
      filesBefore = learnerFiles();
      expect(filesBefore[1], 'the answer is in the journal').toContain(CONFIRMED_ITEM);
    });

    function expectNothingStored(): void {
      expect(learnerFiles()).toEqual(filesBefore);
    }

    it('an answer of the wrong type for the item is invalid-input', async () => {
      const error = await refused(
        'recordAnswer',
        {
          learnerId: learner.id,
          packId: SEED_ID,
          itemId: CONFIRMED_ITEM,
          answer: { type: 'headline', verdict: 'supported' },
          timeTakenMs: 10,
        },
        'invalid-input',
      );
      expect(error.message).toContain('is a classify item, but the answer is for a headline item');
      expectNothingStored();
    });

    it('an order shown that is not an order of the item’s options is invalid-input', async () => {
      const source = (shown: unknown) => ({
        learnerId: learner.id,
        packId: SEED_ID,
        itemId: SOURCE_ITEM,
        answer: { type: 'source', optionId: 'park-to-reporters' },
        timeTakenMs: 10,
        shown,
      });
      const options = ['park-to-reporters', 'agency-direct-to-afp', 'afp-own-count', 'agency-lawmakers-park-afp'];
      for (const [shown, problem] of [
        [{ options: options.slice(1) }, 'entries once'],
        [{ options: [...options.slice(1), options[1]] }, 'entries once'],
        [{ sourceOptions: options }, 'no list "sourceOptions"'],
      ] as const) {
        const error = await refused('recordAnswer', source(shown), 'invalid-input');
        expect(error.message).toContain(problem);
      }
      await refused('recordAnswer', source({ options: 'a,b' }), 'invalid-input');
      expectNothingStored();
    });

    it('an unknown item is not-found', async () => {
      const error = await refused('recordAnswer', classify(learner.id, 'no-such-item', 'confirmed'), 'not-found');
      expect(error.message).toContain('no item "no-such-item"');
      expectNothingStored();
    });

    it('an unknown pack is not-found', async () => {
      const error = await refused(
        'recordAnswer',
        { ...classify(learner.id, CONFIRMED_ITEM, 'confirmed'), packId: 'no-such-pack' },
        'not-found',
      );
      expect(error.message).toContain('no-such-pack');
      expectNothingStored();
    });

    const long = 'a'.repeat(100_000);
    const valid = () => classify(learner.id, CONFIRMED_ITEM, 'confirmed');
    const bad: [string, () => unknown, string][] = [
      ['an extra top-level field', () => ({ ...valid(), admin: true }), 'Unrecognized key: "admin"'],
      [
        'an extra field in the answer',
        () => ({ ...valid(), answer: { type: 'classify', label: 'confirmed', correct: true } }),
        'answer: Unrecognized key: "correct"',
      ],
      ['timeTakenMs as a string', () => ({ ...valid(), timeTakenMs: '4321' }), 'timeTakenMs: '],
      ['a negative timeTakenMs', () => ({ ...valid(), timeTakenMs: -1 }), 'timeTakenMs: '],
      ['a fractional timeTakenMs', () => ({ ...valid(), timeTakenMs: 1.5 }), 'timeTakenMs: '],
      ['timeTakenMs over a day', () => ({ ...valid(), timeTakenMs: 24 * 60 * 60 * 1000 + 1 }), 'timeTakenMs: '],
      ['an unknown label', () => ({ ...valid(), answer: { type: 'classify', label: 'maybe' } }), 'answer.label: '],
      [
        'a confidence out of range',
        () => ({ ...valid(), answer: { type: 'classify', label: 'confirmed', confidence: 4 } }),
        'answer.confidence: ',
      ],
      ['an unknown answer type', () => ({ ...valid(), answer: { type: 'essay', text: 'x' } }), 'answer.type: '],
      [
        'a missing answer',
        () => ({ learnerId: learner.id, packId: SEED_ID, itemId: CONFIRMED_ITEM, timeTakenMs: 1 }),
        'answer: ',
      ],
      ['the answer as a string', () => ({ ...valid(), answer: 'confirmed' }), 'answer: '],
      ['null input', () => null, 'expected object'],
      ['an array as input', () => [valid()], 'expected object'],
      [
        'a __proto__ key at the top level',
        () => JSON.parse(`{${JSON.stringify(valid()).slice(1, -1)},"__proto__":{"x":1}}`),
        'Unrecognized key: "__proto__"',
      ],
      [
        'a __proto__ key in the answer',
        () => ({ ...valid(), answer: JSON.parse('{"type":"classify","label":"confirmed","__proto__":{"admin":true}}') }),
        'answer: Unrecognized key: "__proto__"',
      ],
      [
        'a constructor key at the top level',
        () => ({ ...valid(), constructor: { prototype: { admin: true } } }),
        'Unrecognized key: "constructor"',
      ],
      ['a 100,000-character item id', () => ({ ...valid(), itemId: long }), 'itemId: '],
      ['a 100,000-character pack id', () => ({ ...valid(), packId: long }), 'packId: '],
      ['a 100,000-character learner id', () => ({ ...valid(), learnerId: long }), 'learnerId: must be a learner id'],
      ['a 100,000-character label', () => ({ ...valid(), answer: { type: 'classify', label: long } }), 'answer.label: '],
      [
        'a 100,000-character figure source',
        () => ({ ...valid(), answer: { type: 'numbers', figures: [{ label: 'estimate', source: long }] } }),
        'answer.figures[0].source: ',
      ],
    ];

    it.each(bad)('%s is invalid-input', async (_what, input, problem) => {
      const error = await refused('recordAnswer', input(), 'invalid-input');
      expect(error.message).toMatch(/^invalid input for recordAnswer: /);
      expect(error.message).toContain(problem);
      // The message quotes no more than a little of what was sent.
      expect(error.message.length).toBeLessThan(500);
      expectNothingStored();
    });
  });
});

describe('Backend through dispatch: progress, sessions and rounds', () => {
  it('reports answered, correct and total per pack, counting the latest answer per item', async () => {
    const ada = await newLearner();
    await expect(call<PackProgress[]>('getProgress', { learnerId: ada.id })).resolves.toEqual([
      { packId: SEED_ID, round: 1, answered: 0, correct: 0, total: 38 },
    ]);
    await answer(ada.id, CONFIRMED_ITEM, 'confirmed');
    await answer(ada.id, UNCONFIRMED_ITEM, 'denial');
    await expect(call<PackProgress[]>('getProgress', { learnerId: ada.id })).resolves.toEqual([
      { packId: SEED_ID, round: 1, answered: 2, correct: 1, total: 38 },
    ]);
    await answer(ada.id, UNCONFIRMED_ITEM, 'unconfirmed');
    await expect(call<PackProgress[]>('getProgress', { learnerId: ada.id })).resolves.toEqual([
      { packId: SEED_ID, round: 1, answered: 2, correct: 2, total: 38 },
    ]);
  });

  it('gives the best finished round once every item of a round is answered', async () => {
    const ada = await newLearner();
    const pack = await call<Pack>('getPack', { packId: SEED_ID });
    for (const item of pack.items) await answerItem(ada.id, item, item.id !== CONFIRMED_ITEM);
    const afterOne = (await call<PackProgress[]>('getProgress', { learnerId: ada.id })).find((entry) => entry.packId === SEED_ID);
    expect(afterOne).toMatchObject({ round: 1, answered: 38, correct: 37, best: { round: 1, correct: 37, total: 38 } });
    await call('restartPack', { learnerId: ada.id, packId: SEED_ID });
    for (const item of pack.items) await answerItem(ada.id, item, item.type !== 'classify');
    const afterTwo = (await call<PackProgress[]>('getProgress', { learnerId: ada.id })).find((entry) => entry.packId === SEED_ID);
    // A worse second round does not take away the first.
    expect(afterTwo).toMatchObject({ round: 2, answered: 38, best: { round: 1, correct: 37, total: 38 } });
  });

  it('keeps each learner’s progress separate', async () => {
    const ada = await newLearner('Ada');
    const bob = await newLearner('Bob');
    await answer(ada.id, CONFIRMED_ITEM, 'confirmed');
    await expect(call<PackProgress[]>('getProgress', { learnerId: bob.id })).resolves.toEqual([
      { packId: SEED_ID, round: 1, answered: 0, correct: 0, total: 38 },
    ]);
  });

  it('a session holds the latest answer per item of the current round, in pack order', async () => {
    const ada = await newLearner();
    await expect(call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID })).resolves.toEqual({
      round: 1,
      answers: [],
      answeredTimes: {},
    });
    await answer(ada.id, UNCONFIRMED_ITEM, 'opinion');
    await answer(ada.id, CONFIRMED_ITEM, 'confirmed');
    await answer(ada.id, UNCONFIRMED_ITEM, 'unconfirmed');

    const session = await call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID });
    expect(session.round).toBe(1);
    expect(session.answers.map((entry) => entry.itemId)).toEqual([CONFIRMED_ITEM, UNCONFIRMED_ITEM]);
    const unconfirmed = session.answers[1];
    expect(unconfirmed?.answer).toEqual({ type: 'classify', label: 'unconfirmed' });
    expect(unconfirmed?.score).toMatchObject({ correct: true, detail: { given: 'unconfirmed' } });
    const onDisk = await attemptsOnDisk(ada.id);
    expect(onDisk).toHaveLength(3);
    expect(unconfirmed?.answeredAt).toBe(onDisk[2]?.answeredAt);
  });

  it('restartPack starts round 2: the session and progress start empty, round-1 attempts stay on disk', async () => {
    const ada = await newLearner();
    await answer(ada.id, CONFIRMED_ITEM, 'confirmed');
    await answer(ada.id, UNCONFIRMED_ITEM, 'unconfirmed');

    await expect(call('restartPack', { learnerId: ada.id, packId: SEED_ID })).resolves.toEqual({ round: 2 });
    await expect(call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID })).resolves.toEqual({
      round: 2,
      answers: [],
      // Every answer counts for the order of the next play, whatever its round.
      answeredTimes: { [CONFIRMED_ITEM]: 1, [UNCONFIRMED_ITEM]: 1 },
    });
    await expect(call<PackProgress[]>('getProgress', { learnerId: ada.id })).resolves.toEqual([
      { packId: SEED_ID, round: 2, answered: 0, correct: 0, total: 38 },
    ]);
    expect((await attemptsOnDisk(ada.id)).map((attempt) => [attempt.itemId, attempt.round])).toEqual([
      [CONFIRMED_ITEM, 1],
      [UNCONFIRMED_ITEM, 1],
    ]);

    // Answers now go into round 2, and only they count.
    await answer(ada.id, CONFIRMED_ITEM, 'estimate');
    expect((await attemptsOnDisk(ada.id)).at(-1)).toMatchObject({ itemId: CONFIRMED_ITEM, round: 2, correct: false });
    await expect(call<PackProgress[]>('getProgress', { learnerId: ada.id })).resolves.toEqual([
      { packId: SEED_ID, round: 2, answered: 1, correct: 0, total: 38 },
    ]);
    const session = await call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID });
    expect(session.answers.map((entry) => [entry.itemId, entry.score.correct])).toEqual([[CONFIRMED_ITEM, false]]);

    // The round is on disk: a new backend on the same folder agrees.
    backend = new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' });
    await expect(call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID })).resolves.toMatchObject({
      round: 2,
    });
  });

  it('restartPack of an unknown pack is not-found and starts no round', async () => {
    const ada = await newLearner();
    await refused('restartPack', { learnerId: ada.id, packId: 'no-such-pack' }, 'not-found');
    await expect(call<PackSession>('getPackSession', { learnerId: ada.id, packId: SEED_ID })).resolves.toMatchObject({
      round: 1,
    });
    expect(existsSync(learnerFilePath(ada.id))).toBe(false);
  });
});

describe('exportPackHtml', () => {
  it('hands an instructor a library pack as one HTML file, and says so when the player is not built', async () => {
    const playerDir = join(dataDir, 'player');
    mkdirSync(playerDir);
    writeFileSync(join(playerDir, 'player.js'), 'void 0;');
    writeFileSync(join(playerDir, 'player.css'), 'body {}');
    backend = new Backend({ dataDir, packsDir: PACKS_DIR, playerDir, appVersion: '9.9.9', shell: 'browser' });
    await refused('exportPackHtml', { packId: SEED_ID }, 'instructor-locked');
    await call('setInstructorPassphrase', { passphrase: 'correct horse battery' });
    const file = await call<{ name: string; mimeType: string; content: string }>('exportPackHtml', { packId: SEED_ID });
    expect(file).toMatchObject({ name: `${SEED_ID}.html`, mimeType: 'text/html', encoding: 'utf8' });
    expect(file.content).toContain('<script>void 0;</script>');
    await refused('exportPackHtml', { packId: 'no-such-pack' }, 'not-found');

    rmSync(playerDir, { recursive: true });
    expect((await refused('exportPackHtml', { packId: SEED_ID }, 'internal')).message).toMatch(/npm run build/);
  });
});

describe('exportPackScorm', () => {
  it('hands an instructor a library pack as a SCORM zip holding the manifest and the player page', async () => {
    const playerDir = join(dataDir, 'player');
    mkdirSync(playerDir);
    writeFileSync(join(playerDir, 'player.js'), 'void 0;');
    writeFileSync(join(playerDir, 'player.css'), 'body {}');
    backend = new Backend({ dataDir, packsDir: PACKS_DIR, playerDir, appVersion: '9.9.9', shell: 'browser' });
    await refused('exportPackScorm', { packId: SEED_ID }, 'instructor-locked');
    await call('setInstructorPassphrase', { passphrase: 'correct horse battery' });
    const file = await call<{ name: string; mimeType: string; content: string }>('exportPackScorm', { packId: SEED_ID });
    expect(file).toMatchObject({ name: `${SEED_ID}-scorm.zip`, mimeType: 'application/zip', encoding: 'base64' });
    const files = unzipSync(Buffer.from(file.content, 'base64'));
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    expect(strFromU8(files['index.html']!)).toContain('<script>void 0;</script>');
    await refused('exportPackScorm', { packId: 'no-such-pack' }, 'not-found');
  });
});
