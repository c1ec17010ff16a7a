/**
 * What the bench measures against: a class of learners for the reports (adapted from
 * report-pdf.test.ts), a learner's store pre-filled with N earlier attempts (written directly as a
 * snapshot in the store's format 3 with an empty journal, which is what ProgressStore holds after
 * folding its journal), and articles of a given length made from the suggester's dev set.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassData, ClassLearner } from '../shared/class-data';
import { Pack, type Item } from '../shared/pack/schema';
import type { Attempt } from '../shared/progress';
import { answerFor, scoredAttempt } from '../shared/testing/answers';
import { seededRandom } from '../shared/testing/random';
import { STORE_SCHEMA_VERSION } from '../services/store/progress-store';

export function loadSeedPack(packsDir: string): Pack {
  return Pack.parse(JSON.parse(readFileSync(join(packsDir, 'nk-troops-russia-2024.json'), 'utf8')));
}

export const uuid = (prefix: number, n: number): string =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const START = Date.UTC(2024, 10, 4, 9, 0, 0);

function attemptFor(
  learnerId: string,
  pack: Pack,
  item: Item,
  right: boolean,
  n: number,
  round: number,
  mode?: 'review',
): Attempt {
  return scoredAttempt(pack, item, answerFor(item, right), {
    id: uuid(0x40000000, n),
    learnerId,
    round,
    mode,
    timeTakenMs: 2000 + (n % 20) * 1000,
    answeredAt: new Date(START + n * 37_000).toISOString(),
  });
}

/** `learners` learners × 3 packs (the seed pack under three ids) × 40 attempts: 38 in the round, 2 reviews. */
export function classOf(seed: Pack, learners: number): ClassData {
  const next = seededRandom(7);
  let counter = 0;
  const packs = ['a', 'b', 'c'].map((suffix): Pack => ({
    ...seed,
    id: `nk-troops-${suffix}`,
    meta: { ...seed.meta, title: `${seed.meta.title} (${suffix})` },
  }));
  const list = Array.from({ length: learners }, (_, index): ClassLearner => {
    const id = uuid(0, index + 1);
    const skill = 0.4 + next() * 0.55;
    const attempts = packs.flatMap((pack) => {
      const round = pack.items.map((item) => attemptFor(id, pack, item, next() < skill, ++counter, 1));
      const missed = round.filter((attempt) => !attempt.correct);
      const reviews = [0, 1].map((index) => {
        const target = missed[index % Math.max(1, missed.length)] ?? round[index]!;
        const item = pack.items.find((candidate) => candidate.id === target.itemId)!;
        return attemptFor(id, pack, item, next() < skill, ++counter, 1, 'review');
      });
      return [...round, ...reviews];
    });
    return { learnerId: id, name: `Learner ${String(index + 1).padStart(3, '0')}`, attempts };
  });
  return { learners: list, packs, generatedAt: '2024-11-05T12:00:00.000Z', appVersion: '0.1.0' };
}

export const BENCH_LEARNER_ID = uuid(0xbe4c0000, 1);
export const BENCH_LEARNER_NAME = 'Bench Learner';

/**
 * Writes a data folder holding one learner with `earlier` attempts at the seed pack, in earlier
 * rounds (38 per round, as if the pack had been practised again and again), so that the current
 * round is fresh. Returns the size of the learner's snapshot in bytes.
 */
export function prefillStore(dataDir: string, seed: Pack, earlier: number): number {
  mkdirSync(join(dataDir, 'learners'), { recursive: true });
  const index = {
    schemaVersion: STORE_SCHEMA_VERSION,
    learners: [{ id: BENCH_LEARNER_ID, name: BENCH_LEARNER_NAME, createdAt: new Date(START).toISOString() }],
  };
  writeFileSync(join(dataDir, 'learners.json'), JSON.stringify(index));
  const next = seededRandom(11);
  const attempts: Attempt[] = [];
  for (let n = 0; n < earlier; n++) {
    const item = seed.items[n % seed.items.length]!;
    attempts.push(attemptFor(BENCH_LEARNER_ID, seed, item, next() < 0.7, n + 1, Math.floor(n / seed.items.length) + 1));
  }
  const rounds = earlier === 0 ? {} : { [seed.id]: Math.floor((earlier - 1) / seed.items.length) + 2 };
  const text = JSON.stringify({
    schemaVersion: STORE_SCHEMA_VERSION,
    learnerId: BENCH_LEARNER_ID,
    seq: 0,
    rounds,
    attempts,
    reviews: {},
  });
  writeFileSync(join(dataDir, 'learners', `${BENCH_LEARNER_ID}.json`), text);
  return Buffer.byteLength(text);
}

/** An article of exactly `words` words: the dev-set articles one after another, repeated as needed. */
export function articleOf(devSetDir: string, words: number): string {
  const sources = readdirSync(devSetDir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(devSetDir, name), 'utf8').trim());
  if (sources.length === 0) throw new Error(`no articles in ${devSetDir}`);
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    for (const paragraph of sources[i % sources.length]!.split(/\n\s*\n/)) {
      const tokens = paragraph.split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      const take = tokens.slice(0, words - count);
      paragraphs.push(take.join(' '));
      count += take.length;
      if (count >= words) break;
    }
  }
  return paragraphs.join('\n\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
