/**
 * One pack check for every way a pack comes in: a file read from disk (`sourcewise validate`, the
 * library) and text sent to the app's import give the same verdict, a byte-order mark and ids that
 * Windows keeps for devices included.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { MAX_PACK_BYTES } from '../../shared/pack/schema';
import { Backend } from '../backend';
import { checkPack } from './pack-check';
import { importPacks } from './pack-import';
import { readPackFile } from './pack-library';

const SEED_TEXT = readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8');
const BOM = '\uFEFF';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sourcewise-pack-check-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function withId(id: string): string {
  return JSON.stringify({ ...(JSON.parse(SEED_TEXT) as object), id });
}

/** The verdict on `text` read from a file, as the command line and the library read it. */
async function fromFile(text: string): Promise<unknown> {
  const path = join(dir, 'pack.json');
  writeFileSync(path, text);
  const result = await readPackFile(path);
  return result.ok ? { ok: true, id: result.pack.id } : { ok: false, problems: result.problems };
}

function fromText(text: string): unknown {
  const result = checkPack(text);
  return result.ok ? { ok: true, id: result.pack.id } : { ok: false, problems: result.problems };
}

describe('one pack check for files and imports', () => {
  it('accepts a pack saved with a byte-order mark, from a file and as imported text alike', async () => {
    const text = `${BOM}${withId('saved-by-notepad')}`;
    expect(fromText(text)).toEqual({ ok: true, id: 'saved-by-notepad' });
    await expect(fromFile(text)).resolves.toEqual({ ok: true, id: 'saved-by-notepad' });
  });

  it.each(['con', 'prn', 'aux', 'nul', 'com1', 'com9', 'lpt1', 'lpt9'])(
    'refuses the id "%s", which Windows keeps for a device, from a file and as imported text alike',
    async (id) => {
      const verdict = {
        ok: false,
        problems: [`id: "${id}" is a name Windows keeps for a device, so it cannot name the pack's file; choose another id`],
      };
      expect(fromText(withId(id))).toEqual(verdict);
      await expect(fromFile(withId(id))).resolves.toEqual(verdict);
    },
  );

  it('accepts ids that only begin like a device name', async () => {
    for (const id of ['console', 'auxiliary', 'com10', 'nul-hypothesis']) {
      expect(fromText(withId(id))).toEqual({ ok: true, id });
      await expect(fromFile(withId(id))).resolves.toEqual({ ok: true, id });
    }
  });

  it('refuses runaway nesting and prototype keys in a file as the import does', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const proto = SEED_TEXT.replace('{', '{"__proto__": {"polluted": true},');
    for (const text of [deep, proto]) {
      expect(fromText(text)).toMatchObject({ ok: false });
      await expect(fromFile(text)).resolves.toEqual(fromText(text));
    }
  });
});

describe('importPacks: a batch with an oversized file', () => {
  it('reports that file and imports the rest', async () => {
    const packsDir = join(dir, 'packs');
    const huge = `${withId('huge').slice(0, -1)}, "padding": "${'x'.repeat(MAX_PACK_BYTES)}"}`;
    const result = await importPacks(packsDir, [
      { name: 'first.json', text: withId('first') },
      { name: 'huge.json', text: huge },
      { name: 'last.json', text: withId('last') },
    ]);
    expect(result.imported.map((entry) => entry.packId)).toEqual(['first', 'last']);
    expect(result.rejected).toEqual([
      { file: 'huge.json', problems: [expect.stringMatching(/^\(file\): .* is larger than the \d+-byte limit for a pack$/)] },
    ]);
  });
});

describe('importPacks through the contract', () => {
  it('reports a file over the size limit and imports the rest of its batch', async () => {
    const backend = new Backend({ dataDir: dir, packsDir: join(dir, 'no-shipped-packs'), appVersion: '9.9.9', shell: 'browser' });
    const huge = `${withId('huge').slice(0, -1)}, "padding": "${'x'.repeat(MAX_PACK_BYTES)}"}`;
    const result = await dispatch(backend, 'importPacks', {
      files: [
        { name: 'first.json', text: withId('first') },
        { name: 'huge.json', text: huge },
        { name: 'last.json', text: withId('last') },
      ],
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        imported: [{ packId: 'first' }, { packId: 'last' }],
        rejected: [{ file: 'huge.json', problems: [expect.stringMatching(/is larger than the \d+-byte limit for a pack$/)] }],
      },
    });
  });
});
