import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors';
import { MAX_PACK_DEPTH } from '../../shared/limits';
import { MAX_PACK_BYTES } from '../../shared/pack/schema';
import { PackLibrary } from './pack-library';
import { exportPack, importPacks, packFileText, removePack, storePack } from './pack-import';

const EXERCISES = join(import.meta.dirname, '../../../exercises');
const SEED_ID = 'nk-troops-russia-2024';
const SEED_TEXT = readFileSync(join(EXERCISES, `${SEED_ID}.json`), 'utf8');
const SEED_TITLE = (JSON.parse(SEED_TEXT) as { meta: { title: string } }).meta.title;
const PAYLOAD = '<script>alert(1)</script>';
/** Built, not written out, so the linter's no-script-url rule is not tripped by the test data. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');
const ID_RULE = 'id: must be 1 to 64 lower-case letters, digits or hyphens, not starting or ending with a hyphen';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let root: string;
let packsDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-import-'));
  packsDir = join(root, 'data', 'packs');
  mkdirSync(packsDir, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  vi.restoreAllMocks();
});

function seed(): Json {
  return JSON.parse(SEED_TEXT);
}

/** The seed under another id, so it never collides with the seed already in the folder. */
function hostileBase(): Json {
  return { ...seed(), id: 'hostile' };
}

/** Every file under the temporary root, with a hash of its contents. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const rel = `${prefix}${name}`;
      if (statSync(path).isDirectory()) {
        out[`${rel}/`] = 'dir';
        walk(path, `${rel}/`);
      } else {
        out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
      }
    }
  };
  walk(root, '');
  return out;
}

function readPack(id: string): Json {
  return JSON.parse(readFileSync(join(packsDir, `${id}.json`), 'utf8'));
}

/** Replaces the text `"id": "hostile"` (the first key after the version) with raw JSON. */
function withRawKeys(pack: Json, raw: string): string {
  const text = JSON.stringify(pack);
  const marker = '"schemaVersion":1,';
  expect(text).toContain(marker);
  return text.replace(marker, `${marker}${raw},`);
}

/** Appends the script payload to every free-text field (and adds a prompt to every item). */
function scriptEverywhere(pack: Json): Json {
  const textKeys = new Set(['title', 'outlet', 'author', 'credit', 'headline', 'explanation', 'prompt', 'text', 'name']);
  const listKeys = new Set(['chain', 'sourceOptions']);
  const walk = (value: Json, key: string | undefined, underArticle: boolean): Json => {
    if (typeof value === 'string') {
      if (key !== undefined && (textKeys.has(key) || listKeys.has(key))) return `${value}${PAYLOAD}`;
      if (key === 'paragraphs' && underArticle) return `${value} ${PAYLOAD}`; // appended: offsets stay right
      return value;
    }
    if (Array.isArray(value)) return value.map((element) => walk(element, key, underArticle));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, underArticle || k === 'article')]));
    }
    return value;
  };
  const out = walk(pack, undefined, false);
  for (const item of out.items) item.prompt ??= `Which is it? ${PAYLOAD}`;
  return out;
}

interface Hostile {
  name: string;
  text: () => string;
  problem: RegExp | string;
}

function packText(mutate: (pack: Json) => void): () => string {
  return () => {
    const pack = hostileBase();
    mutate(pack);
    return JSON.stringify(pack);
  };
}

const HOSTILE: Hostile[] = [
  {
    name: 'script URL in meta.url',
    text: packText((p) => (p.meta.url = SCRIPT_URL)),
    problem: 'meta.url: must be an http:// or https:// address',
  },
  {
    name: 'script URL in a follow-up source',
    text: packText((p) => (p.followUp[0].sources[0].url = SCRIPT_URL)),
    problem: 'followUp[0].sources[0].url: must be an http:// or https:// address',
  },
  {
    name: 'data: URL in meta.url',
    text: packText((p) => (p.meta.url = 'data:text/html,<script>alert(1)</script>')),
    problem: 'meta.url: must be an http:// or https:// address',
  },
  { name: 'id ../evil', text: packText((p) => (p.id = '../evil')), problem: ID_RULE },
  { name: 'id ..', text: packText((p) => (p.id = '..')), problem: ID_RULE },
  { name: 'id with /', text: packText((p) => (p.id = 'a/b')), problem: ID_RULE },
  { name: 'id with \\', text: packText((p) => (p.id = 'a\\b')), problem: ID_RULE },
  { name: 'id %2e%2e', text: packText((p) => (p.id = '%2e%2e')), problem: ID_RULE },
  { name: 'id absolute POSIX path', text: packText((p) => (p.id = '/etc/passwd')), problem: ID_RULE },
  { name: 'id absolute Windows path', text: packText((p) => (p.id = 'C:\\Windows\\evil')), problem: ID_RULE },
  { name: 'id empty', text: packText((p) => (p.id = '')), problem: ID_RULE },
  { name: 'id with a NUL byte', text: packText((p) => (p.id = 'a\u0000b')), problem: ID_RULE },
  { name: 'id that is a number', text: packText((p) => (p.id = 7)), problem: /^id: .*expected string/i },
  {
    name: '__proto__ at top level',
    text: () => withRawKeys(hostileBase(), '"__proto__":{"polluted":true}'),
    problem: '(pack): has a key "__proto__", which is not allowed in a pack',
  },
  {
    name: 'constructor at top level',
    text: () => withRawKeys(hostileBase(), '"constructor":{"prototype":{"polluted":true}}'),
    problem: '(pack): has a key "constructor", which is not allowed in a pack',
  },
  {
    name: '__proto__ nested in meta',
    text: () => JSON.stringify(hostileBase()).replace('"meta":{', '"meta":{"__proto__":{"polluted":true},'),
    problem: 'meta: has a key "__proto__", which is not allowed in a pack',
  },
  {
    name: 'constructor nested in an item claim',
    text: () => JSON.stringify(hostileBase()).replace('"claim":{', '"claim":{"constructor":{"polluted":true},'),
    problem: 'items[0].claim: has a key "constructor", which is not allowed in a pack',
  },
  {
    name: 'a 50 MB string',
    text: () => `{"schemaVersion":1,"id":"big","junk":"${'a'.repeat(50 * 1024 * 1024)}"}`,
    problem: `(file): more than ${MAX_PACK_BYTES} bytes is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`,
  },
  {
    name: 'just over the cap in UTF-8 bytes, though under it in characters',
    text: () => `"${'é'.repeat(MAX_PACK_BYTES / 2 + 1)}"`,
    problem: `(file): ${MAX_PACK_BYTES + 4} bytes is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`,
  },
  {
    name: '10,000 nested arrays',
    text: () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    problem: `(file): nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep`,
  },
  {
    name: '10,000 nested objects inside items',
    text: () => JSON.stringify(hostileBase()).replace('"items":[', `"items":[${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)},`),
    problem: `(file): nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep`,
  },
  { name: 'not JSON', text: () => '{ "schemaVersion": 1, "id": ', problem: /^\(file\): not valid JSON \(/ },
  { name: 'an empty file', text: () => '', problem: /^\(file\): not valid JSON \(/ },
  { name: 'a top-level array', text: () => '[]', problem: '(pack): must be a JSON object' },
  { name: 'null', text: () => 'null', problem: '(pack): must be a JSON object' },
  {
    name: 'schemaVersion as a string',
    text: packText((p) => (p.schemaVersion = '1')),
    problem: 'schemaVersion: "1" is not a pack format version; this app reads version 1',
  },
  {
    name: 'a newer schemaVersion',
    text: packText((p) => (p.schemaVersion = 2)),
    problem: /^schemaVersion: this pack needs pack format version 2/,
  },
  {
    name: 'version as a string',
    text: packText((p) => (p.version = '1')),
    problem: /^version: .*expected number/i,
  },
  { name: 'items as an object', text: packText((p) => (p.items = {})), problem: /^items: .*expected array/i },
  {
    name: 'a paragraph that is a number',
    text: packText((p) => (p.article.paragraphs[0] = 42)),
    problem: /^article\.paragraphs\[0\]: .*expected string/i,
  },
  {
    name: 'an unknown field',
    text: packText((p) => (p.meta.onload = 'alert(1)')),
    problem: /^meta: unrecognized key.*onload/i,
  },
  {
    name: 'duplicate item ids',
    text: packText((p) => (p.items[1].id = p.items[0].id)),
    problem: `items[1].id: "classify-official-confirms-troops-sent" is already used by item 1`,
  },
  {
    name: 'a quote that is not in the text',
    text: packText((p) => (p.items[0].claim.ref.quote = 'words the article never says')),
    problem: /^items\[0\]\.claim\.ref\.quote: not found in paragraph 1$/,
  },
  {
    name: 'a quote at the wrong offsets',
    text: packText((p) => (p.items[0].claim.ref.start += 1)),
    problem: /^items\[0\]\.claim\.ref: offsets \d+\.\.\d+ do not hold the quote/,
  },
];

describe('importPacks', () => {
  it('imports a valid pack as <id>.json, durably and with nothing else left behind', async () => {
    const result = await importPacks(packsDir, [{ name: 'whatever I called it.json', text: SEED_TEXT }]);
    expect(result).toEqual({
      imported: [{ file: 'whatever I called it.json', packId: SEED_ID, title: SEED_TITLE, replaced: false }],
      rejected: [],
      conflicts: [],
    });
    expect(readdirSync(packsDir)).toEqual([`${SEED_ID}.json`]);
    expect(readPack(SEED_ID)).toEqual(seed());
    const { packs, invalid } = await new PackLibrary(packsDir).list();
    expect(invalid).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual([SEED_ID]);
  });

  it('creates the packs folder if it does not exist yet', async () => {
    const fresh = join(root, 'new', 'packs');
    const result = await importPacks(fresh, [{ name: 'a.json', text: SEED_TEXT }]);
    expect(result.imported).toHaveLength(1);
    expect(readdirSync(fresh)).toEqual([`${SEED_ID}.json`]);
  });

  describe('hostile packs', () => {
    beforeEach(async () => {
      await importPacks(packsDir, [{ name: 'seed.json', text: SEED_TEXT }]);
    });

    it('has at least 20 of them', () => {
      expect(HOSTILE.length).toBeGreaterThanOrEqual(20);
    });

    it.each(HOSTILE)('rejects $name with a clear problem and writes nothing', async ({ name, text, problem }) => {
      const before = snapshot();
      const file = `${name}.json`;
      const result = await importPacks(packsDir, [{ name: file, text: text() }], () => 'replace');
      expect(result.imported).toEqual([]);
      expect(result.conflicts).toEqual([]);
      expect(result.rejected).toHaveLength(1);
      expect(result.rejected[0]!.file).toBe(file);
      const problems = result.rejected[0]!.problems;
      if (typeof problem === 'string') expect(problems).toContain(problem);
      else expect(problems.some((line) => problem.test(line))).toBe(true);
      for (const line of problems) expect(line.length).toBeLessThan(500);
      expect(snapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('refuses a 50 MB string by its size, without parsing it', async () => {
      const text = `{"schemaVersion":1,"id":"big","junk":"${'a'.repeat(50 * 1024 * 1024)}"}`;
      const parse = vi.spyOn(JSON, 'parse');
      const result = await importPacks(packsDir, [{ name: 'big.json', text }]);
      expect(parse).not.toHaveBeenCalled();
      expect(result.rejected[0]!.problems[0]).toMatch(/larger than the 5242880-byte limit/);
    });

    it('takes script tags in every text field as plain text, stored verbatim', async () => {
      const hostile = scriptEverywhere(hostileBase());
      const text = JSON.stringify(hostile);
      expect(text.split(PAYLOAD).length - 1).toBeGreaterThan(200);

      const result = await importPacks(packsDir, [{ name: 'scripts.json', text }]);
      expect(result.rejected).toEqual([]);
      expect(result.imported).toEqual([{ file: 'scripts.json', packId: 'hostile', title: hostile.meta.title, replaced: false }]);

      const stored = readPack('hostile');
      expect(stored).toEqual(hostile);
      expect(stored.meta.title.endsWith(PAYLOAD)).toBe(true);
      expect(stored.meta.outlet.endsWith(PAYLOAD)).toBe(true);
      expect(stored.meta.author.endsWith(PAYLOAD)).toBe(true);
      expect(stored.meta.credit.endsWith(PAYLOAD)).toBe(true);
      expect(stored.article.headline.endsWith(PAYLOAD)).toBe(true);
      expect(stored.article.paragraphs.every((p: string) => p.endsWith(PAYLOAD))).toBe(true);
      expect(stored.followUp[0].text.endsWith(PAYLOAD)).toBe(true);
      expect(stored.followUp[0].sources[0].name.endsWith(PAYLOAD)).toBe(true);
      for (const item of stored.items) {
        expect(item.explanation.endsWith(PAYLOAD)).toBe(true);
        expect(item.prompt.endsWith(PAYLOAD)).toBe(true);
        if (item.claim) expect(item.claim.source.name.endsWith(PAYLOAD)).toBe(true);
        if (item.options) for (const option of item.options) expect(option.text.endsWith(PAYLOAD)).toBe(true);
        if (item.type === 'headline') expect(item.headline.endsWith(PAYLOAD)).toBe(true);
        if (item.sourceOptions) expect(item.sourceOptions.every((s: string) => s.endsWith(PAYLOAD))).toBe(true);
      }
      const library = new PackLibrary(packsDir);
      expect((await library.get('hostile')).meta.title).toBe(hostile.meta.title);
    });

    it('takes dangerous-looking words and brackets inside strings as text', async () => {
      const pack = hostileBase();
      pack.article.paragraphs[9] += ` __proto__ constructor ${'['.repeat(200)} javascript:alert(1) ../../etc`;
      pack.items[0].explanation += ' {"__proto__": {"polluted": true}}';
      const result = await importPacks(packsDir, [{ name: 'words.json', text: JSON.stringify(pack) }]);
      expect(result.rejected).toEqual([]);
      expect(readPack('hostile')).toEqual(pack);
      expect(Object.prototype).not.toHaveProperty('polluted');
    });

    it('rejects only the bad files of a batch and imports the rest', async () => {
      const good = { ...seed(), id: 'good-one' };
      const result = await importPacks(packsDir, [
        { name: 'bad.json', text: '{' },
        { name: 'good.json', text: JSON.stringify(good) },
        { name: 'evil.json', text: JSON.stringify({ ...seed(), id: '../evil' }) },
      ]);
      expect(result.imported).toEqual([{ file: 'good.json', packId: 'good-one', title: SEED_TITLE, replaced: false }]);
      expect(result.rejected.map((r) => r.file)).toEqual(['bad.json', 'evil.json']);
      expect(readdirSync(packsDir).sort()).toEqual(['good-one.json', `${SEED_ID}.json`]);
    });
  });

  it('names the file from the pack id, never from the incoming name', async () => {
    const pack = { ...seed(), id: 'shared-pack' };
    const before = readdirSync(root);
    const result = await importPacks(packsDir, [
      { name: '../../evil.json', text: JSON.stringify(pack) },
      { name: '/etc/cron.d/evil.json', text: JSON.stringify({ ...pack, id: 'second' }) },
    ]);
    expect(result.imported).toEqual([
      { file: '../../evil.json', packId: 'shared-pack', title: SEED_TITLE, replaced: false },
      { file: '/etc/cron.d/evil.json', packId: 'second', title: SEED_TITLE, replaced: false },
    ]);
    expect(readdirSync(packsDir).sort()).toEqual(['second.json', 'shared-pack.json']);
    expect(readdirSync(root)).toEqual(before);
    expect(readdirSync(join(root, 'data'))).toEqual(['packs']);
  });

  it('reports an existing id as a conflict, then replaces it or keeps both when told', async () => {
    await importPacks(packsDir, [{ name: 'first.json', text: SEED_TEXT }]);
    const newer = { ...seed(), version: 2 };
    const file = { name: 'newer.json', text: JSON.stringify(newer) };

    const before = snapshot();
    const conflict = await importPacks(packsDir, [file]);
    expect(conflict).toEqual({
      imported: [],
      rejected: [],
      conflicts: [{ file: 'newer.json', packId: SEED_ID, title: SEED_TITLE, existingTitle: SEED_TITLE, bundled: false }],
    });
    expect(snapshot()).toEqual(before);

    const asked: string[] = [];
    const replaced = await importPacks(packsDir, [file], (id) => {
      asked.push(id);
      return 'replace';
    });
    expect(asked).toEqual([SEED_ID]);
    expect(replaced.imported).toEqual([{ file: 'newer.json', packId: SEED_ID, title: SEED_TITLE, replaced: true }]);
    expect(readdirSync(packsDir)).toEqual([`${SEED_ID}.json`]);
    expect(readPack(SEED_ID).version).toBe(2);

    const kept = await importPacks(packsDir, [file, file], () => 'keep-both');
    expect(kept.imported).toEqual([
      { file: 'newer.json', packId: `${SEED_ID}-2`, title: SEED_TITLE, replaced: false },
      { file: 'newer.json', packId: `${SEED_ID}-3`, title: SEED_TITLE, replaced: false },
    ]);
    expect(readPack(`${SEED_ID}-2`).id).toBe(`${SEED_ID}-2`);
    expect(readPack(`${SEED_ID}-3`)).toEqual({ ...newer, id: `${SEED_ID}-3` });
    const { packs, invalid } = await new PackLibrary(packsDir).load();
    expect(invalid).toEqual([]);
    expect(packs.map((p) => p.id).sort()).toEqual([SEED_ID, `${SEED_ID}-2`, `${SEED_ID}-3`]);
  });

  it('finds a conflict with a pack kept under another file name, and replaces it without leaving a duplicate', async () => {
    writeFileSync(join(packsDir, 'hand-copied.json'), SEED_TEXT);
    const file = { name: 'x.json', text: JSON.stringify({ ...seed(), version: 3 }) };
    expect((await importPacks(packsDir, [file])).conflicts).toEqual([
      { file: 'x.json', packId: SEED_ID, title: SEED_TITLE, existingTitle: SEED_TITLE, bundled: false },
    ]);
    await importPacks(packsDir, [file], () => 'replace');
    expect(readdirSync(packsDir)).toEqual([`${SEED_ID}.json`]);
    expect(readPack(SEED_ID).version).toBe(3);
  });

  it('keeps a copy of a pack with a 64-character id within the id limit', async () => {
    const long = `a${'-b'.repeat(31)}c`;
    expect(long).toHaveLength(64);
    const text = JSON.stringify({ ...seed(), id: long });
    await importPacks(packsDir, [{ name: 'l.json', text }]);
    const result = await importPacks(packsDir, [{ name: 'l.json', text }], () => 'keep-both');
    const id = result.imported[0]!.packId;
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^a[-b]*-2$/);
    expect(readPack(id).id).toBe(id);
  });

  it('treats an invalid file already named <id>.json as taken', async () => {
    writeFileSync(join(packsDir, `${SEED_ID}.json`), '{ broken');
    const result = await importPacks(packsDir, [{ name: 'a.json', text: SEED_TEXT }]);
    expect(result.conflicts).toEqual([
      { file: 'a.json', packId: SEED_ID, title: SEED_TITLE, existingTitle: `${SEED_ID}.json (not a valid pack)`, bundled: false },
    ]);
    expect(readFileSync(join(packsDir, `${SEED_ID}.json`), 'utf8')).toBe('{ broken');
  });
});

describe('exportPack', () => {
  it('exports a pack as <id>.json that imports again unchanged', async () => {
    await importPacks(packsDir, [{ name: 'a.json', text: SEED_TEXT }]);
    const exported = await exportPack(packsDir, SEED_ID);
    expect(exported.name).toBe(`${SEED_ID}.json`);
    expect(JSON.parse(exported.text)).toEqual(seed());

    const elsewhere = join(root, 'other');
    const result = await importPacks(elsewhere, [exported]);
    expect(result.imported).toEqual([{ file: `${SEED_ID}.json`, packId: SEED_ID, title: SEED_TITLE, replaced: false }]);
    expect(readFileSync(join(elsewhere, `${SEED_ID}.json`), 'utf8')).toBe(exported.text);
  });

  it('refuses ids that are not ids, and ids that are not there', async () => {
    await expect(exportPack(packsDir, '../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(exportPack(packsDir, 'missing')).rejects.toBeInstanceOf(ApiError);
    await expect(exportPack(packsDir, 'missing')).rejects.toMatchObject({ code: 'not-found' });
    writeFileSync(join(packsDir, 'broken.json'), '{');
    await expect(exportPack(packsDir, 'broken')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('shipped packs and permission to replace', () => {
  const bundled = new Map([[SEED_ID, SEED_TITLE]]);
  const file = { name: 'copy.json', text: SEED_TEXT };

  it('reports an id taken by a shipped pack as a conflict marked bundled, and writes nothing', async () => {
    const result = await importPacks(packsDir, [file], undefined, { bundled });
    expect(result).toEqual({
      imported: [],
      rejected: [],
      conflicts: [{ file: 'copy.json', packId: SEED_ID, title: SEED_TITLE, existingTitle: SEED_TITLE, bundled: true }],
    });
    expect(readdirSync(packsDir)).toEqual([]);
  });

  it('never replaces a shipped pack, even when allowed to replace', async () => {
    const result = await importPacks(packsDir, [file], () => 'replace', { bundled, mayReplace: true });
    expect(result.imported).toEqual([]);
    expect(result.rejected).toEqual([
      {
        file: 'copy.json',
        problems: [
          `id: "${SEED_ID}" is the id of "${SEED_TITLE}", which ships with Sourcewise and cannot be replaced; keep both instead`,
        ],
      },
    ]);
    expect(readdirSync(packsDir)).toEqual([]);
  });

  it('keeps a copy beside a shipped pack under an id free in both folders', async () => {
    writeFileSync(join(packsDir, `${SEED_ID}-2.json`), JSON.stringify({ ...seed(), id: `${SEED_ID}-2` }));
    const taken = new Map([...bundled, [`${SEED_ID}-3`, 'another shipped pack']]);
    const result = await importPacks(packsDir, [file], () => 'keep-both', { bundled: taken });
    expect(result.imported).toEqual([{ file: 'copy.json', packId: `${SEED_ID}-4`, title: SEED_TITLE, replaced: false }]);
    expect(readPack(`${SEED_ID}-4`).id).toBe(`${SEED_ID}-4`);
  });

  it('refuses to replace without permission, but keeps both for anyone', async () => {
    await importPacks(packsDir, [file]);
    const shipped = seed().version as number;
    const newer = { name: 'newer.json', text: JSON.stringify({ ...seed(), version: shipped + 1 }) };
    const refused = await importPacks(packsDir, [newer], () => 'replace', { mayReplace: false });
    expect(refused.rejected).toEqual([
      {
        file: 'newer.json',
        problems: [
          `id: "${SEED_ID}" is already in the library ("${SEED_TITLE}"); replacing a pack needs instructor mode, so keep both instead or ask your instructor`,
        ],
      },
    ]);
    expect(readPack(SEED_ID).version).toBe(shipped);
    const kept = await importPacks(packsDir, [newer], () => 'keep-both', { mayReplace: false });
    expect(kept.imported).toEqual([{ file: 'newer.json', packId: `${SEED_ID}-2`, title: SEED_TITLE, replaced: false }]);
  });

  it('does not ask about a pack whose id is free', async () => {
    const asked: string[] = [];
    const result = await importPacks(packsDir, [file], (id) => {
      asked.push(id);
      return 'replace';
    });
    expect(asked).toEqual([]);
    expect(result.imported).toEqual([{ file: 'copy.json', packId: SEED_ID, title: SEED_TITLE, replaced: false }]);
  });
});

describe('storePack', () => {
  it('stores a validated pack as an import would, with the same conflicts and decisions', async () => {
    const pack = seed();
    expect(await storePack(packsDir, pack, undefined)).toEqual({ status: 'stored', packId: SEED_ID, replaced: false });
    expect(readFileSync(join(packsDir, `${SEED_ID}.json`), 'utf8')).toBe(packFileText(pack));
    expect(await storePack(packsDir, pack, undefined)).toEqual({
      status: 'conflict',
      packId: SEED_ID,
      existingTitle: SEED_TITLE,
      bundled: false,
    });
    expect(await storePack(packsDir, { ...pack, version: 2 }, 'replace')).toEqual({
      status: 'stored',
      packId: SEED_ID,
      replaced: true,
    });
    expect(readPack(SEED_ID).version).toBe(2);
    expect(await storePack(packsDir, pack, 'keep-both')).toEqual({ status: 'stored', packId: `${SEED_ID}-2`, replaced: false });
    expect(await storePack(packsDir, pack, 'replace', { bundled: new Map([[SEED_ID, SEED_TITLE]]) })).toEqual({
      status: 'refused',
      problem: `id: "${SEED_ID}" is the id of "${SEED_TITLE}", which ships with Sourcewise and cannot be replaced; keep both instead`,
    });
  });
});

describe('removePack', () => {
  it('removes every valid file holding the id, and nothing else', async () => {
    await importPacks(packsDir, [{ name: 'a.json', text: SEED_TEXT }]);
    writeFileSync(join(packsDir, 'hand-copied.json'), SEED_TEXT);
    writeFileSync(join(packsDir, 'other.json'), JSON.stringify({ ...seed(), id: 'other' }));
    writeFileSync(join(packsDir, 'broken.json'), '{');
    expect(await removePack(packsDir, SEED_ID)).toBe(true);
    expect(readdirSync(packsDir).sort()).toEqual(['broken.json', 'other.json']);
    expect(await removePack(packsDir, SEED_ID)).toBe(false);
    expect(await removePack(packsDir, '../other')).toBe(false);
    expect(await removePack(join(root, 'missing'), SEED_ID)).toBe(false);
  });
});
