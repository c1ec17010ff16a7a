// parseProgressFile: a valid file passes, and each way a progress file can be wrong gives the one
// line an instructor (or another tool's author) needs, `path.to.field: what is wrong`. A seeded fuzz
// run then checks that no mutation of a valid file makes it throw or slip through invalid.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressFile, PROGRESS_FILE_KIND, PROGRESS_FILE_VERSION } from './progress-file';
import { replayHint, seededRandom, testRuns, testSeed } from './testing/random';
import { MAX_PROBLEMS, MAX_PROGRESS_DEPTH, parseProgressFile } from './progress-file-validate';

const LEARNER = '1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed';
const OTHER = '6ec0bd7f-11c0-43da-975e-2a8ad9ebae0b';

/** A loosely typed copy of a file, so a test can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

function attempt(index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `a-${index}`,
    learnerId: LEARNER,
    packId: 'bridge-closure',
    packVersion: 2,
    itemId: 'classify-council',
    itemType: 'classify',
    round: 1,
    answer: { type: 'classify', label: 'confirmed', confidence: 3 },
    correct: true,
    score: 1,
    labels: [{ label: 'confirmed', correct: true }],
    confidence: 3,
    timeTakenMs: 5400,
    answeredAt: `2026-11-2${index % 10}T10:00:00.000Z`,
    appVersion: '0.1.0',
    ...overrides,
  };
}

function valid(): Loose {
  return {
    kind: PROGRESS_FILE_KIND,
    schemaVersion: PROGRESS_FILE_VERSION,
    exportedAt: '2026-11-26T18:25:53.123Z',
    appVersion: '0.1.0',
    learner: { id: LEARNER, name: 'Ana Đurić' },
    packs: [
      { id: 'bridge-closure', version: 2, title: 'Bridge closed' },
      { id: 'troops', version: 1, title: 'Troops' },
    ],
    attempts: [
      attempt(0),
      attempt(1, {
        itemId: 'find-unknowns',
        itemType: 'find',
        answer: { type: 'find', spans: [{ paragraph: 0, start: 4, end: 20 }] },
        correct: false,
        score: 0.5,
        labels: [{ label: 'unconfirmed', correct: false }],
        confidence: undefined,
      }),
      attempt(2, {
        packId: 'troops',
        packVersion: 1,
        itemId: 'source-chain',
        itemType: 'source',
        mode: 'review',
        answer: { type: 'source', optionId: 'ministry' },
        confidence: undefined,
      }),
      attempt(3, {
        packId: 'troops',
        packVersion: 1,
        itemId: 'headline',
        itemType: 'headline',
        answer: { type: 'headline', verdict: 'overstated' },
        labels: [],
        confidence: undefined,
      }),
      attempt(4, {
        packId: 'troops',
        packVersion: 1,
        itemId: 'numbers',
        itemType: 'numbers',
        answer: { type: 'numbers', figures: [{ label: 'estimate', source: 'Seoul' }] },
        labels: [{ label: 'estimate', correct: true }],
        confidence: undefined,
      }),
    ],
  };
}

function problemsOf(text: string, maxBytes?: number): string[] {
  const result = parseProgressFile(text, maxBytes);
  return result.ok ? [] : result.problems;
}

function problemsAfter(breakIt: (file: Loose) => void): string[] {
  const file = valid();
  breakIt(file);
  return problemsOf(JSON.stringify(file));
}

describe('parseProgressFile', () => {
  it('accepts a valid file, pretty-printed or not, with a byte order mark or not', () => {
    for (const text of [JSON.stringify(valid()), JSON.stringify(valid(), null, 2), `\ufeff${JSON.stringify(valid())}`]) {
      const result = parseProgressFile(text);
      expect(result.ok ? [] : result.problems).toEqual([]);
      expect(result.ok && result.file.learner).toEqual({ id: LEARNER, name: 'Ana Đurić' });
      expect(result.ok && result.file.attempts.map((a) => a.itemType)).toEqual([
        'classify',
        'find',
        'source',
        'headline',
        'numbers',
      ]);
    }
  });

  it('accepts the complete example in docs/progress-format.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/progress-format.md'), 'utf8');
    const block = /<!-- example-progress[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(block, 'no ```json block after <!-- example-progress --> in docs/progress-format.md').toBeDefined();
    const result = parseProgressFile(block!);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  describe('the file as a whole', () => {
    it('refuses a file over the size cap, counting UTF-8 bytes', () => {
      const text = JSON.stringify(valid());
      // "Đ" and "ć" are two bytes each in UTF-8: the file is two bytes longer than it has characters.
      const bytes = Buffer.byteLength(text, 'utf8');
      expect(bytes).toBe(text.length + 2);
      expect(problemsOf(text, text.length)).toEqual([`(file): larger than the ${text.length}-byte limit for a progress file`]);
      expect(problemsOf(text, bytes)).toEqual([]);
      expect(problemsOf(text, bytes - 1)).toEqual([`(file): larger than the ${bytes - 1}-byte limit for a progress file`]);
      // Four bytes for a character outside the BMP (two UTF-16 units).
      expect(problemsOf(`"😀"`, 5)).toEqual(['(file): larger than the 5-byte limit for a progress file']);
    });

    it('refuses a file over the default 20 MB cap without parsing it', () => {
      const text = `${JSON.stringify(valid())}${' '.repeat(20 * 1024 * 1024)}`;
      expect(problemsOf(text)).toEqual([`(file): larger than the ${20 * 1024 * 1024}-byte limit for a progress file`]);
    });

    it('refuses an empty file', () => {
      expect(problemsOf('')).toEqual(['(file): empty; a progress file is a JSON object']);
      expect(problemsOf(' \n')).toEqual(['(file): empty; a progress file is a JSON object']);
    });

    it('says where the JSON breaks', () => {
      expect(problemsOf('{\n  "kind": "sourcewise-progress",\n  "schemaVersion": 1,\n}')).toEqual([
        `(file): not valid JSON at line 4, column 1 (Expected double-quoted property name in JSON at position 57)`,
      ]);
      const [cut] = problemsOf(JSON.stringify(valid()).slice(0, 100));
      expect(cut).toMatch(/^\(file\): not valid JSON/);
      expect(problemsOf('nope')[0]).toMatch(/^\(file\): not valid JSON \(Unexpected token/);
    });

    it.each([
      ['null', 'null'],
      ['an array', '[]'],
      ['a string', '"progress"'],
      ['a number', '1'],
    ])('refuses %s: not a progress file', (_name, text) => {
      expect(problemsOf(text)).toEqual([
        '(file): not a Sourcewise progress file (it must be a JSON object with "kind": "sourcewise-progress")',
      ]);
    });
  });

  describe('kind and format version, checked first', () => {
    it('recognises a pack given by mistake', () => {
      const pack = readFileSync(join(import.meta.dirname, '../../exercises/nk-troops-russia-2024.json'), 'utf8');
      expect(problemsOf(pack)).toEqual([
        '(file): this is a Sourcewise pack (exercises), not a progress file; a learner makes a progress file with "Export progress"',
      ]);
    });

    it('refuses other JSON', () => {
      expect(problemsOf('{"name": "package", "version": "1.0.0"}')).toEqual([
        'kind: missing; this is not a Sourcewise progress file',
      ]);
      expect(problemsAfter((file) => (file.kind = 'sourcewise-pack'))).toEqual([
        'kind: "sourcewise-pack" is not "sourcewise-progress"; this is not a Sourcewise progress file',
      ]);
      expect(problemsAfter((file) => (file.kind = { evil: 'x'.repeat(1000) }))[0]!.length).toBeLessThan(160);
    });

    it('asks to update Sourcewise for a newer format version, before looking at anything else', () => {
      expect(
        problemsAfter((file) => {
          file.schemaVersion = 2;
          file.attempts = 'a new shape';
        }),
      ).toEqual([
        'schemaVersion: this progress file uses format version 2; this version of Sourcewise reads version 1, so update Sourcewise to import it',
      ]);
    });

    it('refuses a missing or meaningless format version', () => {
      expect(problemsAfter((file) => delete file.schemaVersion)).toEqual([
        'schemaVersion: missing; this app reads progress format version 1',
      ]);
      expect(problemsAfter((file) => (file.schemaVersion = '1'))).toEqual([
        'schemaVersion: "1" is not a progress format version; this app reads version 1',
      ]);
      expect(problemsAfter((file) => (file.schemaVersion = 0))).toEqual([
        'schemaVersion: 0 is not a progress format version; this app reads version 1',
      ]);
      expect(problemsAfter((file) => (file.schemaVersion = 1.5))).toEqual([
        'schemaVersion: 1.5 is not a progress format version; this app reads version 1',
      ]);
    });
  });

  describe('the shape', () => {
    it.each<[string, (file: Loose) => void, string[]]>([
      ['a missing learner', (file) => delete file.learner, ['learner: missing (expected object)']],
      [
        'a missing attempt field',
        (file) => delete file.attempts[1].answeredAt,
        ['attempts[1].answeredAt: missing (expected string)'],
      ],
      [
        'a learner id that is not a UUID',
        (file) => (file.learner.id = '../../etc/passwd'),
        // The shape is wrong, so the rules across fields (attempts[].learnerId) are not checked yet.
        ['learner.id: must be a learner id'],
      ],
      ['an empty name', (file) => (file.learner.name = ''), ['learner.name: too small: expected string to have >=1 characters']],
      [
        'an overlong name',
        (file) => (file.learner.name = 'x'.repeat(61)),
        ['learner.name: too big: expected string to have <=60 characters'],
      ],
      [
        'a wrong type',
        (file) => (file.attempts[0].correct = 'yes'),
        ['attempts[0].correct: invalid input: expected boolean, received string'],
      ],
      [
        'a bad pack id',
        (file) => (file.packs[1].id = 'Troops!'),
        ['packs[1].id: must be 1 to 64 lower-case letters, digits or hyphens, not starting or ending with a hyphen'],
      ],
      [
        'an unknown label',
        (file) => (file.attempts[0].answer.label = 'true'),
        ['attempts[0].answer.label: invalid option: expected one of "confirmed"|"estimate"|"denial"|"unconfirmed"|"opinion"'],
      ],
      ['an unknown top-level property', (file) => (file.teacher = 'Ms Smith'), ['(file): unrecognized key: "teacher"']],
      ['an unknown learner property', (file) => (file.learner.email = 'ana@example.org'), ['learner: unrecognized key: "email"']],
      ['a null', (file) => (file.packs = null), ['packs: invalid input: expected array, received null']],
    ])('reports %s', (_name, breakIt, expected) => {
      expect(problemsAfter(breakIt)).toEqual(expected);
    });

    it('refuses __proto__ keys at the top level and in closed objects, and pollutes nothing', () => {
      const text = JSON.stringify(valid())
        .replace('{', '{"__proto__": {"polluted": true},')
        .replace('"learner":{', '"learner":{"__proto__": {"polluted": true},');
      expect(problemsOf(text)).toEqual(['learner: unrecognized key: "__proto__"', '(file): unrecognized key: "__proto__"']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('drops a __proto__ key inside an attempt without letting it through', () => {
      const text = JSON.stringify(valid()).replace('"attempts":[{', '"attempts":[{"__proto__": {"correct": "polluted"},');
      const result = parseProgressFile(text);
      expect(result.ok).toBe(true);
      const first = result.ok ? (result.file.attempts[0] as Loose) : undefined;
      expect(Object.keys(first)).not.toContain('__proto__');
      expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).correct).toBeUndefined();
    });

    it('refuses deep nesting wherever it is put, before parsing it', () => {
      const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const base = JSON.stringify(valid());
      const tooDeep = [`(file): nested more than ${MAX_PROGRESS_DEPTH} levels deep; a progress file is never this deep`];
      expect(problemsOf(base.replace('"learner":{', `"extra":${deep(100_000)},"learner":{`))).toEqual(tooDeep);
      expect(
        problemsOf(
          base.replace('"answer":{"type":"classify","label":"confirmed","confidence":3}', `"answer":${deepObject(50_000)}`),
        ),
      ).toEqual(tooDeep);
      expect(problemsOf(base.replace(/"attempts":\[/, `"attempts":[${deep(100_000)},`))).toEqual(tooDeep);
      expect(problemsOf(deep(500_000))).toEqual(tooDeep);
      // Nesting up to the limit is left to the schema to judge.
      expect(problemsOf(base.replace('"learner":{', `"extra":${deep(MAX_PROGRESS_DEPTH - 2)},"learner":{`))).toEqual([
        '(file): unrecognized key: "extra"',
      ]);
    });

    it('reports many problems at most MAX_PROBLEMS lines long, each of them short', () => {
      const problems = problemsAfter((file) => {
        file.attempts = Array.from({ length: 500 }, () => ({ ['x'.repeat(10_000)]: 1 }));
      });
      expect(problems).toHaveLength(MAX_PROBLEMS);
      expect(problems.at(-1)).toMatch(/^\(file\): and \d+ more problems$/);
      for (const line of problems) expect(line.length).toBeLessThanOrEqual(300);
    });
  });

  describe('rules across fields', () => {
    it('refuses attempts of another learner', () => {
      expect(problemsAfter((file) => (file.attempts[2].learnerId = OTHER))).toEqual([
        `attempts[2].learnerId: "${OTHER}" is not this file's learner (learner.id is "${LEARNER}")`,
      ]);
    });

    it('refuses an attempt id used twice', () => {
      expect(problemsAfter((file) => (file.attempts[3].id = 'a-1'))).toEqual([
        'attempts[3].id: "a-1" is already used by attempts[1]',
      ]);
      expect(problemsAfter((file) => (file.attempts[3].id = ''))).toEqual(['attempts[3].id: must not be empty']);
    });

    it('refuses an attempt in a pack that packs does not list, and a pack listed twice', () => {
      expect(problemsAfter((file) => file.packs.pop())).toEqual([
        'attempts[2].packId: "troops" is not listed in packs',
        'attempts[3].packId: "troops" is not listed in packs',
        'attempts[4].packId: "troops" is not listed in packs',
      ]);
      expect(problemsAfter((file) => file.packs.push({ id: 'troops', version: 3, title: 'Again' }))).toEqual([
        'packs[2].id: "troops" is already listed as packs[1]',
      ]);
    });

    it('refuses dates that are not date-times', () => {
      expect(problemsAfter((file) => (file.exportedAt = 'yesterday'))).toEqual([
        'exportedAt: must be a date and time such as 2026-11-26T18:25:53.123Z',
      ]);
      expect(problemsAfter((file) => (file.attempts[4].answeredAt = '2026-13-45T99:00:00Z'))).toEqual([
        'attempts[4].answeredAt: must be a date and time such as 2026-11-26T18:25:53.123Z',
      ]);
      expect(problemsAfter((file) => (file.attempts[4].answeredAt = '2026-11-26T19:25:53+01:00'))).toEqual([]);
    });

    it('refuses an answer of another type than the item', () => {
      expect(problemsAfter((file) => (file.attempts[0].itemType = 'find'))).toEqual([
        'attempts[0].answer.type: "classify" does not match itemType "find"',
      ]);
    });
  });
});

describe('parseProgressFile under fuzzing', () => {
  const RUNS = testRuns(1500);
  const wrongValues = (next: () => number): unknown[] => [
    null,
    0,
    -1,
    1.5,
    Number.MAX_SAFE_INTEGER,
    '',
    'x'.repeat(100_000),
    '\u0000\u202e<script>',
    true,
    [],
    [null],
    {},
    { __proto__: null },
    { type: 'classify' },
    '2026-11-26T18:25:53.123Z',
    'bridge-closure',
    LEARNER,
    OTHER,
    Math.floor(next() * 5) + 1,
  ];

  /** Every [container, key] below a value, depth first. */
  function slots(value: unknown, out: [Loose, string | number][] = []): [Loose, string | number][] {
    if (value === null || typeof value !== 'object') return out;
    const entries: [string | number, unknown][] = Array.isArray(value)
      ? value.map((child, index) => [index, child])
      : Object.entries(value);
    for (const [key, child] of entries) {
      out.push([value, key]);
      slots(child, out);
    }
    return out;
  }

  it(`never throws and never lets an invalid file through, over ${RUNS} seeded mutations`, () => {
    const next = seededRandom(testSeed());
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    let accepted = 0;
    for (let run = 0; run < RUNS; run++) {
      const file = valid();
      const mutations = 1 + Math.floor(next() * 3);
      for (let m = 0; m < mutations; m++) {
        const [container, key] = pick(slots(file));
        const action = next();
        if (action < 0.3) {
          if (Array.isArray(container)) container.splice(key as number, 1);
          else delete container[key];
        } else if (action < 0.85) container[key] = structuredClone(pick(wrongValues(next)));
        else if (action < 0.95) container[key] = structuredClone(container[pick(Object.keys(container))]);
        else if (!Array.isArray(container)) container[`x${Math.floor(next() * 10)}`] = 1;
      }
      let text = JSON.stringify(file);
      if (next() < 0.05) text = text.slice(0, Math.floor(next() * text.length));

      let result: ReturnType<typeof parseProgressFile> | undefined;
      expect(() => (result = parseProgressFile(text)), `${replayHint()}, run ${run}`).not.toThrow();
      if (result!.ok) {
        accepted++;
        const again = ProgressFile.safeParse(result!.file);
        expect(again.success, `${replayHint()}, run ${run}: accepted a file the schema refuses`).toBe(true);
        const ids = new Set(result!.file.attempts.map((a) => a.id));
        expect(ids.size, `${replayHint()}, run ${run}: duplicate attempt ids`).toBe(result!.file.attempts.length);
        const packs = new Set(result!.file.packs.map((p) => p.id));
        for (const a of result!.file.attempts) {
          expect(a.learnerId, `${replayHint()}, run ${run}`).toBe(result!.file.learner.id);
          expect(packs.has(a.packId), `${replayHint()}, run ${run}`).toBe(true);
        }
      } else {
        expect(result!.problems.length, `${replayHint()}, run ${run}`).toBeGreaterThan(0);
        for (const line of result!.problems) expect(line, `${replayHint()}, run ${run}`).toMatch(/^\S[^\n]*: \S/);
      }
    }
    // Both outcomes occur: mutations of optional fields, or values that happen to fit, are accepted.
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(RUNS);
  });
});

describe('parseProgressFile: hostile nesting', () => {
  it('refuses a deeply nested file before parsing it, as packs are', () => {
    const deep = `{"kind":"sourcewise-progress","attempts":[${'['.repeat(200_000)}${']'.repeat(200_000)}]}`;
    const parsed = parseProgressFile(deep);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems).toEqual([
        `(file): nested more than ${MAX_PROGRESS_DEPTH} levels deep; a progress file is never this deep`,
      ]);
  });
});

describe('parseProgressFile: learner names', () => {
  it.each([
    ['blank', '   '],
    ['NUL', 'Ada\u0000'],
    ['DEL', 'Ada\u007f'],
    ['a lone surrogate', 'Ada \ud800'],
  ])('refuses a name createLearner refuses (%s)', (_what, name) => {
    const file = valid();
    (file.learner as { name: string }).name = name;
    expect(parseProgressFile(JSON.stringify(file)).ok).toBe(false);
  });
});
