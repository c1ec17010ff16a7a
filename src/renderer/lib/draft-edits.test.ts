import { describe, expect, it } from 'vitest';
import type { ClaimSuggestion } from '../../shared/contract';
import type { Claim, NumbersItem, Pack, SourceItem, TextRef } from '../../shared/pack/schema';
import { validatePack } from '../../shared/pack/validate';
import {
  draftExplanation,
  findQuote,
  itemFromSuggestion,
  newItem,
  problemsAt,
  reanchor,
  refForQuote,
  splitParagraphs,
  splitProblem,
  uniqueItemId,
} from './draft-edits';
import {
  acceptedLabels,
  addOption,
  fieldProblems,
  figureLabels,
  forScreen,
  itemLevelProblems,
  missingSourceOptions,
  moveEntry,
  nextOptionId,
  orderedLabels,
  paragraphPreview,
  refInParagraph,
  removeOption,
  renameOption,
  setAlsoAccept,
  setLabel,
  setOptional,
  shorten,
  startingChoices,
  toggleLabel,
  togglePassage,
  withRequired,
} from './item-fields';

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
    chain: ['North Korea', 'the outlet'],
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
      'Denial. “denied” marks a denial: someone says the claim is false. It comes from North Korea (a party to the events).',
    );
  });

  it('gives the outlet for a claim in the outlet’s own voice, with no chain', () => {
    const pack = draft(PARAGRAPHS);
    const own = { ...suggestion, source: { name: 'the outlet', kind: 'outlet' as const }, chain: ['the outlet'] };
    const item = itemFromSuggestion(pack, own);
    expect(item.type === 'classify' && item.claim.source).toEqual({ name: 'AFP', kind: 'outlet', chain: [] });
  });

  it('leaves the source empty for the instructor when the analyser found none, and says so', () => {
    const pack = draft(PARAGRAPHS);
    const item = itemFromSuggestion(pack, { ...suggestion, source: null, chain: ['the outlet'], cues: [] });
    expect(item.type === 'classify' && item.claim.source).toEqual({ name: '', kind: 'party', chain: ['AFP'] });
    pack.items.push(item);
    expect(validatePack(pack)).toMatchObject({ ok: false });
    expect(draftExplanation('opinion', [], null)).toBe('Opinion. The article gives it without naming a source.');
  });

  it('fills in the chain: the links after the source, the pack’s outlet last', () => {
    const pack = draft(PARAGRAPHS);
    const cited = {
      ...suggestion,
      source: { name: 'an anonymous U.S. official', kind: 'anonymous-official' as const },
      chain: ['an anonymous U.S. official', 'Reuters', 'the outlet'],
    };
    const item = itemFromSuggestion(pack, cited);
    expect(item.type === 'classify' && item.claim.source.chain).toEqual(['Reuters', 'AFP']);
    pack.items.push(item);
    expect(validatePack(pack)).toMatchObject({ ok: true });
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

// The item editor's pure edits (item-fields.ts).
const ARTICLE = [
  'A senior U.S. official confirmed Wednesday that thousands of soldiers were sent.',
  'Officials said about 10,000 troops were expected. The official confirmed it.',
  'Moscow denied the report.',
];

const claim = (overrides: Partial<Claim> = {}): Claim => ({
  ref: { paragraph: 0, start: 23, end: 32, quote: 'confirmed' },
  label: 'confirmed',
  source: { name: 'A senior U.S. official', kind: 'anonymous-official', chain: [] },
  cues: ['confirmed'],
  ...overrides,
});

describe('quotes typed into a reference', () => {
  it('finds the quote, in the current paragraph first', () => {
    const previous: TextRef = { paragraph: 1, start: 0, end: 1, quote: 'O' };
    expect(refForQuote(ARTICLE, 'confirmed', previous)).toEqual({ paragraph: 1, start: 63, end: 72, quote: 'confirmed' });
    expect(findQuote(ARTICLE, 'confirmed')).toEqual({ paragraph: 0, start: 23, end: 32, quote: 'confirmed' });
  });

  it('keeps a quote that is nowhere, for the validator to flag at the field', () => {
    const previous: TextRef = { paragraph: 2, start: 0, end: 6, quote: 'Moscow' };
    expect(refForQuote(ARTICLE, 'Kyiv', previous)).toEqual({ paragraph: 2, start: 0, end: 6, quote: 'Kyiv' });
  });

  it('starts a reference that was not set yet (an optional mention)', () => {
    expect(refForQuote(ARTICLE, 'Moscow', undefined)).toEqual({ paragraph: 2, start: 0, end: 6, quote: 'Moscow' });
    expect(refForQuote(ARTICLE, 'Kyiv', undefined)).toEqual({ paragraph: 0, start: 0, end: 4, quote: 'Kyiv' });
  });

  it('moves a reference to another paragraph, finding its quote there or keeping it to be flagged', () => {
    const ref = findQuote(ARTICLE, 'confirmed')!;
    expect(refInParagraph(ARTICLE, ref, 1)).toEqual({ paragraph: 1, start: 63, end: 72, quote: 'confirmed' });
    expect(refInParagraph(ARTICLE, ref, 2)).toEqual({ ...ref, paragraph: 2 });
  });
});

describe('optional keys', () => {
  it('are removed, not left empty, when cleared', () => {
    const item: { prompt?: string | undefined } = { prompt: 'Who?' };
    setOptional(item, 'prompt', undefined);
    expect('prompt' in item).toBe(false);
    setOptional(item, 'prompt', 'Why?');
    expect(item).toEqual({ prompt: 'Why?' });
  });
});

describe('labels', () => {
  it('are kept in the usual order without repeats', () => {
    expect(orderedLabels(['opinion', 'confirmed', 'opinion'])).toEqual(['confirmed', 'opinion']);
    expect(toggleLabel(['denial'], 'confirmed', true)).toEqual(['confirmed', 'denial']);
    expect(toggleLabel(['confirmed', 'denial'], 'confirmed', false)).toEqual(['denial']);
  });

  it('"also accept" never repeats the claim’s label, and is removed when empty', () => {
    const c = claim();
    setAlsoAccept(c, ['confirmed', 'unconfirmed']);
    expect(c.alsoAccept).toEqual(['unconfirmed']);
    setLabel(c, 'unconfirmed');
    expect(c.label).toBe('unconfirmed');
    expect('alsoAccept' in c).toBe(false);
    expect(acceptedLabels(claim({ label: 'estimate', alsoAccept: ['confirmed'] }))).toEqual(['confirmed', 'estimate']);
  });

  it('a subset of choices grows to offer every label counted right; "all five" stays absent', () => {
    expect(withRequired(['confirmed', 'estimate'], ['opinion'])).toEqual(['confirmed', 'estimate', 'opinion']);
    expect(withRequired(undefined, ['opinion'])).toBeUndefined();
    expect(startingChoices('classify', ['opinion'])).toEqual(['confirmed', 'estimate', 'denial', 'opinion']);
    expect(startingChoices('classify', ['estimate'])).toEqual(['confirmed', 'estimate', 'denial']);
    // A figure is rarely a denial: a numbers exercise starts from the labels figures carry.
    expect(startingChoices('numbers', ['estimate'])).toEqual(['confirmed', 'estimate', 'unconfirmed']);
    expect(startingChoices('numbers', ['opinion'])).toEqual(['confirmed', 'estimate', 'unconfirmed', 'opinion']);
  });

  it('a numbers item must offer every figure’s labels', () => {
    const figures: NumbersItem['figures'] = [
      { ref: findQuote(ARTICLE, 'about 10,000 troops')!, label: 'estimate', source: claim().source },
      { ref: findQuote(ARTICLE, 'thousands')!, label: 'confirmed', alsoAccept: ['unconfirmed'], source: claim().source },
    ];
    expect(figureLabels(figures)).toEqual(['confirmed', 'estimate', 'unconfirmed']);
  });
});

describe('source options', () => {
  const sourceItem = (): SourceItem => ({
    id: 'source-1',
    type: 'source',
    explanation: 'x',
    claim: claim(),
    options: [
      { id: 'a', text: 'One' },
      { id: 'b', text: 'Two' },
    ],
    answer: 'b',
  });

  it('get the next free letter as id', () => {
    expect(nextOptionId([])).toBe('a');
    expect(nextOptionId(['a', 'c'])).toBe('b');
    expect(nextOptionId([...'abcdefghijklmnopqrstuvwxyz'])).toBe('option-27');
    const item = sourceItem();
    addOption(item);
    expect(item.options.at(-1)).toEqual({ id: 'c', text: '' });
  });

  it('removing the answer makes the first remaining option the answer', () => {
    const item = sourceItem();
    addOption(item);
    removeOption(item, 1);
    expect(item.options.map((option) => option.id)).toEqual(['a', 'c']);
    expect(item.answer).toBe('a');
    removeOption(item, 1);
    expect(item.answer).toBe('a');
  });

  it('renaming the answer’s id keeps it the answer', () => {
    const item = sourceItem();
    renameOption(item, 1, 'agency-via-lawmakers');
    expect(item.answer).toBe('agency-via-lawmakers');
    renameOption(item, 0, 'own-count');
    expect(item.answer).toBe('agency-via-lawmakers');
    expect(item.options[0]!.id).toBe('own-count');
  });
});

describe('lists and passages', () => {
  it('a passage stays in article order without repeats', () => {
    expect(togglePassage([3, 1], 2, true)).toEqual([1, 2, 3]);
    expect(togglePassage([1, 2, 2], 2, false)).toEqual([1]);
    expect(togglePassage([1], 1, true)).toEqual([1]);
  });

  it('moves an entry, ignoring moves off either end', () => {
    const chain = ['lawmakers', 'Park', 'AFP'];
    moveEntry(chain, 2, 1);
    expect(chain).toEqual(['lawmakers', 'AFP', 'Park']);
    moveEntry(chain, 0, -1);
    expect(chain).toEqual(['lawmakers', 'AFP', 'Park']);
  });

  it('previews paragraphs and shortens long texts', () => {
    expect(paragraphPreview('  one two three  ', 2)).toBe('one two…');
    expect(paragraphPreview('one two', 2)).toBe('one two');
    expect(shorten('a'.repeat(50), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(shorten('short\n text')).toBe('short text');
  });

  it('lists figures’ sources that the names offered leave out', () => {
    const source = (name: string) => ({ name, kind: 'outlet' as const, chain: [] });
    const item: NumbersItem = {
      id: 'numbers-1',
      type: 'numbers',
      explanation: 'x',
      figures: [
        { ref: findQuote(ARTICLE, 'thousands')!, label: 'estimate', source: source('AFP') },
        { ref: findQuote(ARTICLE, 'about 10,000 troops')!, label: 'estimate', source: source('Officials') },
        { ref: findQuote(ARTICLE, 'Moscow')!, label: 'denial', source: source('Officials') },
        { ref: findQuote(ARTICLE, 'report')!, label: 'denial', source: source('') },
      ],
      sourceOptions: ['AFP', 'Moscow'],
    };
    expect(missingSourceOptions(item)).toEqual(['Officials']);
  });
});

describe('problems', () => {
  const problems = [
    'items[1]: unrecognized key: "extra"',
    'items[1].claim.ref.quote: not found in paragraph 1',
    'items[1].spans: must have at least 1 item',
    'items[10].id: must be 1 to 64 lower-case letters',
    'meta.title: must not be empty',
  ];

  it('those of a field and inside it are found by path', () => {
    expect(problemsAt(problems, 'items[1].claim')).toEqual(['not found in paragraph 1']);
    expect(problemsAt(problems, 'items[1].claim', true)).toEqual([]);
  });

  it('those of an item that no field shows come to the top of the item', () => {
    expect(itemLevelProblems(problems, 1, 'classify')).toEqual(['unrecognized key: "extra"', 'spans: must have at least 1 item']);
    expect(itemLevelProblems(problems, 1, 'find')).toEqual(['unrecognized key: "extra"', 'claim: not found in paragraph 1']);
    expect(itemLevelProblems(problems, 10, 'find')).toEqual([]);
  });
});

describe('problems as the studio shows them', () => {
  it('number the path’s items and spans from 1, as on screen, and leave the words’ numbers alone', () => {
    expect(forScreen('not found in paragraph 4')).toBe('not found in paragraph 4');
    expect(forScreen('items[0].spans[1]: overlaps span 1')).toBe('item 1.span 2: overlaps span 1');
  });

  it('name fields in words and counts plainly, leaving quoted text alone', () => {
    expect(forScreen('"Nobody in paragraph 2" is not one of sourceOptions')).toBe(
      '"Nobody in paragraph 2" is not one of the names offered',
    );
    expect(forScreen('"opinion" is not one of choices')).toBe('"opinion" is not one of the labels offered');
    expect(forScreen('too small: expected array to have >=1 items')).toBe('needs at least 1');
    expect(forScreen('too big: expected array to have <=20 items')).toBe('can have at most 20');
    expect(forScreen('must not be empty')).toBe('must not be empty');
  });

  it('are read from the editor at a field', () => {
    const editor = {
      problemsAt: (path: string) => (path === 'items[0].spans' ? ['too small: expected array to have >=1 items'] : []),
    };
    expect(fieldProblems(editor, 'items[0].spans')).toEqual(['needs at least 1']);
  });
});
