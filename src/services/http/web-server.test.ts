import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../../shared/contract';
import { stubApi } from '../../shared/testing/stub-api';
import { FIRST_ANSWERS_ID, FIRST_CALLS, jsonForHtml } from '../../shared/first-answers';
import { startWebServer, TOKEN_HEADER, type RunningWebServer } from './web-server';

let server: RunningWebServer;
let dir: string;
const calls: unknown[] = [];

/** A learner's name that tries to end the data block and run a script of its own. */
const HOSTILE_NAME = '</script><script>alert(1)</script><!-- & \u2028';

const api: Service = stubApi({
  getAppInfo: async () => ({ name: 'Sourcewise', version: '1.2.3', shell: 'browser', dataDir: '/data' }),
  getNotices: async () => [],
  listLearners: async () => [{ id: 'l-1', name: HOSTILE_NAME, createdAt: '2026-01-01T00:00:00.000Z' }],
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
      '<link rel="stylesheet" crossorigin href="./assets/app.css"><body><div id="app"></div></body></html>',
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
  it('listens on 127.0.0.1 and prints a URL that carries the token in the query', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    expect(new URL(server.url).searchParams.get('token')).toBe(server.token);
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

  describe('the first answers, sent with the page', () => {
    /** The data block's text, or undefined when the page has none. */
    function dataBlock(html: string): string | undefined {
      return new RegExp(`<script type="application/json" id="${FIRST_ANSWERS_ID}">(.*?)</script>`, 's').exec(html)?.[1];
    }

    it('go only to a page request that carries the token', async () => {
      const response = await fetch(server.url);
      expect(response.status).toBe(200);
      // Never kept by the browser, never sent on as a Referer, and the same strict policy as any page.
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
      const html = await response.text();
      const block = dataBlock(html);
      expect(block).toBeDefined();
      const answers = JSON.parse(block!) as Record<string, { ok: boolean; value?: unknown }>;
      expect(Object.keys(answers).sort()).toEqual([...FIRST_CALLS].sort());
      expect(answers.getAppInfo).toEqual({
        ok: true,
        value: { name: 'Sourcewise', version: '1.2.3', shell: 'browser', dataDir: '/data' },
      });
      expect(answers.listLearners).toEqual({
        ok: true,
        value: [{ id: 'l-1', name: HOSTILE_NAME, createdAt: '2026-01-01T00:00:00.000Z' }],
      });
      // The rest of the page is unchanged, and the block comes before its end.
      expect(html).toMatch(
        /^<!doctype html><title>app<\/title>.*<div id="app"><\/div><script type="application\/json"[^]*<\/script><\/body><\/html>$/s,
      );
    });

    it('are never sent without the token, or with a wrong one', async () => {
      for (const path of ['/', '/index.html', '/?token=', `/?token=${server.token.slice(1)}x`, `/#token=${server.token}`]) {
        const response = await fetch(`${server.origin}${path}`);
        expect(response.status, path).toBe(200);
        const html = await response.text();
        expect(dataBlock(html), path).toBeUndefined();
        expect(html, path).not.toContain('alert(1)');
      }
      // Nor to a page asked for from another origin, token or not (DNS rebinding, another site).
      const foreign = await fetch(server.url, { headers: { origin: 'http://evil.example' } });
      expect(foreign.status).toBe(403);
      expect(await foreign.text()).not.toContain('alert(1)');
    });

    it('cannot end the data block or run as a script, whatever a name holds', async () => {
      const html = await (await fetch(server.url)).text();
      const block = dataBlock(html)!;
      expect(block).not.toMatch(/[<>&\u2028\u2029]/);
      // One script element of data, none run: the hostile name is still whole once parsed back.
      expect(html.match(/<script/g)).toHaveLength(2);
      expect(JSON.stringify(JSON.parse(block))).toContain(JSON.stringify(HOSTILE_NAME));
      expect(jsonForHtml({ a: '</script>' })).toBe('{"a":"\\u003c/script\\u003e"}');
    });

    it('a HEAD request gets the headers alone', async () => {
      const response = await fetch(server.url, { method: 'HEAD' });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toBe('');
    });
  });

  it('sends the page without the answers when the backend is slow, and the app asks for them itself', async () => {
    const slow = await startWebServer({
      api: () => new Promise(() => {}),
      rendererDir: join(dir, 'renderer'),
    });
    try {
      const html = await (await fetch(slow.url)).text();
      expect(html).not.toContain(FIRST_ANSWERS_ID);
      expect(html).toContain('</body></html>');
    } finally {
      await slow.close();
    }
  });
});
