/**
 * Sharing packs: export one as a single `.json` file, import one or several.
 *
 * An imported pack is untrusted. Before anything is stored it is size-capped (in UTF-8 bytes, before
 * parsing), checked for runaway nesting and for keys that could reach an object's prototype, parsed,
 * and validated as a pack. The file written is always `<id>.json`, named from the validated id and
 * never from the incoming file name, and the path is checked to stay inside the packs folder. Each
 * pack is written durably (temporary file, fsync, rename), so a pack is either wholly there or not at
 * all. A pack whose id is already taken (in the folder, or by a pack shipped with the app) is
 * reported as a conflict unless the caller decides to replace it or keep both (the copy gets a fresh
 * id, `<id>-2`, `-3` …). A shipped pack is never replaced, and replacing at all is the caller's to
 * allow (the backend: instructor mode only). Published drafts are stored by the same path.
 */
import { mkdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PackImportResult } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { Id, type Pack } from '../../shared/pack/schema';
import { syncFolder, writeDurably } from '../store/durable-json-file';
import { writeOrRefuse } from '../store/storage-error';
import { checkPack } from './pack-check';
import { packFileNames, readPackFile } from './pack-library';
import { insideDir } from '../safe-path';
import { PRIVATE_MKDIR } from '../store/private-files';

/** Longest id the format allows (see `Id` in the schema). */
const MAX_ID_LENGTH = 64;
/** Longest incoming file name echoed back in a report. */
const MAX_NAME_ECHO = 200;

export type ImportDecision = 'replace' | 'keep-both';

export interface ImportFile {
  name: string;
  text: string;
}

export interface StoreOptions {
  /**
   * The packs shipped with the app, id → title. They live in another, read-only folder: their ids
   * are taken too, and a pack with one of them can only be kept beside, never replace it.
   */
  bundled?: ReadonlyMap<string, string>;
  /** Whether a `replace` decision may be carried out (the backend allows it in instructor mode only). */
  mayReplace?: boolean;
}

/** What became of one pack: stored, waiting for a decision on its taken id, or refused. */
export type StoreOutcome =
  | { status: 'stored'; packId: string; replaced: boolean }
  | { status: 'conflict'; packId: string; existingTitle: string; bundled: boolean }
  | { status: 'refused'; problem: string };

export async function importPacks(
  packsDir: string,
  files: readonly ImportFile[],
  /** Asked once per pack whose id is taken; no function, or undefined from it, leaves that pack as a conflict. */
  decide?: (id: string) => ImportDecision | undefined,
  options: StoreOptions = {},
): Promise<PackImportResult> {
  const dir = resolve(packsDir);
  const result: PackImportResult = { imported: [], rejected: [], conflicts: [] };
  let existing: Map<string, Holder> | undefined;

  for (const { name, text } of files) {
    const file = displayName(name);
    const checked = checkPack(text);
    if (!checked.ok) {
      result.rejected.push({ file, problems: checked.problems });
      continue;
    }
    const { pack } = checked;
    existing ??= await existingPacks(dir);
    const taken = existing.has(pack.id) || options.bundled?.has(pack.id) === true;
    const outcome = await place(dir, pack, taken ? decide?.(pack.id) : undefined, existing, options);
    switch (outcome.status) {
      case 'stored':
        result.imported.push({ file, packId: outcome.packId, title: pack.meta.title, replaced: outcome.replaced });
        break;
      case 'conflict':
        result.conflicts.push({
          file,
          packId: outcome.packId,
          title: pack.meta.title,
          existingTitle: outcome.existingTitle,
          bundled: outcome.bundled,
        });
        break;
      case 'refused':
        result.rejected.push({ file, problems: [outcome.problem] });
        break;
    }
  }
  return result;
}

/**
 * Stores one validated pack (a published draft) the way an import stores it: a taken id is a
 * conflict unless `decision` says what to do.
 */
export async function storePack(
  packsDir: string,
  pack: Pack,
  decision: ImportDecision | undefined,
  options: StoreOptions = {},
): Promise<StoreOutcome> {
  const dir = resolve(packsDir);
  return place(dir, pack, decision, await existingPacks(dir), options);
}

/** Places one pack in the folder; `existing` is kept up to date for the next pack of a batch. */
async function place(
  dir: string,
  incoming: Pack,
  decision: ImportDecision | undefined,
  existing: Map<string, Holder>,
  { bundled, mayReplace = true }: StoreOptions,
): Promise<StoreOutcome> {
  let pack = incoming;
  const bundledTitle = bundled?.get(pack.id);
  const holder = existing.get(pack.id);
  let replaced = false;
  if (bundledTitle !== undefined || holder !== undefined) {
    if (decision === undefined) {
      return {
        status: 'conflict',
        packId: pack.id,
        existingTitle: bundledTitle ?? holder?.title ?? '',
        bundled: bundledTitle !== undefined,
      };
    }
    if (decision === 'keep-both') {
      pack = { ...pack, id: freshId(pack.id, (id) => existing.has(id) || bundled?.has(id) === true) };
    } else if (decision !== 'replace') {
      return { status: 'refused', problem: `(import): "${String(decision)}" is neither replace nor keep-both` };
    } else if (bundledTitle !== undefined) {
      return {
        status: 'refused',
        problem: `id: "${pack.id}" is the id of "${bundledTitle}", which ships with Sourcewise and cannot be replaced; keep both instead`,
      };
    } else if (!mayReplace) {
      return {
        status: 'refused',
        problem: `id: "${pack.id}" is already in the library ("${holder?.title ?? ''}"); replacing a pack needs instructor mode, so keep both instead or ask your instructor`,
      };
    } else {
      replaced = true;
    }
  }

  const target = packPath(dir, pack.id);
  if (target === undefined) return { status: 'refused', problem: `id: "${pack.id}" cannot be used as a file name` };
  await writeOrRefuse(
    async () => {
      await mkdir(dir, PRIVATE_MKDIR);
      await writeDurably(target, packFileText(pack));
      // Replacing a pack that sat under another file name: the new `<id>.json` is on disk first, so the
      // old file can go without a moment where the pack is missing.
      if (replaced && holder !== undefined && holder.file !== `${pack.id}.json`) {
        const old = insideDir(dir, holder.file);
        if (old !== undefined) {
          await rm(old, { force: true });
          await syncFolder(dir);
        }
      }
    },
    `The pack "${pack.id}" could not be stored`,
    'The library keeps the packs it had.',
  );
  existing.set(pack.id, { file: `${pack.id}.json`, title: pack.meta.title });
  return { status: 'stored', packId: pack.id, replaced };
}

/** A pack as it is written to a file: tidy JSON, ending with a newline. */
export function packFileText(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** One pack from the folder as a file to share: validated, named `<id>.json`, tidy JSON. */
export async function exportPack(packsDir: string, id: string): Promise<{ name: string; text: string }> {
  const dir = resolve(packsDir);
  if (!Id.safeParse(id).success) throw new ApiError('invalid-input', `"${id.slice(0, 80)}" is not a pack id`);
  const holder = (await existingPacks(dir)).get(id);
  const path = holder === undefined ? undefined : insideDir(dir, holder.file);
  if (path === undefined) throw new ApiError('not-found', `no pack with id "${id}"`);
  const read = await readPackFile(path);
  if (!read.ok || read.pack.id !== id) throw new ApiError('not-found', `no valid pack with id "${id}"`);
  return { name: `${id}.json`, text: packFileText(read.pack) };
}

/**
 * Removes every valid pack with this id from the folder; false when there was none. Learner progress
 * is not touched: attempts keep the pack's id, and come back if the pack is imported again.
 */
export async function removePack(packsDir: string, id: string): Promise<boolean> {
  const dir = resolve(packsDir);
  if (!Id.safeParse(id).success) return false;
  let removed = false;
  await writeOrRefuse(
    async () => {
      for (const name of await packFileNames(dir)) {
        const path = insideDir(dir, name);
        if (path === undefined) continue;
        const read = await readPackFile(path);
        if (!read.ok || read.pack.id !== id) continue;
        await rm(path, { force: true });
        removed = true;
      }
      // The removal is on disk before the caller says it is done: a power cut must not bring the pack back.
      if (removed) await syncFolder(dir);
    },
    `The pack "${id}" could not be removed`,
    'It is still in the library.',
  );
  return removed;
}

/** A file that holds (or, by its name, claims) an id. */
interface Holder {
  file: string;
  title: string;
}

/** The packs already in the folder: id → file and title (valid packs), plus every `<name>.json` as taken. */
async function existingPacks(dir: string): Promise<Map<string, Holder>> {
  const byId = new Map<string, Holder>();
  const packFiles = await packFileNames(dir);
  for (const name of packFiles) {
    const path = insideDir(dir, name);
    if (path === undefined) continue;
    const read = await readPackFile(path);
    if (read.ok && !byId.has(read.pack.id)) byId.set(read.pack.id, { file: name, title: read.pack.meta.title });
  }
  // A file named `<id>.json` (even an invalid one) also claims that id: importing must not overwrite it
  // without asking.
  for (const name of packFiles) {
    const stem = name.slice(0, -'.json'.length);
    if (Id.safeParse(stem).success && !byId.has(stem)) byId.set(stem, { file: name, title: `${name} (not a valid pack)` });
  }
  return byId;
}

/** `<id>-2`, `-3` … : the first id not taken, kept within the id's 64-character limit. */
function freshId(id: string, isTaken: (id: string) => boolean): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const stem = id.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '');
    const candidate = `${stem}${suffix}`;
    if (!isTaken(candidate) && Id.safeParse(candidate).success) return candidate;
  }
}

function packPath(dir: string, id: string): string | undefined {
  if (!Id.safeParse(id).success) return undefined;
  return insideDir(dir, `${id}.json`);
}

/** The incoming name, only ever echoed in reports (never used as a path), trimmed to a sane length. */
function displayName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return text.length > MAX_NAME_ECHO ? `${text.slice(0, MAX_NAME_ECHO)}…` : text;
}
