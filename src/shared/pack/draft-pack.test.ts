// The contract's rule for a draft's pack: the structure of a pack, within its depth and size, however unfinished.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_DEPTH } from '../limits';
import { DraftPack } from './draft-pack';
import { MAX_PACK_BYTES } from './schema';

const EXERCISES = join(import.meta.dirname, '../../../exercises');
const SHIPPED = readdirSync(EXERCISES).filter((name) => name.endsWith('.json') && name !== 'pack.schema.json');

/** What the studio makes from a pasted article before anything is filled in. */
const FRESH_DRAFT = {
  schemaVersion: 1,
  id: 'new-pack',
  version: 1,
  meta: { title: '', outlet: '', author: '', published: '', url: '', credit: '', language: 'en' },
  article: { headline: '', paragraphs: ['A paragraph.'] },
  items: [],
};

/** Arrays and objects nested `levels` deep; under a pack's item (itself three levels deep). */
function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level += 1) value = level % 2 === 0 ? [value] : { a: value };
  return value;
}

function messages(value: unknown): string[] {
  const parsed = DraftPack.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('a draft pack', () => {
  it.each(SHIPPED)('accepts the shipped pack %s as it is', (name) => {
    const pack: unknown = JSON.parse(readFileSync(join(EXERCISES, name), 'utf8'));
    expect(DraftPack.parse(pack)).toEqual(pack);
  });

  it.each<[string, unknown]>([
    ['a fresh draft', FRESH_DRAFT],
    ['an empty object', {}],
    [
      'items with nothing filled in but their type',
      { ...FRESH_DRAFT, items: [{ type: 'find' }, { type: 'numbers', figures: [] }] },
    ],
    ['an id that is not one yet', { ...FRESH_DRAFT, id: 'Not An Id' }],
    ['follow-up notes being written', { ...FRESH_DRAFT, followUp: [{ text: '' }] }],
    [`nesting ${MAX_PACK_DEPTH} deep`, { ...FRESH_DRAFT, items: [{ type: 'find', spans: nested(MAX_PACK_DEPTH - 3) }] }],
  ])('accepts %s, keeping every key', (_name, pack) => {
    expect(DraftPack.parse(pack)).toEqual(pack);
  });

  it.each<[string, unknown, RegExp]>([
    ['null', null, /expected object/],
    ['a string', 'pack', /expected object/],
    ['a number', 42, /expected object/],
    ['an array', [FRESH_DRAFT], /expected object/],
    ['a key no pack has', { ...FRESH_DRAFT, extra: 1 }, /Unrecognized key: "extra"/],
    [
      'a meta key no pack has',
      { ...FRESH_DRAFT, meta: { ...FRESH_DRAFT.meta, editor: 'x' } },
      /^meta: Unrecognized key: "editor"/,
    ],
    [
      'a meta field that is not text',
      { ...FRESH_DRAFT, meta: { ...FRESH_DRAFT.meta, title: 7 } },
      /^meta\.title: .*expected string/,
    ],
    [
      'a paragraph that is not text',
      { ...FRESH_DRAFT, article: { headline: '', paragraphs: [null] } },
      /^article\.paragraphs\.0: /,
    ],
    ['items that are not a list', { ...FRESH_DRAFT, items: 'none yet' }, /^items: .*expected array/],
    ['an item without a type', { ...FRESH_DRAFT, items: [{ id: 'x' }] }, /^items\.0\.type: /],
    ['an item of a type there is not', { ...FRESH_DRAFT, items: [{ type: 'essay' }] }, /^items\.0\.type: /],
    [
      `nesting ${MAX_PACK_DEPTH + 1} deep`,
      { ...FRESH_DRAFT, items: [{ type: 'find', spans: nested(MAX_PACK_DEPTH - 2) }] },
      new RegExp(`nested more than ${MAX_PACK_DEPTH} levels deep`),
    ],
    [
      'nesting 100000 deep',
      { ...FRESH_DRAFT, items: [{ type: 'find', spans: nested(100_000) }] },
      new RegExp(`nested more than ${MAX_PACK_DEPTH} levels deep`),
    ],
    [
      `more than ${MAX_PACK_BYTES} bytes`,
      { ...FRESH_DRAFT, article: { headline: '', paragraphs: ['a'.repeat(MAX_PACK_BYTES)] } },
      new RegExp(`larger than the ${MAX_PACK_BYTES}-byte limit`),
    ],
    [
      `more than ${MAX_PACK_BYTES} bytes in UTF-8 though fewer characters`,
      { ...FRESH_DRAFT, article: { headline: '', paragraphs: ['é'.repeat(MAX_PACK_BYTES / 2)] } },
      new RegExp(`larger than the ${MAX_PACK_BYTES}-byte limit`),
    ],
  ])('refuses %s', (_name, pack, message) => {
    const found = messages(pack);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });
});
