/**
 * Browser mode stopped by Ctrl+C or SIGTERM at any moment after it printed its address releases the
 * data folder's lock: the signal handlers are in place before the address is printed.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../store/data-lock';
import { bundleChild } from './bundle-child';

let root: string;
let script: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-signals-'));
  script = await bundleChild('../../web/main', join(root, 'bundle'));
}, 60_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.each(['SIGTERM', 'SIGINT'] as const)('browser mode stopped by %s', (signal) => {
  it('the moment it prints its address, exits cleanly and leaves no lock behind', async () => {
    const dataDir = join(root, `data-${signal}`);
    mkdirSync(dataDir);
    const child = spawn(process.execPath, [script, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      // The signal goes at the first sign of the address, before anything else happens.
      if (stdout.includes('http://')) child.kill(signal);
    });
    const [code, killedBy] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    expect(stdout, stderr).toContain('http://127.0.0.1:');
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(existsSync(join(dataDir, LOCK_FILE)), 'the lock file is left behind').toBe(false);
  });
});
