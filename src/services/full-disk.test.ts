/**
 * One vocabulary for a disk that refuses a write, whatever is written: every method that writes
 * fails with `storage-failed` and the reason in plain words ("the disk is full", "the data folder
 * cannot be written to"), never raw "ENOSPC" text or an internal error. The disk is made to refuse
 * by failing every call that creates, changes or removes a file or folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MethodName } from '../shared/contract';
import { dispatch } from '../shared/dispatch';
import { Backend } from './backend';

const refused = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const refuse = (call: string, path: unknown) =>
    Promise.reject(Object.assign(new Error(`${refused.code}: refused, ${call} '${String(path)}'`), { code: refused.code }));
  const guarded = <F extends (...args: never[]) => Promise<unknown>>(
    call: string,
    f: F,
    writes: (...args: Parameters<F>) => boolean,
  ) => ((...args: Parameters<F>) => (refused.code !== undefined && writes(...args) ? refuse(call, args[0]) : f(...args))) as F;
  const always = () => true;
  return {
    ...actual,
    open: guarded('open', actual.open, (_path, flags) => flags !== undefined && flags !== 'r'),
    writeFile: guarded('writeFile', actual.writeFile, always),
    appendFile: guarded('appendFile', actual.appendFile, always),
    copyFile: guarded('copyFile', actual.copyFile, always),
    rename: guarded('rename', actual.rename, always),
    truncate: guarded('truncate', actual.truncate, always),
    mkdir: guarded('mkdir', actual.mkdir, always),
    rm: guarded('rm', actual.rm, (path) => !String(path).endsWith('.tmp')),
    unlink: guarded('unlink', actual.unlink, always),
  };
});

const PACKS_DIR = join(import.meta.dirname, '../../exercises');
const SEED_ID = 'nk-troops-russia-2024';
const SEED = JSON.parse(readFileSync(join(PACKS_DIR, `${SEED_ID}.json`), 'utf8')) as { id: string };
const PASSPHRASE = 'correct horse battery';

let dataDir: string;
let backend: Backend;
let learnerId: string;
let draftId: string;
let progressFile: string;

async function call<T>(method: MethodName, input: unknown): Promise<T> {
  const result = await dispatch(backend, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

const answer = () => ({
  learnerId,
  packId: SEED_ID,
  itemId: 'classify-official-confirms-troops-sent',
  answer: { type: 'classify', label: 'confirmed' },
  timeTakenMs: 1000,
});

/** Every method that writes to the data folder, with an input that writes. */
const WRITES: [MethodName, () => unknown][] = [
  ['createLearner', () => ({ name: 'Bea' })],
  ['renameLearner', () => ({ learnerId, name: 'Ann' })],
  ['deleteLearner', () => ({ learnerId })],
  ['recordAnswer', answer],
  ['restartPack', () => ({ learnerId, packId: SEED_ID })],
  ['importProgressFiles', () => ({ files: [{ name: 'ada.json', text: progressFile }] })],
  ['removeClassLearner', () => ({ learnerId })],
  ['clearClass', () => ({})],
  ['importPacks', () => ({ files: [{ name: 'b.json', text: JSON.stringify({ ...SEED, id: 'b-copy' }) }] })],
  ['deletePack', () => ({ packId: 'a-copy' })],
  ['createDraft', () => ({ from: 'pack', packId: SEED_ID })],
  ['saveDraft', () => ({ draftId, pack: SEED })],
  ['deleteDraft', () => ({ draftId })],
  ['publishDraft', () => ({ draftId, decision: 'keep-both' })],
  ['unlockInstructor', () => ({ passphrase: 'not the passphrase at all' })],
  ['changeInstructorPassphrase', () => ({ current: PASSPHRASE, next: 'another long passphrase' })],
];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-full-disk-'));
  refused.code = undefined;
  backend = new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser', scryptCost: 1024 });
  await call('setInstructorPassphrase', { passphrase: PASSPHRASE });
  learnerId = (await call<{ id: string }>('createLearner', { name: 'Ada' })).id;
  await call('recordAnswer', answer());
  progressFile = (await call<{ content: string }>('exportProgress', { learnerId })).content;
  await call('importProgressFiles', { files: [{ name: 'ada.json', text: progressFile }] });
  await call('importPacks', { files: [{ name: 'a.json', text: JSON.stringify({ ...SEED, id: 'a-copy' }) }] });
  draftId = (await call<{ draftId: string }>('createDraft', { from: 'pack', packId: SEED_ID })).draftId;
});

afterEach(() => {
  refused.code = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

describe.each([
  ['ENOSPC', /: the disk is full\./],
  ['EROFS', /: the data folder cannot be written to\./],
])('every write on a disk that refuses it (%s)', (code, reason) => {
  it.each(WRITES)('%s fails with storage-failed in plain words', async (method, input) => {
    refused.code = code;
    const result = await dispatch(backend, method, input());
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed', message: expect.stringMatching(reason) } });
    if (!result.ok) expect(result.error.message).not.toContain(code);
  });
});
