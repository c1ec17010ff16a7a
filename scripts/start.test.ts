// `npm start` on a machine without the Electron binary: one plain message and a failing status, nothing built.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const START = join(import.meta.dirname, 'start.mjs');
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sourcewise-start-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('npm start without an Electron binary', () => {
  it('says the binary is missing, how to provide one and how to use the app now, and exits 1 without a stack trace', () => {
    const missing = join(folder, 'electron');
    const run = spawnSync(process.execPath, [START], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ELECTRON_EXEC_PATH: missing },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`the Electron binary is missing (no Electron binary at ${missing} (from ELECTRON_EXEC_PATH))`);
    expect(run.stderr).toContain('ELECTRON_EXEC_PATH=/path/to/electron npm start');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.stderr).not.toMatch(/Error/);
  });

  it('treats a folder given as the binary as no binary', () => {
    const run = spawnSync(process.execPath, [START], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ELECTRON_EXEC_PATH: folder },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`no Electron binary at ${folder}`);
  });
});
