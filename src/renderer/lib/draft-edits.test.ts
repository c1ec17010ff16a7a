import { describe, expect, it } from 'vitest';
import type { ClaimSuggestion } from '../../shared/contract';
import type { Pack } from '../../shared/pack/schema';
import { validatePack } from '../../shared/pack/validate';
import {
  draftExplanation,
  findQuote,
  itemFromSuggestion,
  newItem,
  problemsAt,
  reanchor,
  splitParagraphs,
  splitProblem,
  uniqueItemId,
} from './draft-edits';

function draft(paragraphs: string[]): Pack {
  return {
    schemaVersion: 1,
    id: 'draft',
    version: 1,
    meta: {
      title: 'A draft',
      outlet: 'AFP',
      author: 'AFP',
      published: '2024-10-23',
      url: 'https://example.org/a',
      credit: 'AFP',
      language: 'en',
    },
    article: { headline: 'Troops sent', paragraphs },
    items: [],
  };
}

const PARAGRAPHS = [
  'A senior U.S. official confirmed Wednesday that thousands of soldiers were sent.',
  'North Korea denied sending troops, while Moscow has not confirmed the reports.',
];

describe('problems at fields', () => {
  const problems = [
    'items[0].claim.ref.quote: not found in paragraph 1',
    'items[0].explanation: must not be empty',
    'items[1].id: must be 1 to 64 lower-case letters',
    'meta.url: must be an http:// or https:// address',
    'no colon here',
  ];

  it('splits a line at the first colon and space', () => {
    expect(splitProblem('items[2].claim: offsets 1..2: wrong')).toEqual({
      path: 'items[2].claim',
      message: 'offsets 1..2: wrong',
    });
    expect(splitProblem('no colon here')).toEqual({ path: '', message: 'no colon here' });
  });

  it('finds the problems at a field and inside it, but not at a field whose name merely starts the same', () => {
    expect(problemsAt(problems, 'items[0]')).toEqual(['not found in paragraph 1', 'must not be empty']);
    expect(problemsAt(problems, 'items[0].claim.ref.quote', true)).toEqual(['not found in paragraph 1']);
    expect(problemsAt(problems, 'items[0].claim.ref', true)).toEqual([]);
    expect(problemsAt(problems, 'items[1]')).toEqual(['must be 1 to 64 lower-case letters']);
    expect(problemsAt(['items[10].id: bad'], 'items[1]')).toEqual([]);
    expect(problemsAt(problems, 'meta')).toEqual(['must be an http:// or https:// address']);
  });
});

describe('quotes in the article', () => {
  it('prefers the paragraph the reference was in, then the first that holds the quote', () => {
    expect(findQuote(PARAGRAPHS, 'confirmed', 1)).toEqual({ paragraph: 1, start: 56, end: 65, quote: 'confirmed' });
    expect(findQuote(PARAGRAPHS, 'confirmed')).toEqual({ paragraph: 0, start: 23, end: 32, quote: 'confirmed' });
    expect(findQuote(PARAGRAPHS, 'not there')).toBeUndefined();
    expect(findQuote(PARAGRAPHS, '')).toBeUndefined();
  });

  it('moves references with their quotes when the article is edited', () => {
    const pack = draft(PARAGRAPHS);
    pack.items.push(newItem(pack, 'classify', findQuote(PARAGRAPHS, 'North Korea denied sending troops')));
    pack.article.paragraphs = ['A new first paragraph.', ...PARAGRAPHS.map((p) => `Update: ${p}`)];
    reanchor(pack);
    const item = pack.items[0]!;
    expect(item.type === 'classify' && item.claim.ref).toEqual({
      paragraph: 2,
      start: 8,
      end: 41,
      quote: 'North Korea denied sending troops',
    });
  });

  it('splits pasted text into paragraphs at blank lines and joins wrapped lines', () => {
    expect(splitParagraphs('One line\nwrapped.\n\n\n  Two.  \n \nThree')).toEqual(['One line wrapped.', 'Two.', 'Three']);
  });
});

describe('items from suggestions', () => {
  const suggestion: ClaimSuggestion = {
    paragraph: 1,
    start: 0,
    end: 33,
    text: 'North Korea denied sending troops',
    label: 'denial',
    cues: ['denied'],
    source: { name: 'North Korea', kind: 'party' },
    confidence: 0.9,
  };

  it('makes a valid classify item with the cue, the source and where the article names it', () => {
    const pack = draft(PARAGRAPHS);
    const item = itemFromSuggestion(pack, suggestion);
    pack.items.push(item);
    expect(validatePack(pack)).toMatchObject({ ok: true });
    expect(item).toMatchObject({
      type: 'classify',
      claim: {
        label: 'denial',
        cues: ['denied'],
        source: { name: 'North Korea', kind: 'party', mention: { paragraph: 1, start: 0, end: 11, quote: 'North Korea' } },
      },
    });
    expect(item.explanation).toBe(
      'Denial. “denied” marks a denial: a party rejects the claim. It comes from North Korea (a party to the events).',
    );
  });

  it('falls back to the outlet when the claim has no source, and says so', () => {
    const pack = draft(PARAGRAPHS);
    const item = itemFromSuggestion(pack, { ...suggestion, source: null, cues: [] });
    expect(item.type === 'classify' && item.claim.source).toEqual({ name: 'AFP', kind: 'outlet', chain: [] });
    expect(draftExplanation('opinion', [], null)).toBe('Opinion. The article gives it without naming a source.');
  });

  it('gives each new item an id no other item has', () => {
    const pack = draft(PARAGRAPHS);
    pack.items.push({ ...itemFromSuggestion(pack, suggestion), id: 'classify-2' });
    expect(uniqueItemId(pack, 'classify')).toBe('classify-3');
    expect(uniqueItemId(pack, 'find')).toBe('find-2');
  });
});

describe('new items', () => {
  it('start from the selected text and need only what the author must still decide', () => {
    const pack = draft(PARAGRAPHS);
    const selected = findQuote(PARAGRAPHS, 'thousands of soldiers');
    for (const type of ['classify', 'find', 'source', 'headline', 'numbers'] as const)
      pack.items.push(newItem(pack, type, selected));
    const result = validatePack(pack);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    // Every item misses its explanation; nothing else is wrong with the classify, find, headline or numbers item.
    expect(problems.filter((line) => line.endsWith('explanation: must not be empty'))).toHaveLength(5);
    expect(problems.filter((line) => !line.endsWith('explanation: must not be empty'))).toEqual([
      'items[2].options[0].text: must not be empty',
      'items[2].options[1].text: must not be empty',
      'items[4].sourceOptions[1]: must not be empty',
    ]);
  });
});
