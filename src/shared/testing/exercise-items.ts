/** For tests: one small article and one item of every exercise type on it, valid as a pack. */
import type { KeyWords, ScoringContext } from '../exercises/kind';
import { scoringContext } from '../exercises/registry';
import type { ClassifyItem, FindItem, HeadlineItem, NumbersItem, Pack, SourceItem, TextRef } from '../pack/schema';
import { validatePack } from '../pack/validate';
import type { ItemType } from '../pack/vocabulary';

export const PARAGRAPHS = [
  'The ministry confirmed the closure, but critics call it a reckless bet.',
  'Officials said about 300 jobs would go; the union put the figure at 1,000.',
];

export function ref(paragraph: number, quote: string): TextRef {
  const start = (PARAGRAPHS[paragraph] ?? '').indexOf(quote);
  if (start < 0) throw new Error(`fixture: "${quote}" is not in paragraph ${paragraph}`);
  return { paragraph, start, end: start + quote.length, quote };
}

export const classifyItem: ClassifyItem = {
  id: 'closure',
  type: 'classify',
  explanation: 'The ministry says so on the record.',
  claim: {
    ref: ref(0, 'The ministry confirmed the closure'),
    label: 'confirmed',
    alsoAccept: ['estimate'],
    source: { name: 'The ministry', kind: 'institution', chain: ['AFP'] },
    cues: ['confirmed'],
  },
  choices: ['confirmed', 'estimate', 'opinion'],
};

export const findItem: FindItem = {
  id: 'find-opinion',
  type: 'find',
  label: 'opinion',
  explanation: 'A judgement.',
  paragraphs: [0],
  spans: [ref(0, 'a reckless bet')],
  cues: ['reckless'],
};

export const sourceItem: SourceItem = {
  id: 'who',
  type: 'source',
  explanation: 'The ministry, through AFP.',
  claim: classifyItem.claim,
  options: [
    { id: 'a', text: 'The ministry, through AFP' },
    { id: 'b', text: 'The critics' },
  ],
  answer: 'a',
};

export const headlineItem: HeadlineItem = {
  id: 'headline',
  type: 'headline',
  explanation: 'The body gives two different figures.',
  headline: '1,000 jobs lost',
  answer: 'overstated',
  evidence: [ref(1, 'about 300 jobs would go')],
};

export const numbersItem: NumbersItem = {
  id: 'jobs',
  type: 'numbers',
  explanation: 'Both figures are projections.',
  figures: [
    { ref: ref(1, 'about 300'), label: 'estimate', source: { name: 'Officials', kind: 'anonymous-official', chain: [] } },
    {
      ref: ref(1, '1,000'),
      label: 'estimate',
      alsoAccept: ['unconfirmed'],
      source: { name: 'The union', kind: 'party', chain: [] },
    },
  ],
  sourceOptions: ['Officials', 'The union'],
};

export const ITEMS_BY_TYPE = {
  classify: classifyItem,
  find: findItem,
  source: sourceItem,
  headline: headlineItem,
  numbers: numbersItem,
} satisfies { [T in ItemType]: Extract<Pack['items'][number], { type: T }> };

export function packOf(items: Pack['items']): Pack {
  return {
    schemaVersion: 1,
    id: 'exercise-fixture',
    version: 1,
    meta: {
      title: 'Fixture',
      outlet: 'Test',
      author: 'Test',
      published: '2024-10-23',
      url: 'https://example.com/a',
      credit: 'Test',
      language: 'en',
    },
    article: { headline: 'Closure', paragraphs: PARAGRAPHS },
    items,
  };
}

/** A pack of one item of every type, and what scoring knows of it. */
export const FIXTURE_PACK = packOf(Object.values(ITEMS_BY_TYPE));
export const FIXTURE_CONTEXT: ScoringContext = scoringContext(FIXTURE_PACK);

/** The answer key's words without the PDF's capping, for reading `keyFields` in tests. */
export const PLAIN_KEY_WORDS: KeyWords = {
  quote: (quoted) => `“${quoted.quote}” (paragraph ${quoted.paragraph + 1})`,
  quoted: (text) => `“${text}”`,
  line: (text) => text,
  labels: (label, also) => [label, ...(also ?? [])].join(' or '),
  source: (source) => `${source.name} (${source.kind})`,
  cues: (cues) => cues.join(', '),
};

/** The problems `validatePack` finds in a pack of these items. */
export function problemsOf(...items: Pack['items']): string[] {
  const result = validatePack(packOf(items));
  return result.ok ? [] : result.problems;
}
