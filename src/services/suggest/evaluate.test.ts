import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../../shared/pack/vocabulary';
import { evaluate, figuresTable, matchArticle, readDevSet, spansMatch } from './evaluate';

const DOC = new URL('../../../docs/suggestions.md', import.meta.url);
const MARK = '<!-- figures -->';

describe('matching', () => {
  it('matches spans overlapping by half of the shorter one', () => {
    expect(spansMatch({ start: 0, end: 10 }, { start: 5, end: 30 })).toBe(true);
    expect(spansMatch({ start: 0, end: 10 }, { start: 6, end: 30 })).toBe(false);
    expect(spansMatch({ start: 0, end: 4 }, { start: 0, end: 100 })).toBe(true);
  });

  it('needs the same label and matches each claim once', () => {
    const gold = [{ start: 0, end: 10, label: 'denial' as const }];
    const c = matchArticle(gold, [
      { start: 0, end: 10, label: 'denial' },
      { start: 0, end: 10, label: 'denial' },
      { start: 0, end: 10, label: 'opinion' },
    ]);
    expect(c.denial).toEqual({ gold: 1, suggested: 2, matched: 1 });
    expect(c.opinion).toEqual({ gold: 0, suggested: 1, matched: 0 });
  });
});

describe('the development set', () => {
  const articles = readDevSet(new URL('./dev-set', import.meta.url).pathname);
  const figures = evaluate(articles);

  it('has at least 8 articles and every label in gold; figures are in [0, 1]', () => {
    expect(articles.length).toBeGreaterThanOrEqual(8);
    for (const label of LABELS) expect(figures[label].gold, label).toBeGreaterThan(0);
    for (const f of Object.values(figures)) {
      for (const x of [f.precision, f.recall]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
  });

  it("matches docs/suggestions.md's table (UPDATE_SUGGESTIONS=1 rewrites it)", () => {
    const doc = readFileSync(DOC, 'utf8');
    const parts = doc.split(MARK);
    expect(parts.length, `docs/suggestions.md needs two ${MARK} markers`).toBe(3);
    const table = `\n${figuresTable(figures)}\n`;
    if (process.env.UPDATE_SUGGESTIONS === '1') {
      writeFileSync(DOC, [parts[0], table, parts[2]].join(MARK));
    } else {
      expect(parts[1]).toBe(table);
    }
  });
});
