/**
 * The studio's drafts: packs being written, one file each, `<dataDir>/drafts/<draftId>.json` holding
 * `{ draftId, createdAt, updatedAt, pack }`. A draft's pack has the shape of a pack but need not be
 * valid: it is stored as the instructor left it, and its problems are worked out whenever it is read.
 *
 * A saved pack comes from the UI through the contract: its `DraftPack` schema has refused what no
 * draft could be (the wrong structure, too deep, too large) and dispatch() any key that reaches an
 * object's prototype, before the pack gets here.
 * Each draft is a store file (lowdb over the durable adapter: temporary file, fsync, rename), and
 * writes run one after another. A draft file that cannot be read is set aside in `damaged/` (never
 * deleted) with a notice, and the others go on working.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DraftId, type Draft, type DraftSummary, type Notice } from '../../shared/contract';
import { ApiError, type ErrorIssue } from '../../shared/errors';
import type { DraftPack } from '../../shared/pack/draft-pack';
import { MAX_PACK_BYTES, PACK_SCHEMA_VERSION, type Pack } from '../../shared/pack/schema';
import { validatePack } from '../../shared/pack/validate';
import type { ArticleText } from './article-text';
import { DurableJsonFile, StoreDb } from '../store/durable-json-file';
import { storageFailure } from '../store/storage-error';
import { copyToDamaged } from '../store/store-file';
import { NoticeList } from '../notice-list';
import { PRIVATE_MKDIR } from '../store/private-files';

export const DRAFTS_FOLDER = 'drafts';
/** A draft file holds a pack of at most MAX_PACK_BYTES and a few dates: anything much larger is not one. */
const MAX_DRAFT_FILE_BYTES = MAX_PACK_BYTES + 64 * 1024;

interface DraftFile {
  draftId: string;
  createdAt: string;
  updatedAt: string;
  pack: Pack;
}

type ReadDraft = { ok: true; file: DraftFile } | { ok: false; problem: string };

/** What the adapter's parse throws for a file that is not a draft. */
class NotADraft extends Error {}

export class DraftStore {
  private readonly dataDir: string;
  private readonly dir: string;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly noticeList = new NoticeList();

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    this.dataDir = dataDir;
    this.dir = join(dataDir, DRAFTS_FOLDER);
    this.now = now;
  }

  /** Damaged drafts set aside, for the UI. */
  notices(): Notice[] {
    return this.noticeList.all();
  }

  dismissNotice(id: string): void {
    this.noticeList.dismiss(id);
  }

  /** Every draft, the most recently changed first; a damaged file is set aside (see `require`). */
  async list(): Promise<DraftSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const summaries: DraftSummary[] = [];
    for (const name of names) {
      const draftId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      if (!DraftId.safeParse(draftId).success) continue;
      let file: DraftFile;
      try {
        file = await this.require(draftId);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not-found') continue;
        throw error;
      }
      const { pack, updatedAt } = file;
      summaries.push({
        draftId,
        title: draftTitle(pack),
        updatedAt,
        itemCount: itemCount(pack),
        problemCount: problemsOf(pack).length,
      });
    }
    return summaries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.draftId.localeCompare(b.draftId));
  }

  async create(pack: Pack): Promise<Draft> {
    const draftId = randomUUID();
    const at = this.now().toISOString();
    const file: DraftFile = { draftId, createdAt: at, updatedAt: at, pack };
    await this.serially(() => this.write(file));
    return { ...file, problems: problemsOf(pack) };
  }

  async get(draftId: string): Promise<Draft> {
    const file = await this.require(draftId);
    return { ...file, problems: problemsOf(file.pack) };
  }

  /** Stores the pack as it is (the contract has checked its structure, depth and size); says what is still wrong with it. */
  async save(draftId: string, pack: DraftPack): Promise<{ updatedAt: string; problems: string[] }> {
    return this.serially(async () => {
      const file = await this.require(draftId);
      const updatedAt = this.now().toISOString();
      await this.write({ ...file, updatedAt, pack: pack as Pack });
      return { updatedAt, problems: problemsOf(pack) };
    });
  }

  async delete(draftId: string): Promise<void> {
    const path = this.path(draftId);
    await this.serially(async () => {
      try {
        await rm(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound(draftId);
        throw storageFailure(error, 'The draft could not be deleted', 'It is still there.');
      }
    });
  }

  /** The draft's pack, validated; refused with its problems (as issues) while it has any. */
  async validPack(draftId: string): Promise<Pack> {
    const { pack } = await this.require(draftId);
    const validation = validatePack(pack);
    if (validation.ok) return validation.pack;
    const count = validation.problems.length;
    throw new ApiError(
      'invalid-input',
      `the pack has ${count} problem${count === 1 ? '' : 's'} to fix first: ${validation.problems[0]}${count > 1 ? ' …' : ''}`,
      validation.problems.map(toIssue),
    );
  }

  /** Gives the draft's pack another id (after publishing it beside a pack that had its id), keeping the rest. */
  async renamePack(draftId: string, packId: string): Promise<void> {
    await this.serially(async () => {
      const file = await this.require(draftId);
      await this.write({ ...file, updatedAt: this.now().toISOString(), pack: { ...file.pack, id: packId } });
    });
  }

  /**
   * The draft; `not-found` when there is none. A damaged file is copied to `damaged/` and removed
   * (so that it reads as gone from then on), with a notice saying what was wrong.
   */
  private async require(draftId: string): Promise<DraftFile> {
    const read = await this.read(draftId);
    if (read.ok) return read.file;
    if (read.problem === 'missing') throw notFound(draftId);
    const path = this.path(draftId);
    const { setAside, stamp } = await copyToDamaged(this.dataDir, path);
    await rm(path, { force: true });
    this.noticeList.add({
      id: `damaged-draft:${draftId}:${stamp}`,
      severity: 'warning',
      title: 'A draft was damaged and has been set aside',
      text: `The draft's file could not be used (${read.problem}), so it is no longer listed. It was moved to ${setAside}, where it is kept.`,
    });
    throw notFound(draftId);
  }

  private async read(draftId: string): Promise<ReadDraft> {
    const db = this.db(draftId);
    try {
      const { size } = await stat(db.file.path);
      if (size > MAX_DRAFT_FILE_BYTES) return { ok: false, problem: `${size} bytes, larger than a draft can be` };
      await db.read();
    } catch (error) {
      if (error instanceof NotADraft) return { ok: false, problem: error.message };
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, problem: code === 'ENOENT' ? 'missing' : `it cannot be read (${code ?? 'error'})` };
    }
    return db.data ? { ok: true, file: db.data } : { ok: false, problem: 'missing' };
  }

  private async write(file: DraftFile): Promise<void> {
    try {
      await mkdir(this.dir, PRIVATE_MKDIR);
      await this.db(file.draftId).commit(file);
    } catch (error) {
      throw storageFailure(error, 'The draft could not be saved', 'The draft on disk is as it was.');
    }
  }

  /** The draft's file in lowdb (data null until read). */
  private db(draftId: string): StoreDb<DraftFile | null> {
    const parse = (text: string): DraftFile => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new NotADraft('not valid JSON');
      }
      const file = raw as Partial<DraftFile> | null;
      if (
        typeof file !== 'object' ||
        file === null ||
        file.draftId !== draftId ||
        typeof file.createdAt !== 'string' ||
        typeof file.updatedAt !== 'string' ||
        typeof file.pack !== 'object' ||
        file.pack === null ||
        Array.isArray(file.pack)
      ) {
        throw new NotADraft('not a draft');
      }
      return file as DraftFile;
    };
    return new StoreDb<DraftFile | null>(new DurableJsonFile<DraftFile | null>(this.path(draftId), { parse }), null);
  }

  /** The draft's file; the id is checked to be a UUID before it becomes part of a path. */
  private path(draftId: string): string {
    if (!DraftId.safeParse(draftId).success) throw new ApiError('invalid-input', `"${draftId.slice(0, 80)}" is not a draft id`);
    return join(this.dir, `${draftId}.json`);
  }

  /** Runs writes one after another, each from the state the previous one left. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** A new draft's pack from an article: its text and what the file said about it; no items yet. */
export function packFromArticle(article: ArticleText): Pack {
  const { headline, paragraphs, meta } = article;
  const title = headline || meta.title || '';
  return {
    schemaVersion: PACK_SCHEMA_VERSION,
    id: slug(title),
    version: 1,
    meta: {
      title,
      outlet: meta.outlet ?? '',
      author: meta.author ?? '',
      published: meta.published ?? '',
      url: meta.url ?? '',
      credit: '',
      language: meta.language ?? 'en',
    },
    article: { headline, paragraphs },
    items: [],
  };
}

/** A library pack to revise: the same id (publishing it offers to replace the original), the next version. */
export function packToRevise(pack: Pack): Pack {
  return { ...structuredClone(pack), version: pack.version + 1 };
}

const MAX_ID_LENGTH = 64;

/** A pack id from a title: "U.S. Officials Confirm…" → `us-officials-confirm…`; `new-pack` when nothing is left. */
export function slug(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let id = '';
  for (const word of words) {
    const next = id === '' ? word : `${id}-${word}`;
    if (next.length > MAX_ID_LENGTH) break;
    id = next;
  }
  return id === '' ? 'new-pack' : id;
}

function problemsOf(pack: unknown): string[] {
  const validation = validatePack(pack);
  return validation.ok ? [] : validation.problems;
}

/** `path.to.field: what is wrong` as an issue. */
function toIssue(problem: string): ErrorIssue {
  const colon = problem.indexOf(': ');
  return colon < 0 ? { path: '', message: problem } : { path: problem.slice(0, colon), message: problem.slice(colon + 2) };
}

function draftTitle(pack: unknown): string {
  const { meta, article } = pack as { meta?: { title?: unknown }; article?: { headline?: unknown } };
  for (const candidate of [meta?.title, article?.headline]) {
    if (typeof candidate === 'string' && candidate.trim() !== '') return candidate.trim().slice(0, 300);
  }
  return '(untitled draft)';
}

function itemCount(pack: unknown): number {
  const { items } = pack as { items?: unknown };
  return Array.isArray(items) ? items.length : 0;
}

function notFound(draftId: string): ApiError {
  return new ApiError('not-found', `no draft with id "${draftId}"`);
}
