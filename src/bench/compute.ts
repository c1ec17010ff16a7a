/** The rows measured in this process: store writes, class reports, suggestions and the renderer's size. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { summariseClass } from '../shared/class-report';
import type { Pack } from '../shared/pack/schema';
import { writeDurably } from '../services/durable-json-file';
import { ProgressStore } from '../services/progress-store';
import { buildCsv } from '../services/report-csv';
import { buildPdf } from '../services/report-pdf';
import { buildXapi } from '../services/report-xapi';
import { suggestClaims } from '../services/suggest/analyse';
import { answerFor, scoredAttempt } from '../shared/testing/answers';
import { articleOf, BENCH_LEARNER_ID, classOf, countWords, prefillStore, uuid } from './fixtures';
import { summarise, timeRuns } from './stats';
import type { Row } from './table';

export interface Plan {
  quick: boolean;
  warmups: number;
  runs: number;
  /** Earlier attempts in the learner's store for the answer rows. */
  histories: number[];
  learners: number;
  articleWords: number[];
}

/** Time of ProgressStore.addAttempt against open + writeFile + fsync + close of the same bytes. */
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
      const file = join(dir, 'learners', `${BENCH_LEARNER_ID}.json`);
      const floorFile = join(dir, 'floor.json');
      const storeTimes: number[] = [];
      const floorTimes: number[] = [];
      const total = plan.warmups + plan.runs;
      for (let n = 0; n < total; n++) {
        const item = seed.items[n % seed.items.length]!;
        const attempt = scoredAttempt(seed, item, answerFor(item, true), {
          id: uuid(0x50000000, n + 1),
          learnerId: BENCH_LEARNER_ID,
          round,
          timeTakenMs: 5000,
          answeredAt: new Date().toISOString(),
        });
        let start = performance.now();
        await store.addAttempt(attempt);
        const storeMs = performance.now() - start;
        // The floor: the very bytes the store just wrote, written and flushed with nothing else.
        const bytes = readFileSync(file);
        start = performance.now();
        const handle = await open(floorFile, 'w');
        await handle.writeFile(bytes);
        await handle.sync();
        await handle.close();
        const floorMs = performance.now() - start;
        if (n >= plan.warmups) {
          storeTimes.push(storeMs);
          floorTimes.push(floorMs);
        }
      }
      const figure = summarise(storeTimes);
      const floor = summarise(floorTimes).median;
      // Where the store's time goes: serialising the whole file, and the durable write of the text.
      const text = readFileSync(file, 'utf8');
      const data = JSON.parse(text) as unknown;
      const stringify = summarise(await timeRuns(1, plan.runs, () => JSON.stringify(data))).median;
      const durable = summarise(await timeRuns(1, plan.runs, () => writeDurably(join(dir, 'durable.json'), text))).median;
      const ratio = figure.median / floor;
      const size = readFileSync(file).length;
      rows.push({
        section: 'Answer',
        name: `store write, ${earlier.toLocaleString('en-GB')} earlier`,
        unit: 'ms',
        better: 'lower',
        ...figure,
        floor,
        ratio,
        target: '<= 2x floor',
        met: ratio <= 2,
        note:
          `learner file ${(size / 1024 / 1024).toFixed(2)} MB; floor = open+writeFile+fsync+close of the same bytes; ` +
          `of the store's time, JSON.stringify of the whole file ${stringify.toFixed(1)} ms, ` +
          `writeDurably (temp file, fsync, rename, folder fsync) ${durable.toFixed(1)} ms`,
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
    { name: 'CSV', limit: 1000, build: () => buildCsv(summariseClass(data), data) },
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
