// validatePack: the seed pack passes, and each way of breaking a pack gives the one line an author
// needs, `path.to.field: what is wrong`. Each case deep-clones the seed pack and breaks one thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from './validate';

const root = join(import.meta.dirname, '../../..');
const seedText = readFileSync(join(root, 'exercises/nk-troops-russia-2024.json'), 'utf8');
const seed = JSON.parse(seedText) as Record<string, unknown>;

/** The seed pack, loosely typed so a test can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** The problems for the seed pack after `breakIt` changed a deep copy of it. */
function problemsAfter(breakIt: (pack: Loose) => void): string[] {
  const pack: Loose = structuredClone(seed);
  breakIt(pack);
  return problemsOf(pack);
}

function problemsOf(raw: unknown): string[] {
  const result = validatePack(raw);
  return result.ok ? [] : result.problems;
}

/** The index of the seed item with this id, so expected paths do not hang on the item order. */
function indexOf(id: string): number {
  const index = (seed.items as { id: string }[]).findIndex((item) => item.id === id);
  if (index < 0) throw new Error(`the seed pack has no item ${id}`);
  return index;
}

const paragraphs = (seed.article as { paragraphs: string[] }).paragraphs;
const FIRST = indexOf('classify-official-confirms-troops-sent'); // claim in paragraph 0 at 23..115, cue "confirmed"
const SECOND = indexOf('classify-official-mission-unclear');
const MOSCOW = indexOf('classify-moscow-not-confirmed'); // choices confirmed, denial, unconfirmed; label unconfirmed
const FIND = indexOf('find-unknowns-official'); // passage: paragraphs 0 and 1
const SOURCE = indexOf('source-10000-chain');
const NUMBERS = indexOf('numbers-south-korean-figures'); // choices confirmed, estimate, unconfirmed

describe('validatePack', () => {
  it('accepts the seed pack', () => {
    const result = validatePack(structuredClone(seed));
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.ok && result.pack.id).toBe('nk-troops-russia-2024');
  });

  describe('the value and its format version', () => {
    it.each([
      ['null', null],
      ['an array', [seed]],
      ['a string', 'a pack'],
      ['a number', 1],
    ])('refuses %s: not an object', (_name, raw) => {
      expect(problemsOf(raw)).toEqual(['(pack): must be a JSON object']);
    });

    it('refuses a pack without schemaVersion', () => {
      expect(problemsAfter((pack) => delete pack.schemaVersion)).toEqual([
        'schemaVersion: missing; this app reads pack format version 1',
      ]);
    });

    it('refuses a newer format, saying which version it needs and to update', () => {
      expect(problemsAfter((pack) => (pack.schemaVersion = 2))).toEqual([
        'schemaVersion: this pack needs pack format version 2; this version of Sourcewise reads version 1, so update Sourcewise to open it',
      ]);
    });

    it('refuses a schemaVersion that is not a version number', () => {
      expect(problemsAfter((pack) => (pack.schemaVersion = '1'))).toEqual([
        'schemaVersion: "1" is not a pack format version; this app reads version 1',
      ]);
    });
  });

  describe('the shape', () => {
    it('reports a missing field by its path', () => {
      expect(problemsAfter((pack) => delete pack.meta.title)).toEqual(['meta.title: missing (expected string)']);
    });

    it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31'])('refuses the impossible date %s', (date) => {
      expect(problemsAfter((pack) => (pack.meta.published = date))).toEqual(['meta.published: is not a real date']);
    });

    it('accepts a leap day', () => {
      expect(problemsAfter((pack) => (pack.meta.published = '2024-02-29'))).toEqual([]);
    });

    it('reports an overlong string with the limit', () => {
      expect(problemsAfter((pack) => (pack.meta.title = 'x'.repeat(301)))).toEqual(['meta.title: longer than 300 characters']);
      expect(problemsAfter((pack) => (pack.items[FIRST].explanation = 'x'.repeat(4001)))).toEqual([
        `items[${FIRST}].explanation: longer than 4000 characters`,
      ]);
    });

    it('accepts a string at exactly its limit', () => {
      expect(problemsAfter((pack) => (pack.meta.title = 'x'.repeat(300)))).toEqual([]);
    });

    it('refuses a javascript: URL', () => {
      // eslint-disable-next-line no-script-url -- a hostile URL, fed in as untrusted input
      expect(problemsAfter((pack) => (pack.meta.url = 'javascript:alert(1)'))).toEqual([
        'meta.url: must be an http:// or https:// address',
      ]);
    });

    it('refuses a wrong label', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.label = 'true'))).toEqual([
        `items[${FIRST}].claim.label: invalid option: expected one of "confirmed"|"estimate"|"denial"|"unconfirmed"|"opinion"`,
      ]);
    });

    it('refuses an unknown item type', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].type = 'quiz'))).toEqual([
        `items[${FIRST}].type: invalid discriminator value. Expected 'classify' | 'find' | 'source' | 'headline' | 'numbers'`,
      ]);
    });

    it('refuses an unknown property', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].explaination = 'typo'))).toEqual([
        `items[${FIRST}]: unrecognized key: "explaination"`,
      ]);
    });

    it('refuses a __proto__ key as an unknown property, without polluting prototypes', () => {
      // JSON.parse makes "__proto__" an own property, which is how it arrives from a file.
      const top = JSON.parse(seedText.replace('{', '{"__proto__": {"polluted": true},')) as unknown;
      expect(Object.keys(top as object)).toContain('__proto__');
      expect(problemsOf(top)).toEqual(['(pack): unrecognized key: "__proto__"']);

      const nested = JSON.parse(seedText.replace('"meta": {', '"meta": {"__proto__": {"polluted": true},')) as unknown;
      expect(problemsOf(nested)).toEqual(['meta: unrecognized key: "__proto__"']);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses a pack without items', () => {
      expect(problemsAfter((pack) => (pack.items = []))).toEqual(['items: too small: expected array to have >=1 items']);
    });
  });

  describe('text references', () => {
    it('reports a quote that is not in its paragraph', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.ref.quote = 'not in the article'))).toEqual([
        `items[${FIRST}].claim.ref.quote: not found in paragraph 1`,
      ]);
    });

    it('reports offsets out of range', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.ref.end = 9999))).toEqual([
        `items[${FIRST}].claim.ref: offsets 23..9999 are out of range for paragraph 1 (${paragraphs[0]!.length} characters)`,
      ]);
      expect(
        problemsAfter((pack) => {
          pack.items[FIRST].claim.ref.start = 115;
          pack.items[FIRST].claim.ref.end = 23;
        }),
      ).toEqual([
        `items[${FIRST}].claim.ref: offsets 115..23 are out of range for paragraph 1 (${paragraphs[0]!.length} characters)`,
      ]);
    });

    it('reports offsets that do not hold the quote, and where it is', () => {
      expect(
        problemsAfter((pack) => {
          pack.items[FIRST].claim.ref.start = 24;
          pack.items[FIRST].claim.ref.end = 116;
        }),
      ).toEqual([`items[${FIRST}].claim.ref: offsets 24..116 do not hold the quote (it is at 23..115)`]);
    });

    it('reports a paragraph that does not exist', () => {
      // The claim's cues are then looked for in the missing paragraph too, which may add a line for them.
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.ref.paragraph = 42))).toContain(
        `items[${FIRST}].claim.ref.paragraph: past the end of the article, which has ${paragraphs.length} paragraphs`,
      );
    });

    it('checks a source mention too', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.source.mention.quote = 'a junior official'))).toEqual([
        `items[${FIRST}].claim.source.mention.quote: not found in paragraph 1`,
      ]);
    });
  });

  describe('rules across fields', () => {
    it('reports duplicate item ids', () => {
      expect(problemsAfter((pack) => (pack.items[SECOND].id = pack.items[FIRST].id))).toEqual([
        `items[${SECOND}].id: "classify-official-confirms-troops-sent" is already used by item ${FIRST + 1}`,
      ]);
    });

    it('reports a cue that is not in the claim paragraph', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.cues = ['confirmed', 'denied']))).toEqual([
        `items[${FIRST}].claim.cues[1]: cue "denied" is not in paragraph 1`,
      ]);
    });

    it('matches cues whatever their case', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.cues = ['CONFIRMED']))).toEqual([]);
    });

    it('reports alsoAccept repeating the label', () => {
      expect(problemsAfter((pack) => (pack.items[FIRST].claim.alsoAccept = ['confirmed']))).toEqual([
        `items[${FIRST}].claim.alsoAccept: repeats the claim's own label "confirmed"`,
      ]);
    });

    it('reports classify choices that do not offer the label', () => {
      expect(problemsAfter((pack) => (pack.items[MOSCOW].choices = ['confirmed', 'denial']))).toEqual([
        `items[${MOSCOW}].choices: must offer "unconfirmed", which the claim accepts`,
      ]);
    });

    it('reports classify choices that do not offer an alsoAccept label', () => {
      expect(
        problemsAfter((pack) => {
          pack.items[MOSCOW].claim.alsoAccept = ['opinion'];
        }),
      ).toEqual([`items[${MOSCOW}].choices: must offer "opinion", which the claim accepts`]);
    });

    it('reports a find span outside the passage', () => {
      const quote = 'Russia is suffering extraordinary casualties';
      expect(
        problemsAfter((pack) => {
          pack.items[FIND].spans[0] = { paragraph: 2, start: 1, end: 1 + quote.length, quote };
        }),
      ).toEqual([`items[${FIND}].spans[0].paragraph: paragraph 3 is not in the passage (paragraphs 1, 2)`]);
    });

    it('reports find spans that overlap', () => {
      expect(
        problemsAfter((pack) => {
          pack.items[FIND].spans.push(structuredClone(pack.items[FIND].spans[0]));
        }),
      ).toEqual([`items[${FIND}].spans[2]: overlaps span 1`]);
    });

    it('reports a find passage paragraph that does not exist', () => {
      expect(problemsAfter((pack) => pack.items[FIND].paragraphs.push(99))).toEqual([
        `items[${FIND}].paragraphs[2]: past the end of the article, which has ${paragraphs.length} paragraphs`,
      ]);
    });

    it('reports a source answer that is not among the options', () => {
      expect(problemsAfter((pack) => (pack.items[SOURCE].answer = 'nobody'))).toEqual([
        `items[${SOURCE}].answer: "nobody" is not one of the options' ids`,
      ]);
    });

    it('reports repeated source option ids', () => {
      expect(problemsAfter((pack) => (pack.items[SOURCE].options[3].id = pack.items[SOURCE].options[2].id))).toEqual([
        `items[${SOURCE}].options[3]: "agency-direct-to-afp" appears twice`,
      ]);
    });

    it('reports a numbers figure whose source is not among sourceOptions', () => {
      expect(problemsAfter((pack) => (pack.items[NUMBERS].figures[0].source.name = 'Somebody else'))).toEqual([
        `items[${NUMBERS}].figures[0].source.name: "Somebody else" is not one of sourceOptions`,
      ]);
    });

    it('reports a numbers figure whose label is not among choices', () => {
      expect(problemsAfter((pack) => (pack.items[NUMBERS].figures[0].label = 'opinion'))).toEqual([
        `items[${NUMBERS}].figures[0].label: "opinion" is not one of choices`,
      ]);
    });

    it('reports every problem, not only the first', () => {
      expect(
        problemsAfter((pack) => {
          pack.items[FIRST].claim.ref.quote = 'not in the article';
          pack.items[SECOND].id = pack.items[FIRST].id;
          pack.items[SOURCE].answer = 'nobody';
        }),
      ).toEqual([
        `items[${FIRST}].claim.ref.quote: not found in paragraph 1`,
        `items[${SECOND}].id: "classify-official-confirms-troops-sent" is already used by item ${FIRST + 1}`,
        `items[${SOURCE}].answer: "nobody" is not one of the options' ids`,
      ]);
    });
  });
});

describe('docs/pack-format.md', () => {
  const doc = readFileSync(join(root, 'docs/pack-format.md'), 'utf8');
  const block = /<!-- example-pack[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(doc)?.[1];

  it('has the complete example, marked for this test', () => {
    expect(block, 'no ```json block after <!-- example-pack --> in docs/pack-format.md').toBeDefined();
  });

  it('its complete example pack validates, with one item of each type', () => {
    const result = validatePack(JSON.parse(block ?? 'null'));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.pack.article.paragraphs).toHaveLength(2);
    expect(result.pack.items.map((item) => item.type).sort()).toEqual(['classify', 'find', 'headline', 'numbers', 'source']);
  });
});
