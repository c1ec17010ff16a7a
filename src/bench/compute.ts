/** The rows measured in this process: store writes, class reports, suggestions and the renderer's size. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { summariseClass } from '../shared/class-report';
import type { Pack } from '../shared/pack/schema';
import { COMPACT_AFTER_RECORDS, FOLD_SLICE, ProgressStore } from '../services/store/progress-store';
import { buildCsv } from '../services/reports/report-csv';
import { buildPdf } from '../services/reports/report-pdf';
import { buildXapi } from '../services/reports/report-xapi';
import { suggestClaims } from '../services/suggest/analyse';
import { answerFor, scoredAttempt } from '../shared/testing/answers';
import { articleOf, BENCH_LEARNER_ID, classOf, countWords, prefillStore, uuid } from './fixtures';
import { summarise, timeRuns } from './stats';
import type { Row } from './table';

/** Timed appends per history size in a full run. */
const APPEND_RUNS = 37;

export interface Plan {
  quick: boolean;
  warmups: number;
  runs: number;
  /** Earlier attempts in the learner's store for the answer rows. */
  histories: number[];
  learners: number;
  articleWords: number[];
}

/**
 * Time of ProgressStore.addAttempt (one journal line, flushed) against open + writeFile + fsync +
 * close of the same bytes. Then the two costs that still grow with the history, both off the answer's
 * path: folding the journal into a new snapshot, and an answer given while a fold is under way.
 */
export async function storeWriteRows(plan: Plan, seed: Pack): Promise<Row[]> {
  const rows: Row[] = [];
  for (const earlier of plan.histories) {
    const dir = mkdtempSync(join(tmpdir(), 'sourcewise-bench-store-'));
    try {
      prefillStore(dir, seed, earlier);
      const store = new ProgressStore(dir);
      await store.open();
      const loaded = (await store.attempts(BENCH_LEARNER_ID)).length;
      if (loaded !== earlier)
        throw new Error(`the pre-filled store holds ${loaded} attempts, not ${earlier}: ${JSON.stringify(store.notices())}`);
      const round = await store.round(BENCH_LEARNER_ID, seed.id);
      const snapshot = join(dir, 'learners', `${BENCH_LEARNER_ID}.json`);
      const journal = join(dir, 'learners', `${BENCH_LEARNER_ID}.journal`);
      const floorFile = join(dir, 'floor.json');
      let n = 0;
      const nextAttempt = () => {
        const item = seed.items[n % seed.items.length]!;
        n++;
        return scoredAttempt(seed, item, answerFor(item, true), {
          id: uuid(0x50000000, n),
          learnerId: BENCH_LEARNER_ID,
          round,
          timeTakenMs: 5000,
          answeredAt: new Date().toISOString(),
        });
      };
      const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

      const storeTimes: number[] = [];
      const floorTimes: number[] = [];
      let lineBytes = 0;
      const total = plan.warmups + plan.runs;
      // An append costs about one fsync, whose time varies several-fold from one call to the next on a
      // shared machine: more samples than elsewhere, as they are cheap now.
      const appendTotal = plan.warmups + (plan.quick ? plan.runs : APPEND_RUNS);
      for (let run = 0; run < appendTotal; run++) {
        const attempt = nextAttempt();
        const before = sizeOf(journal);
        let start = performance.now();
        await store.addAttempt(attempt);
        const storeMs = performance.now() - start;
        // The floor: the very bytes the store just wrote, written and flushed with nothing else.
        const bytes = readFileSync(journal).subarray(before);
        lineBytes = bytes.length;
        start = performance.now();
        const handle = await open(floorFile, 'w');
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        const floorMs = performance.now() - start;
        if (run >= plan.warmups) {
          storeTimes.push(storeMs);
          floorTimes.push(floorMs);
        }
      }
      const figure = summarise(storeTimes);
      const floor = summarise(floorTimes).median;
      const ratio = figure.median / floor;
      const snapshotMb = (sizeOf(snapshot) / 1024 / 1024).toFixed(2);
      const label = earlier.toLocaleString('en-GB');
      rows.push({
        section: 'Answer',
        name: `store write, ${label} earlier`,
        unit: 'ms',
        better: 'lower',
        ...figure,
        floor,
        ratio,
        target: '<= 2x floor',
        met: ratio <= 2,
        note:
          `one journal line of ${lineBytes} B (open, append, fdatasync, close; the ${snapshotMb} MB snapshot is not touched); ` +
          `floor = open+writeFile+fsync+close of the same bytes`,
      });

      // Folding the journal into a new snapshot: in the background, serialised in slices, written with writeDurably.
      const foldRuns = plan.quick ? 1 : 3;
      const foldTimes: number[] = [];
      for (let run = 0; run < foldRuns; run++) {
        await store.addAttempt(nextAttempt());
        const start = performance.now();
        await store.compact();
        foldTimes.push(performance.now() - start);
      }
      rows.push({
        section: 'Answer',
        name: `journal fold, ${label} earlier`,
        unit: 'ms',
        better: 'lower',
        ...summarise(foldTimes),
        note:
          `off the answer's path, once per ${COMPACT_AFTER_RECORDS.toLocaleString('en-GB')} journal records (or 1 MB) and at a session's first answer: ` +
          `the snapshot (${(sizeOf(snapshot) / 1024 / 1024).toFixed(2)} MB) serialised ${FOLD_SLICE} attempts at a time, then temp file, fsync, rename, folder fsync`,
      });

      // An answer given just as a fold starts: it waits for no serialisation, only shares the disk with the snapshot's write.
      const duringTimes: number[] = [];
      for (let run = 0; run < total; run++) {
        await store.addAttempt(nextAttempt());
        const folding = store.compact();
        const start = performance.now();
        await store.addAttempt(nextAttempt());
        const ms = performance.now() - start;
        await folding;
        if (run >= plan.warmups) duringTimes.push(ms);
      }
      rows.push({
        section: 'Answer',
        name: `store write during a fold, ${label} earlier`,
        unit: 'ms',
        better: 'lower',
        ...summarise(duringTimes),
        note: 'addAttempt issued right after a fold was started (the worst moment for an answer); no target',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}

export async function reportRows(plan: Plan, seed: Pack): Promise<Row[]> {
  const data = classOf(seed, plan.learners);
  const attempts = data.learners.reduce((sum, learner) => sum + learner.attempts.length, 0);
  const shape = `${plan.learners} learners x 3 packs x 40 attempts (${attempts.toLocaleString('en-GB')} attempts)`;
  const formats: { name: string; limit: number; build: () => unknown }[] = [
    { name: 'CSV', limit: 1000, build: () => buildCsv(summariseClass(data), data, { timeZone: 'UTC' }) },
    { name: 'PDF', limit: 3000, build: () => buildPdf(summariseClass(data), data) },
    { name: 'xAPI', limit: 1000, build: () => buildXapi(data, { homePage: 'https://lms.example.org' }) },
  ];
  const rows: Row[] = [];
  for (const format of formats) {
    const figure = summarise(await timeRuns(plan.warmups, plan.runs, format.build));
    rows.push({
      section: 'Reports',
      name: `class report ${format.name}, ${plan.learners} learners`,
      unit: 'ms',
      better: 'lower',
      ...figure,
      target: `< ${format.limit} ms`,
      met: figure.median < format.limit,
      ...(format.name === 'CSV' ? { note: `${shape}; summariseClass included in CSV and PDF` } : {}),
    });
  }
  return rows;
}

export async function suggestionRows(plan: Plan, devSetDir: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const words of plan.articleWords) {
    const text = articleOf(devSetDir, words);
    const counted = countWords(text);
    // Short calls vary with the JIT and the collector: more warm-ups and runs than elsewhere, as they are cheap.
    const times = await timeRuns(plan.quick ? plan.warmups : 5, plan.quick ? plan.runs : 21, () => suggestClaims(text));
    const rates = times.map((ms) => counted / (ms / 1000));
    const figure = summarise(rates);
    rows.push({
      section: 'Suggestions',
      name: `suggestClaims, ${counted.toLocaleString('en-GB')} words`,
      unit: 'words/s',
      better: 'higher',
      ...figure,
      // For a rate, the 95th percentile that matters is the slow end.
      p95: [...rates].sort((a, b) => a - b)[Math.floor(rates.length * 0.05)]!,
      target: '> 50,000 words/s',
      met: figure.median > 50_000,
    });
  }
  return rows;
}

export function sizeRows(rendererDir: string): Row[] {
  const assets = join(rendererDir, 'assets');
  const files = readdirSync(assets);
  const gz = (ext: string) =>
    files.filter((name) => name.endsWith(ext)).reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name))).length, 0);
  const raw = (ext: string) =>
    files.filter((name) => name.endsWith(ext)).reduce((sum, name) => sum + readFileSync(join(assets, name)).length, 0);
  const js = gz('.js');
  const css = gz('.css');
  if (js === 0) throw new Error(`no JavaScript in ${assets}: build the renderer first`);
  const kb = (bytes: number) => bytes / 1024;
  const one = (name: string, bytes: number, extra: Partial<Row> = {}): Row => ({
    section: 'Size',
    name,
    unit: 'KB gz',
    better: 'lower',
    median: kb(bytes),
    min: kb(bytes),
    max: kb(bytes),
    runs: 1,
    ...extra,
  });
  return [
    one('renderer JS', js, { note: `${(raw('.js') / 1024).toFixed(1)} KB before gzip (node:zlib, default level)` }),
    one('renderer CSS', css, { note: `${(raw('.css') / 1024).toFixed(1)} KB before gzip` }),
    one('renderer JS + CSS', js + css, { target: '< 80 KB gz', met: kb(js + css) < 80 }),
  ];
}
