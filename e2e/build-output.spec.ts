// The built renderer carries the CSP and no inline script (Electron loads it from disk, without headers).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { methodNames } from '../src/shared/contract-methods';
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

test('the one-file player bundles no schema library and calls no eval, so its page needs neither', async ({ shell }) => {
  test.skip(shell !== 'browser', 'checks files, once');
  const player = readFileSync(join(import.meta.dirname, '../out/player/player.js'), 'utf8');
  expect(player).not.toMatch(/ZodError|\$ZodType/);
  expect(player).not.toMatch(/\beval\(|new Function\(/);
  expect(player).not.toMatch(/<\/script/i);
});

test('the preload bundles no schema library: it requires only electron, and lists the method names', async ({ shell }) => {
  test.skip(shell !== 'browser', 'checks a file, once');
  const preload = readFileSync(join(import.meta.dirname, '../out/preload/index.cjs'), 'utf8');
  expect(preload).not.toMatch(/ZodError|\$ZodType/);
  expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map(([, name]) => name)).toEqual(['electron']);
  for (const method of methodNames) expect(preload).toContain(`"${method}"`);
});

/**
 * URL-like strings the built renderer may hold, each harmless because nothing ever fetches, opens or
 * links to it. Anything else that looks like a remote address fails the test below.
 */
const HARMLESS_URLS: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^http:\/\/www\.w3\.org\/1999\/xhtml$/,
    why: 'the XHTML namespace: Svelte compares element namespaces with it and passes it to createElementNS; a name, not an address',
  },
  {
    pattern: /^http:\/\/www\.w3\.org\/2000\/svg$/,
    why: "the SVG namespace (favicon.svg's xmlns, and the SVG the charts create): a name, not an address",
  },
  {
    pattern: /^https:\/\/svelte\.dev\/e\/[a-z_]+$/,
    why: "Svelte's error and warning codes: text inside a console message or a thrown Error, for a developer to look up; never fetched or shown as a link",
  },
  {
    pattern: /^https:\/\/lms\.school\.example\.?$/,
    why: 'an example address in the xAPI home-page field\'s message ("such as https://lms.school.example.") and placeholder: text on screen, a reserved .example name; never fetched or linked',
  },
];

function renderFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? renderFiles(join(dir, entry.name))
      : /\.(js|css|html|svg)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

test('the built renderer references no remote URL (only namespaces and other strings listed as harmless)', async ({ shell }) => {
  test.skip(shell !== 'browser', 'checks files, once');
  const root = join(import.meta.dirname, '../out/renderer');
  const files = renderFiles(root);
  expect(files.map((file) => file.slice(root.length + 1)).sort()).toEqual(
    expect.arrayContaining(['index.html', expect.stringMatching(/^assets\/.+\.js$/), expect.stringMatching(/^assets\/.+\.css$/)]),
  );
  const found: string[] = [];
  const used = new Set<RegExp>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = file.slice(root.length + 1);
    // An address with a scheme and a host (http, https, ws, wss, ftp), or protocol-relative
    // (`//host.tld`, `//host:port`, `//localhost` after a quote, a bracket, `=` or a space: where a
    // minified script or a stylesheet would put one; `//` alone, as in regular expressions, is not one).
    const urls = [
      ...text.matchAll(/\b(?:https?|wss?|ftp):\/\/[\w.-][^\s"'`<>()\\]*/gi),
      ...text.matchAll(
        /(?<=["'`(=\s])\/\/(?:[a-z\d-]+(?:\.[a-z\d-]+)+|[a-z\d-]+(?=:\d)|localhost)(?::\d+)?(?:\/[^\s"'`<>()\\]*)?/gi,
      ),
    ].map((match) => match[0]);
    for (const url of urls) {
      const harmless = HARMLESS_URLS.find(({ pattern }) => pattern.test(url));
      if (harmless) used.add(harmless.pattern);
      else found.push(`${name}: ${url}`);
    }
    // Stylesheets load nothing from elsewhere either: every url() is the page's own file or data.
    if (name.endsWith('.css')) {
      for (const [, target] of text.matchAll(/url\(\s*["']?([^"')\s]+)/g)) {
        if (!/^(data:|\.{0,2}\/?[\w./-]+$)/.test(target!) || target!.startsWith('//')) found.push(`${name}: url(${target})`);
      }
      expect(text, `${name} imports no other stylesheet`).not.toMatch(/@import/);
    }
  }
  expect(found, 'remote addresses in the built renderer').toEqual([]);
  // An entry that no longer matches anything is dropped, so the list says what the build really holds.
  expect(
    HARMLESS_URLS.filter(({ pattern }) => !used.has(pattern)).map(({ pattern }) => String(pattern)),
    'harmless strings no longer in the build',
  ).toEqual([]);
});
