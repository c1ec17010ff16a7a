// Every contract method, sent what a hostile or broken caller could send: the wrong type, missing and
// extra fields, huge strings, keys that reach an object's prototype, deep nesting. Each call goes
// through dispatch() into a real Backend on a seeded data folder (a learner with answers, a class,
// instructor mode set and unlocked, so instructor-only calls get past the gate), and each must come
// back as `invalid-input` with a message that names the field, leaving every file of the data folder
// byte for byte as it was and Object.prototype untouched. A sample goes through the HTTP transport too.
//
// The table is keyed by every method in the contract: a new method fails "covers every method" until
// it has an entry here. Its valid inputs also drive the access test, generated from the contract: on
// a fresh start (locked), every instructor method is refused with `instructor-locked` and changes
// nothing, and no other method is refused for access.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames, type MethodName, type Service } from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import type { Envelope } from '../shared/errors';
import { MAX_ARTICLE_FILE_BYTES, MAX_PACK_FILE_BYTES, MAX_PACK_IMPORT_CHARS, MAX_PROGRESS_FILE_BYTES } from '../shared/limits';
import { snapshot } from './fault/fixtures';
import { Backend } from './backend';
import { TEST_SCRYPT_COST } from './instructor/instructor-lock';
import { MAX_BODY_BYTES, startWebServer, TOKEN_HEADER, type RunningWebServer } from './http/web-server';

const PACKS_DIR = join(import.meta.dirname, '../../exercises');
const SEED_ID = 'nk-troops-russia-2024';
const CLASSIFY_ITEM = 'classify-official-confirms-troops-sent';
const PASSPHRASE = 'a long enough passphrase';
const DRAFT = '0f8fad5b-d9cb-469f-a165-70867728950e';
/** 50 MB of text, shared by every case that sends a huge string. */
const HUGE = 'x'.repeat(50 * 1024 * 1024);

let root: string;
let dataDir: string;
let backend: Backend;
let learnerId: string;

async function call(method: string, input: unknown): Promise<Envelope<unknown>> {
  return dispatch(backend, method, input);
}

async function must<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`setup: ${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-robustness-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  backend = new Backend(
    { dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser', scryptCost: TEST_SCRYPT_COST },
    () => new Date('2026-11-26T12:00:00Z'),
  );
  learnerId = (await must<{ id: string }>('createLearner', { name: 'Ada' })).id;
  for (const label of ['confirmed', 'estimate', 'confirmed']) {
    await must('recordAnswer', {
      learnerId,
      packId: SEED_ID,
      itemId: CLASSIFY_ITEM,
      answer: { type: 'classify', label, confidence: 2 },
      timeTakenMs: 1500,
    });
  }
  await must('setInstructorPassphrase', { passphrase: PASSPHRASE });
  const progress = await must<{ content: string }>('exportProgress', { learnerId });
  await must('importProgressFiles', { files: [{ name: 'ada.json', text: progress.content }] });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------
// The table: a valid input per method (every bad case changes one thing in it) and what each field is.

type Kind =
  'id' | 'uuid' | 'name' | 'string' | 'int' | 'enum' | 'url' | 'files' | 'answer' | 'shown' | 'decisions' | 'paragraphs' | 'any';

interface Field {
  kind: Kind;
  optional?: boolean;
  /** Longest accepted string, or highest accepted number. */
  cap?: number;
  /** Most entries accepted in an array field. */
  max?: number;
  /** For `files`: the cap on each file's text. */
  textCap?: number;
}

interface Entry {
  valid: Record<string, unknown>;
  fields: Record<string, Field>;
}

const id: Field = { kind: 'id' };
const uuid: Field = { kind: 'uuid' };
const passphrase: Field = { kind: 'string', cap: 1000 };
const LEARNER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';

const TABLE: Record<MethodName, Entry> = {
  getAppInfo: { valid: {}, fields: {} },
  listPacks: { valid: {}, fields: {} },
  getPack: { valid: { packId: SEED_ID }, fields: { packId: id } },
  getNotices: { valid: {}, fields: {} },
  dismissNotice: { valid: { id: 'notice' }, fields: { id: { kind: 'string', cap: 300 } } },
  listLearners: { valid: {}, fields: {} },
  createLearner: { valid: { name: 'Bea' }, fields: { name: { kind: 'name' } } },
  renameLearner: { valid: { learnerId: LEARNER, name: 'Bea' }, fields: { learnerId: uuid, name: { kind: 'name' } } },
  deleteLearner: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  getProgress: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  getPackSession: { valid: { learnerId: LEARNER, packId: SEED_ID }, fields: { learnerId: uuid, packId: id } },
  recordAnswer: {
    valid: {
      learnerId: LEARNER,
      packId: SEED_ID,
      itemId: CLASSIFY_ITEM,
      answer: { type: 'classify', label: 'confirmed', confidence: 3 },
      timeTakenMs: 1000,
      mode: 'pack',
      shown: {},
    },
    fields: {
      learnerId: uuid,
      packId: id,
      itemId: id,
      answer: { kind: 'answer' },
      timeTakenMs: { kind: 'int', cap: 24 * 60 * 60 * 1000 },
      mode: { kind: 'enum', optional: true },
      shown: { kind: 'shown', optional: true },
    },
  },
  getProgressReport: {
    valid: { learnerId: LEARNER, packId: SEED_ID },
    fields: { learnerId: uuid, packId: { ...id, optional: true } },
  },
  getReviewQueue: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  getInstructorStatus: { valid: {}, fields: {} },
  setInstructorPassphrase: { valid: { passphrase: PASSPHRASE }, fields: { passphrase } },
  unlockInstructor: { valid: { passphrase: PASSPHRASE }, fields: { passphrase } },
  changeInstructorPassphrase: {
    valid: { current: PASSPHRASE, next: PASSPHRASE },
    fields: { current: passphrase, next: passphrase },
  },
  lockInstructor: { valid: {}, fields: {} },
  exportProgress: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  importProgressFiles: {
    valid: { files: [{ name: 'a.json', text: '{}' }] },
    fields: { files: { kind: 'files', max: 100, textCap: MAX_PROGRESS_FILE_BYTES } },
  },
  getClassReport: { valid: { packId: SEED_ID }, fields: { packId: { ...id, optional: true } } },
  exportClassReport: {
    valid: { format: 'csv', packId: SEED_ID, homePage: 'https://school.example', activityBase: 'https://school.example/xapi' },
    fields: {
      format: { kind: 'enum' },
      packId: { ...id, optional: true },
      homePage: { kind: 'url', optional: true, cap: 500 },
      activityBase: { kind: 'url', optional: true, cap: 500 },
    },
  },
  removeClassLearner: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  restoreClassLearner: { valid: { learnerId: LEARNER }, fields: { learnerId: uuid } },
  clearClass: { valid: {}, fields: {} },
  restartPack: { valid: { learnerId: LEARNER, packId: SEED_ID }, fields: { learnerId: uuid, packId: id } },
  importPacks: {
    valid: { files: [{ name: 'p.json', text: '{}' }], decisions: { [SEED_ID]: 'keep-both' } },
    fields: {
      files: { kind: 'files', max: 20, textCap: MAX_PACK_IMPORT_CHARS },
      decisions: { kind: 'decisions', optional: true },
    },
  },
  exportPack: { valid: { packId: SEED_ID }, fields: { packId: id } },
  deletePack: { valid: { packId: SEED_ID }, fields: { packId: id } },
  exportAnswerKey: { valid: { packId: SEED_ID }, fields: { packId: id } },
  exportPackHtml: { valid: { packId: SEED_ID }, fields: { packId: id } },
  exportPackScorm: { valid: { packId: SEED_ID }, fields: { packId: id } },
  listDrafts: { valid: {}, fields: {} },
  createDraft: {
    valid: { from: 'article', name: 'article.txt', text: 'The minister said so.' },
    fields: { from: { kind: 'enum' }, name: { kind: 'string', cap: 255 }, text: { kind: 'string', cap: MAX_ARTICLE_FILE_BYTES } },
  },
  getDraft: { valid: { draftId: DRAFT }, fields: { draftId: uuid } },
  // The draft pack's own cases are below ("saveDraft: the draft's pack…") and in draft-pack.test.ts.
  saveDraft: { valid: { draftId: DRAFT, pack: {} }, fields: { draftId: uuid, pack: { kind: 'any' } } },
  deleteDraft: { valid: { draftId: DRAFT }, fields: { draftId: uuid } },
  suggestClaims: { valid: { paragraphs: ['The minister said so.'] }, fields: { paragraphs: { kind: 'paragraphs' } } },
  exportDraft: { valid: { draftId: DRAFT }, fields: { draftId: uuid } },
  publishDraft: {
    valid: { draftId: DRAFT, decision: 'replace' },
    fields: { draftId: uuid, decision: { kind: 'enum', optional: true } },
  },
};

/** An own `__proto__`, `constructor` or `prototype` key, as JSON.parse makes it (an object literal would set the prototype). */
function withKey(value: Record<string, unknown>, key: string, inner: unknown = { polluted: true }): Record<string, unknown> {
  const rest = JSON.stringify(value).slice(1);
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(inner)}${rest === '}' ? '' : ','}${rest}`) as Record<
    string,
    unknown
  >;
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

const WRONG_TYPES: [string, unknown][] = [
  ['a number', 42],
  ['null', null],
  ['a boolean', true],
  ['an array', ['x']],
  ['an object', {}],
];

const ID_VALUES: [string, unknown][] = [
  ['empty', ''],
  ['upper case', 'Nk-Troops'],
  ['a leading hyphen', '-x'],
  ['a parent path', '../../etc/passwd'],
  ['a slash', 'a/b'],
  ['a backslash', 'a\\b'],
  ['two dots', '..'],
  ['a NUL byte', 'a\u0000b'],
  ['full-width letters', 'ｎｋ'],
  ['a Windows drive', 'c:'],
  ['65 characters', 'a'.repeat(65)],
  ['50 MB', HUGE],
];

const UUID_VALUES: [string, unknown][] = [
  ['empty', ''],
  ['not a UUID', 'not-a-uuid'],
  ['upper case', LEARNER.toUpperCase()],
  ['a parent path before it', `../${LEARNER}`],
  ['a path after it', `${LEARNER}/../x`],
  ['a newline after it', `${LEARNER}\n`],
  ['50 MB', HUGE],
];

/** [label, bad value, path the message must name (relative to the field)]. */
function badValues(field: Field): [string, unknown, string][] {
  const at = (values: [string, unknown][], path = ''): [string, unknown, string][] =>
    values.map(([label, value]) => [label, value, path]);
  const capped = (cap: number | undefined): [string, unknown][] =>
    cap === undefined
      ? [['50 MB', HUGE]]
      : [
          [`${cap + 1} characters`, 'x'.repeat(cap + 1)],
          ['50 MB', HUGE],
        ];
  switch (field.kind) {
    case 'id':
      return at([...WRONG_TYPES, ...ID_VALUES]);
    case 'uuid':
      return at([...WRONG_TYPES, ...UUID_VALUES]);
    case 'name':
      return at([
        ...WRONG_TYPES,
        ['empty', ''],
        ['only spaces', '   '],
        ['61 characters', 'a'.repeat(61)],
        ['a NUL byte', 'a\u0000b'],
        ['an escape character', 'a\u001b[31mb'],
        ['50 MB', HUGE],
      ]);
    case 'string':
      return at([...WRONG_TYPES, ...capped(field.cap)]);
    case 'enum':
      return at([...WRONG_TYPES, ['empty', ''], ['another word', 'nope'], ['another case', 'CSV'], ['50 MB', HUGE]]);
    case 'url':
      return at([
        ...WRONG_TYPES,
        ['another scheme', 'ftp://school.example'],
        ['a script URL', ['javascript', 'alert(1)'].join(':')],
        ['a space', 'https://school example'],
        ['over the cap', `https://${'x'.repeat(field.cap ?? 500)}`],
        ['50 MB', `https://${HUGE}`],
      ]);
    case 'int':
      return at([
        ['a string', '1000'],
        ['null', null],
        ['an array', [1]],
        ['a fraction', 1.5],
        ['negative', -1],
        ['over the cap', (field.cap ?? 0) + 1],
        ['infinity', Infinity],
        ['NaN', NaN],
      ]);
    case 'files': {
      const text = (field.textCap ?? 0) + 1;
      return [
        ...at([
          ['a string', 'x'],
          ['null', null],
          ['an object', {}],
          ['empty', []],
          [`${(field.max ?? 0) + 1} files`, Array.from({ length: (field.max ?? 0) + 1 }, () => ({ name: 'a.json', text: '{}' }))],
        ]),
        ['a file that is null', [null], '[0]'],
        ['a file without text', [{ name: 'a.json' }], '[0].text'],
        ['a file without a name', [{ text: '{}' }], '[0].name'],
        ['a name that is a number', [{ name: 1, text: '{}' }], '[0].name'],
        ['a text that is an object', [{ name: 'a.json', text: {} }], '[0].text'],
        ['a 256-character name', [{ name: 'n'.repeat(256), text: '{}' }], '[0].name'],
        [`a text of ${text} characters`, [{ name: 'a.json', text: 'x'.repeat(text) }], '[0].text'],
        ['a text of 50 MB', [{ name: 'a.json', text: HUGE }], '[0].text'],
        ['an extra key in a file', [{ name: 'a.json', text: '{}', path: '/etc/passwd' }], '[0]'],
        ['a __proto__ key in a file', [withKey({ name: 'a.json', text: '{}' }, '__proto__')], '[0]'],
      ];
    }
    case 'answer':
      return [
        ...at([...WRONG_TYPES.filter(([label]) => label !== 'an object'), ['no type', {}]]),
        ['another type', { type: 'essay', text: 'x' }, '.type'],
        ['a classify answer without a label', { type: 'classify' }, '.label'],
        ['an unknown label', { type: 'classify', label: 'probably' }, '.label'],
        ['a confidence of 4', { type: 'classify', label: 'confirmed', confidence: 4 }, '.confidence'],
        ['an extra key', { type: 'classify', label: 'confirmed', verdict: 'x' }, ''],
        ['a __proto__ key', withKey({ type: 'classify', label: 'confirmed' }, '__proto__'), ''],
        ['a constructor key', withKey({ type: 'classify', label: 'confirmed' }, 'constructor'), ''],
        ['a negative span', { type: 'find', spans: [{ paragraph: -1, start: 0, end: 1 }] }, '.spans[0].paragraph'],
        ['101 spans', { type: 'find', spans: Array.from({ length: 101 }, () => ({ paragraph: 0, start: 0, end: 1 })) }, '.spans'],
        ['a span with an extra key', { type: 'find', spans: [{ paragraph: 0, start: 0, end: 1, text: 'x' }] }, '.spans[0]'],
        ['no figures', { type: 'numbers', figures: [] }, '.figures'],
        ['a 50 MB source', { type: 'numbers', figures: [{ label: 'estimate', source: HUGE }] }, '.figures[0].source'],
        ['an option id that is a path', { type: 'source', optionId: '../x' }, '.optionId'],
        ['a verdict that is not one', { type: 'headline', verdict: 'true' }, '.verdict'],
      ];
    case 'shown':
      return [
        ...at([
          ['a string', 'a,b'],
          ['an array', ['a', 'b']],
          ['null', null],
        ]),
        ['a list that is a string', { options: 'a,b' }, '.options'],
        ['an empty entry', { options: [''] }, '.options[0]'],
        ['13 entries', { options: Array.from({ length: 13 }, (_, n) => `o${n}`) }, '.options'],
        ['a 50 MB entry', { options: [HUGE] }, '.options[0]'],
        ['a list name that is a path', { '../x': ['a'] }, ''],
        ['5 lists', { a: [], b: [], c: [], d: [], e: [] }, ''],
      ];
    case 'decisions':
      return [
        ...at([
          ['a string', 'replace'],
          ['an array', ['replace']],
          ['null', null],
        ]),
        ['an id that is not one', { '../x': 'replace' }, ''],
        ['a decision that is not one', { [SEED_ID]: 'merge' }, `.${SEED_ID}`],
        // zod drops an own __proto__ key from a record without a word: the call must be refused instead.
        ['a __proto__ key', withKey({}, '__proto__', 'replace'), ''],
      ];
    case 'paragraphs':
      return [
        ...at([
          ['a string', 'The minister said so.'],
          ['null', null],
          ['an object', {}],
          ['1001 paragraphs', Array.from({ length: 1001 }, () => 'x')],
        ]),
        ['a paragraph that is a number', [1], '[0]'],
        ['a paragraph of 20001 characters', ['x'.repeat(20001)], '[0]'],
        ['a paragraph of 50 MB', [HUGE], '[0]'],
      ];
    case 'any':
      return [];
  }
}

interface Case {
  name: string;
  input: unknown;
  /** What the error message must contain (a field's path), or undefined for "says it wants an object". */
  names?: string;
}

function casesFor(method: MethodName): Case[] {
  const { valid, fields } = TABLE[method];
  const cases: Case[] = [
    { name: 'a number instead of an object', input: 42 },
    { name: 'a string instead of an object', input: JSON.stringify(valid) },
    { name: 'null', input: null },
    { name: 'nothing', input: undefined },
    { name: 'an array', input: [valid] },
    { name: 'an extra field', input: { ...valid, extra: 1 }, names: 'extra' },
    { name: 'an own __proto__ key', input: withKey(valid, '__proto__'), names: '__proto__' },
    {
      name: 'an own constructor key',
      input: withKey(valid, 'constructor', { prototype: { polluted: true } }),
      names: 'constructor',
    },
    { name: 'an own prototype key', input: withKey(valid, 'prototype'), names: 'prototype' },
    { name: 'an extra field nested 100000 deep', input: { ...valid, deep: nested(100_000) }, names: 'deep' },
  ];
  for (const [field, spec] of Object.entries(fields)) {
    if (!spec.optional) cases.push({ name: `${field} missing`, input: omit(valid, field), names: field });
    for (const [label, value, path] of badValues(spec)) {
      cases.push({ name: `${field}: ${label}`, input: { ...valid, [field]: value }, names: `${field}${path}` });
    }
  }
  return cases;
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

function expectRefused(method: string, result: Envelope<unknown>, names: string | undefined): void {
  expect(result.ok, `${method} accepted it`).toBe(false);
  if (result.ok) return;
  expect(result.error.code, result.error.message).toBe('invalid-input');
  expect(result.error.message).toMatch(new RegExp(`^invalid input for ${method}: `));
  if (names === undefined) expect(result.error.message).toMatch(/expected object|Invalid input/);
  else expect(result.error.message).toContain(names);
  expect(result.error.message.length).toBeLessThan(500);
}

function expectPrototypesClean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('the table', () => {
  it('covers every method of the contract', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...methodNames].sort());
  });

  it.each(methodNames)('%s: the valid input it starts from is valid (so each case breaks one thing only)', (method) => {
    expect(contract[method].input.safeParse(TABLE[method].valid).error?.issues).toBeUndefined();
  });

  it.each(methodNames)('%s: every field of its input schema is in the table', (method) => {
    const shape = (contract[method].input as unknown as { shape?: Record<string, unknown> }).shape;
    if (shape) expect(Object.keys(TABLE[method].fields).sort()).toEqual(Object.keys(shape).sort());
  });
});

describe.each(methodNames)('%s refuses bad input and changes nothing', (method) => {
  it.each(casesFor(method).map((c) => [c.name, c] as const))('%s', async (_name, { input, names }) => {
    const before = snapshot(dataDir);
    const result = await call(method, input);
    expectRefused(method, result, names);
    expect(snapshot(dataDir)).toEqual(before);
    expectPrototypesClean();
  });
});

describe("saveDraft: the draft's pack is checked for structure, depth and size", () => {
  // A draft need not be a valid pack yet, but it must have a pack's structure (see `DraftPack`).
  // These need a draft to save to.
  const SAVE_CASES: [string, () => unknown, RegExp][] = [
    ['no pack at all', () => undefined, /pack/],
    ['a number', () => 42, /pack/],
    ['a string', () => 'pack', /pack/],
    ['null', () => null, /pack/],
    ['an array', () => [], /pack/],
    ['an own __proto__ key', () => withKey({ schemaVersion: 1 }, '__proto__'), /__proto__/],
    [
      'a nested constructor key',
      () => ({ meta: withKey({ title: 'x' }, 'constructor', { prototype: { polluted: true } }) }),
      /constructor/,
    ],
    ['a prototype key in an item', () => ({ items: [withKey({ id: 'x', type: 'classify' }, 'prototype')] }), /prototype/],
    ['nesting 10000 deep', () => ({ items: [{ type: 'find', spans: nested(10_000) }] }), /deep|nest|depth/i],
    [
      `more than ${MAX_PACK_FILE_BYTES} bytes`,
      () => ({ meta: { title: 'x'.repeat(MAX_PACK_FILE_BYTES + 1) } }),
      /large|bytes|MB/i,
    ],
    ['50 MB', () => ({ article: { paragraphs: [HUGE] } }), /large|bytes|MB/i],
  ];
  let draftId: string | undefined;

  it.each(SAVE_CASES)('refuses %s, and the draft on disk is as it was', async (_name, pack, message) => {
    draftId ??= (await must<{ draftId: string }>('createDraft', { from: 'pack', packId: SEED_ID })).draftId;
    const before = snapshot(dataDir);
    const result = await call('saveDraft', { draftId, pack: pack() });
    expect(result.ok, 'saveDraft accepted it').toBe(false);
    if (result.ok) return;
    expect(['invalid-input', 'too-large'], result.error.message).toContain(result.error.code);
    expect(result.error.message).toMatch(message);
    expect(snapshot(dataDir)).toEqual(before);
    expectPrototypesClean();
  });
});

describe('access, from the contract: on a fresh start, instructor mode is locked', () => {
  let copies = 0;

  /** A new start of the app on a copy of the seeded folder: the passphrase is set, and nothing is unlocked. */
  function freshStart(): { folder: string; locked: Backend } {
    const folder = join(root, `fresh-start-${(copies += 1)}`);
    cpSync(dataDir, folder, { recursive: true });
    const locked = new Backend(
      { dataDir: folder, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' },
      () => new Date('2026-11-26T12:00:00Z'),
    );
    return { folder, locked };
  }

  const instructorMethods = methodNames.filter((method) => contract[method].access === 'instructor');
  const openMethods = methodNames.filter((method) => contract[method].access === 'anyone');

  it.each(instructorMethods)(
    '%s is refused with instructor-locked, and the data folder is byte for byte as it was',
    async (method) => {
      const { folder, locked } = freshStart();
      const before = snapshot(folder);
      expect(await dispatch(locked, method, TABLE[method].valid)).toEqual({
        ok: false,
        error: { code: 'instructor-locked', message: 'This is for instructors: open instructor mode with its passphrase first.' },
      });
      expect(snapshot(folder)).toEqual(before);
    },
  );

  it.each(openMethods)('%s is not refused for access', async (method) => {
    const { locked } = freshStart();
    const result = await dispatch(locked, method, TABLE[method].valid);
    expect(result.ok || result.error.code, result.ok ? '' : result.error.message).not.toBe('instructor-locked');
  });
});

describe('over HTTP (browser mode)', () => {
  let server: RunningWebServer;

  beforeAll(async () => {
    const rendererDir = join(root, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    const api: Service = backend;
    server = await startWebServer({ api, rendererDir });
  });

  afterAll(async () => {
    await server.close();
  });

  async function post(method: string, body: string | Buffer, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as Envelope<unknown> };
  }

  const HTTP_CASES: [string, () => ReturnType<typeof post>, number, string, RegExp][] = [
    ['no token', () => post('listLearners', '{}', { [TOKEN_HEADER]: '' }), 401, 'unauthorized', /token/],
    ['a wrong token', () => post('listLearners', '{}', { [TOKEN_HEADER]: 'x'.repeat(32) }), 401, 'unauthorized', /token/],
    [
      'a text/plain body',
      () => post('createLearner', '{"name":"Eve"}', { 'content-type': 'text/plain' }),
      415,
      'invalid-input',
      /application\/json/,
    ],
    [
      'a form body',
      () => post('createLearner', 'name=Eve', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'invalid-input',
      /json/,
    ],
    ['JSON that does not parse', () => post('createLearner', '{"name": "Eve"'), 400, 'invalid-input', /not valid JSON/],
    [
      'a body over the size limit',
      () => post('createLearner', Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)),
      413,
      'too-large',
      /larger than/,
    ],
    ['an unknown method', () => post('eraseEverything', '{}'), 404, 'unknown-method', /eraseEverything/],
    [
      'a __proto__ key in the JSON text',
      () => post('getPack', `{"__proto__":{"polluted":true},"packId":"${SEED_ID}"}`),
      400,
      'invalid-input',
      /__proto__/,
    ],
    [
      'a constructor key in an answer',
      () =>
        post(
          'recordAnswer',
          `{"learnerId":"${LEARNER}","packId":"${SEED_ID}","itemId":"${CLASSIFY_ITEM}","timeTakenMs":1,"answer":{"type":"classify","label":"confirmed","constructor":{"prototype":{"polluted":true}}}}`,
        ),
      400,
      'invalid-input',
      /constructor/,
    ],
    [
      'nesting 100000 deep',
      () => post('listPacks', `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      400,
      'invalid-input',
      /deep|JSON/,
    ],
    [
      'a progress file just over its cap',
      () =>
        post(
          'importProgressFiles',
          JSON.stringify({ files: [{ name: 'a.json', text: 'x'.repeat(MAX_PROGRESS_FILE_BYTES + 1) }] }),
        ),
      400,
      'invalid-input',
      /files\[0\]\.text/,
    ],
    [
      'a learner id that is a path',
      () => post('deleteLearner', '{"learnerId":"../../learners"}'),
      400,
      'invalid-input',
      /learnerId/,
    ],
  ];

  it.each(HTTP_CASES)('refuses %s with %i %s, and changes nothing', async (_name, send, status, code, message) => {
    const before = snapshot(dataDir);
    const result = await send();
    expect(result.status).toBe(status);
    expect(result.body.ok).toBe(false);
    if (result.body.ok) return;
    expect(result.body.error.code).toBe(code);
    expect(result.body.error.message).toMatch(message);
    expect(snapshot(dataDir)).toEqual(before);
    expectPrototypesClean();
    // and keeps serving
    expect((await post('getInstructorStatus', '{}')).status).toBe(200);
  });
});

describe('after all of it', () => {
  it('the backend is as it was: the same learner and answers, the class, instructor mode still unlocked', async () => {
    expect(await must<{ id: string; name: string }[]>('listLearners', {})).toEqual([
      expect.objectContaining({ id: learnerId, name: 'Ada' }),
    ]);
    expect(await must('getInstructorStatus', {})).toEqual({ set: true, unlocked: true });
    const progress = await must<{ packId: string; answered: number }[]>('getProgress', { learnerId });
    expect(progress.find((pack) => pack.packId === SEED_ID)?.answered).toBe(1);
    const report = await must<{ learners: { learnerId: string; attempts: number }[] }>('getClassReport', {});
    expect(report.learners).toEqual([expect.objectContaining({ learnerId, attempts: 3 })]);
    expectPrototypesClean();
  });
});
