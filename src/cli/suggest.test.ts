import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticle } from '../services/studio/article-text';
import { LABELS, SOURCE_KINDS } from '../shared/pack/vocabulary';
import { suggestCommand } from './suggest';

const seedPath = fileURLToPath(new URL('../services/suggest/dev-set/seed-article.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');

async function run(files: string[], json: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await suggestCommand(files, json, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The suggestions of one --json document. */
function jsonRows(out: string[]): Record<string, unknown>[] {
  expect(out).toHaveLength(1);
  const doc = JSON.parse(out[0]!) as { file: string; offsets: string; suggestions: Record<string, unknown>[] };
  expect(Object.keys(doc)).toEqual(['file', 'offsets', 'suggestions']);
  return doc.suggestions;
}

describe('sourcewise suggest', () => {
  it('--json prints one JSON document, its suggestions with exactly the documented keys, in article order', async () => {
    const { code, out, err } = await run([seedPath], true);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const rows = jsonRows(out);
    expect(rows.length).toBeGreaterThan(5);
    let previous = -1;
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual([
        'chain',
        'confidence',
        'cues',
        'end',
        'label',
        'source',
        'sourceKind',
        'start',
        'text',
      ]);
      expect(seed.slice(row.start as number, row.end as number)).toBe(row.text);
      expect(LABELS).toContain(row.label);
      expect(row.source === null || typeof row.source === 'string').toBe(true);
      // No source found (a pronoun with no name before it): both left null for the instructor.
      if (row.source === null) expect(row.sourceKind).toBeNull();
      else expect(SOURCE_KINDS).toContain(row.sourceKind);
      expect((row.chain as string[]).at(-1)).toBe('the outlet');
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
      sourceKind: 'party',
      chain: ['North Korea', 'the outlet'],
    });
  });

  it('prints a readable listing without --json', async () => {
    const { code, out } = await run([seedPath], false);
    expect(code).toBe(0);
    expect(out.join('\n')).toMatch(/\d+-\d+ {2}DENIAL {2}"North Korea denied/);
    expect(out.join('\n')).toMatch(
      /cues: has not confirmed(, [^;]+)?; source: Moscow \(party\); chain: Moscow → the outlet; confidence: 0\.\d\d/,
    );
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
    const rows = jsonRows(out) as { start: number; end: number; text: string; label: string }[];
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
    const rows = jsonRows(out);
    expect(rows).toEqual([
      expect.objectContaining({ start: 0, text: 'North Korea denied that it sent troops', label: 'denial' }),
    ]);
    expect(out.join('\n')).not.toContain('alert');
  });

  it("reads the first line of a .txt file as its headline, not as a claim; offsets stay the file's", async () => {
    const file = join(dir, 'article.txt');
    const text = 'Kremlin Says It Confirmed The Downing\n\nThe ministry denied that the drone was lost.\n';
    writeFileSync(file, text);
    const rows = jsonRows((await run([file], true)).out) as { start: number; end: number; text: string; label: string }[];
    expect(rows).toEqual([expect.objectContaining({ text: 'The ministry denied that the drone was lost', label: 'denial' })]);
    expect(text.slice(rows[0]!.start, rows[0]!.end)).toBe(rows[0]!.text);
  });

  it('refuses a file over 5 MB and a binary file with a plain message, reading neither', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'The council voted. '.repeat(300_000));
    const tooBig = await run([big], false);
    expect(tooBig.code).toBe(1);
    expect(tooBig.out).toEqual([]);
    expect(tooBig.err).toEqual([expect.stringMatching(/big\.txt is 5\.\d MB; an article file must be 5 MB or less$/)]);

    const image = join(dir, 'photo.txt');
    writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const binary = await run([image], true);
    expect(binary.code).toBe(1);
    expect(binary.out).toEqual([]);
    expect(binary.err[0]).toMatch(/photo\.txt is not a text file/);

    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x65, 0x64, 0x2e]));
    expect((await run([latin1], false)).err[0]).toMatch(/latin1\.txt is not UTF-8 text/);
  });

  it('fails clearly on an .html file with no article text', async () => {
    const file = join(dir, 'empty.html');
    writeFileSync(file, '<html><body><script>render()</script></body></html>');
    const { code, err } = await run([file], false);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/^sourcewise suggest: "empty\.html" has no article text/);
  });
});
