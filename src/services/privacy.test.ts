/**
 * The data folder is private to the person whose account runs the app: folders 0700, files 0600,
 * whatever the umask, and a folder found open to others is tightened at start-up with a notice.
 * (POSIX permissions: not on Windows.)
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../shared/dispatch';
import type { MethodName, Notice } from '../shared/contract';
import { Backend } from './backend';

const PACKS_DIR = join(import.meta.dirname, '../../exercises');
const SEED_ID = 'nk-troops-russia-2024';

let root: string;
let dataDir: string;
let umask: number;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-private-'));
  dataDir = join(root, 'data');
  umask = process.umask(0o022); // the usual one: everything readable by others unless the app says otherwise
});

afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

function backend(): Backend {
  return new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser' });
}

async function call<T>(api: Backend, method: MethodName, input: unknown): Promise<T> {
  const result = await dispatch(api, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Every path under the data folder (itself included) whose mode lets anyone else in. */
function openToOthers(): string[] {
  const paths = [dataDir, ...readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((name) => join(dataDir, name))];
  return paths
    .map((path) => ({ path, mode: statSync(path).mode & 0o777, folder: statSync(path).isDirectory() }))
    .filter(({ mode, folder }) => mode !== (folder ? 0o700 : 0o600))
    .map(({ path, mode }) => `${path.slice(dataDir.length) || '/'} ${mode.toString(8)}`);
}

describe.skipIf(process.platform === 'win32')('a private data folder', () => {
  it('creates every folder 0700 and every file 0600 under the usual umask', async () => {
    const api = backend();
    await api.prepare();
    const learner = await call<{ id: string }>(api, 'createLearner', { name: 'Ada' });
    await call(api, 'recordAnswer', {
      learnerId: learner.id,
      packId: SEED_ID,
      itemId: 'classify-official-confirms-troops-sent',
      answer: { type: 'classify', label: 'confirmed' },
      timeTakenMs: 1000,
    });
    await call(api, 'setInstructorPassphrase', { passphrase: 'correct horse battery' });
    await call(api, 'createDraft', { from: 'pack', packId: SEED_ID });
    const exported = await call<{ content: string }>(api, 'exportProgress', { learnerId: learner.id });
    await call(api, 'importProgressFiles', { files: [{ name: 'ada.json', text: exported.content }] });
    const pack = JSON.parse(readFileSync(join(PACKS_DIR, `${SEED_ID}.json`), 'utf8'));
    await call(api, 'importPacks', { files: [{ name: 'copy.json', text: JSON.stringify({ ...pack, id: 'a-copy' }) }] });

    expect(readdirSync(dataDir).sort()).toEqual(expect.arrayContaining(['learners', 'drafts', 'instructor.json', 'class.json']));
    expect(openToOthers()).toEqual([]);
  });

  it('tightens a folder found open to others at start-up, and says so', async () => {
    mkdirSync(join(dataDir, 'learners'), { recursive: true, mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'learners.json'), JSON.stringify({ schemaVersion: 3, learners: [] }), { mode: 0o644 });
    const api = backend();
    await api.prepare();
    expect(openToOthers()).toEqual([]);
    const notices = await call<Notice[]>(api, 'getNotices', {});
    expect(notices).toContainEqual(
      expect.objectContaining({ severity: 'warning', title: 'Your data folder was open to other accounts on this computer' }),
    );
    // Once private, the next start has nothing to say.
    expect(await call<Notice[]>(backend(), 'getNotices', {})).toEqual([]);
  });
});
