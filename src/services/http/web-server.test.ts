import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../shared/contract';
import { stubApi } from '../../shared/testing/stub-api';
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from './web-server';

let server: RunningWebServer;
let dir: string;
const calls: unknown[] = [];

const api: Service = stubApi({
  getAppInfo: async () => ({ name: 'Sourcewise', version: '1.2.3', shell: 'browser', dataDir: '/data' }),
  listPacks: async (input) => {
    calls.push(input);
    return { packs: [], invalid: [] };
  },
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-web-'));
  mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
  writeFileSync(
    join(dir, 'renderer/index.html'),
    '<!doctype html><title>app</title><script type="module" crossorigin src="./assets/app.js"></script>' +
      '<link rel="stylesheet" crossorigin href="./assets/app.css">',
  );
  writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  // Links inside the renderer that lead out of it: never followed.
  symlinkSync(join(dir, 'secret.txt'), join(dir, 'renderer/out.txt'));
  symlinkSync(dir, join(dir, 'renderer/linked'));
  server = await startWebServer({ api, rendererDir: join(dir, 'renderer') });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } },
  };
}

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 and prints a URL that carries the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('answers a valid call with its value', async () => {
    const result = await call('getAppInfo', {});
    expect(result).toEqual({
      status: 200,
      body: { ok: true, value: { name: 'Sourcewise', version: '1.2.3', shell: 'browser', dataDir: '/data' } },
    });
  });

  it.each([
    ['an unknown method', () => call('deleteEverything', {}), 404, 'unknown-method', /unknown method "deleteEverything"/],
    ['a missing token', () => call('listPacks', {}, { [TOKEN_HEADER]: '' }), 401, 'unauthorized', /token/],
    ['a wrong token', () => call('listPacks', {}, { [TOKEN_HEADER]: 'x'.repeat(32) }), 401, 'unauthorized', /token/],
    ['a body that fails its schema', () => call('listPacks', { extra: 1 }), 400, 'invalid-input', /listPacks.*extra/],
    ['a body of the wrong type', () => call('listPacks', [1, 2]), 400, 'invalid-input', /invalid input for listPacks/],
    ['a body that is not JSON', () => call('listPacks', '{not json'), 400, 'invalid-input', /not valid JSON/],
    [
      'a foreign Origin',
      () => call('listPacks', {}, { origin: 'http://evil.example' }),
      403,
      'forbidden-origin',
      /evil\.example/,
    ],
    ['a bad percent-encoding in the method', () => call('%', {}), 400, 'invalid-input', /percent/],
    [
      'a content type that only starts like JSON',
      () => call('listPacks', {}, { 'content-type': 'application/json-patch+json' }),
      415,
      'invalid-input',
      /application\/json/,
    ],
    [
      'a lookalike Origin',
      () => call('listPacks', {}, { origin: `${server.origin}.evil.example` }),
      403,
      'forbidden-origin',
      /Origin/,
    ],
  ])('refuses %s with a 4xx and a JSON error that names the problem', async (_name, send, status, code, message) => {
    const before = calls.length;
    const result = await send();
    expect(result.status).toBe(status);
    expect(result.body.ok).toBe(false);
    expect(result.body.error?.code).toBe(code);
    expect(result.body.error?.message).toMatch(message);
    expect(calls.length).toBe(before);
    // and keeps serving
    expect((await call('listPacks', {})).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.origin}/`, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('accepts a JSON content type with parameters, whatever its case', async () => {
    expect((await call('listPacks', {}, { 'content-type': 'Application/JSON ; charset=utf-8' })).status).toBe(200);
  });

  it('refuses contract calls that are not POST', async () => {
    const response = await fetch(`${server.origin}/api/listPacks`, { headers: { [TOKEN_HEADER]: server.token } });
    expect(response.status).toBe(405);
  });

  it('serves the renderer with the CSP header and never a file outside it', async () => {
    const index = await fetch(`${server.origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    // The page's script and style sheet are announced with it, so the browser fetches them at once.
    expect(index.headers.get('link')).toBe(
      '</assets/app.js>; rel=modulepreload, </assets/app.css>; rel=preload; as=style; crossorigin',
    );
    expect((await fetch(`${server.origin}/assets/app.js`)).headers.get('content-type')).toContain('text/javascript');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/%',
      '/out.txt',
      '/linked/secret.txt',
    ]) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(404);
    }
  });
});
