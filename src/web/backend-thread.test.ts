import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendConfig } from '../services/config';
import { startBackendThread } from './backend-thread';

const dir = mkdtempSync(join(tmpdir(), 'sourcewise-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config: BackendConfig = { dataDir: dir, packsDir: dir, appVersion: '0', shell: 'browser' };

/** A stand-in for the built backend-worker.js, speaking the same messages. */
function worker(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}`);
  return file;
}

describe('startBackendThread', () => {
  it('sends each call to the worker and gives each caller its own answer, whatever order they come back in', async () => {
    const echo = worker(
      'echo.mjs',
      `parentPort.on('message', ({ id, method, input }) =>
        setTimeout(() => parentPort.postMessage({ id, envelope: { ok: true, value: { method, input, dataDir: workerData.dataDir } } }), input.wait));`,
    );
    const call = startBackendThread(echo, config, () => {});
    const [slow, quick] = await Promise.all([call('listPacks', { wait: 50 }), call('getAppInfo', { wait: 0 })]);
    expect(slow).toEqual({ ok: true, value: { method: 'listPacks', input: { wait: 50 }, dataDir: dir } });
    expect(quick).toEqual({ ok: true, value: { method: 'getAppInfo', input: { wait: 0 }, dataDir: dir } });
  });

  it('answers the waiting call and every later one with an internal error when the worker fails, and says why once', async () => {
    const failing = worker('failing.mjs', `parentPort.on('message', () => { throw new Error('the store broke'); });`);
    const logged: string[] = [];
    const call = startBackendThread(failing, config, (message) => logged.push(message));
    const first = await call('listLearners', {});
    expect(first).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(first.ok ? '' : first.error.message).toContain('the store broke');
    expect(await call('listLearners', {})).toEqual(first);
    expect(logged).toHaveLength(1);
  });
});
