import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../services/studio/article-text';
import { LABELS } from '../shared/pack/vocabulary';
import { suggestCommand } from './suggest';

const seedPath = fileURLToPath(new URL('../services/suggest/dev-set/seed-article.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

async function run(files: string[], json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await suggestCommand(files, json, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('sourcewise suggest', () => {
  it('--json prints one object per suggestion with exactly the documented keys, in article order', async () => {
    const { code, out, err } = await run([seedPath], true);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const rows = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(5);
    let previous = -1;
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['confidence', 'cues', 'end', 'label', 'source', 'start', 'text']);
      expect(seed.slice(row.start as number, row.end as number)).toBe(row.text);
      expect(LABELS).toContain(row.label);
      expect(row.source === null || typeof row.source === 'string').toBe(true);
      expect(row.start as number).toBeGreaterThan(previous);
      previous = row.start as number;
    }
    for (const label of ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion']) {
      expect(
        rows.some((r) => r.label === label),
        label,
      ).toBe(true);
    }
    expect(rows.find((r) => (r.text as string).startsWith('North Korea denied'))).toMatchObject({
      label: 'denial',
      source: 'North Korea',
    });
  });

  it('prints a readable listing without --json', async () => {
    const { code, out } = await run([seedPath], false);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/\d+-\d+ {2}DENIAL {2}"North Korea denied/);
    expect(out.join('\n')).toMatch(/cues: has not confirmed; source: Moscow \(party\); confidence: 0\.\d\d/);
    expect(out.at(-1)).toMatch(/^\d+ suggestions in /);
  });

  it('fails clearly on an unreadable file or a wrong number of files', async () => {
    const missing = await run(['/nonexistent/article.txt'], false);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toMatch(/cannot read \/nonexistent\/article\.txt/);
    expect((await run([], true)).code).toBe(2);
    expect((await run([seedPath, seedPath], true)).code).toBe(2);
  });
});

describe('sourcewise suggest on Markdown and HTML', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sourcewise-suggest-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a .md file as the studio does: offsets are into its article text, and the listing says so', async () => {
    const file = join(dir, 'seed.md');
    writeFileSync(file, seed);
    const articleText = readArticle('seed.md', seed).paragraphs.join('\n\n');
    const { code, out } = await run([file], true);
    expect(code).toBe(0);
    const rows = out.map((line) => JSON.parse(line) as { start: number; end: number; text: string; label: string });
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(articleText.slice(row.start, row.end)).toBe(row.text);
    expect(rows.some((row) => row.text.startsWith('North Korea denied') && row.label === 'denial')).toBe(true);

    const listing = await run([file], false);
    expect(listing.out.at(-1)).toMatch(/^Offsets are into the article text read from the file/);
  });

  it('reads an .html file as text, never its markup', async () => {
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      '<html><head><script>alert(1)</script></head><body><h1>Headline</h1><p>North Korea <b>denied</b> that it sent troops.</p></body></html>',
    );
    const { code, out } = await run([file], true);
    expect(code).toBe(0);
    const rows = out.map((line) => JSON.parse(line) as { start: number; text: string; label: string });
    expect(rows).toEqual([
      expect.objectContaining({ start: 0, text: 'North Korea denied that it sent troops', label: 'denial' }),
    ]);
    expect(out.join('\n')).not.toContain('alert');
  });

  it('fails clearly on an .html file with no article text', async () => {
    const file = join(dir, 'empty.html');
    writeFileSync(file, '<html><body><script>render()</script></body></html>');
    const { code, err } = await run([file], false);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^sourcewise suggest: "empty\.html" has no article text/);
  });
});
