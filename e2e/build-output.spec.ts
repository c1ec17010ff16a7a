// The built renderer carries the CSP and no inline script (Electron loads it from disk, without headers).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../src/shared/csp';
import { expect, test } from './fixtures';

test('out/renderer/index.html carries the CSP and no inline script', async ({ shell }) => {
  test.skip(shell !== 'browser', 'checks a file, once');
  const html = readFileSync(join(import.meta.dirname, '../out/renderer/index.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  expect(meta?.[1]?.replaceAll('&#39;', "'")).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*/);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc="\.\/assets\/[\w.-]+\.js"/);
    expect(body?.trim()).toBe('');
  }
  expect(html).not.toMatch(/\son[a-z]+=|style=/i);
});

test('the renderer bundles no schema library (the backend validates; the page only needs types)', async ({ shell }) => {
  test.skip(shell !== 'browser', 'checks files, once');
  const assets = join(import.meta.dirname, '../out/renderer/assets');
  for (const name of readdirSync(assets).filter((file) => file.endsWith('.js'))) {
    expect(readFileSync(join(assets, name), 'utf8'), name).not.toMatch(/ZodError|\$ZodType/);
  }
});
