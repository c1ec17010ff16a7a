// The published JSON Schema of the progress file, docs/progress.schema.json: it must be exactly what
// progressJsonSchema() generates from progress-file.ts, and a real validator (Ajv, draft 2020-12) must
// accept what the app exports and the example in docs/progress-format.md.
//
// Regenerate the file after changing the schema:
//   UPDATE_SCHEMA=1 npx vitest run src/shared/progress-file-schema.test.ts
import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { exportProgressFile } from '../services/reports/progress-export';
import { PackLibrary } from '../services/packs/pack-library';
import { ProgressStore } from '../services/store/progress-store';
import { parseProgressFile, progressJsonSchema } from './progress-file-validate';

const REGENERATE = 'UPDATE_SCHEMA=1 npx vitest run src/shared/progress-file-schema.test.ts';
const root = join(import.meta.dirname, '../..');
const schemaFile = join(root, 'docs/progress.schema.json');

type Json = Record<string, unknown>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const generated = progressJsonSchema() as Json;
const generatedText = `${JSON.stringify(generated, null, 2)}\n`;

function docsExample(): unknown {
  const doc = readFileSync(join(root, 'docs/progress-format.md'), 'utf8');
  const block = /<!-- example-progress[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
  return JSON.parse(block ?? 'null');
}

describe('docs/progress.schema.json', () => {
  it('is what progressJsonSchema() generates from progress-file.ts', async () => {
    // Written as prettier writes it, so that `prettier --check .` and this test agree on the file.
    const expected = await format(generatedText, { ...(await resolveConfig(schemaFile)), filepath: schemaFile });
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, expected);
    const onDisk = existsSync(schemaFile) ? readFileSync(schemaFile, 'utf8') : '(the file is missing)';
    expect(onDisk, `docs/progress.schema.json is out of date with progress-file.ts; regenerate it with: ${REGENERATE}`).toBe(
      expected,
    );
    expect(JSON.parse(onDisk)).toEqual(generated);
  });

  it('is deterministic, draft 2020-12, titled, pointing at the docs, with no references', () => {
    expect(`${JSON.stringify(progressJsonSchema(), null, 2)}\n`).toBe(generatedText);
    expect(Object.keys(generated).slice(0, 3)).toEqual(['$schema', 'title', 'description']);
    expect(generated.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(generated.title).toBe('Sourcewise progress file, format version 1');
    expect(generated.description).toContain('docs/progress-format.md');
    expect(generatedText).not.toMatch(/"\$(ref|defs|id|dynamicRef)"/);
  });

  it('requires the top-level fields, refuses unknown ones, and pins kind and version', () => {
    expect(generated.required).toEqual(['kind', 'schemaVersion', 'exportedAt', 'appVersion', 'learner', 'packs', 'attempts']);
    expect(generated.additionalProperties).toBe(false);
    const properties = generated.properties as Json;
    expect(properties.kind).toMatchObject({ const: 'sourcewise-progress' });
    expect(properties.schemaVersion).toMatchObject({ const: 1 });
  });
});

describe('the JSON Schema, checked by a real validator (Ajv)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const check = ajv.compile(generated);
  const errorsOf = (data: unknown) => (check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
  const temp = mkdtempSync(join(tmpdir(), 'sourcewise-progress-schema-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('accepts the complete example in docs/progress-format.md', () => {
    expect(errorsOf(docsExample())).toEqual([]);
  });

  it('accepts a file exported from a real store', async () => {
    const store = new ProgressStore(join(temp, 'data'));
    const library = new PackLibrary(join(root, 'exercises'));
    const pack = await library.get('nk-troops-russia-2024');
    const learner = await store.createLearner('Ana');
    for (const [index, item] of pack.items.slice(0, 3).entries()) {
      await store.addAttempt({
        id: `attempt-${index}`,
        learnerId: learner.id,
        packId: pack.id,
        packVersion: pack.version,
        itemId: item.id,
        itemType: 'headline',
        round: 1,
        ...(index === 2 ? { mode: 'review' as const } : {}),
        answer: { type: 'headline', verdict: 'supported' },
        correct: false,
        score: 0,
        labels: [],
        timeTakenMs: 1000,
        answeredAt: new Date(Date.UTC(2026, 10, 24, 9, index)).toISOString(),
        appVersion: '0.1.0',
      });
    }
    const file = await exportProgressFile(store, library, learner.id, '0.1.0');
    const roundTripped = JSON.parse(JSON.stringify(file)) as unknown;
    expect(errorsOf(roundTripped)).toEqual([]);
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(true);
  });

  it.each<[string, (file: Loose) => void]>([
    ['a missing learner', (file) => delete file.learner],
    ['a pack file kind', (file) => (file.kind = 'sourcewise-pack')],
    ['schemaVersion 2', (file) => (file.schemaVersion = 2)],
    ['a learner id that is not a UUID', (file) => (file.learner.id = '../../etc/passwd')],
    ['an overlong name', (file) => (file.learner.name = 'x'.repeat(61))],
    ['an unknown answer type', (file) => (file.attempts[0].answer.type = 'essay')],
    ['an unknown property in an answer', (file) => (file.attempts[0].answer.extra = 1)],
    ['a score above 1', (file) => (file.attempts[0].score = 2)],
  ])('refuses %s, as parseProgressFile does', (_name, breakIt) => {
    const file: Loose = docsExample();
    breakIt(file);
    expect(errorsOf(file)).not.toEqual([]);
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(false);
  });

  it('cannot check cross-field rules: an attempt of another learner passes the schema but not the import', () => {
    const file: Loose = docsExample();
    file.attempts[1].learnerId = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';
    expect(errorsOf(file)).toEqual([]);
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(false);
  });
});
