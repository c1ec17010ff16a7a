// Fuzzing the two imports of untrusted files: packs (checkPack, importPacks into a folder) and
// progress files (the class store's import). Each case starts from a valid file and breaks it: as a
// value (a field deleted, a type changed, a string made hostile, ids duplicated, offsets moved, an own
// `__proto__`/`constructor`/`prototype` key added, the pack id made a path) and as JSON text
// (truncated, a character inserted or removed, nested deeper). Whatever comes out, nothing throws;
// a refused file comes back with at least one `path: what is wrong` line and leaves the folder byte
// for byte as it was; an accepted one is valid and reads back from disk.
//
// Seeded (src/testing/random.ts): a failure prints the seed and path to replay it (fast-check's report),
// and TEST_SEED=<n> TEST_RUNS=<n> npx vitest run src/services/import-fuzz.test.ts replays or widens a run.
// A validator-level fuzz of progress files is in src/shared/progress-file-validate.test.ts; this one
// goes through the class store and the disk.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Id, type Pack } from '../shared/pack/schema';
import { validatePack } from '../shared/pack/validate';
import { PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION, type ProgressFile } from '../shared/progress-file';
import { parseProgressFile } from '../shared/progress-file-validate';
import { answerFor, scoredAttempt } from '../shared/testing/answers';
import { testRuns, testSeed } from '../shared/testing/random';
import { ClassStore } from './reports/class-store';
import { snapshot } from './fault/fixtures';
import { checkPack } from './packs/pack-check';
import { importPacks } from './packs/pack-import';
import { readPackFile } from './packs/pack-library';

const SEED_FILE = join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json');
const SEED_TEXT = readFileSync(SEED_FILE, 'utf8');
const SEED_PACK = JSON.parse(SEED_TEXT) as Pack;
/**
 * Cases per target, sized so that each test stays far inside its timeout on a busy two-core machine:
 * the check in memory is cheap, the imports write to disk. TEST_RUNS=10 tries ten times as many.
 */
const RUNS = testRuns(250);
const DISK_RUNS = testRuns(150);
/** A refusal line: a path (or `(file)`, `(pack)`), a colon, what is wrong. */
const PROBLEM_LINE = /^\S[^\n]*: \S/;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

// ---------------------------------------------------------------------------------------------------
// Mutations, shared by both file kinds.

const HOSTILE_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{@html text}',
  ['javascript', 'alert(1)'].join(':'),
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '\u0000',
  '\u202e\u2066reversed',
  '\ud800',
  '\udfff\ud800',
  '👩‍👩‍👧‍👦',
  '__proto__',
  'constructor',
  '',
  ' ',
  'x'.repeat(100_000),
  '"},"__proto__":{"polluted":true},"x":{"',
];

const ODD_VALUES: unknown[] = [null, 0, -1, 1.5, 1e308, -0, true, false, '', [], {}, [null], { __proto__: null }, 'x', 2 ** 53];

const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Every [container, key] under a value, depth first. */
function slots(value: Json, out: [Json, string | number][] = []): [Json, string | number][] {
  if (value === null || typeof value !== 'object') return out;
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  for (const key of keys) {
    out.push([value, key]);
    slots(value[key], out);
  }
  return out;
}

function objects(value: Json): Json[] {
  const out: Json[] = value !== null && typeof value === 'object' && !Array.isArray(value) ? [value] : [];
  for (const [container, key] of slots(value)) {
    const child = container[key];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) out.push(child);
  }
  return out;
}

type ValueMutation =
  | { op: 'delete'; at: number }
  | { op: 'retype'; at: number; value: unknown }
  | { op: 'hostile'; at: number; text: string }
  | { op: 'duplicate-id'; from: number; to: number }
  | { op: 'offset'; at: number; by: number }
  | { op: 'own-key'; at: number; key: (typeof DANGEROUS_KEYS)[number] }
  | { op: 'extra-key'; at: number; key: string }
  | { op: 'top-id'; id: string };

type TextMutation =
  | { op: 'none' }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; text: string }
  | { op: 'remove'; at: number; length: number }
  | { op: 'nest'; depth: number }
  | { op: 'bom' };

const index = fc.nat({ max: 1_000_000 });

const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: index }),
  fc.record({
    op: fc.constant('retype' as const),
    at: index,
    value: fc.oneof(fc.constantFrom(...ODD_VALUES), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 20 })),
  }),
  fc.record({ op: fc.constant('hostile' as const), at: index, text: fc.constantFrom(...HOSTILE_TEXT) }),
  fc.record({ op: fc.constant('duplicate-id' as const), from: index, to: index }),
  fc.record({ op: fc.constant('offset' as const), at: index, by: fc.integer({ min: -40, max: 40 }) }),
  fc.record({ op: fc.constant('own-key' as const), at: index, key: fc.constantFrom(...DANGEROUS_KEYS) }),
  fc.record({ op: fc.constant('extra-key' as const), at: index, key: fc.string({ minLength: 1, maxLength: 12 }) }),
  fc.record({
    op: fc.constant('top-id' as const),
    id: fc.constantFrom(
      '../evil',
      'a/b',
      'a\\b',
      '..',
      'con',
      'nul',
      'A',
      '',
      'x'.repeat(65),
      'ｅｖｉｌ',
      'fine-id',
      'nk-troops-russia-2024',
    ),
  }),
);

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ op: 'none' as const }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: index, text: fc.string({ minLength: 1, maxLength: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('remove' as const), at: index, length: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

interface Mutation {
  values: ValueMutation[];
  text: TextMutation;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  values: fc.array(valueMutation, { minLength: 0, maxLength: 3 }),
  text: textMutation,
});

/** The file as text after the mutations: `idsOf` finds the id-bearing objects (items, attempts …). */
function mutate(base: Json, { values, text }: Mutation, idsOf: (value: Json) => Json[]): string {
  const value = structuredClone(base);
  for (const change of values) {
    const all = slots(value);
    const pick = (at: number) => all[at % all.length];
    switch (change.op) {
      case 'delete': {
        const [container, key] = pick(change.at) ?? [];
        if (Array.isArray(container)) container.splice(key as number, 1);
        else if (container) delete container[key as string];
        break;
      }
      case 'retype': {
        const [container, key] = pick(change.at) ?? [];
        if (container) container[key as string] = structuredClone(change.value);
        break;
      }
      case 'hostile': {
        const strings = all.filter(([container, key]) => typeof container[key] === 'string');
        const [container, key] = strings[change.at % Math.max(1, strings.length)] ?? [];
        if (container) container[key as string] = change.text;
        break;
      }
      case 'duplicate-id': {
        const holders = idsOf(value).filter((holder) => holder && typeof holder === 'object' && 'id' in holder);
        if (holders.length > 1) holders[change.to % holders.length].id = holders[change.from % holders.length].id;
        break;
      }
      case 'offset': {
        const numbers = all.filter(
          ([container, key]) => typeof container[key] === 'number' && /^(start|end|paragraph)$/.test(String(key)),
        );
        const [container, key] = numbers[change.at % Math.max(1, numbers.length)] ?? [];
        if (container) container[key as string] += change.by;
        break;
      }
      case 'own-key': {
        const targets = objects(value);
        const target = targets[change.at % targets.length];
        // An own, enumerable key (as JSON.parse would make it), not a change of prototype.
        if (target)
          Object.defineProperty(target, change.key, {
            value: { polluted: true },
            enumerable: true,
            writable: true,
            configurable: true,
          });
        break;
      }
      case 'extra-key': {
        const targets = objects(value);
        const target = targets[change.at % targets.length];
        if (target && !DANGEROUS_KEYS.includes(change.key as never)) target[change.key] = 'extra';
        break;
      }
      case 'top-id':
        if (value && typeof value === 'object' && 'id' in value) value.id = change.id;
        break;
    }
  }
  let out = JSON.stringify(value, null, 2) ?? 'null';
  switch (text.op) {
    case 'none':
      break;
    case 'truncate':
      out = out.slice(0, text.at % (out.length + 1));
      break;
    case 'insert': {
      const at = text.at % (out.length + 1);
      out = out.slice(0, at) + text.text + out.slice(at);
      break;
    }
    case 'remove': {
      const at = text.at % (out.length + 1);
      out = out.slice(0, at) + out.slice(at + text.length);
      break;
    }
    case 'nest':
      out = `${'['.repeat(text.depth)}${out}${']'.repeat(text.depth)}`;
      break;
    case 'bom':
      out = `\ufeff${out}`;
      break;
  }
  return out;
}

/** Whether the text parses to something with an own `__proto__`, `constructor` or `prototype` key anywhere. */
function hasDangerousKey(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return false;
  }
  return slots(value).some(([container, key]) => !Array.isArray(container) && DANGEROUS_KEYS.includes(key as never));
}

function expectProblems(problems: readonly string[], context: string): void {
  expect(problems.length, context).toBeGreaterThan(0);
  for (const line of problems) expect(line, context).toMatch(PROBLEM_LINE);
}

const options = (runs = RUNS): fc.Parameters<unknown> => ({ seed: testSeed(), numRuns: runs, endOnFailure: true });

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'sourcewise-fuzz-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------

describe(`pack import under fuzzing (seed ${testSeed()}, ${RUNS} cases checked, ${DISK_RUNS} imported)`, () => {
  const itemsOf = (pack: Json) => (Array.isArray(pack?.items) ? pack.items : []);

  it('the seed pack itself is accepted (the fuzz starts from a valid file)', () => {
    expect(checkPack(SEED_TEXT).ok).toBe(true);
  });

  it('checkPack: never throws; refuses with path: message lines, or accepts a valid pack', () => {
    let accepted = 0;
    let withPrototypeKeys = 0;
    fc.assert(
      fc.property(mutation, (change) => {
        const text = mutate(SEED_PACK, change, itemsOf);
        if (hasDangerousKey(text)) withPrototypeKeys++;
        const result = checkPack(text);
        if (result.ok) {
          accepted++;
          expect(hasDangerousKey(text), 'accepted a pack with a prototype key').toBe(false);
          const again = validatePack(JSON.parse(JSON.stringify(result.pack)));
          expect(again.ok, 'accepted a pack the validator refuses').toBe(true);
          expect(Id.safeParse(result.pack.id).success).toBe(true);
          expect(Object.getPrototypeOf(result.pack)).toBe(Object.prototype);
        } else {
          expectProblems(result.problems, text.slice(0, 200));
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      options(),
    );
    // Both outcomes occur: some mutations leave a pack valid (an optional field deleted, a harmless string).
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(RUNS);
    expect(withPrototypeKeys).toBeGreaterThan(RUNS / 50);
  });

  it('importPacks into a folder: a refusal leaves it byte for byte as it was; an import is valid on disk', async () => {
    const packsDir = join(root, 'packs');
    const reset = () => {
      rmSync(packsDir, { recursive: true, force: true });
      mkdirSync(packsDir, { recursive: true });
      writeFileSync(join(packsDir, `${SEED_PACK.id}.json`), SEED_TEXT);
    };
    reset();
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        mutation,
        fc.constantFrom(undefined, 'keep-both' as const, 'replace' as const),
        async (change, decision) => {
          const text = mutate(SEED_PACK, change, itemsOf);
          const before = snapshot(packsDir);
          const result = await importPacks(packsDir, [{ name: 'fuzz.json', text }], () => decision, { mayReplace: true });
          const checked = checkPack(text);
          if (result.rejected.length > 0) {
            refused++;
            expect(result.rejected).toHaveLength(1);
            expectProblems(result.rejected[0]!.problems, text.slice(0, 200));
            expect(snapshot(packsDir)).toEqual(before);
          } else if (result.conflicts.length > 0) {
            expect(checked.ok).toBe(true);
            expect(snapshot(packsDir)).toEqual(before);
          } else {
            stored++;
            expect(checked.ok, 'imported a file checkPack refuses').toBe(true);
            expect(result.imported).toHaveLength(1);
            // Every pack in the folder reads back valid, under its own id's name, inside the folder.
            for (const name of readdirSync(packsDir)) {
              expect(name).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\.json$/);
              const read = await readPackFile(join(packsDir, name));
              expect(read.ok, name).toBe(true);
              if (read.ok) expect(`${read.pack.id}.json`).toBe(name);
            }
            reset();
          }
          expect(readdirSync(root).sort()).toEqual(['packs']);
        },
      ),
      options(DISK_RUNS),
    );
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------------

function progressFile(): ProgressFile {
  const learnerId = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
  const attempts = SEED_PACK.items.slice(0, 8).map((item, n) =>
    scoredAttempt(SEED_PACK, item, answerFor(item, n % 3 !== 0), {
      id: `00000000-0000-4000-8000-00000000000${n}`,
      learnerId,
      timeTakenMs: 1000 + n,
      answeredAt: new Date(Date.UTC(2026, 10, 24, 9, n)).toISOString(),
    }),
  );
  return {
    kind: PROGRESS_FILE_KIND,
    schemaVersion: PROGRESS_FILE_VERSION,
    exportedAt: '2026-11-26T18:00:00.000Z',
    appVersion: '0.1.0',
    learner: { id: learnerId, name: 'Ada' },
    packs: [{ id: SEED_PACK.id, version: SEED_PACK.version, title: SEED_PACK.meta.title }],
    attempts,
  };
}

describe(`progress-file import under fuzzing (seed ${testSeed()}, ${DISK_RUNS} cases)`, () => {
  const base = progressFile();

  it('the file it starts from is accepted', () => {
    const result = parseProgressFile(JSON.stringify(base));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('the class store: a refusal leaves the data folder byte for byte as it was; an import reads back', async () => {
    const dataDir = join(root, 'class');
    mkdirSync(dataDir, { recursive: true });
    const store = new ClassStore(dataDir, { now: () => new Date('2026-11-27T10:00:00Z') });
    await store.open();
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (change) => {
        const text = mutate(base, change, (file) => (Array.isArray(file?.attempts) ? file.attempts : []));
        const before = snapshot(dataDir);
        const result = await store.importFiles([{ name: 'fuzz.json', text }]);
        if (result.rejected.length > 0) {
          refused++;
          expect(result.imported).toEqual([]);
          expectProblems(result.rejected[0]!.problems, text.slice(0, 200));
          expect(snapshot(dataDir)).toEqual(before);
        } else {
          imported++;
          // An attempt's unknown keys (a `constructor` among them) are dropped rather than refused: what
          // matters is that none reaches the class on disk.
          expect(hasDangerousKey(readFileSync(join(dataDir, 'class.json'), 'utf8')), 'a prototype key reached class.json').toBe(
            false,
          );
          expect(result.imported).toHaveLength(1);
          expect(parseProgressFile(text).ok).toBe(true);
          // What was written opens again, clean, with the learner in it.
          const again = new ClassStore(dataDir);
          await again.open();
          expect(again.notices()).toEqual([]);
          expect((await again.learners()).map((learner) => learner.learnerId)).toContain(result.imported[0]!.learnerId);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      options(DISK_RUNS),
    );
    expect(imported).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });
});
