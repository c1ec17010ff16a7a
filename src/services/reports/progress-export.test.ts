// exportProgressFile: from a real ProgressStore in a temporary folder, every attempt of the learner,
// in pack and in review, the packs they refer to, and a file the import accepts. progressFileName:
// a safe file name for any display name.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import type { Attempt } from '../../shared/progress';
import { parseProgressFile } from '../../shared/progress-file-validate';
import { PackLibrary } from '../packs/pack-library';
import { exportProgressFile, progressFileName } from './progress-export';
import { ProgressStore } from '../store/progress-store';

const repo = join(import.meta.dirname, '../../..');
const seedPack = JSON.parse(readFileSync(join(repo, 'exercises/nk-troops-russia-2024.json'), 'utf8')) as {
  id: string;
  version: number;
  meta: { title: string };
};

let root: string;
let store: ProgressStore;
let library: PackLibrary;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-export-'));
  const exercises = join(root, 'exercises');
  mkdirSync(exercises);
  writeFileSync(join(exercises, 'nk.json'), JSON.stringify(seedPack));
  store = new ProgressStore(join(root, 'data'));
  library = new PackLibrary(exercises);
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function attempt(learnerId: string, minute: number, overrides: Partial<Attempt> = {}): Attempt {
  return {
    id: randomUUID(),
    learnerId,
    packId: seedPack.id,
    packVersion: seedPack.version,
    itemId: 'classify-one',
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'estimate', confidence: 2 },
    correct: true,
    score: 1,
    labels: [{ label: 'estimate', correct: true }],
    confidence: 2,
    timeTakenMs: 4000,
    answeredAt: new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString(),
    appVersion: '0.1.0',
    ...overrides,
  };
}

describe('exportProgressFile', () => {
  it('exports every attempt in two packs, pack and review, and the import accepts the file', async () => {
    const ana = await store.createLearner('Ana Đurić');
    const other = await store.createLearner('Ben');
    const attempts = [
      attempt(ana.id, 0),
      attempt(ana.id, 1, {
        itemId: 'find-two',
        itemType: 'find',
        answer: { type: 'find', spans: [{ paragraph: 0, start: 1, end: 9 }] },
        correct: false,
        score: 0.4,
        labels: [{ label: 'unconfirmed', correct: false }],
      }),
      // A pack the instructor's library no longer has, answered in two versions.
      attempt(ana.id, 2, { packId: 'gone-pack', packVersion: 1 }),
      attempt(ana.id, 3, { packId: 'gone-pack', packVersion: 3, round: 2 }),
      attempt(ana.id, 4, { mode: 'review' }),
    ];
    for (const one of attempts) await store.addAttempt(one);
    await store.addAttempt(attempt(other.id, 5));

    const now = new Date('2026-11-26T18:25:53.123Z');
    const file = await exportProgressFile(store, library, ana.id, '0.1.0', now);

    expect(file.kind).toBe('sourcewise-progress');
    expect(file.schemaVersion).toBe(1);
    expect(file.exportedAt).toBe('2026-11-26T18:25:53.123Z');
    expect(file.appVersion).toBe('0.1.0');
    expect(file.learner).toEqual({ id: ana.id, name: 'Ana Đurić' });
    expect(file.packs).toEqual([
      { id: seedPack.id, version: seedPack.version, title: seedPack.meta.title },
      { id: 'gone-pack', version: 3, title: 'gone-pack' },
    ]);
    expect(file.attempts).toEqual(attempts);
    expect(file.attempts.filter((a) => a.mode === 'review')).toHaveLength(1);

    const parsed = parseProgressFile(JSON.stringify(file, null, 2));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    expect(parsed.ok && parsed.file.attempts.map((a) => a.id)).toEqual(attempts.map((a) => a.id));
  });

  it('exports a learner with no attempts yet', async () => {
    const ana = await store.createLearner('Ana');
    const file = await exportProgressFile(store, library, ana.id, '0.1.0');
    expect(file.packs).toEqual([]);
    expect(file.attempts).toEqual([]);
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(true);
  });

  it('returns a copy: changing the file changes nothing in the store', async () => {
    const ana = await store.createLearner('Ana');
    await store.addAttempt(attempt(ana.id, 0));
    const file = await exportProgressFile(store, library, ana.id, '0.1.0');
    file.attempts[0]!.correct = false;
    expect((await store.attempts(ana.id))[0]!.correct).toBe(true);
  });

  it('refuses a learner that does not exist, or an id that is not one', async () => {
    await store.open();
    await expect(exportProgressFile(store, library, randomUUID(), '0.1.0')).rejects.toMatchObject({ code: 'not-found' });
    const error = await exportProgressFile(store, library, '../../etc', '0.1.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid-input');
  });
});

describe('progressFileName', () => {
  const day = new Date(2026, 10, 26, 12, 0, 0); // local time, so the date does not depend on the time zone

  it.each([
    ['Ana', 'sourcewise-progress-Ana-2026-11-26.json'],
    ['Ana Đurić', 'sourcewise-progress-Ana-Đurić-2026-11-26.json'],
    ['李小龍', 'sourcewise-progress-李小龍-2026-11-26.json'],
    ['../../etc/passwd', 'sourcewise-progress-etc-passwd-2026-11-26.json'],
    ['C:\\Windows\\system32', 'sourcewise-progress-C-Windows-system32-2026-11-26.json'],
    ['a<b>c:"d"|e?f*g', 'sourcewise-progress-a-b-c-d-e-f-g-2026-11-26.json'],
    ['tab\tnew\nline\u0000nul', 'sourcewise-progress-tab-new-line-nul-2026-11-26.json'],
    ['evil\u202etxt.exe', 'sourcewise-progress-evil-txt-exe-2026-11-26.json'],
    ['...', 'sourcewise-progress-learner-2026-11-26.json'],
    ['', 'sourcewise-progress-learner-2026-11-26.json'],
    ['CON', 'sourcewise-progress-CON-2026-11-26.json'],
  ])('%j becomes %s', (name, expected) => {
    expect(progressFileName(name, day)).toBe(expected);
  });

  it('caps the length, without ending on a hyphen', () => {
    const name = progressFileName(`${'x'.repeat(39)} ${'y'.repeat(500)}`, day);
    expect(name).toBe(`sourcewise-progress-${'x'.repeat(39)}-2026-11-26.json`);
    expect(progressFileName('é'.repeat(500), day).length).toBeLessThanOrEqual(80);
  });

  it('never holds a separator, a control or reserved character', () => {
    let text = '';
    for (let code = 0; code < 0x3000; code += 7) text += String.fromCharCode(code);
    for (let start = 0; start < text.length; start += 40) {
      const name = progressFileName(text.slice(start, start + 40), day);
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must not appear
      expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e]/);
      expect(name).toMatch(/^sourcewise-progress-[^.]+-2026-11-26\.json$/);
    }
  });
});
