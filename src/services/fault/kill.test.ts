/**
 * "Nothing lost: every answer the app has acknowledged survives a crash." A child process records
 * answers in a loop and is killed with SIGKILL at random moments, again and again, on one data folder
 * that keeps growing. Each child's first answer starts a fold of the journal the last one left (as the
 * app's first answer of a session does); a second run folds every three answers, so that kills land
 * in every step of a fold (snapshot written or not, journal emptied or rewritten or not). After every kill the store must open cleanly in this process (no notices:
 * nothing damaged, set aside or restored) and hold every answer acknowledged before the kill, in
 * every round so far, plus everything that was on disk before the round.
 *
 * Most rounds kill 5–80 ms after the first acknowledgement; the others at a random moment before it
 * (taking the lock, opening and checking the files, creating the learner, writing the first answer).
 * The moments come from the tests' seeded generator (src/testing/random.ts): every failure names the
 * seed, TEST_SEED=<n> repeats a run and TEST_RUNS=<n> runs n times as many rounds.
 * To keep the rounds quick, the next children are started ahead (Node's own start-up, loading the
 * bundle) while a round runs and is checked; each touches nothing until it is told to go.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_SUFFIX } from '../store/durable-json-file';
import { acquireDataLock } from '../store/data-lock';
import { readJournal } from '../store/progress-journal';
import { ProgressStore } from '../store/progress-store';
import { replayHint, seededRandom, testRuns, testSeed } from '../../shared/testing/random';
import { bundleChild } from './bundle-child';

/**
 * Rounds per run: enough for kills at every step of a write and a fold (the counts are printed), few
 * enough that both runs stay far inside the timeout on a busy two-core machine. TEST_RUNS=5 runs 300 + 200.
 */
const ROUNDS = { appending: 60, folding: 40 };
/** Share of rounds killed at a random moment before the first acknowledgement. */
const EARLY_SHARE = 0.25;
const MIN_DELAY_MS = 5;
const MAX_DELAY_MS = 80;
/** The child stops after this many answers per round, so that the file grows steadily but the run stays short. */
const MAX_ANSWERS_PER_ROUND = 40;
/** Children started ahead, each loaded and waiting for its turn. */
const PREWARMED = 2;

const RUNS = [
  { name: 'appending', rounds: testRuns(ROUNDS.appending), args: [] as string[] },
  { name: 'folding every three answers', rounds: testRuns(ROUNDS.folding), args: ['--compact-after=3'] },
];

let root: string;
let childScript: string;
const running = new Set<ChildProcessByStdio<Writable, Readable, Readable>>();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-kill-'));
  childScript = await bundleChild('answer-loop', join(root, 'bundle'));
}, 60_000);

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
  if (root) rmSync(root, { recursive: true, force: true });
});

/** One answer-loop child, loaded and waiting for `go()`. */
class Writer {
  readonly acked: string[] = [];
  learnerId: string | undefined;
  problems = '';
  msToFirstAck: number | undefined;
  readonly ready: Promise<void>;
  readonly firstAck: Promise<void>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcessByStdio<Writable, Readable, Readable>;
  private wentAt = 0;

  constructor(script: string, dataDir: string, args: string[]) {
    this.child = spawn(process.execPath, [script, dataDir, String(MAX_ANSWERS_PER_ROUND), '--wait-for-go', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    running.add(this.child);
    let onReady!: () => void;
    let onFirstAck!: () => void;
    this.ready = new Promise((resolve) => (onReady = resolve));
    this.firstAck = new Promise((resolve) => (onFirstAck = resolve));
    let pending = '';
    this.child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) {
          if (this.acked.length === 0) {
            this.msToFirstAck = performance.now() - this.wentAt;
            onFirstAck();
          }
          this.acked.push(line.slice(4));
        } else if (line.startsWith('learner ')) this.learnerId = line.slice(8);
        else if (line === 'ready') onReady();
        else if (line !== 'capped') this.problems += `unexpected output: ${line}\n`;
      }
    });
    this.child.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.problems += chunk));
    this.child.stdin.on('error', () => undefined); // the child may be killed before it reads
    this.exited = new Promise((resolve) =>
      this.child.once('close', (code, signal) => {
        running.delete(this.child);
        onReady();
        resolve({ code, signal });
      }),
    );
  }

  go(): void {
    this.wentAt = performance.now();
    this.child.stdin.write('go\n');
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

/**
 * What the kill left of a fold: journal records the snapshot already holds (killed after the new
 * snapshot, before the journal was emptied), and an unfinished last journal line (killed in an append).
 */
async function leftovers(dataDir: string): Promise<{ staleRecords: boolean; tornTail: boolean }> {
  const found = { staleRecords: false, tornTail: false };
  const folder = join(dataDir, 'learners');
  for (const name of filesIn(folder).filter((file) => file.endsWith('.journal'))) {
    const id = name.slice(0, -'.journal'.length);
    const journal = await readJournal(join(folder, name), id);
    let seq = 0;
    try {
      seq = (JSON.parse(readFileSync(join(folder, `${id}.json`), 'utf8')) as { seq: number }).seq;
    } catch {
      // no snapshot yet
    }
    if (journal.records.some((record) => record.seq <= seq)) found.staleRecords = true;
    if (journal.tornTail) found.tornTail = true;
  }
  return found;
}

/**
 * The names in a folder. `learners/` is missing until the first child's store has opened, and a
 * round may kill that child before it does: then the folder holds nothing yet.
 */
function filesIn(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function tempFilesIn(dataDir: string): number {
  return [dataDir, join(dataDir, 'learners')].flatMap((folder) => filesIn(folder).filter((name) => name.endsWith(TEMP_SUFFIX)))
    .length;
}

describe.each(RUNS)('a writer killed at random moments, $name', ({ name, rounds, args }) => {
  it(`loses no acknowledged answer over ${rounds} SIGKILLs`, async () => {
    const random = seededRandom(testSeed());
    const dataDir = join(root, `data-${args.length}`);
    mkdirSync(dataDir);

    const allAcked = new Set<string>();
    let learnerId: string | undefined;
    let onDiskBefore = new Set<string>();
    let kills = 0;
    let killsBeforeAck = 0;
    let roundsLeavingTempFiles = 0;
    let roundsInFolds = 0;
    let roundsInAppends = 0;
    let typicalMsToFirstAck = 60;
    const started = performance.now();

    const waiting = Array.from({ length: PREWARMED }, () => new Writer(childScript, dataDir, args));
    for (let round = 0; round < rounds; round++) {
      const early = random() < EARLY_SHARE;
      const delayMs = early ? random() * typicalMsToFirstAck * 1.2 : MIN_DELAY_MS + random() * (MAX_DELAY_MS - MIN_DELAY_MS);
      const context = `${replayHint()}, round ${round} (${early ? 'early' : 'after first ack'}, ${delayMs.toFixed(1)} ms)`;

      const writer = waiting.shift()!;
      waiting.push(new Writer(childScript, dataDir, args)); // starts up while this round runs and is checked
      await writer.ready;
      writer.go();
      if (early) {
        await Promise.race([sleep(delayMs), writer.firstAck, writer.exited]);
      } else {
        const timedOut = Symbol('timeout');
        if ((await Promise.race([writer.firstAck, writer.exited, sleep(15_000, timedOut)])) === timedOut) {
          writer.problems += 'no acknowledgement within 15 s\n';
        }
        await sleep(delayMs);
      }
      if (writer.acked.length === 0) killsBeforeAck++;
      writer.kill();
      const { code, signal } = await writer.exited;
      kills++;
      expect(writer.problems, `${context}: the child reported a problem`).toBe('');
      expect({ code, signal }, `${context}: the child must die from the kill, not on its own`).toEqual({
        code: null,
        signal: 'SIGKILL',
      });
      if (writer.msToFirstAck !== undefined) typicalMsToFirstAck = 0.8 * typicalMsToFirstAck + 0.2 * writer.msToFirstAck;
      if (writer.learnerId) {
        if (learnerId) expect(writer.learnerId, context).toBe(learnerId);
        learnerId = writer.learnerId;
      }
      for (const id of writer.acked) allAcked.add(id);
      if (tempFilesIn(dataDir) > 0) roundsLeavingTempFiles++;
      const left = await leftovers(dataDir);
      if (left.staleRecords) roundsInFolds++;
      if (left.tornTail) roundsInAppends++;

      // Check in this process, as the app would on its next start: take the lock, open the store.
      const lock = await acquireDataLock(dataDir, 'browser');
      expect(lock.ok, `${context}: the lock of a killed writer is taken over`).toBe(true);
      if (lock.ok) lock.release();
      const store = new ProgressStore(dataDir);
      await store.open();
      expect(store.notices(), `${context}: the store must open without damage`).toEqual([]);
      expect(tempFilesIn(dataDir), `${context}: temporary files are cleared on open`).toBe(0);
      const learners = await store.listLearners();
      if (!learnerId) {
        expect(learners.length, context).toBeLessThanOrEqual(1);
        learnerId = learners[0]?.id; // created, but killed before the child could say so
        if (!learnerId) continue;
      }
      expect(
        learners.map((learner) => learner.id),
        `${context}: the learner is listed`,
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
    for (const writer of waiting) writer.kill();
    await Promise.all(waiting.map((writer) => writer.exited));

    const seconds = (performance.now() - started) / 1000;
    console.log(
      `kill.test (${name}): ${kills} kills (${killsBeforeAck} before the first ack, ${roundsLeavingTempFiles} left a temporary file, ` +
        `${roundsInFolds} a fold half done, ${roundsInAppends} an unfinished journal line), ` +
        `${allAcked.size} acknowledged answers, ${onDiskBefore.size} on disk, ${seconds.toFixed(1)} s`,
    );
    expect(kills).toBeGreaterThanOrEqual(rounds);
    expect(killsBeforeAck).toBeGreaterThan(0);
    expect(kills - killsBeforeAck, 'kills after at least one acknowledgement').toBeGreaterThan(rounds / 2);
    expect(allAcked.size).toBeGreaterThan(0);
    expect(onDiskBefore.size).toBeGreaterThanOrEqual(allAcked.size);
  }, 300_000); // a guard for a busy machine: about 10 s on a quiet one with two cores
});
