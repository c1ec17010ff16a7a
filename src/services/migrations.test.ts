// Every earlier store format opens in this version: migrated, validated, backed up first, nothing lost.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore, STORE_SCHEMA_VERSION } from './progress-store';

const LEARNER = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

/** Format 1, as Sourcewise 0.1 wrote it: no review cards, no answer mode. */
const FORMAT_1 = {
  index: { schemaVersion: 1, learners: [{ id: LEARNER, name: 'Ana', createdAt: '2026-11-20T09:00:00.000Z' }] },
  learner: {
    schemaVersion: 1,
    learnerId: LEARNER,
    rounds: { 'nk-troops-russia-2024': 2 },
    attempts: [
      {
        id: 'a1',
        learnerId: LEARNER,
        packId: 'nk-troops-russia-2024',
        packVersion: 1,
        itemId: 'classify-north-korea-denied',
        itemType: 'classify',
        round: 1,
        answer: { type: 'classify', label: 'denial', confidence: 3 },
        correct: true,
        score: 1,
        labels: [{ label: 'denial', correct: true }],
        confidence: 3,
        timeTakenMs: 4200,
        answeredAt: '2026-11-20T09:05:00.000Z',
        appVersion: '0.1.0',
      },
    ],
  },
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-migrate-'));
  mkdirSync(join(dataDir, 'learners'));
  writeFileSync(join(dataDir, 'learners.json'), JSON.stringify(FORMAT_1.index));
  writeFileSync(join(dataDir, 'learners', `${LEARNER}.json`), JSON.stringify(FORMAT_1.learner));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('store migrations', () => {
  it('the current format is 2, so format 1 is the one earlier version to migrate from', () => {
    expect(STORE_SCHEMA_VERSION).toBe(2);
  });

  it('opens format 1: learners, attempts and rounds kept, review cards added, written back as the current format', async () => {
    const store = new ProgressStore(dataDir);
    await store.open();
    expect(store.notices()).toEqual([]);
    expect(await store.listLearners()).toEqual(FORMAT_1.index.learners);
    expect(await store.attempts(LEARNER)).toEqual(FORMAT_1.learner.attempts);
    expect(await store.round(LEARNER, 'nk-troops-russia-2024')).toBe(2);
    expect(await store.reviews(LEARNER)).toEqual({});

    const onDisk = JSON.parse(readFileSync(join(dataDir, 'learners', `${LEARNER}.json`), 'utf8'));
    expect(onDisk).toEqual({ ...FORMAT_1.learner, schemaVersion: 2, reviews: {} });
    expect(JSON.parse(readFileSync(join(dataDir, 'learners.json'), 'utf8')).schemaVersion).toBe(2);
  });

  it('backs up each file in its old format before migrating it', async () => {
    await new ProgressStore(dataDir).open();
    for (const [folder, original] of [
      ['learners', FORMAT_1.index],
      [LEARNER, FORMAT_1.learner],
    ] as const) {
      const backups = readdirSync(join(dataDir, 'backups', folder));
      const before = backups.filter((name) => name.endsWith('-before-migration.json'));
      expect(before).toHaveLength(1);
      expect(JSON.parse(readFileSync(join(dataDir, 'backups', folder, before[0]!), 'utf8'))).toEqual(original);
    }
  });

  it('migrates once: a second start finds the current format and takes no further backup', async () => {
    await new ProgressStore(dataDir).open();
    const count = () => readdirSync(join(dataDir, 'backups', LEARNER)).length;
    const after = count();
    await new ProgressStore(dataDir).open();
    expect(count()).toBe(after);
  });
});
