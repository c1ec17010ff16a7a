/**
 * Reads the content packs in the exercises folder. A pack that fails validation is reported with its
 * problems rather than hidden, and never stops the others from loading.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackList, PackProblem, PackSummary } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { MAX_PACK_BYTES, type Pack } from '../shared/pack/schema';
import { validatePack } from '../shared/pack/validate';

/** The published JSON Schema sits beside the packs; it is not a pack. */
export const PACK_SCHEMA_FILE = 'pack.schema.json';

export type PackFileResult = { ok: true; pack: Pack } | { ok: false; problems: string[] };

export async function readPackFile(path: string): Promise<PackFileResult> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    return { ok: false, problems: [`(file): cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  if (size > MAX_PACK_BYTES) {
    return { ok: false, problems: [`(file): ${size} bytes is larger than the ${MAX_PACK_BYTES}-byte limit for a pack`] };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [`(file): cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`(file): not valid JSON (${(error as Error).message})`] };
  }
  return validatePack(raw);
}

export function summarise(pack: Pack): PackSummary {
  return {
    id: pack.id,
    title: pack.meta.title,
    outlet: pack.meta.outlet,
    published: pack.meta.published,
    itemCount: pack.items.length,
  };
}

export class PackLibrary {
  private readonly dir: string;
  private cache: Pack[] | undefined;

  constructor(dir: string) {
    this.dir = dir;
  }

  async load(): Promise<{ packs: Pack[]; invalid: PackProblem[] }> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((name) => name.endsWith('.json') && name !== PACK_SCHEMA_FILE).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { packs: [], invalid: [] };
      throw error;
    }
    const packs: Pack[] = [];
    const invalid: PackProblem[] = [];
    const seen = new Map<string, string>();
    for (const file of names) {
      const result = await readPackFile(join(this.dir, file));
      if (!result.ok) {
        invalid.push({ file, problems: result.problems });
      } else if (seen.has(result.pack.id)) {
        invalid.push({ file, problems: [`id: "${result.pack.id}" is already used by ${seen.get(result.pack.id)}`] });
      } else {
        seen.set(result.pack.id, file);
        packs.push(result.pack);
      }
    }
    packs.sort((a, b) => a.meta.title.localeCompare(b.meta.title));
    this.cache = packs;
    return { packs, invalid };
  }

  async list(): Promise<PackList> {
    const { packs, invalid } = await this.load();
    return { packs: packs.map(summarise), invalid };
  }

  /** Packs rarely change while the app runs; a pack not in the cache triggers one fresh read of the folder. */
  async get(id: string): Promise<Pack> {
    let pack = this.cache?.find((candidate) => candidate.id === id);
    if (!pack) pack = (await this.load()).packs.find((candidate) => candidate.id === id);
    if (!pack) throw new ApiError('not-found', `no pack with id "${id}"`);
    return pack;
  }
}
