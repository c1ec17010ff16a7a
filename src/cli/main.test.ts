// The `sourcewise` command line, run in-process with captured output and temporary pack files.
import { strFromU8, unzipSync } from 'fflate';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../shared/pack/schema';
import { importPacks } from '../services/packs/pack-import';
import { runCli } from './main';

const root = join(import.meta.dirname, '../..');
const SEED = join(root, 'exercises/nk-troops-russia-2024.json');
const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Pack;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

/** Rows in the answer key: one per item, but one per span for find items and one per figure for numbers. */
function expectedKeyRows(pack: Pack): number {
  return pack.items.reduce(
    (total, item) => total + (item.type === 'find' ? item.spans.length : item.type === 'numbers' ? item.figures.length : 1),
    0,
  );
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function writePack(name: string, pack: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pack, null, 2));
  return file;
}

describe('sourcewise validate', () => {
  it('exits 0 with no output for the seed pack', async () => {
    expect(await run('validate', SEED)).toEqual({ code: 0, out: [], err: [] });
  });

  it('prints one line per problem, FILE: path: what is wrong, and exits 1', async () => {
    const valid = writePack('valid.json', seed);
    const pack = structuredClone(seed);
    if (pack.items[0]!.type !== 'classify') throw new Error('the seed pack should start with a classify item');
    pack.items[0]!.claim.ref.quote = 'not in the article';
    pack.items[1]!.id = pack.items[0]!.id;
    const broken = writePack('broken.json', pack);

    expect(await run('validate', valid, broken)).toEqual({
      code: 1,
      out: [
        `${broken}: items[0].claim.ref.quote: not found in paragraph 1`,
        `${broken}: items[1].id: "${seed.items[0]!.id}" is already used by item 1`,
      ],
      err: [],
    });
  });

  it('reports a missing file clearly and exits 1', async () => {
    const missing = join(dir, 'missing.json');
    expect(await run('validate', missing)).toEqual({ code: 1, out: [`${missing}: (file): cannot be read (ENOENT)`], err: [] });
  });

  it('reports a file that is not JSON clearly and exits 1', async () => {
    const notJson = join(dir, 'notes.json');
    writeFileSync(notJson, 'these are my notes, not a pack');
    const { code, out, err } = await run('validate', notJson);
    expect(code).toBe(1);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(
      new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\(file\\): not valid JSON \\(.+\\)$`),
    );
  });

  it('still checks the other files after a bad one', async () => {
    const missing = join(dir, 'missing.json');
    const wrong = writePack('wrong.json', { ...seed, schemaVersion: 2 });
    const { code, out } = await run('validate', missing, SEED, wrong);
    expect(code).toBe(1);
    expect(out).toEqual([
      `${missing}: (file): cannot be read (ENOENT)`,
      `${wrong}: schemaVersion: this pack needs pack format version 2; this version of Sourcewise reads version 1, so update Sourcewise to open it`,
    ]);
  });

  it('gives the app import’s verdict: a byte-order mark is accepted, an id Windows keeps for a device is not', async () => {
    const marked = join(dir, 'marked.json');
    writeFileSync(marked, `\uFEFF${JSON.stringify(seed)}`);
    const device = writePack('device.json', { ...seed, id: 'com1' });
    const imported = await importPacks(join(dir, 'library'), [{ name: 'device.json', text: readFileSync(device, 'utf8') }]);
    expect(await run('validate', marked, device)).toEqual({
      code: 1,
      out: imported.rejected[0]!.problems.map((problem) => `${device}: ${problem}`),
      err: [],
    });
    expect(imported.rejected[0]!.problems).toEqual([expect.stringContaining('id: "com1" is a name Windows keeps for a device')]);
  });

  it('exits 2 with the usage when no file is named', async () => {
    const { code, out, err } = await run('validate');
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('name at least one pack file');
    expect(err.join('\n')).toContain('Usage:');
  });
});

describe('sourcewise audit', () => {
  it('prints "no findings" and exits 0 for the seed pack', async () => {
    expect(await run('audit', SEED)).toEqual({ code: 0, out: ['no findings'], err: [] });
  });

  it('prints one line per finding, FILE: items[i] (id): what, and exits 1; an invalid pack gets its problems', async () => {
    const pack = structuredClone(seed);
    pack.items[0]!.explanation = 'This one takes that label.';
    const flagged = writePack('flagged.json', pack);
    const broken = writePack('broken.json', { ...seed, items: [] });
    expect(await run('audit', SEED, flagged, broken)).toEqual({
      code: 1,
      out: [
        `${flagged}: items[0] (${seed.items[0]!.id}): the explanation names no cue`,
        `${flagged}: items[0] (${seed.items[0]!.id}): the explanation names no source`,
        `${broken}: items: too small: expected array to have >=1 items`,
      ],
      err: [],
    });
  });
});

describe('sourcewise key', () => {
  it('--json prints one JSON object per row of the key, and as many rows as the pack has answers', async () => {
    const { code, out, err } = await run('key', SEED, '--json');
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(expectedKeyRows(seed));

    const rows = out.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of rows) {
      expect(typeof row.itemId).toBe('string');
      expect(typeof row.type).toBe('string');
      const item = seed.items.find((candidate) => candidate.id === row.itemId);
      expect(item?.type).toBe(row.type);
      expect(typeof row.quote).toBe('string');
      if (row.type === 'headline') {
        expect(row).not.toHaveProperty('label');
        expect(['supported', 'overstated']).toContain(row.answer);
      } else {
        expect(typeof row.label).toBe('string');
      }
      if (row.type === 'classify' || row.type === 'source' || row.type === 'numbers') expect(typeof row.source).toBe('string');
      else expect(row).not.toHaveProperty('source');
    }

    // Find items: one row per expected span; numbers items: one row per figure.
    for (const item of seed.items) {
      const itemRows = rows.filter((row) => row.itemId === item.id);
      if (item.type === 'find') {
        expect(itemRows.map((row) => row.quote)).toEqual(item.spans.map((span) => span.quote));
        for (const row of itemRows) expect(row.label).toBe(item.label);
      } else if (item.type === 'numbers') {
        expect(itemRows.map((row) => [row.quote, row.label, row.source])).toEqual(
          item.figures.map((figure) => [figure.ref.quote, figure.label, figure.source.name]),
        );
      } else {
        expect(itemRows).toHaveLength(1);
      }
    }
  });

  it('without --json prints a readable listing headed by the pack title', async () => {
    const { code, out, err } = await run('key', SEED);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain(seed.meta.title);
    expect(text.split('\n')[0]).toBe(`Answer key: ${seed.meta.title} (${seed.id}, version ${seed.version})`);
    // The credit line as it is: the seed pack has no licence field.
    expect(text.split('\n')[1]).toBe(seed.meta.credit);
    for (const item of seed.items) expect(text).toContain(`${item.id} [${item.type}]`);
  });

  it('gives the licence in words after the credit line', async () => {
    const file = writePack('licensed.json', { ...seed, meta: { ...seed.meta, license: 'public-domain' } });
    const { out } = await run('key', file);
    expect(out.join('\n').split('\n')[1]).toBe(`${seed.meta.credit} Licence: Public domain.`);
  });

  it('exits 1 with the problems on standard error for an invalid pack', async () => {
    // eslint-disable-next-line no-script-url -- a hostile URL, fed in as untrusted input
    const broken = writePack('broken.json', { ...seed, meta: { ...seed.meta, url: 'javascript:alert(1)' } });
    expect(await run('key', broken, '--json')).toEqual({
      code: 1,
      out: [],
      err: [`${broken}: meta.url: must be an http:// or https:// address`],
    });
  });

  it('exits 2 unless exactly one file is named', async () => {
    expect((await run('key')).code).toBe(2);
    expect((await run('key', SEED, SEED)).code).toBe(2);
  });

  it('matches the --json example in docs/pack-format.md for the example pack there', async () => {
    const doc = readFileSync(join(root, 'docs/pack-format.md'), 'utf8');
    const example = /<!-- example-pack[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    const shown = /<!-- example-key-json[^>]*-->\s*```text\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(example, 'docs/pack-format.md: the example pack block is missing').toBeDefined();
    expect(shown, 'docs/pack-format.md: the key --json example block is missing').toBeDefined();
    const file = join(dir, 'example.json');
    writeFileSync(file, example!);
    const { code, out } = await run('key', file, '--json');
    expect(code).toBe(0);
    expect(out).toEqual(shown!.split('\n'));
  });
});

describe('sourcewise', () => {
  it('exits 2 with the usage for an unknown command', async () => {
    const { code, out, err } = await run('frobnicate', SEED);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('unknown command "frobnicate"');
    expect(err.join('\n')).toContain('Usage:');
  });

  it('exits 2 with the usage for an unknown option', async () => {
    const { code, err } = await run('validate', '--frobnicate', SEED);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('Usage:');
  });

  it('exits 2 with the usage when no command is given, and 0 for --help', async () => {
    const none = await run();
    expect(none.code).toBe(2);
    expect(none.err.join('\n')).toContain('Usage:');
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out.join('\n')).toContain('Usage:');
  });

  it('prints its version', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: ['0.0.0-test'], err: [] });
  });
});

describe('sourcewise export-html', () => {
  function playerDir(): string {
    const player = join(dir, 'player');
    mkdirSync(player, { recursive: true });
    writeFileSync(join(player, 'player.js'), 'void 0;');
    writeFileSync(join(player, 'player.css'), 'body {}');
    return player;
  }

  async function exportHtml(...argv: string[]) {
    return exportWith('export-html', ...argv);
  }

  async function exportWith(command: string, ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      [command, ...argv],
      { out: (line) => out.push(line), err: (line) => err.push(line) },
      { playerDir: playerDir() },
    );
    return { code, out, err };
  }

  it('writes the pack as one HTML file holding it', async () => {
    const target = join(dir, 'seed.html');
    const { code, out } = await exportHtml(SEED, '--out', target);
    expect(code).toBe(0);
    expect(out).toEqual([`wrote ${target}`]);
    const html = readFileSync(target, 'utf8');
    expect(html).toContain('<script>void 0;</script>');
    expect(html).toContain(`"id":"${seed.id}"`);
  });

  it('writes nothing for an invalid pack, and asks for --out', async () => {
    const broken = writePack('broken.json', { ...seed, items: [] });
    const target = join(dir, 'broken.html');
    const { code, err } = await exportHtml(broken, '--out', target);
    expect(code).toBe(1);
    expect(err.join('\n')).toMatch(/broken\.json: items/);
    expect(existsSync(target)).toBe(false);
    expect((await exportHtml(SEED)).code).toBe(2);
  });

  it('export-scorm writes the pack as a SCORM package: the manifest and the player page', async () => {
    const target = join(dir, 'seed.zip');
    const { code, out } = await exportWith('export-scorm', SEED, '--out', target);
    expect(code).toBe(0);
    expect(out).toEqual([`wrote ${target}`]);
    const files = unzipSync(readFileSync(target));
    expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html']);
    expect(strFromU8(files['imsmanifest.xml']!)).toContain(`identifier="sourcewise-${seed.id}"`);
    expect(strFromU8(files['index.html']!)).toContain('<script>void 0;</script>');
    const missing = await exportWith('export-scorm', SEED);
    expect(missing.code).toBe(2);
    expect(missing.err.join('\n')).toMatch(/--out PATH\.zip/);
  });
});
