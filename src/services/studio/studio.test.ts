// The studio and pack sharing through the contract: drafts, suggestions, publishing, importing, exporting, deleting.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ClaimSuggestion,
  Draft,
  DraftSummary,
  ExportedFile,
  MethodName,
  MethodOutput,
  PackList,
  PackImportResult,
} from '../../shared/contract';
import { dispatch } from '../../shared/dispatch';
import type { ErrorBody, ErrorCode } from '../../shared/errors';
import type { ClassifyItem, Pack } from '../../shared/pack/schema';
import type { Learner } from '../../shared/progress';
import { Backend } from '../backend';
import { TEST_SCRYPT_COST } from '../instructor/instructor-lock';

const SEED_ID = 'nk-troops-russia-2024';
const SEED_TEXT = readFileSync(join(import.meta.dirname, '../../../exercises', `${SEED_ID}.json`), 'utf8');
/** A packs folder holding the seed pack alone, so that listings of the library do not change as exercises/ grows. */
const PACKS_DIR = mkdtempSync(join(tmpdir(), 'sourcewise-studio-packs-'));
writeFileSync(join(PACKS_DIR, `${SEED_ID}.json`), SEED_TEXT);
afterAll(() => rmSync(PACKS_DIR, { recursive: true, force: true }));
const SEED_TITLE = (JSON.parse(SEED_TEXT) as Pack).meta.title;
const SEED_VERSION = (JSON.parse(SEED_TEXT) as Pack).version;
const SEED_ARTICLE = readFileSync(join(import.meta.dirname, '../suggest/dev-set/seed-article.txt'), 'utf8');
const NEW_ID = 'us-officials-confirm-north-korea-sent-troops-to-russia';
const PASSPHRASE = 'teacher-only';

let dataDir: string;
let backend: Backend;

function newBackend(): Backend {
  return new Backend({ dataDir, packsDir: PACKS_DIR, appVersion: '9.9.9', shell: 'browser', scryptCost: TEST_SCRYPT_COST });
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sourcewise-studio-'));
  backend = newBackend();
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

async function call<M extends MethodName>(method: M, input: unknown, on: Backend = backend): Promise<MethodOutput<M>> {
  const result = await dispatch(on, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as MethodOutput<M>;
}

async function refused(method: MethodName, input: unknown, code: ErrorCode, on: Backend = backend): Promise<ErrorBody> {
  const result = await dispatch(on, method, input);
  if (result.ok) throw new Error(`${method} should have failed with ${code} but returned ${JSON.stringify(result.value)}`);
  expect(result.error.code, result.error.message).toBe(code);
  return result.error;
}

async function unlock(): Promise<void> {
  await call('setInstructorPassphrase', { passphrase: PASSPHRASE });
}

/** A seed-article draft made valid: the outlet and credit filled in, and one classify item from a suggestion. */
function completed(draft: Draft, suggestion: ClaimSuggestion): Pack {
  if (suggestion.source === null) throw new Error('the suggestion should name a source');
  const item: ClassifyItem = {
    id: 'classify-first-claim',
    type: 'classify',
    explanation: 'The source says it was confirmed.',
    claim: {
      ref: { paragraph: suggestion.paragraph, start: suggestion.start, end: suggestion.end, quote: suggestion.text },
      label: suggestion.label,
      source: { name: suggestion.source.name, kind: suggestion.source.kind, chain: ['AFP'] },
      cues: suggestion.cues,
    },
  };
  return {
    ...draft.pack,
    meta: { ...draft.pack.meta, outlet: 'The Moscow Times', credit: 'Article by AFP, published by The Moscow Times.' },
    items: [item],
  };
}

function idsAndOrigins(list: PackList): { id: string; origin: string }[] {
  return list.packs.map(({ id, origin }) => ({ id, origin })).sort((a, b) => a.id.localeCompare(b.id));
}

describe('pack sharing without instructor mode', () => {
  it('importing packs is open to anyone', async () => {
    const text = JSON.stringify({ ...(JSON.parse(SEED_TEXT) as Pack), id: 'shared-by-teacher' });
    const result = await call('importPacks', { files: [{ name: 'shared.json', text }] });
    expect(result.imported).toEqual([{ file: 'shared.json', packId: 'shared-by-teacher', title: SEED_TITLE, replaced: false }]);
  });
});

describe('the studio, end to end', () => {
  it('article → draft → suggestions → item → export → publish → library → share → import → delete', async () => {
    await unlock();

    // A draft from the pasted seed article: its text, what the file said, no items yet.
    const draft = await call('createDraft', { from: 'article', name: 'pasted.txt', text: SEED_ARTICLE });
    expect(draft.pack.id).toBe(NEW_ID);
    expect(draft.pack.article.headline).toBe('U.S. Officials Confirm North Korea Sent Troops to Russia');
    expect(draft.pack.meta).toMatchObject({ author: 'AFP', published: '2024-10-23', outlet: '' });
    expect(draft.pack.article.paragraphs[0]).toMatch(/^A senior U\.S\. official confirmed Wednesday/);
    expect(draft.problems.length).toBeGreaterThan(0);
    expect(await call('listDrafts', {})).toEqual([
      expect.objectContaining<Partial<DraftSummary>>({ draftId: draft.draftId, title: draft.pack.meta.title, itemCount: 0 }),
    ]);

    // Not yet valid: export and publish say what is wrong.
    const notYet = await refused('exportDraft', { draftId: draft.draftId }, 'invalid-input');
    expect(notYet.message).toMatch(/^the pack has \d+ problems/);
    expect(notYet.issues).toContainEqual({ path: 'meta.outlet', message: 'must not be empty' });
    await refused('publishDraft', { draftId: draft.draftId }, 'invalid-input');
    await refused('exportAnswerKey', { draftId: draft.draftId }, 'invalid-input');

    // Suggestions in the draft's paragraphs; one becomes a classify item.
    const { suggestions } = await call('suggestClaims', { paragraphs: draft.pack.article.paragraphs });
    const labels = new Set(suggestions.map((suggestion) => suggestion.label));
    expect(labels.size).toBe(5);
    for (const suggestion of suggestions) {
      expect(draft.pack.article.paragraphs[suggestion.paragraph]!.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
    }
    const confirmed = suggestions.find((suggestion) => suggestion.label === 'confirmed' && suggestion.source !== null);
    if (!confirmed) throw new Error('the seed article should give a confirmed claim with a source');
    const pack = completed(draft, confirmed);
    const saved = await call('saveDraft', { draftId: draft.draftId, pack });
    expect(saved.problems).toEqual([]);
    expect((await call('getDraft', { draftId: draft.draftId })).pack).toEqual(pack);

    // The draft as a pack file (its answer key: the test after this journey, which keeps it short).
    const exported = await call('exportDraft', { draftId: draft.draftId });
    expect(exported).toMatchObject({ name: `${NEW_ID}.json`, mimeType: 'application/json', encoding: 'utf8' });
    expect(JSON.parse(exported.content)).toEqual(pack);

    // Published into the library, beside the shipped pack; the draft stays.
    expect(await call('publishDraft', { draftId: draft.draftId })).toEqual({
      status: 'published',
      packId: NEW_ID,
      replaced: false,
    });
    expect(readdirSync(join(dataDir, 'packs'))).toEqual([`${NEW_ID}.json`]);
    const expected = [
      { id: SEED_ID, origin: 'bundled' },
      { id: NEW_ID, origin: 'imported' },
    ];
    expect(idsAndOrigins(await call('listPacks', {}))).toEqual(expected);
    await expect(call('getPack', { packId: NEW_ID })).resolves.toEqual(pack);
    expect((await call('listDrafts', {})).map((summary) => summary.draftId)).toEqual([draft.draftId]);

    // A second start on the same folders sees it.
    const restarted = newBackend();
    expect(idsAndOrigins(await call('listPacks', {}, restarted))).toEqual(expected);

    // Publishing again: the id is taken by the published copy.
    expect(await call('publishDraft', { draftId: draft.draftId })).toEqual({
      status: 'conflict',
      packId: NEW_ID,
      existingTitle: pack.meta.title,
      bundled: false,
    });

    // The shared file imported again: a conflict, then kept beside under a fresh id.
    const files = [{ name: exported.name, text: exported.content }];
    const conflict = await call('importPacks', { files });
    expect(conflict).toEqual<PackImportResult>({
      imported: [],
      rejected: [],
      conflicts: [
        { file: exported.name, packId: NEW_ID, title: pack.meta.title, existingTitle: pack.meta.title, bundled: false },
      ],
    });
    const kept = await call('importPacks', { files, decisions: { [NEW_ID]: 'keep-both' } });
    expect(kept.imported).toEqual([{ file: exported.name, packId: `${NEW_ID}-2`, title: pack.meta.title, replaced: false }]);
    await expect(call('getPack', { packId: `${NEW_ID}-2` })).resolves.toEqual({ ...pack, id: `${NEW_ID}-2` });

    // Deleting the copy; the published pack and the shipped one stay.
    expect(await call('deletePack', { packId: `${NEW_ID}-2` })).toEqual({});
    await refused('getPack', { packId: `${NEW_ID}-2` }, 'not-found');
    expect(idsAndOrigins(await call('listPacks', {}))).toEqual(expected);
  });
});

describe('sharing packs', () => {
  const seedFile = [{ name: 'seed-copy.json', text: SEED_TEXT }];

  it('exports a shipped pack exactly as its file holds it', async () => {
    await unlock();
    const file: ExportedFile = await call('exportPack', { packId: SEED_ID });
    expect(file).toMatchObject({ name: `${SEED_ID}.json`, mimeType: 'application/json', encoding: 'utf8' });
    expect(JSON.parse(file.content)).toEqual(JSON.parse(SEED_TEXT));
    await refused('exportPack', { packId: 'no-such-pack' }, 'not-found');
  });

  it('a pack with a shipped pack’s id can only be kept beside it', async () => {
    const conflict = await call('importPacks', { files: seedFile });
    expect(conflict.conflicts).toEqual([
      { file: 'seed-copy.json', packId: SEED_ID, title: SEED_TITLE, existingTitle: SEED_TITLE, bundled: true },
    ]);

    await unlock();
    const replace = await call('importPacks', { files: seedFile, decisions: { [SEED_ID]: 'replace' } });
    expect(replace.imported).toEqual([]);
    expect(replace.rejected[0]!.problems[0]).toMatch(/ships with Sourcewise and cannot be replaced; keep both instead$/);

    const kept = await call('importPacks', { files: seedFile, decisions: { [SEED_ID]: 'keep-both' } });
    expect(kept.imported).toEqual([{ file: 'seed-copy.json', packId: `${SEED_ID}-2`, title: SEED_TITLE, replaced: false }]);
    expect(idsAndOrigins(await call('listPacks', {}))).toEqual([
      { id: SEED_ID, origin: 'bundled' },
      { id: `${SEED_ID}-2`, origin: 'imported' },
    ]);
  });

  it('replacing an imported pack needs instructor mode; keeping both does not', async () => {
    const first = { ...(JSON.parse(SEED_TEXT) as Pack), id: 'shared' };
    await call('importPacks', { files: [{ name: 'v1.json', text: JSON.stringify(first) }] });
    const newer = [{ name: 'v2.json', text: JSON.stringify({ ...first, version: first.version + 1 }) }];

    const locked = await call('importPacks', { files: newer, decisions: { shared: 'replace' } });
    expect(locked.rejected).toEqual([
      { file: 'v2.json', problems: [expect.stringMatching(/replacing a pack needs instructor mode/)] },
    ]);
    expect((await call('getPack', { packId: 'shared' })).version).toBe(first.version);

    await unlock();
    const replaced = await call('importPacks', { files: newer, decisions: { shared: 'replace' } });
    expect(replaced.imported).toEqual([{ file: 'v2.json', packId: 'shared', title: SEED_TITLE, replaced: true }]);
    expect((await call('getPack', { packId: 'shared' })).version).toBe(first.version + 1);
  });

  it('rejects a bad pack file with its problems and stores nothing', async () => {
    const result = await call('importPacks', { files: [{ name: 'bad.json', text: '{"schemaVersion": 1, "__proto__": {}}' }] });
    expect(result.rejected).toEqual([
      { file: 'bad.json', problems: ['(pack): has a key "__proto__", which is not allowed in a pack'] },
    ]);
    expect(existsSync(join(dataDir, 'packs'))).toBe(false);
  });

  it('deletes only imported packs, keeping learners’ progress in them', async () => {
    await unlock();
    const shared = { ...(JSON.parse(SEED_TEXT) as Pack), id: 'shared' };
    await call('importPacks', { files: [{ name: 'shared.json', text: JSON.stringify(shared) }] });
    const learner: Learner = await call('createLearner', { name: 'Ada' });
    const item = shared.items.find((candidate) => candidate.type === 'classify') as ClassifyItem;
    await call('recordAnswer', {
      learnerId: learner.id,
      packId: 'shared',
      itemId: item.id,
      answer: { type: 'classify', label: item.claim.label },
      timeTakenMs: 1000,
    });

    const bundled = await refused('deletePack', { packId: SEED_ID }, 'conflict');
    expect(bundled.message).toBe(`"${SEED_TITLE}" ships with the app and cannot be removed`);
    await refused('deletePack', { packId: 'no-such-pack' }, 'not-found');

    await call('deletePack', { packId: 'shared' });
    await refused('getPack', { packId: 'shared' }, 'not-found');
    expect(readdirSync(join(dataDir, 'packs'))).toEqual([]);
    expect((await call('getProgress', { learnerId: learner.id })).map((row) => row.packId)).toEqual([SEED_ID]);

    // Imported again, the pack finds its progress where it was.
    await call('importPacks', { files: [{ name: 'shared.json', text: JSON.stringify(shared) }] });
    const progress = await call('getProgress', { learnerId: learner.id });
    expect(progress.find((row) => row.packId === 'shared')).toMatchObject({ answered: 1, correct: 1 });
  });

  it('exports the answer key of a library pack, and of a draft, as a PDF', async () => {
    await unlock();
    const key = await call('exportAnswerKey', { packId: SEED_ID });
    expect(key).toMatchObject({ name: `${SEED_ID}-answer-key.pdf`, mimeType: 'application/pdf', encoding: 'base64' });
    const file = join(dataDir, 'key.pdf');
    writeFileSync(file, Buffer.from(key.content, 'base64'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(SEED_TITLE);
    await refused('exportAnswerKey', { packId: 'no-such-pack' }, 'not-found');

    const draft = await call('createDraft', { from: 'pack', packId: SEED_ID });
    const draftKey = await call('exportAnswerKey', { draftId: draft.draftId });
    expect(draftKey).toMatchObject({ name: `${SEED_ID}-answer-key.pdf`, mimeType: 'application/pdf', encoding: 'base64' });
    expect(Buffer.from(draftKey.content, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('drafts from packs and from files', () => {
  it('revises a library pack: same id, next version, and publishing offers to keep both beside the shipped one', async () => {
    await unlock();
    const draft = await call('createDraft', { from: 'pack', packId: SEED_ID });
    expect(draft.pack.id).toBe(SEED_ID);
    expect(draft.pack.version).toBe(SEED_VERSION + 1);
    expect(draft.problems).toEqual([]);

    expect(await call('publishDraft', { draftId: draft.draftId })).toEqual({
      status: 'conflict',
      packId: SEED_ID,
      existingTitle: SEED_TITLE,
      bundled: true,
    });
    const replace = await refused('publishDraft', { draftId: draft.draftId, decision: 'replace' }, 'conflict');
    expect(replace.message).toMatch(/ships with Sourcewise and cannot be replaced; keep both instead$/);

    expect(await call('publishDraft', { draftId: draft.draftId, decision: 'keep-both' })).toEqual({
      status: 'published',
      packId: `${SEED_ID}-2`,
      replaced: false,
    });
    // The draft now names its copy, so publishing it again updates that copy rather than making a third.
    expect((await call('getDraft', { draftId: draft.draftId })).pack.id).toBe(`${SEED_ID}-2`);
    expect(await call('publishDraft', { draftId: draft.draftId })).toMatchObject({
      status: 'conflict',
      packId: `${SEED_ID}-2`,
      bundled: false,
    });
    expect(await call('publishDraft', { draftId: draft.draftId, decision: 'replace' })).toEqual({
      status: 'published',
      packId: `${SEED_ID}-2`,
      replaced: true,
    });
    expect((await call('listPacks', {})).packs).toHaveLength(2);
  });

  it('reads an HTML article as text only', async () => {
    await unlock();
    const html =
      '<html lang="en"><head><meta property="og:site_name" content="Example News"><script>alert(1)</script></head>' +
      '<body><h1>A headline</h1><p onclick="alert(1)">Officials <a href="https://example.org">confirmed</a> it.</p>' +
      '<img src="x" onerror="alert(1)"></body></html>';
    const draft = await call('createDraft', { from: 'article', name: 'story.html', text: html });
    expect(draft.pack.article).toEqual({ headline: 'A headline', paragraphs: ['Officials confirmed it.'] });
    expect(draft.pack.meta).toMatchObject({ title: 'A headline', outlet: 'Example News', language: 'en' });
    expect(JSON.stringify(draft)).not.toMatch(/alert|onerror|onclick|example\.org/);
  });

  it('refuses an article file it cannot read, with a message that says why', async () => {
    await unlock();
    const error = await refused('createDraft', { from: 'article', name: 'story.docx', text: 'PK…' }, 'invalid-input');
    expect(error.message).toBe('Sourcewise reads articles from .txt, .md or .html files; "story.docx" is none of these');
    await refused('createDraft', { from: 'pack', packId: 'no-such-pack' }, 'not-found');
    expect(await call('listDrafts', {})).toEqual([]);
  });

  it('deletes a draft', async () => {
    await unlock();
    const draft = await call('createDraft', { from: 'pack', packId: SEED_ID });
    expect(await call('deleteDraft', { draftId: draft.draftId })).toEqual({});
    await refused('getDraft', { draftId: draft.draftId }, 'not-found');
    expect(await call('listDrafts', {})).toEqual([]);
  });

  it('refuses a pack too large to save', async () => {
    await unlock();
    const draft = await call('createDraft', { from: 'pack', packId: SEED_ID });
    const huge = { ...draft.pack, article: { ...draft.pack.article, paragraphs: ['x'.repeat(6 * 1024 * 1024)] } };
    const error = await refused('saveDraft', { draftId: draft.draftId, pack: huge }, 'invalid-input');
    expect(error.message).toMatch(/^invalid input for saveDraft: pack: larger than the 5242880-byte limit for a pack/);
  });
});
