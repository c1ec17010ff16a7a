import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice, PackList } from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import { ApiError } from '../../shared/errors';
import { MAX_PACK_BYTES } from '../../shared/pack/schema';
import { Backend } from '../backend';
import { PACK_SCHEMA_FILE, PackLibrary, readPackFile } from './pack-library';

const EXERCISES = join(import.meta.dirname, '../../../exercises');
const SEED_ID = 'nk-troops-russia-2024';
const SEED_FILE = join(EXERCISES, `${SEED_ID}.json`);

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-packs-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function seed(): Record<string, unknown> & { items: { claim?: { ref: { quote: string } } }[] } {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8'));
}

function writeJson(name: string, value: unknown): void {
  writeFileSync(join(dir, name), JSON.stringify(value, null, 2));
}

/** The seed, one file of each kind of bad pack, and two files that are not packs at all. */
function fillFolder(): void {
  copyFileSync(SEED_FILE, join(dir, 'a-seed.json'));
  // (a) not JSON
  writeFileSync(join(dir, 'b-broken.json'), '{ "schemaVersion": 1, "id": ');
  // (b) valid JSON, but a quote that is not in the article
  const invalid = { ...seed(), id: 'quote-moved' };
  const first = invalid.items[0];
  if (!first?.claim) throw new Error('the seed’s first item should be a classify item');
  first.claim.ref.quote = 'words the article never says';
  writeJson('c-invalid.json', invalid);
  // (c) a second pack with the seed's id
  writeJson('d-duplicate.json', { ...seed(), version: 2 });
  // (d) over the size cap (content irrelevant: the size is checked first)
  writeFileSync(join(dir, 'e-huge.json'), Buffer.alloc(MAX_PACK_BYTES + 1, 0x20));
  // (e) the published schema, beside the packs
  copyFileSync(join(EXERCISES, PACK_SCHEMA_FILE), join(dir, PACK_SCHEMA_FILE));
  // (f) not a .json file
  writeFileSync(join(dir, 'notes.txt'), 'not a pack');
  writeFileSync(join(dir, 'a-seed.json.bak'), '{');
}

describe('PackLibrary', () => {
  it('lists the one valid pack and reports every bad file with a clear problem line', async () => {
    fillFolder();
    const { packs, invalid } = await new PackLibrary(dir).list();

    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatchObject({ id: SEED_ID, itemCount: 38 });

    expect(invalid.map((problem) => problem.file)).toEqual([
      'b-broken.json',
      'c-invalid.json',
      'd-duplicate.json',
      'e-huge.json',
    ]);
    const problems = Object.fromEntries(invalid.map((problem) => [problem.file, problem.problems]));
    expect(problems['b-broken.json']).toEqual([expect.stringMatching(/^\(file\): not valid JSON \(/)]);
    expect(problems['c-invalid.json']).toEqual([
      expect.stringMatching(/^items\[0\]\.claim\.ref\.quote: not found in paragraph \d+$/),
    ]);
    expect(problems['d-duplicate.json']).toEqual([`id: "${SEED_ID}" is already used by a-seed.json`]);
    expect(problems['e-huge.json']).toEqual([
      `(file): ${MAX_PACK_BYTES + 1} bytes is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`,
    ]);
  });

  it('ignores the schema file entirely, even if it would fail as a pack', async () => {
    writeFileSync(join(dir, PACK_SCHEMA_FILE), 'not even JSON');
    copyFileSync(SEED_FILE, join(dir, 'seed.json'));
    const list = await new PackLibrary(dir).list();
    expect(list.invalid).toEqual([]);
    expect(list.packs.map((pack) => pack.id)).toEqual([SEED_ID]);
  });

  it('a pack of exactly the size limit is still read', async () => {
    const text = readFileSync(SEED_FILE, 'utf8');
    const padded = text + ' '.repeat(MAX_PACK_BYTES - Buffer.byteLength(text));
    writeFileSync(join(dir, 'padded.json'), padded);
    expect(Buffer.byteLength(padded)).toBe(MAX_PACK_BYTES);
    await expect(readPackFile(join(dir, 'padded.json'))).resolves.toMatchObject({ ok: true, pack: { id: SEED_ID } });
  });

  it('gives empty lists for a missing folder', async () => {
    const library = new PackLibrary(join(dir, 'no-such-folder'));
    await expect(library.list()).resolves.toEqual({ packs: [], invalid: [] });
    await expect(library.load()).resolves.toEqual({ packs: [], invalid: [] });
  });

  it('gives empty lists for an empty folder', async () => {
    await expect(new PackLibrary(dir).list()).resolves.toEqual({ packs: [], invalid: [] });
  });

  it('get() returns a pack by id', async () => {
    fillFolder();
    const pack = await new PackLibrary(dir).get(SEED_ID);
    expect(pack.id).toBe(SEED_ID);
    expect(pack.version).toBe(seed().version);
    expect(pack.items).toHaveLength(38);
  });

  it('get() of an unknown id is not-found', async () => {
    fillFolder();
    const library = new PackLibrary(dir);
    const error = await library.get('no-such-pack').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'not-found', message: 'no pack with id "no-such-pack"' });
    // A pack that failed validation is not served either.
    await expect(library.get('quote-moved')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('get() finds a pack added after the folder was first read', async () => {
    const library = new PackLibrary(dir);
    await expect(library.list()).resolves.toEqual({ packs: [], invalid: [] });
    copyFileSync(SEED_FILE, join(dir, 'seed.json'));
    await expect(library.get(SEED_ID)).resolves.toMatchObject({ id: SEED_ID });
  });

  it('sorts packs by title', async () => {
    copyFileSync(SEED_FILE, join(dir, 'z-seed.json'));
    writeJson('a-other.json', { ...seed(), id: 'other-pack', meta: { ...(seed().meta as object), title: 'Zzz last' } });
    writeJson('m-first.json', { ...seed(), id: 'first-pack', meta: { ...(seed().meta as object), title: '0 first' } });
    const { packs, invalid } = await new PackLibrary(dir).list();
    expect(invalid).toEqual([]);
    expect(packs.map((pack) => pack.id)).toEqual(['first-pack', SEED_ID, 'other-pack']);
  });

  it('reports a file that cannot be read instead of failing the whole list', async () => {
    copyFileSync(SEED_FILE, join(dir, 'seed.json'));
    mkdirSync(join(dir, 'folder.json'));
    const { packs, invalid } = await new PackLibrary(dir).list();
    expect(packs.map((pack) => pack.id)).toEqual([SEED_ID]);
    expect(invalid).toEqual([{ file: 'folder.json', problems: [expect.stringMatching(/^\(file\): /)] }]);
  });

  it('says a file that cannot be read cannot be read, not that it is not valid JSON', async () => {
    mkdirSync(join(dir, 'folder.json'));
    await expect(readPackFile(join(dir, 'folder.json'))).resolves.toEqual({
      ok: false,
      problems: ['(file): cannot be read (EISDIR)'],
      unreadable: true,
    });
  });
});

describe('PackLibrary with the data folder’s packs', () => {
  let bundled: string;
  let imported: string;

  beforeEach(() => {
    bundled = join(dir, 'exercises');
    imported = join(dir, 'data', 'packs');
    mkdirSync(bundled);
    mkdirSync(imported, { recursive: true });
    copyFileSync(SEED_FILE, join(bundled, `${SEED_ID}.json`));
  });

  function writeImported(name: string, value: unknown): void {
    writeFileSync(join(imported, name), JSON.stringify(value));
  }

  it('lists both folders, each pack with its origin, and finds a pack in either', async () => {
    writeImported('shared.json', { ...seed(), id: 'shared-pack', meta: { ...(seed().meta as object), title: 'A shared pack' } });
    const library = new PackLibrary(bundled, imported);
    const { packs, invalid } = await library.list();
    expect(invalid).toEqual([]);
    expect(packs.map(({ id, origin }) => ({ id, origin }))).toEqual([
      { id: 'shared-pack', origin: 'imported' },
      { id: SEED_ID, origin: 'bundled' },
    ]);
    await expect(library.get('shared-pack')).resolves.toMatchObject({ id: 'shared-pack' });
    await expect(library.find(SEED_ID)).resolves.toMatchObject({ origin: 'bundled', file: `${SEED_ID}.json` });
    await expect(library.find('shared-pack')).resolves.toMatchObject({ origin: 'imported', file: 'packs/shared.json' });
  });

  it('keeps the shipped pack when an imported one has its id, and says why the copy is not shown', async () => {
    writeImported('copy.json', { ...seed(), version: 5 });
    const library = new PackLibrary(bundled, imported);
    const { packs, invalid } = await library.list();
    expect(packs).toEqual([expect.objectContaining({ id: SEED_ID, origin: 'bundled' })]);
    expect((await library.get(SEED_ID)).version).toBe(seed().version);
    expect(invalid).toEqual([
      {
        file: 'packs/copy.json',
        problems: [
          `id: "${SEED_ID}" is already used by ${SEED_ID}.json, which ships with Sourcewise, so this copy is not shown (import it again and keep both to use it)`,
        ],
      },
    ]);
  });

  it('names invalid files of the data folder packs/<name>, and shipped ones as before (a damaged one is set aside)', async () => {
    writeFileSync(join(imported, 'broken.json'), '{');
    writeFileSync(join(bundled, 'broken.json'), '{');
    writeImported('twin.json', { ...seed(), id: 'twin' });
    writeImported('twin-again.json', { ...seed(), id: 'twin' });
    writeFileSync(join(imported, '._twin.json'), 'resource fork from a Mac');
    const { invalid } = await new PackLibrary(bundled, imported).list();
    expect(invalid.map((problem) => problem.file)).toEqual(['broken.json', 'packs/twin.json']);
    expect(invalid[1]!.problems).toEqual(['id: "twin" is already used by packs/twin-again.json']);
  });

  it('serves from its cache until told to forget it', async () => {
    const library = new PackLibrary(bundled, imported);
    writeImported('shared.json', { ...seed(), id: 'shared-pack', version: 1 });
    await expect(library.get('shared-pack')).resolves.toMatchObject({ version: 1 });
    writeImported('shared.json', { ...seed(), id: 'shared-pack', version: 2 });
    await expect(library.get('shared-pack')).resolves.toMatchObject({ version: 1 });
    library.invalidate();
    await expect(library.get('shared-pack')).resolves.toMatchObject({ version: 2 });
  });

  it('gives only the shipped packs while the data folder has none', async () => {
    rmSync(imported, { recursive: true });
    const { packs, invalid } = await new PackLibrary(bundled, imported).list();
    expect(invalid).toEqual([]);
    expect(packs.map((pack) => pack.origin)).toEqual(['bundled']);
  });
});

describe('PackLibrary: damaged packs in the data folder', () => {
  let bundled: string;
  let dataDir: string;
  let imported: string;

  beforeEach(() => {
    bundled = join(dir, 'exercises');
    dataDir = join(dir, 'data');
    imported = join(dataDir, 'packs');
    mkdirSync(bundled);
    mkdirSync(imported, { recursive: true });
    copyFileSync(SEED_FILE, join(bundled, `${SEED_ID}.json`));
  });

  it('sets a pack that no longer reads or validates aside in damaged/ with a notice, and lists the others', async () => {
    const quoteMoved = seed();
    quoteMoved.id = 'quote-moved';
    quoteMoved.items[0]!.claim!.ref.quote = 'words the article never says';
    const damaged: Record<string, string | Buffer> = {
      'cut-off.json': readFileSync(SEED_FILE, 'utf8').slice(0, 500),
      'zeros.json': Buffer.alloc(4096),
      'quote-moved.json': JSON.stringify(quoteMoved),
    };
    for (const [name, bytes] of Object.entries(damaged)) writeFileSync(join(imported, name), bytes);
    writeFileSync(join(imported, 'shared.json'), JSON.stringify({ ...seed(), id: 'shared-pack' }));
    // Not damage: a pack from a newer format waits for an update, and a second copy of an id is the person's to sort out.
    writeFileSync(join(imported, 'future.json'), JSON.stringify({ ...seed(), id: 'future', schemaVersion: 99 }));
    writeFileSync(join(imported, 'copy.json'), JSON.stringify({ ...seed(), version: 7 }));

    const library = new PackLibrary(bundled, imported);
    const { packs, invalid } = await library.list();
    expect(packs.map((pack) => pack.id).sort()).toEqual([SEED_ID, 'shared-pack']);
    expect(invalid.map((problem) => problem.file)).toEqual(['packs/copy.json', 'packs/future.json']);
    expect(readdirSync(imported).sort()).toEqual(['copy.json', 'future.json', 'shared.json']);

    const setAside = readdirSync(join(dataDir, 'damaged')).sort();
    expect(setAside.map((name) => name.replace(/-\d{4}-\d\d-\d\dT[\d-]+\.\d+Z/, ''))).toEqual([
      'cut-off.json',
      'quote-moved.json',
      'zeros.json',
    ]);
    for (const name of setAside) {
      const original = Object.entries(damaged).find(([file]) => name.startsWith(file.replace('.json', '-')))![1];
      expect(readFileSync(join(dataDir, 'damaged', name))).toEqual(Buffer.from(original));
    }
    const notices = library.notices();
    expect(notices).toHaveLength(3);
    const quoteNotice = notices.find((notice) => notice.text.includes('quote-moved'))!;
    expect(quoteNotice).toMatchObject({ severity: 'warning', title: 'A pack in the library was damaged and has been set aside' });
    expect(quoteNotice.text).toContain('items[0].claim.ref.quote: not found in paragraph 1');
    expect(quoteNotice.text).toContain(
      join(
        dataDir,
        'damaged',
        setAside.find((name) => name.startsWith('quote-moved'))!,
      ),
    );

    // Read again: nothing more to set aside, no notice twice; a dismissed notice stays dismissed.
    library.invalidate();
    await library.list();
    expect(library.notices()).toHaveLength(3);
    library.dismissNotice(quoteNotice.id);
    expect(library.notices()).toHaveLength(2);
  });

  it('checks only the data folder for the notices, sharing that read with a listing at the same moment', async () => {
    const cutOff = readFileSync(SEED_FILE, 'utf8').slice(0, 500);
    writeFileSync(join(imported, 'cut-off.json'), cutOff);
    // Reading the shipped packs from here would fail: scanImported must not try.
    const notAFolder = join(dir, 'not-a-folder');
    writeFileSync(notAFolder, '');
    const dataOnly = new PackLibrary(notAFolder, imported);
    await dataOnly.scanImported();
    expect(dataOnly.notices()).toHaveLength(1);
    expect(readdirSync(imported)).toEqual([]);

    writeFileSync(join(imported, 'cut-off.json'), cutOff);
    const library = new PackLibrary(bundled, imported);
    const [, { packs }] = await Promise.all([library.scanImported(), library.list()]);
    expect(packs.map((pack) => pack.id)).toEqual([SEED_ID]);
    expect(library.notices()).toHaveLength(1);
  });

  it('leaves a pack it cannot read where it is', async () => {
    mkdirSync(join(imported, 'folder.json'));
    const library = new PackLibrary(bundled, imported);
    const { invalid } = await library.list();
    expect(invalid.map((problem) => problem.file)).toEqual(['packs/folder.json']);
    expect(library.notices()).toEqual([]);
  });

  it('through the backend: the notice is given at start-up and the other packs stay listed', async () => {
    writeFileSync(join(imported, 'cut-off.json'), readFileSync(SEED_FILE, 'utf8').slice(0, 500));
    writeFileSync(join(imported, 'shared.json'), JSON.stringify({ ...seed(), id: 'shared-pack' }));
    const backend = new Backend({ dataDir, packsDir: bundled, appVersion: '9.9.9', shell: 'browser' });
    const notices = await dispatch(backend, 'getNotices', {});
    expect(notices.ok && (notices.value as Notice[]).map((notice) => notice.title)).toContain(
      'A pack in the library was damaged and has been set aside',
    );
    const list = await dispatch(backend, 'listPacks', {});
    expect(list).toMatchObject({ ok: true, value: { invalid: [] } });
    if (list.ok) expect((list.value as PackList).packs.map((pack) => pack.id).sort()).toEqual([SEED_ID, 'shared-pack']);
  });
});
