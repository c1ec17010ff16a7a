/**
 * Randomness for tests and the bench, always seeded so that a run can be repeated. Randomised tests
 * use one fixed seed unless told otherwise:
 *   TEST_SEED=<n>       replays a run (each failure message names its seed),
 *   TEST_SEED=random    tries a fresh seed, printed at the start,
 *   TEST_RUNS=<n>       tries n times as many cases (fuzz and fault runs), to widen a run.
 */

export { seededRandom } from '../random';

/** The seed randomised tests use by default. */
export const DEFAULT_TEST_SEED = 20261126;

let chosenSeed: number | undefined;

/** This run's seed: TEST_SEED's, or the default. */
export function testSeed(): number {
  chosenSeed ??= readSeed(process.env.TEST_SEED);
  return chosenSeed;
}

function readSeed(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_TEST_SEED;
  if (value === 'random') {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`TEST_SEED=random chose ${seed}`);
    return seed;
  }
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`TEST_SEED must be a whole number or "random", not ${value}`);
  return seed;
}

/** How many cases to try: `base`, times TEST_RUNS when a run is widened. */
export function testRuns(base: number): number {
  const value = process.env.TEST_RUNS;
  if (value === undefined || value === '') return base;
  const factor = Number(value);
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`TEST_RUNS must be a positive number, not ${value}`);
  return Math.max(1, Math.round(base * factor));
}

/** Names this run's seed in a failure message, with how to replay it. */
export function replayHint(): string {
  return `seed ${testSeed()} (replay with TEST_SEED=${testSeed()})`;
}
