import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../shared/pack/vocabulary';
import { suggestInParagraphs } from './paragraphs';

const SEED_PACK = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../exercises/nk-troops-russia-2024.json'), 'utf8'),
) as {
  article: { paragraphs: string[] };
};
const PARAGRAPHS = SEED_PACK.article.paragraphs;

describe('suggestInParagraphs', () => {
  let suggestions: Awaited<ReturnType<typeof suggestInParagraphs>>;
  beforeAll(async () => {
    suggestions = await suggestInParagraphs(PARAGRAPHS);
  });

  it('finds claims of all five labels in the seed article', () => {
    for (const label of LABELS) {
      expect(
        suggestions.some((suggestion) => suggestion.label === label),
        label,
      ).toBe(true);
    }
  });

  it('locates every suggestion inside one paragraph, at offsets that hold its text', () => {
    expect(suggestions.length).toBeGreaterThan(10);
    for (const suggestion of suggestions) {
      const paragraph = PARAGRAPHS[suggestion.paragraph]!;
      expect(suggestion.start).toBeGreaterThanOrEqual(0);
      expect(suggestion.end).toBeLessThanOrEqual(paragraph.length);
      expect(paragraph.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
      for (const cue of suggestion.cues) expect(paragraph.toLowerCase()).toContain(cue.toLowerCase());
    }
  });

  it('keeps article order and gives a source or null', () => {
    const order = suggestions.map((suggestion) => [suggestion.paragraph, suggestion.start] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order).toEqual(sorted);
    expect(suggestions.every((suggestion) => suggestion.source === null || typeof suggestion.source.name === 'string')).toBe(
      true,
    );
    const denial = suggestions.find((suggestion) => suggestion.text.startsWith('North Korea denied'));
    expect(denial).toMatchObject({
      paragraph: 9,
      start: 0,
      label: 'denial',
      source: { name: 'North Korea', kind: 'party' },
      chain: ['North Korea', 'the outlet'],
    });
  });

  it('gives the same claims for one paragraph alone, at the same offsets', async () => {
    const last = PARAGRAPHS.length - 1;
    const alone = (await suggestInParagraphs([PARAGRAPHS[last]!])).map(({ start, end, label }) => ({ start, end, label }));
    const inArticle = suggestions
      .filter((suggestion) => suggestion.paragraph === last)
      .map(({ start, end, label }) => ({ start, end, label }));
    expect(alone).toEqual(inArticle);
  });

  it('gives nothing for no paragraphs or empty ones', async () => {
    expect(await suggestInParagraphs([])).toEqual([]);
    expect(await suggestInParagraphs(['', ''])).toEqual([]);
  });
});
