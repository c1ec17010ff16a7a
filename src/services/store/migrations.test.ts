// Every earlier store format opens in this version: migrated, validated, backed up first, nothing lost.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attempt } from '../../shared/progress';
import { ProgressStore, STORE_SCHEMA_VERSION } from './progress-store';

const LEARNER = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

const ATTEMPT = {
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
};

const INDEX = { learners: [{ id: LEARNER, name: 'Ana', createdAt: '2026-11-20T09:00:00.000Z' }] };

/** Format 1, as Sourcewise 0.1 wrote it: no review cards, no answer mode. */
const FORMAT_1 = {
  index: { schemaVersion: 1, ...INDEX },
  learner: { schemaVersion: 1, learnerId: LEARNER, rounds: { 'nk-troops-russia-2024': 2 }, attempts: [ATTEMPT] },
};

const CARD = {
  due: '2026-11-21T09:05:00.000Z',
  stability: 3.2,
  difficulty: 6.1,
  elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: '2026-11-20T09:06:00.000Z',
};

/**
 * Format 2: review cards and answers in review; the whole learner file rewritten at every answer, with
 * no journal beside it.
 */
const FORMAT_2 = {
  index: { schemaVersion: 2, ...INDEX },
  learner: {
    schemaVersion: 2,
    learnerId: LEARNER,
    rounds: { 'nk-troops-russia-2024': 2 },
    attempts: [
      ATTEMPT,
      {
        ...ATTEMPT,
        id: 'a2',
        itemId: 'classify-casualties',
        mode: 'review',
        correct: false,
        score: 0,
        labels: [{ label: 'estimate', correct: false }],
        answer: { type: 'classify', label: 'confirmed', confidence: 1 },
        confidence: 1,
        answeredAt: '2026-11-20T09:06:00.000Z',
      },
    ],
    reviews: { 'nk-troops-russia-2024/classify-casualties': CARD },
  },
};

const FORMATS = [
  { format: 1, files: FORMAT_1, reviews: {} },
  { format: 2, files: FORMAT_2, reviews: FORMAT_2.learner.reviews },
] as const;

let dataDir: string;
const learnerPath = () => join(dataDir, 'learners', `${LEARNER}.json`);
const journalPath = () => join(dataDir, 'learners', `${LEARNER}.journal`);

function plant(files: { index: object; learner: object }): void {
  mkdirSync(join(dataDir, 'learners'));
  writeFileSync(join(dataDir, 'learners.json'), JSON.stringify(files.index));
  writeFileSync(learnerPath(), JSON.stringify(files.learner));
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-migrate-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

describe('store migrations', () => {
  it('the current format is 3, so formats 1 and 2 are the earlier versions to migrate from', () => {
    expect(STORE_SCHEMA_VERSION).toBe(3);
  });

  describe.each(FORMATS)('format $format', ({ files, reviews }) => {
    beforeEach(() => plant(files));

    it('opens: learners, attempts, rounds and review cards kept, written back as the current format', async () => {
      const store = new ProgressStore(dataDir);
      await store.open();
      expect(store.notices()).toEqual([]);
      expect(await store.listLearners()).toEqual(files.index.learners);
      expect(await store.attempts(LEARNER)).toEqual(files.learner.attempts);
      expect(await store.round(LEARNER, 'nk-troops-russia-2024')).toBe(2);
      expect(await store.reviews(LEARNER)).toEqual(reviews);

      // Format 3: the file is the snapshot, holding everything up to journal record 0, with no journal yet.
      const onDisk = JSON.parse(readFileSync(learnerPath(), 'utf8'));
      expect(onDisk).toEqual({ ...files.learner, schemaVersion: 3, seq: 0, reviews });
      expect(existsSync(journalPath())).toBe(false);
      expect(JSON.parse(readFileSync(join(dataDir, 'learners.json'), 'utf8'))).toEqual({ ...files.index, schemaVersion: 3 });
    });

    it('backs up each file in its old format before migrating it', async () => {
      await new ProgressStore(dataDir).open();
      for (const [folder, original] of [
        ['learners', files.index],
        [LEARNER, files.learner],
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

    it('after migrating, answers go to the journal and come back with the old ones', async () => {
      const store = new ProgressStore(dataDir);
      const next: Attempt = { ...(ATTEMPT as Attempt), id: randomUUID(), round: 2, answeredAt: new Date().toISOString() };
      await store.addAttempt(next);
      await store.startNewRound(LEARNER, 'nk-troops-russia-2024');
      expect(readFileSync(journalPath(), 'utf8').trim().split('\n')).toHaveLength(2);
      const reopened = new ProgressStore(dataDir);
      expect(await reopened.attempts(LEARNER)).toEqual([...files.learner.attempts, next]);
      expect(await reopened.round(LEARNER, 'nk-troops-russia-2024')).toBe(3);
      expect(await reopened.reviews(LEARNER)).toEqual(reviews);
      expect(reopened.notices()).toEqual([]);
    });
  });
});
