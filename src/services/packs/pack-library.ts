/**
 * Reads the content packs: those shipped with the app (the read-only exercises folder) and those
 * imported or published into the data folder (`<dataDir>/packs`). A pack that fails validation is
 * reported with its problems rather than hidden, and never stops the others from loading. A
 * data-folder pack that no longer parses or validates was damaged there (the import only ever writes
 * valid packs): it is moved to `damaged/` with a notice, as every damaged store file is. Left in
 * place and listed: a file that cannot be read, and a pack of a newer format (not damaged, early).
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Notice, PackList, PackProblem, PackSummary } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { MAX_PACK_BYTES, type Pack } from '../../shared/pack/schema';
import { NoticeList } from '../notice-list';
import { copyToDamaged } from '../store/store-file';
import { checkPack, type PackCheck } from './pack-check';

/** The published JSON Schema sits beside the packs; it is not a pack. */
export const PACK_SCHEMA_FILE = 'pack.schema.json';

/** The folder inside the data folder that holds imported and published packs. */
export const IMPORTED_PACKS_FOLDER = 'packs';

/**
 * How files of the data folder's packs are named in problem lists, so that they cannot be taken
 * for shipped ones (whose names stay bare, as they always were).
 */
const IMPORTED_PREFIX = `${IMPORTED_PACKS_FOLDER}/`;

export type PackOrigin = PackSummary['origin'];

export interface LibraryPack {
  pack: Pack;
  origin: PackOrigin;
  /** The file's name as problem lists give it: bare for shipped packs, `packs/<name>` for the others. */
  file: string;
}

/** A pack file's verdict; `unreadable` when the file could not be read at all (the disk, not the pack). */
export type PackFileResult = PackCheck | { ok: false; problems: string[]; unreadable: true };

/** Reads a pack file and gives the one pack check's verdict on it (see `checkPack`). */
export async function readPackFile(path: string): Promise<PackFileResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    return cannotRead(error);
  }
  // Refused before reading, so a huge file never comes into memory.
  if (size > MAX_PACK_BYTES) {
    return { ok: false, problems: [`(file): ${size} bytes is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`] };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return cannotRead(error);
  }
  return checkPack(text);
}

function cannotRead(error: unknown): PackFileResult {
  return {
    ok: false,
    problems: [`(file): cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`],
    unreadable: true,
  };
}

export function summarise(pack: Pack, origin: PackOrigin): PackSummary {
  return {
    id: pack.id,
    title: pack.meta.title,
    outlet: pack.meta.outlet,
    published: pack.meta.published,
    itemCount: pack.items.length,
    ...(pack.meta.level ? { level: pack.meta.level } : {}),
    ...(pack.meta.topics ? { topics: pack.meta.topics } : {}),
    ...(pack.meta.license ? { license: pack.meta.license } : {}),
    origin,
  };
}

/** A file of a pack folder: a pack, or the problems that keep it out. */
type FolderFile = LibraryPack | PackProblem;

export class PackLibrary {
  private readonly bundledDir: string;
  private readonly importedDir: string | undefined;
  private cache: LibraryPack[] | undefined;
  /** The read under way, which callers at the same moment share (so a damaged file is set aside once). */
  private reading: Promise<{ entries: LibraryPack[]; invalid: PackProblem[] }> | undefined;
  /** The data folder's read under way, which `read` and `scanImported` share. */
  private importedReading: Promise<FolderFile[]> | undefined;
  private readonly noticeList = new NoticeList();

  /**
   * `importedDir` is `<dataDir>/packs`; it is left out where only shipped packs matter (the command
   * line, some tests).
   */
  constructor(bundledDir: string, importedDir?: string) {
    this.bundledDir = bundledDir;
    this.importedDir = importedDir;
  }

  /** Damaged packs set aside, for the UI. */
  notices(): Notice[] {
    return this.noticeList.all();
  }

  dismissNotice(id: string): void {
    this.noticeList.dismiss(id);
  }

  /** Every pack, sorted by title, read afresh from both folders. */
  entries(): Promise<{ entries: LibraryPack[]; invalid: PackProblem[] }> {
    const reading = (this.reading ??= this.read().finally(() => {
      if (this.reading === reading) this.reading = undefined;
    }));
    return reading;
  }

  /**
   * Reads the data folder's packs once, setting the damaged ones aside with a notice, without reading
   * the shipped ones: all that the notices need. The shipped packs are read-only and checked by the
   * test suite, and checking two dozen of them costs about 100 ms, which the first screen should not
   * wait for.
   */
  async scanImported(): Promise<void> {
    if (this.cache === undefined) await this.readImported();
  }

  /** The data folder's packs, shared by callers at the same moment (so a damaged file is set aside once). */
  private readImported(): Promise<FolderFile[]> {
    if (this.importedDir === undefined) return Promise.resolve([]);
    const importedDir = this.importedDir;
    const reading = (this.importedReading ??= this.readFolder(importedDir, 'imported', IMPORTED_PREFIX).finally(() => {
      if (this.importedReading === reading) this.importedReading = undefined;
    }));
    return reading;
  }

  private async read(): Promise<{ entries: LibraryPack[]; invalid: PackProblem[] }> {
    const entries: LibraryPack[] = [];
    const invalid: PackProblem[] = [];
    const seen = new Map<string, LibraryPack>();
    // Both folders are read at once, but shipped packs come first, so a shipped pack wins over an
    // imported one with its id.
    const folders = await Promise.all([this.readFolder(this.bundledDir, 'bundled', ''), this.readImported()]);
    for (const read of folders.flat()) {
      if (!('pack' in read)) {
        invalid.push(read);
        continue;
      }
      const holder = seen.get(read.pack.id);
      if (holder !== undefined) {
        invalid.push({ file: read.file, problems: [duplicateProblem(read.pack.id, holder, read.origin)] });
        continue;
      }
      seen.set(read.pack.id, read);
      entries.push(read);
    }
    entries.sort((a, b) => a.pack.meta.title.localeCompare(b.pack.meta.title));
    this.cache = entries;
    return { entries, invalid };
  }

  /**
   * One folder's files in name order, each a pack or its problems; a damaged data-folder pack is set
   * aside and left out (see the module comment).
   */
  private async readFolder(dir: string, origin: PackOrigin, prefix: string): Promise<FolderFile[]> {
    const files: FolderFile[] = [];
    for (const name of await packFileNames(dir)) {
      const file = `${prefix}${name}`;
      const result = await readPackFile(join(dir, name));
      if (result.ok) {
        files.push({ pack: result.pack, origin, file });
        continue;
      }
      const damaged = origin === 'imported' && !('unreadable' in result) && result.newerFormat !== true;
      if (!(damaged && (await this.setAside(dir, name, result.problems)))) files.push({ file, problems: result.problems });
    }
    return files;
  }

  async load(): Promise<{ packs: Pack[]; invalid: PackProblem[] }> {
    const { entries, invalid } = await this.entries();
    return { packs: entries.map((entry) => entry.pack), invalid };
  }

  async list(): Promise<PackList> {
    const { entries, invalid } = await this.entries();
    return { packs: entries.map((entry) => summarise(entry.pack, entry.origin)), invalid };
  }

  /** Packs rarely change while the app runs; a pack not in the cache triggers one fresh read of the folders. */
  async find(id: string): Promise<LibraryPack | undefined> {
    return (
      this.cache?.find((candidate) => candidate.pack.id === id) ??
      (await this.entries()).entries.find((candidate) => candidate.pack.id === id)
    );
  }

  async get(id: string): Promise<Pack> {
    const entry = await this.find(id);
    if (!entry) throw new ApiError('not-found', `no pack with id "${id}"`);
    return entry.pack;
  }

  /** Forgets what was read: called after this process adds, replaces or removes a pack. */
  invalidate(): void {
    this.cache = undefined;
    this.reading = undefined;
    this.importedReading = undefined;
  }

  /**
   * Moves a damaged data-folder pack to `damaged/` with a notice; false (the pack stays listed with
   * its problems) when the disk refuses.
   */
  private async setAside(dir: string, name: string, problems: string[]): Promise<boolean> {
    const path = join(dir, name);
    try {
      // The data folder holds the packs folder.
      const { setAside, stamp } = await copyToDamaged(dirname(dir), path);
      await rm(path, { force: true });
      const more = problems.length > 1 ? ` and ${problems.length - 1} more` : '';
      this.noticeList.add({
        id: `damaged-pack:${name}:${stamp}`,
        severity: 'warning',
        title: 'A pack in the library was damaged and has been set aside',
        text: `The pack file ${name} could not be used, so it is no longer listed: ${problems[0]}${more}. It was moved to ${setAside}, where it is kept. Import the pack again to use it.`,
      });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * The `.json` files of a folder that may be packs, sorted: not the schema, and not hidden files (a
 * USB stick written on a Mac carries a `._<name>.json` beside each file).
 */
export async function packFileNames(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((name) => name.endsWith('.json') && name !== PACK_SCHEMA_FILE && !name.startsWith('.'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

function duplicateProblem(id: string, holder: LibraryPack, origin: PackOrigin): string {
  if (holder.origin === 'bundled' && origin === 'imported') {
    return `id: "${id}" is already used by ${holder.file}, which ships with Sourcewise, so this copy is not shown (import it again and keep both to use it)`;
  }
  return `id: "${id}" is already used by ${holder.file}`;
}
