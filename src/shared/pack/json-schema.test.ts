// The published JSON Schema, exercises/pack.schema.json: it must be exactly what packJsonSchema()
// generates from schema.ts, and it must accept the packs the app accepts (as far as a schema can).
//
// Regenerate the file after changing schema.ts:
//   UPDATE_SCHEMA=1 npx vitest run src/shared/pack/json-schema.test.ts
import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packJsonSchema } from './json-schema';
import { HEADLINE_VERDICTS, ITEM_TYPES, LABELS, SOURCE_KINDS } from './schema';
import { validatePack } from './validate';

const REGENERATE = 'UPDATE_SCHEMA=1 npx vitest run src/shared/pack/json-schema.test.ts';
const root = join(import.meta.dirname, '../../..');
const schemaFile = join(root, 'exercises/pack.schema.json');
const seedText = readFileSync(join(root, 'exercises/nk-troops-russia-2024.json'), 'utf8');
const seed = JSON.parse(seedText) as unknown;

type Json = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const generated = packJsonSchema() as Json;
const generatedText = `${JSON.stringify(generated, null, 2)}\n`;

/** Every object in the schema, with the property name it sits under (for `properties` children). */
function* walk(value: unknown, key = ''): Generator<[string, Json]> {
  if (Array.isArray(value)) for (const entry of value) yield* walk(entry, key);
  else if (value !== null && typeof value === 'object') {
    yield [key, value as Json];
    for (const [childKey, child] of Object.entries(value)) yield* walk(child, childKey);
  }
}

/** The keywords used in schema positions (not the property names under `properties`). */
function keywords(schema: unknown): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      found.add(key);
      if (key === 'properties') Object.values(child as Json).forEach(visit);
      else if (key === 'items' || key === 'oneOf' || key === 'anyOf' || key === 'allOf') visit(child);
    }
  };
  visit(schema);
  return found;
}

describe('exercises/pack.schema.json', () => {
  it('is what packJsonSchema() generates from schema.ts', () => {
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, generatedText);
    const onDisk = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '(the file is missing)';
    expect(onDisk, `exercises/pack.schema.json is out of date with schema.ts; regenerate it with: ${REGENERATE}`).toBe(
      generatedText,
    );
  });
});

describe('packJsonSchema', () => {
  it('is deterministic', () => {
    expect(`${JSON.stringify(packJsonSchema(), null, 2)}\n`).toBe(generatedText);
  });

  it('is a draft 2020-12 schema with a title and a pointer to the docs, and no remote references', () => {
    expect(Object.keys(generated).slice(0, 3)).toEqual(['$schema', 'title', 'description']);
    expect(generated.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(generated.title).toBe('Sourcewise pack, format version 1');
    expect(generated.description).toContain('docs/pack-format.md');
    const used = keywords(generated);
    for (const keyword of ['$id', '$ref', '$defs', '$dynamicRef', 'definitions']) expect(used).not.toContain(keyword);
  });

  it('allows the $schema property that packs carry', () => {
    expect((generated.properties as Json).$schema).toEqual({ type: 'string', maxLength: 500 });
    expect((seed as Json).$schema).toBe('./pack.schema.json');
  });

  it('requires the top-level fields and refuses unknown ones', () => {
    expect(generated.type).toBe('object');
    expect(generated.required).toEqual(['schemaVersion', 'id', 'version', 'meta', 'article', 'items']);
    expect(generated.additionalProperties).toBe(false);
    expect((generated.properties as Json).schemaVersion).toMatchObject({ const: 1 });
  });

  it('offers exactly the five item types, each a closed object', () => {
    const items = (generated.properties as Json).items as Json;
    const variants = (items.items as Json).oneOf as Json[];
    expect(variants.map((variant) => ((variant.properties as Json).type as Json).const)).toEqual([...ITEM_TYPES]);
    for (const variant of variants) {
      expect(variant.additionalProperties).toBe(false);
      expect(variant.required).toEqual(expect.arrayContaining(['id', 'type', 'explanation']));
    }
  });

  it('uses the label, source kind and verdict enums everywhere they appear', () => {
    const enumsUnder = (name: string) =>
      [...walk(generated)].filter(([key, node]) => key === name && node.type === 'string').map(([, node]) => node.enum);
    const labels = enumsUnder('label');
    expect(labels.length).toBeGreaterThanOrEqual(4); // classify, source and numbers claims, find
    for (const values of labels) expect(values).toEqual([...LABELS]);
    const kinds = enumsUnder('kind');
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    for (const values of kinds) expect(values).toEqual([...SOURCE_KINDS]);
    expect(enumsUnder('answer')).toContainEqual([...HEADLINE_VERDICTS]);
  });
});

describe('the JSON Schema, checked by a real validator (Ajv)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const check = ajv.compile(generated);
  const errorsOf = (data: unknown) => (check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  const broken = (breakIt: (pack: Loose) => void) => {
    const pack: Loose = structuredClone(seed);
    breakIt(pack);
    return pack as unknown;
  };

  it('accepts the seed pack', () => {
    expect(errorsOf(seed)).toEqual([]);
  });

  it('accepts the complete example in docs/pack-format.md', () => {
    const doc = readFileSync(join(root, 'docs/pack-format.md'), 'utf8');
    const block = /<!-- example-pack[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(errorsOf(JSON.parse(block ?? 'null'))).toEqual([]);
  });

  it.each<[string, (pack: Loose) => void]>([
    ['a missing meta.title', (pack) => delete pack.meta.title],
    ['a wrong label', (pack) => (pack.items[0].claim.label = 'true')],
    ['an unknown item type', (pack) => (pack.items[0].type = 'quiz')],
    ['an unknown property', (pack) => (pack.items[0].explaination = 'typo')],
    ['schemaVersion 2', (pack) => (pack.schemaVersion = 2)],
    // eslint-disable-next-line no-script-url -- a hostile URL, fed in as untrusted input
    ['a javascript: URL', (pack) => (pack.meta.url = 'javascript:alert(1)')],
    ['an overlong title', (pack) => (pack.meta.title = 'x'.repeat(301))],
    ['a bad id', (pack) => (pack.items[0].id = 'Not An Id')],
    ['no items', (pack) => (pack.items = [])],
  ])('refuses %s, as validatePack does', (_name, breakIt) => {
    const pack = broken(breakIt);
    expect(errorsOf(pack)).not.toEqual([]);
    expect(validatePack(pack).ok).toBe(false);
  });

  it('refuses a __proto__ key', () => {
    const pack = JSON.parse(seedText.replace('{', '{"__proto__": {"polluted": true},')) as unknown;
    expect(errorsOf(pack)).not.toEqual([]);
  });

  it('cannot check cross-field rules: a misplaced quote passes the schema but not validatePack', () => {
    const pack = broken((p) => (p.items[0].claim.ref.quote = 'not in the article'));
    expect(errorsOf(pack)).toEqual([]);
    expect(validatePack(pack).ok).toBe(false);
  });
});
