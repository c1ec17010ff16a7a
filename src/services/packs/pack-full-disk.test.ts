/**
 * Adding, publishing and removing packs on a disk that refuses writes (full, or read-only) fail the
 * way every other write does: `storage-failed` in plain words, never raw "ENOSPC" text, and the
 * library as it was. The disk is made to refuse by failing the creation of a temporary file and the
 * removal of a file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../shared/dispatch';
import { Backend } from '../backend';

const refused = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const refuse = (call: string, path: string) =>
    Promise.reject(Object.assign(new Error(`${refused.code}: refused, ${call} '${path}'`), { code: refused.code }));
  return {
    ...actual,
    open: (path: string, flags?: string, mode?: number) =>
      refused.code !== undefined && flags === 'wx' ? refuse('open', path) : actual.open(path, flags, mode),
    rm: (path: string, options?: { force?: boolean }) =>
      refused.code !== undefined && !path.endsWith('.tmp') ? refuse('rm', path) : actual.rm(path, options),
  };
});

const PACKS_DIR = join(import.meta.dirname, '../../../exercises');
const SEED = JSON.parse(readFileSync(join(PACKS_DIR, 'nk-troops-russia-2024.json'), 'utf8')) as object;
const PASSPHRASE = 'correct horse battery';

let dataDir: string;
let backend: Backend;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-packs-full-'));
  refused.code = undefined;
  backend = new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser', scryptCost: 1024 });
  await dispatch(backend, 'setInstructorPassphrase', { passphrase: PASSPHRASE });
});

afterEach(() => {
  refused.code = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

function packsOnDisk(): string[] {
  try {
    return readdirSync(join(dataDir, 'packs')).sort();
  } catch {
    return [];
  }
}

describe.each([
  ['ENOSPC', /: the disk is full\./],
  ['EROFS', /: the data folder cannot be written to\./],
])('packs on a disk that refuses writes (%s)', (code, reason) => {
  it('an import fails with storage-failed in plain words, and the library is as it was', async () => {
    refused.code = code;
    const result = await dispatch(backend, 'importPacks', {
      files: [{ name: 'a.json', text: JSON.stringify({ ...SEED, id: 'a-copy' }) }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(reason) } });
    if (!result.ok) expect(result.error.message).not.toContain(code);
    expect(packsOnDisk()).toEqual([]);
  });

  it('publishing a draft fails the same way', async () => {
    const draft = await dispatch(backend, 'createDraft', { from: 'pack', packId: 'nk-troops-russia-2024' });
    if (!draft.ok) throw new Error(draft.error.message);
    refused.code = code;
    const result = await dispatch(backend, 'publishDraft', {
      draftId: (draft.value as { draftId: string }).draftId,
      decision: 'keep-both',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(reason) } });
  });

  it('removing a pack fails the same way, and the pack stays', async () => {
    await dispatch(backend, 'importPacks', { files: [{ name: 'a.json', text: JSON.stringify({ ...SEED, id: 'a-copy' }) }] });
    refused.code = code;
    const result = await dispatch(backend, 'deletePack', { packId: 'a-copy' });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(reason) } });
    expect(packsOnDisk()).toEqual(['a-copy.json']);
  });
});
