/**
 * One fixture, two shells: every spec gets an `app` whose page shows Sourcewise on a fresh data
 * folder, either in Chromium against browser mode (`browser` project) or in the built Electron app
 * (`electron` project). Specs drive the page by role and accessible name and never know which.
 */
import AxeBuilder from '@axe-core/playwright';
import {
  test as base,
  expect,
  _electron,
  type Browser,
  type ElectronApplication,
  type Page,
  type TestInfo,
} from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary';

export type Shell = 'browser' | 'electron';
export interface ShellOptions {
  shell: Shell;
  /** A folder of packs to use instead of exercises/ (set with test.use). */
  packsDir: string | undefined;
}

const root = join(import.meta.dirname, '..');

export interface SourcewiseApp {
  page: Page;
  dataDir: string;
  shell: Shell;
  /** Browser mode only: the server's origin and token, for specs that call the HTTP contract directly. */
  server: { origin: string; token: string } | undefined;
  /** Quits the app and starts it again on the same data folder; `whileClosed` runs in between. */
  restart(whileClosed?: () => void | Promise<void>): Promise<void>;
  /** Another copy of the app on its own fresh data folder: another learner's computer. */
  another(): Promise<SourcewiseApp>;
}

interface Running {
  page: Page;
  server?: { origin: string; token: string };
  stop(): Promise<void>;
}

function shellArgs(dataDir: string, packsDir: string | undefined): string[] {
  return [`--data-dir=${dataDir}`, ...(packsDir ? [`--packs-dir=${packsDir}`] : [])];
}

async function startBrowserMode(args: string[], browser: Browser): Promise<Running> {
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${output}`)));
  });
  // A new context per start, as a person closing and reopening the browser would have.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const parsed = new URL(url);
  return {
    page,
    server: { origin: parsed.origin, token: parsed.searchParams.get('token') ?? '' },
    stop: async () => {
      await context.close();
      await stopChild(child);
    },
  };
}

async function startElectron(args: string[], executablePath: string): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath,
    args: [join(root, 'out/main/index.js'), ...args],
    cwd: root,
  });
  const page = await app.firstWindow();
  return { page, stop: () => app.close() };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<ShellOptions & { app: SourcewiseApp }>({
  shell: ['browser', { option: true }],
  // SOURCEWISE_E2E_PACKS_DIR runs the specs that use the shipped packs against another folder, e.g. one
  // holding many packs, to check that no spec depends on how many packs exercises/ holds.
  packsDir: [process.env.SOURCEWISE_E2E_PACKS_DIR || undefined, { option: true }],
  app: async ({ shell, packsDir, browser }, use, testInfo) => {
    let executablePath = '';
    if (shell === 'electron') {
      const binary = findElectronBinary();
      if ('skipReason' in binary) testInfo.skip(true, binary.skipReason);
      else executablePath = binary.path;
    }
    const launched: { stop(): Promise<void>; dataDir: string }[] = [];
    const launch = async (): Promise<SourcewiseApp> => {
      const dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-e2e-'));
      const args = shellArgs(dataDir, packsDir);
      const start = () => (shell === 'electron' ? startElectron(args, executablePath) : startBrowserMode(args, browser));
      let running = await start();
      launched.push({ stop: () => running.stop(), dataDir });
      return {
        get page() {
          return running.page;
        },
        get server() {
          return running.server;
        },
        dataDir,
        shell,
        restart: async (whileClosed) => {
          await running.stop();
          await whileClosed?.();
          running = await start();
        },
        another: launch,
      };
    };
    await use(await launch());
    for (const { stop, dataDir } of launched) {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Waits until the app has mounted and its first data has arrived (the `data-ready` marker). */
export async function waitUntilReady(page: Page): Promise<void> {
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/**
 * axe-core over the whole page: no violations of serious or critical impact. Fast enough to run at
 * every state of the accessibility walk in three modes: axe runs in the page itself (legacy mode: the
 * app has no frames, so nothing needs the blank page `AxeBuilder` otherwise opens to merge results
 * from frames), and only violations are collected (not the passes, which take most of its time).
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  if (serious.length > 0) {
    await testInfo.attach(`axe-${state}.json`, { body: JSON.stringify(serious, null, 2), contentType: 'application/json' });
  }
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
    `axe-core on ${state}`,
  ).toEqual([]);
}
