/**
 * `npm run bench`: how fast Sourcewise starts, answers, builds reports and suggests claims, and how
 * big it is, each against its floor where there is one (issue #8). Prints an aligned table and writes
 * `bench-results.json` in the current folder, with the machine it ran on.
 *
 * `--quick`: every row once, on small sizes, in well under a minute; run by `npm test` so that the
 * bench cannot rot. Exits non-zero if any row fails to produce a figure (a skipped row, such as the
 * Electron start-up without a binary, says why and is not a failure).
 *
 * `--startup`: only the start-up rows, at the full run count; what to run while working on start-up.
 *
 * Built into out/main/bench.js next to web.js, whose sibling folders it uses (out/renderer, and
 * out/main/web.js itself for the browser-mode rows).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type as osType } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser } from 'playwright-core';
import { answerRows, electronRows, launchChromium, loadPlaywright, startupRows, studioRows, type Paths } from './browser';
import { reportRows, sizeRows, storeWriteRows, suggestionRows, type Plan } from './compute';
import { loadSeedPack } from './fixtures';
import { formatTable, type Row } from './table';

const here = import.meta.dirname;
const root = resolve(here, '../..');

const FULL: Plan = {
  quick: false,
  warmups: 1,
  runs: 9,
  histories: [0, 1_000, 10_000, 100_000],
  learners: 200,
  articleWords: [1_000, 10_000],
};

const QUICK: Plan = { quick: true, warmups: 1, runs: 1, histories: [0, 1_000], learners: 20, articleWords: [1_000] };

function failed(section: string, name: string, error: unknown): Row {
  // The first lines: Playwright's message, then what it was waiting for.
  const message = error instanceof Error ? error.message.split('\n').slice(0, 4).join(' / ') : String(error);
  return { section, name, unit: '', better: 'lower', note: `FAILED: ${message}` };
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const unknown = argv.filter((arg) => arg !== '--quick' && arg !== '--startup');
  if (unknown.length > 0) {
    console.error(`usage: bench [--quick] [--startup]   (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  const plan = argv.includes('--quick') ? QUICK : FULL;
  const startupOnly = argv.includes('--startup');
  const began = performance.now();
  const paths: Paths = { webJs: join(here, 'web.js'), electronMain: join(here, 'index.js'), root };
  const rendererDir = join(here, '../renderer');
  const seed = loadSeedPack(join(root, 'exercises'));
  const rows: Row[] = [];
  const progress = (message: string) => console.error(`[bench ${((performance.now() - began) / 1000).toFixed(0)}s] ${message}`);

  const section = async (name: string, rowName: string, run: () => Promise<Row[]> | Row[]) => {
    progress(name);
    try {
      rows.push(...(await run()));
    } catch (error) {
      console.error(error);
      rows.push(failed(name, rowName, error));
    }
  };

  let browser: Browser | undefined;
  let chromiumVersion = 'not started';
  try {
    const playwright = await loadPlaywright();
    try {
      browser = await launchChromium(playwright);
      chromiumVersion = browser.version();
    } catch (error) {
      console.error(error);
      rows.push(failed('Start-up', 'Chromium', error));
    }
    if (browser) {
      const open = browser;
      await section('Start-up', 'browser mode to data-ready', () => startupRows(plan, open, paths));
    }
    await section('Start-up', 'Electron to data-ready', () => electronRows(plan, playwright, paths));
    if (browser && !startupOnly) {
      const open = browser;
      await section('Answer', 'click to feedback', () => answerRows(plan, open, paths, seed));
      const article = readFileSync(join(root, 'src/services/suggest/dev-set/seed-article.txt'), 'utf8');
      await section('Suggestions', 'studio: first suggestion shown', () => studioRows(plan, open, paths, article));
    }
  } finally {
    await browser?.close();
  }
  if (!startupOnly) {
    await section('Answer', 'store write', () => storeWriteRows(plan, seed));
    await section('Reports', 'class report', () => reportRows(plan, seed));
    await section('Suggestions', 'suggestClaims', () => suggestionRows(plan, join(root, 'src/services/suggest/dev-set')));
    await section('Size', 'renderer', () => sizeRows(rendererDir));
  }

  const order = ['Start-up', 'Answer', 'Reports', 'Suggestions', 'Size'];
  rows.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
  const seconds = (performance.now() - began) / 1000;
  const cpuList = cpus();
  const machine = {
    cpu: cpuList[0]?.model ?? 'unknown',
    cores: cpuList.length,
    totalMemoryGb: Number((totalmem() / 1024 ** 3).toFixed(1)),
    os: `${osType()} ${release()} (${process.platform} ${process.arch})`,
    node: process.version,
    chromium: chromiumVersion,
  };
  const results = {
    app: 'Sourcewise',
    appVersion: __APP_VERSION__,
    mode: `${plan.quick ? 'quick' : 'full'}${startupOnly ? ', start-up only' : ''}`,
    date: new Date().toISOString(),
    seconds: Number(seconds.toFixed(1)),
    machine,
    plan,
    rows,
  };
  writeFileSync('bench-results.json', `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    `Sourcewise ${__APP_VERSION__} bench (${results.mode}), ${results.date}\n` +
      `${machine.cpu} x ${machine.cores}, ${machine.totalMemoryGb} GB, ${machine.os}, Node ${machine.node}, Chromium ${machine.chromium}\n`,
  );
  console.log(formatTable(rows));
  const missing = rows.filter((row) => row.median === undefined && !row.skipped);
  console.log(`\n${rows.length} rows in ${seconds.toFixed(0)} s; results in ${resolve('bench-results.json')}`);
  if (missing.length > 0) {
    console.error(
      `bench: ${missing.length} row(s) produced no figure: ${missing.map((row) => `${row.section} / ${row.name}`).join(', ')}`,
    );
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
