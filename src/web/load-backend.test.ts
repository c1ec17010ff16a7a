import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendConfig } from '../services/config';
import { loadBackend, type BackendModules } from './load-backend';

const dir = mkdtempSync(join(tmpdir(), 'sourcewise-load-backend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config: BackendConfig = { dataDir: dir, packsDir: dir, appVersion: '0', shell: 'browser' };

describe('loadBackend', () => {
  it('loads the real backend and answers calls through the contract, input checked', async () => {
    const call = loadBackend(config, () => {});
    expect(await call('listLearners', {})).toEqual({ ok: true, value: [] });
    expect(await call('getAppInfo', {})).toMatchObject({ ok: true, value: { version: '0' } });
    expect(await call('listLearners', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('loads once, prepares the backend, and runs calls that came while it loaded', async () => {
    let loads = 0;
    let prepared = 0;
    const load = async (): Promise<BackendModules> => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return {
        createBackend: (given) => ({ prepare: async () => void prepared++, dataDir: given.dataDir }) as never,
        dispatch: async (service, method, input) => ({
          ok: true,
          value: { method, input, dataDir: (service as never as { dataDir: string }).dataDir },
        }),
      };
    };
    const call = loadBackend(config, () => {}, load);
    const answers = await Promise.all([call('listPacks', { a: 1 }), call('getNotices', {})]);
    expect(answers).toEqual([
      { ok: true, value: { method: 'listPacks', input: { a: 1 }, dataDir: dir } },
      { ok: true, value: { method: 'getNotices', input: {}, dataDir: dir } },
    ]);
    expect([loads, prepared]).toEqual([1, 1]);
  });

  it('answers every call with an internal error when the backend cannot load, and says why once', async () => {
    const logged: string[] = [];
    const call = loadBackend(
      config,
      (message) => logged.push(message),
      () => Promise.reject(new Error('the store broke')),
    );
    const first = await call('listLearners', {});
    expect(first).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(first.ok ? '' : first.error.message).toContain('the store broke');
    expect(await call('listLearners', {})).toEqual(first);
    expect(logged).toHaveLength(1);
  });
});
