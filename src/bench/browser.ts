/**
 * The rows that need a browser: start-up of browser mode against a blank page, the learner's answer
 * from click to feedback, and the resident memory of backend plus renderer after a completed pack;
 * and the Electron start-up where a binary is present.
 *
 * Playwright is a devDependency, so the built bench loads it at run time (a dynamic import that the
 * bundler leaves alone) rather than bundling it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Item, Pack } from '../shared/pack/schema';
import type { Plan } from './compute';
import { BENCH_LEARNER_ID, prefillStore } from './fixtures';
import { summarise } from './stats';
import type { Row } from './table';
import { ELECTRON_BINARY_VARIABLE, findElectronBinary } from '../../scripts/electron-binary.mjs';

type Playwright = typeof import('playwright-core');

const PLAYWRIGHT = 'playwright-core';
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-gpu',
];

export async function loadPlaywright(): Promise<Playwright> {
  // A package, named in a constant so that the bundler leaves it to be loaded at run time.
  // eslint-disable-next-line layers/allowed-imports -- playwright-core is a package, which the bench's layer may import
  return (await import(/* @vite-ignore */ PLAYWRIGHT)) as Playwright;
}

export async function launchChromium(playwright: Playwright): Promise<Browser> {
  const executablePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
  return playwright.chromium.launch({
    ...(existsSync(executablePath) ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
  });
}

export interface Paths {
  /** out/main/web.js */
  webJs: string;
  /** out/main/index.js */
  electronMain: string;
  root: string;
}

interface Started {
  child: ChildProcess;
  url: string;
}

/** Spawns a Node process and waits for the first http://127.0.0.1 address it prints. */
function spawnServer(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<Started>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not print its address within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/(\?token=[\w-]+)?/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const BLANK_SERVER = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
  response.end('<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** The app's marker: mounted, and its first data arrived (a selector, so waiting for it needs no eval under the CSP). */
const READY = 'body[data-ready="true"]';
/** The performance mark the app makes at the same moment. */
const READY_MARK = 'sourcewise:data-ready';

/** A page to start in, and how to put it away afterwards. */
interface Opened {
  page: Page;
  close(): Promise<void>;
}

/** A new window: a fresh context, as the bench opened every start before the eighth round. */
async function newWindow(browser: Browser): Promise<Opened> {
  const context = await browser.newContext();
  try {
    return { page: await context.newPage(), close: () => context.close() };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * A window opened once before the rounds and kept open with a tab of its own, as the browser a user
 * already has open, in which each start opens a new tab: what a user of browser mode does with the
 * printed address. Chromium builds a window's omnibox pop-up (a renderer of its own, 150 ms or more of
 * main-thread work) with the window, so a new tab does not pay for it, while a new context does
 * (docs/performance.md, eighth round).
 *
 * Nothing carries from one start to the next: each tab has the HTTP cache disabled before it navigates
 * (CDP `Network.setCacheDisabled`, which also covers the renderer's memory cache); sessionStorage is
 * the tab's own; each start's server listens on a new port, so a new origin for localStorage and
 * IndexedDB, and the origin's storage is cleared after the start all the same, in case a port comes
 * round again; cookies are not kept apart by port, so a start that leaves one fails the row.
 */
export class OpenWindow {
  private constructor(
    private readonly context: BrowserContext,
    private readonly keeper: CDPSession,
  ) {}

  static async open(browser: Browser): Promise<OpenWindow> {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      return new OpenWindow(context, await context.newCDPSession(page));
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  async newTab(): Promise<Opened> {
    const page = await this.context.newPage();
    try {
      const cdp = await this.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      return {
        page,
        close: async () => {
          const origin = new URL(page.url()).origin;
          await cdp.detach();
          await page.close();
          await this.forget(origin);
        },
      };
    } catch (error) {
      await page.close();
      throw error;
    }
  }

  /** Clears what the start at `origin` stored, and fails if it left a cookie (cookies ignore the port). */
  private async forget(origin: string): Promise<void> {
    if (origin.startsWith('http')) await this.keeper.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' });
    const cookies = await this.context.cookies();
    if (cookies.length > 0) {
      throw new Error(`a start left ${cookies.length} cookie(s) in the open window, which later starts on 127.0.0.1 would see`);
    }
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

interface Start {
  /** Spawn to the page's own end (the ready mark, or the blank page's load). */
  total: number;
  /** Spawn to the address printed. */
  server: number;
  /** Spawn to the start of navigation (the page's time origin): the address, then the window or tab. */
  navigation: number;
}

/**
 * One start: launch the server process, open its page with `open` (a new window or a new tab), wait
 * for the page's own end: the app's ready mark, or the blank page's `load`. Timed to the moment the page
 * recorded, not to when Playwright noticed it: polling for a selector in a fresh context costs hundreds
 * of milliseconds on a busy machine, and the blank page needs none.
 */
async function startOnce(open: () => Promise<Opened>, args: string[], app: boolean): Promise<Start> {
  const start = performance.now();
  const { child, url } = await spawnServer(args);
  const server = performance.now() - start;
  let opened: Opened | undefined;
  try {
    opened = await open();
    const { page } = opened;
    await page.goto(url, { waitUntil: 'load' });
    if (app) await page.locator(READY).waitFor({ state: 'attached', timeout: 30_000 });
    // Epoch milliseconds in the page, compared with this process's (one machine, one clock).
    const [origin, endedAt] = await page.evaluate(
      (mark) => [
        performance.timeOrigin,
        performance.timeOrigin +
          (mark
            ? (performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN)
            : ((performance.getEntries().find((entry) => String(entry.entryType) === 'navigation') as { loadEventEnd?: number })
                ?.loadEventEnd ?? Number.NaN)),
      ],
      app ? READY_MARK : undefined,
    );
    if (!Number.isFinite(endedAt))
      throw new Error(app ? `the page made no ${READY_MARK} mark` : 'the blank page has no load time');
    const spawnedAt = performance.timeOrigin + start;
    return { total: endedAt - spawnedAt, server, navigation: origin - spawnedAt };
  } finally {
    await opened?.close();
    await stop(child);
  }
}

/**
 * Start-up rounds in a full run (app and blank page each): more than the other rows' 9, because one start
 * moves by 20 % or more with the load on a shared machine, and a median of 9 moved the ratio by ±10 %
 * between runs (docs/performance.md, sixth round).
 */
const STARTUP_RUNS = 21;

type Opening = 'tab' | 'window';

/**
 * The order of a round's four starts: each way of opening (a new tab, a new window) does one app start
 * and one blank-page start, and both which way goes first and which side goes first within it take
 * turns, so that drift in the load, and whatever a start leaves behind (a context closing, a server
 * stopping), falls on all four alike. Over any four rounds in a row each start takes each place once.
 */
export function startOrder(round: number): { opening: Opening; app: boolean }[] {
  const openings: Opening[] = Math.floor(round / 2) % 2 === 0 ? ['tab', 'window'] : ['window', 'tab'];
  const sides = round % 2 === 0 ? [true, false] : [false, true];
  return openings.flatMap((opening, index) => (index === 0 ? sides : [...sides].reverse()).map((app) => ({ opening, app })));
}

export async function startupRows(plan: Plan, browser: Browser, paths: Paths): Promise<Row[]> {
  const samples = {
    tab: { app: [] as Start[], blank: [] as Start[] },
    window: { app: [] as Start[], blank: [] as Start[] },
  };
  const total = plan.warmups + (plan.quick ? plan.runs : STARTUP_RUNS);
  const openWindow = await OpenWindow.open(browser);
  try {
    for (let n = 0; n < total; n++) {
      for (const { opening, app } of startOrder(n)) {
        const open = opening === 'tab' ? () => openWindow.newTab() : () => newWindow(browser);
        const dir = app ? mkdtempSync(join(tmpdir(), 'sourcewise-bench-start-')) : undefined;
        try {
          const started = await startOnce(open, dir ? [paths.webJs, `--data-dir=${dir}`] : ['-e', BLANK_SERVER], app);
          if (n >= plan.warmups) samples[opening][app ? 'app' : 'blank'].push(started);
        } finally {
          if (dir) rmSync(dir, { recursive: true, force: true });
        }
      }
    }
  } finally {
    await openWindow.close();
  }
  const median = (starts: Start[], key: keyof Start) => summarise(starts.map((start) => start[key])).median.toFixed(0);
  const row = (opening: Opening): Row => {
    const { app, blank } = samples[opening];
    const figure = summarise(app.map((start) => start.total));
    const floor = summarise(blank.map((start) => start.total)).median;
    const ratio = figure.median / floor;
    const how =
      opening === 'tab'
        ? 'opened in a new tab of a Chromium window that was opened before the rounds and stays open (HTTP cache disabled for each tab)'
        : 'opened in a new Chromium context, which is a new window (with its own omnibox pop-up renderer)';
    return {
      section: 'Start-up',
      name:
        opening === 'tab' ? 'browser mode to data-ready, new tab in an open window' : 'browser mode to data-ready, new window',
      unit: 'ms',
      better: 'lower',
      ...figure,
      floor,
      ratio,
      ...(opening === 'tab' ? { target: '<= 1.5x blank page', met: ratio <= 1.5 } : {}),
      note:
        `launch of node out/main/web.js (fresh data folder) to the page's data-ready mark, ${how}; ` +
        `floor = a blank page from a bare node:http server, spawned and opened the same way, to its load event. ` +
        `Until the address is printed: app ${median(app, 'server')} ms, blank ${median(blank, 'server')} ms; ` +
        `until navigation starts: app ${median(app, 'navigation')} ms, blank ${median(blank, 'navigation')} ms` +
        (opening === 'window' ? '. No target: kept beside the tab row, which is how a user opens the address' : ''),
    };
  };
  return [row('tab'), row('window')];
}

const BLANK_ELECTRON_MAIN = `
const { app, BrowserWindow } = require('electron');
app.whenReady().then(() => {
  const window = new BrowserWindow({ show: true });
  window.loadURL('data:text/html,<!doctype html><title>blank</title><body></body>');
});
app.on('window-all-closed', () => app.quit());
`;

export async function electronRows(plan: Plan, playwright: Playwright, paths: Paths): Promise<Row[]> {
  const binary = findElectronBinary();
  const base = { section: 'Start-up', name: 'Electron to data-ready', unit: 'ms', better: 'lower' as const };
  if ('missing' in binary) {
    return [
      { ...base, skipped: true, note: `skipped: ${binary.missing} (set ${ELECTRON_BINARY_VARIABLE} to an Electron executable)` },
    ];
  }
  const blankDir = mkdtempSync(join(tmpdir(), 'sourcewise-bench-electron-blank-'));
  writeFileSync(join(blankDir, 'main.cjs'), BLANK_ELECTRON_MAIN);
  const once = async (args: string[], ready: string | undefined): Promise<number> => {
    const start = performance.now();
    const app = await playwright._electron.launch({ executablePath: binary.path, args, cwd: paths.root });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('load');
      if (ready) await page.locator(ready).waitFor({ state: 'attached', timeout: 30_000 });
      return performance.now() - start;
    } finally {
      await app.close();
    }
  };
  const app: number[] = [];
  const blank: number[] = [];
  try {
    for (let n = 0; n < plan.warmups + plan.runs; n++) {
      const dir = mkdtempSync(join(tmpdir(), 'sourcewise-bench-electron-'));
      try {
        const a = await once([paths.electronMain, `--data-dir=${dir}`], READY);
        const b = await once([join(blankDir, 'main.cjs')], undefined);
        if (n >= plan.warmups) {
          app.push(a);
          blank.push(b);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(blankDir, { recursive: true, force: true });
  }
  const figure = summarise(app);
  const floor = summarise(blank).median;
  return [
    {
      ...base,
      ...figure,
      floor,
      ratio: figure.median / floor,
      target: '<= 1.5x blank window',
      met: figure.median / floor <= 1.5,
      note: 'launch of the Electron binary to body[data-ready]; floor = a blank window from a minimal main script',
    },
  ];
}

/** Clicks "Check answer" in the page and resolves, in ms, at the first frame that shows the feedback heading. */
const CHECK_AND_WAIT = `new Promise((resolve, reject) => {
  const button = [...document.querySelectorAll('button[type=submit]')].find((b) => b.textContent.trim() === 'Check answer');
  if (!button) return reject(new Error('no Check answer button'));
  const start = performance.now();
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no feedback within 60 s')); }, 60000);
  const observer = new MutationObserver(() => {
    if (!document.getElementById('feedback-title')) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { childList: true, subtree: true });
  button.click();
})`;

async function prepareAnswer(page: Page, item: Item): Promise<void> {
  const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });
  switch (item.type) {
    case 'classify':
      await panel.getByRole('radio').first().check();
      await panel.getByRole('radio', { name: 'Fairly sure' }).check();
      break;
    case 'source':
    case 'headline':
      await panel.getByRole('radio').first().check();
      break;
    case 'numbers': {
      const boxes = panel.getByRole('combobox');
      for (let i = 0, count = await boxes.count(); i < count; i++) await boxes.nth(i).selectOption({ index: 1 });
      break;
    }
    case 'find':
      // No marks: a (wrong) answer all the same, saved and scored like any other.
      break;
  }
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

function pssKb(pid: number): number | undefined {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The renderer that shows the app: Chromium keeps more than one renderer process (a spare one, the
 * initial blank page), so the page's own is taken to be the largest after a completed pack.
 */
async function pageRenderer(browser: Browser): Promise<{ rss: number; pss: number | undefined; others: number[] }> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    const renderers = info.processInfo
      .filter((process) => process.type === 'renderer')
      .map((process) => ({ pid: process.id, rss: rssKb(process.id) }))
      .sort((a, b) => b.rss - a.rss);
    const page = renderers[0];
    if (!page) throw new Error('Chromium reported no renderer process');
    return { rss: page.rss, pss: pssKb(page.pid), others: renderers.slice(1).map((other) => other.rss) };
  } finally {
    await cdp.detach();
  }
}

/**
 * For each history size: browser mode on a data folder with that many earlier attempts, the learner
 * picked and the seed pack opened; every exercise answered, each timed from the click on "Check
 * answer" to the frame that shows the feedback (the backend answers only after fsync, so feedback
 * shown means the answer is on disk). On the first history size the pack is completed and the
 * memory of backend and renderer read.
 */
export async function answerRows(plan: Plan, browser: Browser, paths: Paths, seed: Pack): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [index, earlier] of plan.histories.entries()) {
    const complete = index === 0;
    const dir = mkdtempSync(join(tmpdir(), 'sourcewise-bench-answer-'));
    const bytes = prefillStore(dir, seed, earlier);
    await withAppPage(browser, paths, dir, async (page, child) => {
      await page.locator(`#pick-${BENCH_LEARNER_ID}`).click();
      // The seed pack's own card: exercises/ may ship any number of packs.
      await page
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { level: 3, name: seed.meta.title, exact: true }) })
        .getByRole('button', { name: /^(Start|Continue|Play again)\b/ })
        .click();
      const items = seed.items;
      const answered = complete || !plan.quick ? items.length : plan.warmups + plan.runs;
      const samples: number[] = [];
      for (let i = 0; i < answered; i++) {
        const item = items[i]!;
        await page
          .getByRole('heading', { level: 1, name: new RegExp(`Exercise ${i + 1} of ${items.length}`) })
          .waitFor({ timeout: 60_000 });
        await prepareAnswer(page, item);
        const ms = (await page.evaluate(CHECK_AND_WAIT)) as number;
        if (i >= plan.warmups) samples.push(ms);
        await page.getByRole('button', { name: i === items.length - 1 ? 'See results' : 'Next exercise' }).click();
      }
      const figure = summarise(samples);
      const at10k = earlier === 10_000;
      rows.push({
        section: 'Answer',
        name: `click to feedback, ${earlier.toLocaleString('en-GB')} earlier`,
        unit: 'ms',
        better: 'lower',
        ...figure,
        ...(at10k ? { target: 'p95 < 50 ms', met: figure.p95 < 50 } : {}),
        note: `learner snapshot ${(bytes / 1024 / 1024).toFixed(2)} MB before (journal empty); ${figure.runs} answers timed (every exercise type) after ${plan.warmups} warm-up`,
      });
      if (complete) {
        await page.getByRole('region', { name: /^Results:/ }).waitFor({ timeout: 60_000 });
        const backend = rssKb(child.pid!);
        const renderer = await pageRenderer(browser);
        const mb = (backend + renderer.rss) / 1024;
        const pss = renderer.pss === undefined ? '' : `, PSS ${(renderer.pss / 1024).toFixed(1)} MB`;
        rows.push({
          section: 'Size',
          name: 'memory after a pack (backend + renderer)',
          unit: 'MB RSS',
          better: 'lower',
          median: mb,
          min: mb,
          max: mb,
          runs: 1,
          note:
            `VmRSS from /proc after completing the ${items.length}-exercise seed pack: browser-mode Node process ` +
            `${(backend / 1024).toFixed(1)} MB + the page's Chromium renderer ${(renderer.rss / 1024).toFixed(1)} MB${pss} ` +
            `(renderer pids from CDP SystemInfo.getProcessInfo, the largest taken as the page's; ` +
            `other renderers, not counted: ${renderer.others.map((kb) => `${(kb / 1024).toFixed(0)} MB`).join(', ') || 'none'}). ` +
            `RSS includes pages shared with other Chromium processes`,
        });
      }
    });
  }
  return rows;
}

/**
 * Browser mode on the data folder `dir`, opened in a fresh context and ready for `use`; afterwards the
 * context closed, the server stopped and the folder removed, whatever happened.
 */
async function withAppPage(
  browser: Browser,
  paths: Paths,
  dir: string,
  use: (page: Page, server: ChildProcess) => Promise<void>,
): Promise<void> {
  let context: BrowserContext | undefined;
  let child: ChildProcess | undefined;
  try {
    const started = await spawnServer([paths.webJs, `--data-dir=${dir}`]);
    child = started.child;
    context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(started.url);
    await page.locator(READY).waitFor({ state: 'attached', timeout: 60_000 });
    await use(page, child);
  } finally {
    await context?.close();
    if (child) await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Clicks the button named `button` and resolves, in ms, at the first frame in which `selector`
 * matches (with `text`, an element of that exact text): the time the instructor waits.
 */
const CLICK_AND_WAIT = `([button, selector, text]) => new Promise((resolve, reject) => {
  const target = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === button);
  if (!target) return reject(new Error('no ' + button + ' button'));
  const shown = () => [...document.querySelectorAll(selector)].some((e) => text === null || e.textContent.trim() === text);
  const start = performance.now();
  const timer = setTimeout(() => { observer.disconnect(); reject(new Error(selector + ' not shown within 60 s')); }, 60000);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    clearTimeout(timer);
    requestAnimationFrame(() => resolve(performance.now() - start));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  target.click();
})`;

/** CLICK_AND_WAIT with its arguments written in: a string given to `evaluate` is an expression, not called with any. */
async function clickAndWait(page: Page, button: string, selector: string, text: string | null): Promise<number> {
  const ms = (await page.evaluate(`(${CLICK_AND_WAIT})(${JSON.stringify([button, selector, text])})`)) as number;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) throw new Error(`no time measured for "${button}"`);
  return ms;
}

const BENCH_PASSPHRASE = 'bench-instructor-2026';

/**
 * The studio's first suggestion: a fresh server and data folder per run (so the analyser starts cold,
 * as for an instructor who has just opened the app), the seed article pasted into a new draft, then
 * timed from the click on "Suggest claims" to the frame that shows the first suggestion. Floor, in
 * the same run and page: the click on "Start a pack from this text" to the frame that shows the
 * draft's "Suggest claims" button (one backend call and a new screen, no analysis).
 */
export async function studioRows(plan: Plan, browser: Browser, paths: Paths, article: string): Promise<Row[]> {
  const suggest: number[] = [];
  const draft: number[] = [];
  for (let n = 0; n < plan.warmups + plan.runs; n++) {
    const dir = mkdtempSync(join(tmpdir(), 'sourcewise-bench-studio-'));
    await withAppPage(browser, paths, dir, async (page) => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }).click();
      await page.getByLabel('New passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
      await page.getByLabel('The same passphrase again').fill(BENCH_PASSPHRASE);
      await page.getByRole('button', { name: 'Set passphrase and open' }).click();
      await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor({ timeout: 60_000 });
      await page.getByLabel('Paste the article’s text').fill(article);
      const toDraft = await clickAndWait(page, 'Start a pack from this text', 'button', 'Suggest claims');
      const toSuggestion = await clickAndWait(page, 'Suggest claims', 'ol[aria-label="Suggestions to decide on"] > li', null);
      if (n >= plan.warmups) {
        draft.push(toDraft);
        suggest.push(toSuggestion);
      }
    });
  }
  const figure = summarise(suggest);
  const floor = summarise(draft).median;
  return [
    {
      section: 'Suggestions',
      name: 'studio: first suggestion shown',
      unit: 'ms',
      better: 'lower',
      ...figure,
      floor,
      ratio: figure.median / floor,
      target: '< 1000 ms',
      met: figure.median < 1000,
      note:
        `browser mode, a fresh server per run: click on "Suggest claims" for the seed article (${article.split(/\s+/).length} words) ` +
        `to the frame showing the first suggestion; floor = in the same page, the click on "Start a pack from this text" ` +
        `to the frame showing the new draft`,
    },
  ];
}
