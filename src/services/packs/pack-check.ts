/**
 * The one pack check, for every way a pack comes in: text sent to the app's import, and a file read
 * from disk (the library, `sourcewise validate` and `sourcewise key`). An author who checks a pack
 * with the command line gets the verdict the app will give.
 */
import { MAX_PACK_DEPTH } from '../../shared/limits';
import { nestingDepth } from '../../shared/json-depth';
import { Id, MAX_PACK_BYTES, PACK_SCHEMA_VERSION, type Pack } from '../../shared/pack/schema';
import { validatePack } from '../../shared/pack/validate';
import { isSafeFileName } from '../safe-path';

/** Keys that mean something to JavaScript objects; no pack field has these names. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A pack, or its problems. `newerFormat`: the pack is written for a newer version of Sourcewise, so
 * it is not damaged, only early.
 */
export type PackCheck = { ok: true; pack: Pack } | { ok: false; problems: string[]; newerFormat?: true };

/**
 * Everything short of touching the disk: size, nesting, JSON, dangerous keys, the pack rules, and an
 * id that can name a file on every system. A byte-order mark at the start is accepted and dropped:
 * Notepad saves UTF-8 with one, and browsers drop it when the app reads a chosen file, so the command
 * line does the same.
 */
export function checkPack(input: string): PackCheck {
  if (typeof input !== 'string') return { ok: false, problems: ['(file): is not text'] };
  const text = input.startsWith(BYTE_ORDER_MARK) ? input.slice(BYTE_ORDER_MARK.length) : input;
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
  if (!validation.ok) return isNewerFormat(raw) ? { ...validation, newerFormat: true } : validation;
  const { id } = validation.pack;
  // The schema already holds ids to [a-z0-9-]; checked again here because this id becomes a path.
  if (!Id.safeParse(id).success) return { ok: false, problems: ['id: is not a safe pack id'] };
  // `<id>.json` is the pack's file in the library: `con.json` or `com1.json` cannot be one on Windows.
  if (!isSafeFileName(`${id}.json`)) {
    return {
      ok: false,
      problems: [`id: "${id}" is a name Windows keeps for a device, so it cannot name the pack's file; choose another id`],
    };
  }
  return validation;
}

function isNewerFormat(raw: unknown): boolean {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version > PACK_SCHEMA_VERSION;
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
