import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { ipcChannel, methodNames, type Service } from '../../src/shared/contract';
import { stubApi } from '../../src/shared/testing/stub-api';
import { createIpcHandler, registerContract } from './ipc';

const api: Service = stubApi({
  getAppInfo: async () => ({ name: 'Sourcewise', version: '1', shell: 'desktop', dataDir: '/d' }),
  listPacks: async () => ({ packs: [], invalid: [] }),
});
const event = { senderFrame: { url: 'file:///app/index.html' } } as unknown as IpcMainInvokeEvent;
const silent = () => {};

describe('IPC handler wrapper', () => {
  it('registers one handler per contract method', () => {
    const channels: string[] = [];
    registerContract({ handle: (channel: string) => void channels.push(channel) }, api, () => true);
    expect(channels).toEqual(methodNames.map(ipcChannel));
  });

  it('answers a valid call', async () => {
    const handler = createIpcHandler(api, 'listPacks', () => true, silent);
    expect(await handler(event, {})).toEqual({ ok: true, value: { packs: [], invalid: [] } });
  });

  it.each([
    ['extra fields', { surprise: true }, /surprise/],
    ['the wrong type', 'listPacks', /invalid input for listPacks/],
    ['nothing', undefined, /invalid input for listPacks/],
    ['a prototype-polluting key', JSON.parse('{"__proto__": {"admin": true}}'), /__proto__/],
  ])('rejects %s with a clear error', async (_name, input, message) => {
    const handler = createIpcHandler(api, 'listPacks', () => true, silent);
    const result = await handler(event, input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(message);
    }
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('refuses a sender that is not the app main frame, without calling the service', async () => {
    let called = false;
    const guarded: Service = { ...api, listPacks: async () => ((called = true), { packs: [], invalid: [] }) };
    const result = await createIpcHandler(guarded, 'listPacks', () => false, silent)(event, {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: "listPacks may only be called by the app's own window" },
    });
    expect(called).toBe(false);
  });

  it('turns a service failure into an internal error envelope instead of throwing', async () => {
    const failing: Service = { ...api, listPacks: async () => Promise.reject(new Error('disk on fire')) };
    const result = await createIpcHandler(failing, 'listPacks', () => true, silent)(event, {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'listPacks failed: disk on fire' } });
  });
});
