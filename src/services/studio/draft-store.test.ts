import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import type { Pack } from '../../shared/pack/schema';
import { readArticle } from './article-text';
import { DraftStore, packFromArticle, packToRevise, slug } from './draft-store';

const SEED_PACK = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8'),
) as Pack;
const SEED_ARTICLE = readFileSync(join(import.meta.dirname, '../suggest/dev-set/seed-article.txt'), 'utf8');
const UNKNOWN_DRAFT = '00000000-0000-4000-8000-000000000000';

let dataDir: string;
let clock: number;
let store: DraftStore;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-drafts-'));
  clock = Date.parse('2025-03-01T10:00:00Z');
  // Every reading of the clock is a second later, so drafts have distinct times.
  store = new DraftStore(dataDir, () => new Date((clock += 1000)));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function draftsOnDisk(): string[] {
  return readdirSync(join(dataDir, 'drafts')).sort();
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('packFromArticle', () => {
  it('makes a pack from the seed article: its text, what the file says, no items, and the problems that leaves', () => {
    const pack = packFromArticle(readArticle('pasted.txt', SEED_ARTICLE));
    expect(pack).toEqual({
      schemaVersion: 1,
      id: 'us-officials-confirm-north-korea-sent-troops-to-russia',
      version: 1,
      meta: {
        title: 'U.S. Officials Confirm North Korea Sent Troops to Russia',
        outlet: '',
        author: 'AFP',
        published: '2024-10-23',
        url: SEED_PACK.meta.url,
        credit: '',
        language: 'en',
      },
      article: { headline: SEED_PACK.article.headline, paragraphs: SEED_PACK.article.paragraphs },
      items: [],
    });
  });

  it('leaves unknown fields empty for the instructor and names the pack new-pack without a title', () => {
    const pack = packFromArticle({ headline: '', paragraphs: ['Some text.'], meta: {} });
    expect(pack.id).toBe('new-pack');
    expect(pack.meta).toEqual({ title: '', outlet: '', author: '', published: '', url: '', credit: '', language: 'en' });
  });
});

describe('slug', () => {
  it.each([
    ['U.S. Officials Confirm North Korea Sent Troops to Russia', 'us-officials-confirm-north-korea-sent-troops-to-russia'],
    ['Émigrés’ café: “déjà vu” — 2024!', 'emigres-cafe-deja-vu-2024'],
    ['   ', 'new-pack'],
    ['日本語のみ', 'new-pack'],
    [`${'word '.repeat(30)}`, 'word-'.repeat(12) + 'word'],
  ])('%s → %s', (title, id) => {
    expect(slug(title)).toBe(id);
    expect(id.length).toBeLessThanOrEqual(64);
  });
});

describe('packToRevise', () => {
  it('keeps the id, raises the version and leaves the original untouched', () => {
    const copy = packToRevise(SEED_PACK);
    expect(copy.id).toBe(SEED_PACK.id);
    expect(copy.version).toBe(SEED_PACK.version + 1);
    copy.items[0]!.explanation = 'changed';
    expect(SEED_PACK.items[0]!.explanation).not.toBe('changed');
  });
});

describe('DraftStore', () => {
  it('creates a draft as <draftId>.json with its dates and pack, and reads it back with its problems', async () => {
    const pack = packFromArticle(readArticle('pasted.txt', SEED_ARTICLE));
    const draft = await store.create(pack);
    expect(draft.draftId).toMatch(/^[0-9a-f-]{36}$/);
    expect(draft.createdAt).toBe(draft.updatedAt);
    expect(draft.pack).toEqual(pack);
    expect(draft.problems).toContain('meta.outlet: must not be empty');
    expect(draft.problems.some((problem) => problem.startsWith('items: '))).toBe(true);
    expect(draftsOnDisk()).toEqual([`${draft.draftId}.json`]);
    expect(JSON.parse(readFileSync(join(dataDir, 'drafts', `${draft.draftId}.json`), 'utf8'))).toEqual({
      draftId: draft.draftId,
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
      pack,
    });
    await expect(store.get(draft.draftId)).resolves.toEqual(draft);
  });

  it('saves any pack-shaped object as it is, however incomplete, and says what is wrong with it', async () => {
    const draft = await store.create(packToRevise(SEED_PACK));
    expect(draft.problems).toEqual([]);
    const incomplete = { schemaVersion: 1, id: 'Not An Id', items: [{ type: 'classify' as const }] };
    const saved = await store.save(draft.draftId, incomplete);
    expect(saved.updatedAt > draft.updatedAt).toBe(true);
    expect(saved.problems).toEqual(
      expect.arrayContaining(['id: must be 1 to 64 lower-case letters, digits or hyphens, not starting or ending with a hyphen']),
    );
    const read = await store.get(draft.draftId);
    expect(read.pack).toEqual(incomplete);
    expect(read.createdAt).toBe(draft.createdAt);
    expect(read.updatedAt).toBe(saved.updatedAt);
    expect(read.problems).toEqual(saved.problems);
  });

  it('answers not-found for a draft that is not there, and refuses an id that is not a draft id', async () => {
    await expect(store.get(UNKNOWN_DRAFT)).rejects.toMatchObject({
      code: 'not-found',
      message: `no draft with id "${UNKNOWN_DRAFT}"`,
    });
    await expect(store.save(UNKNOWN_DRAFT, {})).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.delete(UNKNOWN_DRAFT)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('lists drafts newest first with title, item count and problem count', async () => {
    const fromArticle = await store.create(packFromArticle(readArticle('pasted.txt', SEED_ARTICLE)));
    const revision = await store.create(packToRevise(SEED_PACK));
    const untitled = await store.create(packFromArticle({ headline: '', paragraphs: ['Text.'], meta: {} }));
    await store.save(fromArticle.draftId, { ...fromArticle.pack, meta: { ...fromArticle.pack.meta, title: 'Edited last' } });

    const list = await store.list();
    expect(list.map((summary) => summary.draftId)).toEqual([fromArticle.draftId, untitled.draftId, revision.draftId]);
    expect(list[0]).toMatchObject({ title: 'Edited last', itemCount: 0 });
    expect(list[0]!.problemCount).toBeGreaterThan(0);
    expect(list[1]).toMatchObject({ title: '(untitled draft)', itemCount: 0 });
    expect(list[2]).toMatchObject({ title: SEED_PACK.meta.title, itemCount: SEED_PACK.items.length, problemCount: 0 });
  });

  it('sets a damaged draft file aside in damaged/ with a notice, and lists the others', async () => {
    const good = await store.create(packToRevise(SEED_PACK));
    const damagedId = '11111111-1111-4111-8111-111111111111';
    const notADraftId = '22222222-2222-4222-8222-222222222222';
    writeFileSync(join(dataDir, 'drafts', `${damagedId}.json`), '{ "draftId": "half a fi');
    writeFileSync(join(dataDir, 'drafts', `${notADraftId}.json`), '{"some": "other json"}');
    writeFileSync(join(dataDir, 'drafts', 'notes.txt'), 'not a draft at all');

    const list = await store.list();
    expect(list.map((summary) => summary.draftId)).toEqual([good.draftId]);
    expect(draftsOnDisk()).toEqual([`${good.draftId}.json`, 'notes.txt'].sort());
    const setAside = readdirSync(join(dataDir, 'damaged')).sort();
    expect(setAside).toHaveLength(2);
    expect(
      readFileSync(
        join(
          dataDir,
          'damaged',
          setAside.find((name) => name.startsWith(damagedId))!,
        ),
        'utf8',
      ),
    ).toBe('{ "draftId": "half a fi');
    const notices = store.notices();
    expect(notices).toHaveLength(2);
    expect(notices[0]).toMatchObject({ severity: 'warning', title: 'A draft was damaged and has been set aside' });
    expect(notices.map((notice) => notice.text).join(' ')).toMatch(/not valid JSON/);
    expect((await refusal(store.get(damagedId))).code).toBe('not-found');
  });

  it('gives an empty list before any draft exists', async () => {
    await expect(store.list()).resolves.toEqual([]);
    mkdirSync(join(dataDir, 'drafts'), { recursive: true });
    await expect(store.list()).resolves.toEqual([]);
  });

  it('keeps every one of many concurrent saves whole, the last one winning', async () => {
    const draft = await store.create(packToRevise(SEED_PACK));
    const saves = Array.from({ length: 20 }, (_, index) => store.save(draft.draftId, { ...draft.pack, version: index + 2 }));
    const results = await Promise.all(saves);
    expect(new Set(results.map((result) => result.updatedAt)).size).toBe(20);
    expect((await store.get(draft.draftId)).pack.version).toBe(21);
    expect(draftsOnDisk()).toEqual([`${draft.draftId}.json`]);
  });

  it('gives a valid draft’s pack, and refuses an invalid one with its problems as issues', async () => {
    const valid = await store.create(packToRevise(SEED_PACK));
    await expect(store.validPack(valid.draftId)).resolves.toMatchObject({ id: SEED_PACK.id, version: SEED_PACK.version + 1 });

    const invalid = await store.create(packFromArticle(readArticle('pasted.txt', SEED_ARTICLE)));
    const error = await refusal(store.validPack(invalid.draftId));
    expect(error.code).toBe('invalid-input');
    expect(error.message).toMatch(new RegExp(`^the pack has ${invalid.problems.length} problems to fix first: `));
    expect(error.issues).toContainEqual({ path: 'meta.outlet', message: 'must not be empty' });
    expect(error.issues).toHaveLength(invalid.problems.length);
  });

  it('renames a draft’s pack, keeping the rest', async () => {
    const draft = await store.create(packToRevise(SEED_PACK));
    await store.renamePack(draft.draftId, 'another-id');
    const read = await store.get(draft.draftId);
    expect(read.pack).toEqual({ ...draft.pack, id: 'another-id' });
    expect(read.updatedAt > draft.updatedAt).toBe(true);
  });
});
