/**
 * "Nothing lost: every answer the app has acknowledged survives a crash." A child process records
 * answers in a loop and is killed with SIGKILL at random moments, again and again, on one data folder
 * that keeps growing. After every kill the store must open cleanly (no notices: nothing damaged, set
 * aside or restored) and hold every answer that was acknowledged before the kill, in every round so far.
 *
 * The kill moments come from a seeded generator; the seed is printed, and FAULT_SEED=<n> repeats a run.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_SUFFIX } from '../durable-json-file';
import { ProgressStore } from '../progress-store';
import { bundleChild } from './bundle-child';
import { seededRandom } from './fixtures';

const ROUNDS = 220;
/** Share of rounds killed at a random moment before the first acknowledgement (while opening, creating the learner, writing the first answer). */
const EARLY_SHARE = 0.25;
const MIN_DELAY_MS = 5;
const MAX_DELAY_MS = 80;
/** The child stops after this many answers per round, so that the file grows steadily but the run stays short. */
const MAX_ANSWERS_PER_ROUND = 40;

let root: string;
let childScript: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-kill-'));
  childScript = await bundleChild('answer-loop', join(root, 'bundle'));
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

interface RoundResult {
  acked: string[];
  learnerId: string | undefined;
  killedBeforeAck: boolean;
  msToFirstAck: number | undefined;
}

/** Starts the child, kills it at the planned moment and waits for it to be gone. */
async function killRound(childPath: string, dataDir: string, plan: { early: boolean; delayMs: number }): Promise<RoundResult> {
  const child = spawn(process.execPath, [childPath, dataDir, String(MAX_ANSWERS_PER_ROUND)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const startedAt = performance.now();
  const acked: string[] = [];
  let learnerId: string | undefined;
  let msToFirstAck: number | undefined;
  let stdout = '';
  let stderr = '';
  let onFirstAck!: () => void;
  const firstAck = new Promise<void>((resolve) => (onFirstAck = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ack ')) {
        if (acked.length === 0) {
          msToFirstAck = performance.now() - startedAt;
          onFirstAck();
        }
        acked.push(line.slice(4));
      } else if (line.startsWith('learner ')) learnerId = line.slice(8);
      else if (line !== 'capped') stderr += `unexpected output: ${line}\n`;
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );

  if (plan.early) {
    await Promise.race([sleep(plan.delayMs), firstAck, exited]);
  } else {
    const gaveUp = Symbol('timeout');
    const first = await Promise.race([firstAck, exited, sleep(15_000, gaveUp)]);
    if (first === gaveUp) stderr += 'no acknowledgement within 15 s\n';
    await sleep(plan.delayMs);
  }
  const killedBeforeAck = acked.length === 0;
  child.kill('SIGKILL');
  const { code, signal } = await exited;
  expect(stderr, 'the child reported a problem').toBe('');
  expect({ code, signal }, 'the child must die from the kill, not on its own').toEqual({ code: null, signal: 'SIGKILL' });
  return { acked, learnerId, killedBeforeAck, msToFirstAck };
}

function tempFilesIn(dataDir: string): number {
  return [dataDir, join(dataDir, 'learners')].flatMap((folder) =>
    readdirSync(folder).filter((name) => name.endsWith(TEMP_SUFFIX)),
  ).length;
}

describe('a writer killed at random moments', () => {
  it(`loses no acknowledged answer over ${ROUNDS} SIGKILLs`, async () => {
    const seed = Number(process.env.FAULT_SEED ?? Date.now() % 2 ** 31);
    console.log(`kill.test seed=${seed} (repeat with FAULT_SEED=${seed})`);
    const random = seededRandom(seed);
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);

    const allAcked = new Set<string>();
    let learnerId: string | undefined;
    let onDiskBefore = new Set<string>();
    let kills = 0;
    let killsBeforeAck = 0;
    let roundsLeavingTempFiles = 0;
    let typicalMsToFirstAck = 150;
    const started = performance.now();

    for (let round = 0; round < ROUNDS; round++) {
      const early = random() < EARLY_SHARE;
      const delayMs = early ? random() * typicalMsToFirstAck : MIN_DELAY_MS + random() * (MAX_DELAY_MS - MIN_DELAY_MS);
      const context = `seed ${seed}, round ${round} (${early ? 'early' : 'after first ack'}, ${delayMs.toFixed(1)} ms)`;
      const result = await killRound(childScript, dataDir, { early, delayMs });
      kills++;
      if (result.killedBeforeAck) killsBeforeAck++;
      if (result.msToFirstAck !== undefined) typicalMsToFirstAck = 0.7 * typicalMsToFirstAck + 0.3 * result.msToFirstAck;
      if (result.learnerId) {
        if (learnerId) expect(result.learnerId, context).toBe(learnerId);
        learnerId = result.learnerId;
      }
      for (const id of result.acked) allAcked.add(id);
      if (tempFilesIn(dataDir) > 0) roundsLeavingTempFiles++;

      // Verify in this process, as the app would on its next start.
      const store = new ProgressStore(dataDir);
      await store.open();
      expect(store.notices(), `${context}: the store must open without damage`).toEqual([]);
      expect(tempFilesIn(dataDir), `${context}: temporary files are cleared on open`).toBe(0);
      const learners = await store.listLearners();
      if (!learnerId) {
        expect(learners.length, context).toBeLessThanOrEqual(1);
        if (learners[0]) learnerId = learners[0].id; // created, but killed before the child could say so
        continue;
      }
      expect(
        learners.map((learner) => learner.id),
        `${context}: the acknowledged learner is listed`,
      ).toEqual([learnerId]);
      const ids = (await store.attempts(learnerId)).map((attempt) => attempt.id);
      const onDisk = new Set(ids);
      expect(onDisk.size, `${context}: no answer is stored twice`).toBe(ids.length);
      const lost = [...allAcked].filter((id) => !onDisk.has(id));
      expect(lost, `${context}: acknowledged answers missing after the kill`).toEqual([]);
      const vanished = [...onDiskBefore].filter((id) => !onDisk.has(id));
      expect(vanished, `${context}: answers that were on disk before this round`).toEqual([]);
      onDiskBefore = onDisk;
    }

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `kill.test: ${kills} kills (${killsBeforeAck} before the first ack, ${roundsLeavingTempFiles} left a temporary file), ` +
        `${allAcked.size} acknowledged answers, ${onDiskBefore.size} on disk, ${seconds.toFixed(1)} s`,
    );
    expect(kills).toBeGreaterThanOrEqual(200);
    expect(killsBeforeAck).toBeGreaterThan(0);
    expect(allAcked.size).toBeGreaterThan(0);
    expect(kills - killsBeforeAck, 'kills after at least one acknowledgement').toBeGreaterThan(100);
    expect(onDiskBefore.size).toBeGreaterThanOrEqual(allAcked.size);
  }, 180_000);
});
