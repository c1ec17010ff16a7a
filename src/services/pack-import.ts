/**
 * Sharing packs: export one as a single `.json` file, import one or several.
 *
 * An imported pack is untrusted. Before anything is stored it is size-capped (in UTF-8 bytes, before
 * parsing), checked for runaway nesting and for keys that could reach an object's prototype, parsed,
 * and validated as a pack. The file written is always `<id>.json`, named from the validated id and
 * never from the incoming file name, and the path is checked to stay inside the packs folder. Each
 * pack is written durably (temporary file, fsync, rename), so a pack is either wholly there or not at
 * all. A pack whose id is already in the folder is reported as a conflict unless the caller decides
 * to replace it or keep both (the copy gets a fresh id, `<id>-2`, `-3` …).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, resolve, sep } from 'node:path';
import { ApiError } from '../shared/errors';
import { Id, MAX_PACK_BYTES, type Pack } from '../shared/pack/schema';
import { validatePack } from '../shared/pack/validate';
import { TEMP_SUFFIX, writeDurably } from './durable-json-file';
import { PACK_SCHEMA_FILE, readPackFile } from './pack-library';

/** Deepest nesting of arrays and objects accepted; a real pack needs about eight levels. */
export const MAX_PACK_DEPTH = 64;
/** Longest id the format allows (see `Id` in the schema). */
const MAX_ID_LENGTH = 64;
/** Keys that mean something to JavaScript objects; no pack field has these names. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Longest incoming file name echoed back in a report. */
const MAX_NAME_ECHO = 200;

export type ImportDecision = 'replace' | 'keep-both';

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportResult {
  imported: { file: string; id: string; replaced: boolean }[];
  rejected: { file: string; problems: string[] }[];
  conflicts: { file: string; id: string }[];
}

export async function importPacks(
  packsDir: string,
  files: readonly ImportFile[],
  /** Asked once per pack whose id is taken; no function, or undefined from it, leaves that pack as a conflict. */
  decide?: (id: string) => ImportDecision | undefined,
): Promise<ImportResult> {
  const dir = resolve(packsDir);
  const result: ImportResult = { imported: [], rejected: [], conflicts: [] };
  let existing: Map<string, string> | undefined;

  for (const { name, text } of files) {
    const file = displayName(name);
    const checked = checkPack(text);
    if (!checked.ok) {
      result.rejected.push({ file, problems: checked.problems });
      continue;
    }
    let pack = checked.pack;
    existing ??= await existingPacks(dir);

    const holder = existing.get(pack.id);
    let replaced = false;
    if (holder !== undefined) {
      const decision = decide?.(pack.id);
      if (decision === undefined) {
        result.conflicts.push({ file, id: pack.id });
        continue;
      }
      if (decision === 'keep-both') {
        pack = { ...pack, id: freshId(pack.id, existing) };
      } else if (decision === 'replace') {
        replaced = true;
      } else {
        result.rejected.push({ file, problems: [`(import): "${String(decision)}" is neither replace nor keep-both`] });
        continue;
      }
    }

    const target = packPath(dir, pack.id);
    if (target === undefined) {
      result.rejected.push({ file, problems: [`id: "${pack.id}" cannot be used as a file name`] });
      continue;
    }
    await mkdir(dir, { recursive: true });
    await writeDurably(target, `${JSON.stringify(pack, null, 2)}\n`);
    // Replacing a pack that sat under another file name: the new `<id>.json` is on disk first, so the
    // old file can go without a moment where the pack is missing.
    if (replaced && holder !== undefined && holder !== `${pack.id}.json`) {
      const old = inside(dir, holder);
      if (old !== undefined) await rm(old, { force: true });
    }
    existing.set(pack.id, `${pack.id}.json`);
    result.imported.push({ file, id: pack.id, replaced });
  }
  return result;
}

/** One pack from the folder as a file to share: validated, named `<id>.json`, tidy JSON. */
export async function exportPack(packsDir: string, id: string): Promise<{ name: string; text: string }> {
  const dir = resolve(packsDir);
  if (!Id.safeParse(id).success) throw new ApiError('invalid-input', `"${id.slice(0, 80)}" is not a pack id`);
  const holder = (await existingPacks(dir)).get(id);
  const path = holder === undefined ? undefined : inside(dir, holder);
  if (path === undefined) throw new ApiError('not-found', `no pack with id "${id}"`);
  const read = await readPackFile(path);
  if (!read.ok || read.pack.id !== id) throw new ApiError('not-found', `no valid pack with id "${id}"`);
  return { name: `${id}.json`, text: `${JSON.stringify(read.pack, null, 2)}\n` };
}

type Checked = { ok: true; pack: Pack } | { ok: false; problems: string[] };

/** Everything short of touching the disk: size, nesting, JSON, dangerous keys, the pack rules. */
export function checkPack(text: string): Checked {
  if (typeof text !== 'string') return { ok: false, problems: ['(file): is not text'] };
  // Cheap bounds first: a string with more UTF-16 units than the cap has at least that many bytes.
  const bytes = text.length > MAX_PACK_BYTES ? text.length : Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_PACK_BYTES) {
    const size = text.length > MAX_PACK_BYTES ? `more than ${MAX_PACK_BYTES} bytes` : `${bytes} bytes`;
    return { ok: false, problems: [`(file): ${size} is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`] };
  }
  const depth = nestingDepth(text, MAX_PACK_DEPTH);
  if (depth > MAX_PACK_DEPTH) {
    return { ok: false, problems: [`(file): nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON (${(error as Error).message.slice(0, 200)})`] };
  }
  const keyProblems = forbiddenKeys(raw);
  if (keyProblems.length > 0) return { ok: false, problems: keyProblems };
  const validation = validatePack(raw);
  if (!validation.ok) return validation;
  // The schema already holds ids to [a-z0-9-]; checked again here because this id becomes a path.
  if (!Id.safeParse(validation.pack.id).success) return { ok: false, problems: ['id: is not a safe pack id'] };
  return validation;
}

/**
 * The deepest nesting of `[` and `{` outside strings, counting no further than `limit + 1`. Scanned by
 * hand so a hostile file is refused before JSON.parse or the validator ever recurse into it.
 */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x5d || c === 0x7d) {
      depth -= 1;
    }
  }
  return deepest;
}

/** Every `__proto__`, `constructor` or `prototype` key, wherever it is (iteratively, depth is bounded). */
function forbiddenKeys(raw: unknown): string[] {
  const problems: string[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: raw, path: '' }];
  while (stack.length > 0 && problems.length < 20) {
    const { value, path } = stack.pop()!;
    if (Array.isArray(value)) {
      value.forEach((element, index) => stack.push({ value: element, path: `${path}[${index}]` }));
    } else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const keyPath = path === '' ? key : `${path}.${key}`;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push(`${path === '' ? '(pack)' : path}: has a key "${key}", which is not allowed in a pack`);
        } else {
          stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
        }
      }
    }
  }
  return problems.reverse();
}

/** The packs already in the folder: id → file name (valid packs), plus every `<name>.json` as taken. */
async function existingPacks(dir: string): Promise<Map<string, string>> {
  const byId = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return byId;
    throw error;
  }
  const packFiles = names.filter(
    (name) => name.endsWith('.json') && name !== PACK_SCHEMA_FILE && !name.startsWith('.') && !name.endsWith(TEMP_SUFFIX),
  );
  for (const name of packFiles.sort()) {
    const path = inside(dir, name);
    if (path === undefined) continue;
    const read = await readPackFile(path);
    if (read.ok && !byId.has(read.pack.id)) byId.set(read.pack.id, name);
  }
  // A file named `<id>.json` (even an invalid one) also claims that id: importing must not overwrite it
  // without asking.
  for (const name of packFiles) {
    const stem = name.slice(0, -'.json'.length);
    if (Id.safeParse(stem).success && !byId.has(stem)) byId.set(stem, name);
  }
  return byId;
}

/** `<id>-2`, `-3` … : the first id not yet in the folder, kept within the id's 64-character limit. */
function freshId(id: string, taken: ReadonlyMap<string, string>): string {
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const stem = id.slice(0, MAX_ID_LENGTH - suffix.length).replace(/-+$/, '');
    const candidate = `${stem}${suffix}`;
    if (!taken.has(candidate) && Id.safeParse(candidate).success) return candidate;
  }
}

function packPath(dir: string, id: string): string | undefined {
  if (!Id.safeParse(id).success) return undefined;
  return inside(dir, `${id}.json`);
}

/** The path of `name` in `dir`, or undefined if it would land anywhere but directly inside. */
function inside(dir: string, name: string): string | undefined {
  const path = resolve(dir, name);
  return path.startsWith(dir + sep) && dirname(path) === dir && basename(path) === name ? path : undefined;
}

/** The incoming name, only ever echoed in reports (never used as a path), trimmed to a sane length. */
function displayName(name: unknown): string {
  const text = typeof name === 'string' ? name : String(name);
  return text.length > MAX_NAME_ECHO ? `${text.slice(0, MAX_NAME_ECHO)}…` : text;
}
