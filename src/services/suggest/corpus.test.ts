import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSplit, figuresTable, readArticleUnits, readSplit, score, testSplitHash, type GoldUnit } from './corpus';

const DOC = new URL('../../../docs/suggestions.md', import.meta.url);
const MARK = '<!-- corpus figures -->';
const split = readSplit();

describe('the corpus', () => {
  it('has a test split of at least 20 articles and 500 units, apart from the dev split', () => {
    expect(split.test.length).toBeGreaterThanOrEqual(20);
    expect(split.test.filter((name) => split.dev.includes(name))).toEqual([]);
    const units = split.test.reduce((n, name) => n + readArticleUnits(name).units.length, 0);
    expect(units).toBeGreaterThanOrEqual(500);
  });

  it('changes its test split (articles or gold labels) only with a line in docs/suggestions.md saying why', () => {
    const hash = testSplitHash();
    const line = readFileSync(DOC, 'utf8')
      .split('\n')
      .find((l) => l.includes(`test split hash ${hash}`));
    expect(line, `docs/suggestions.md needs a line "test split hash ${hash}: <why it changed>"`).toBeDefined();
    expect(line!.split(`test split hash ${hash}`)[1]!.replace(/[^\p{L}]/gu, '').length).toBeGreaterThan(10);
  });
});

describe('scoring', () => {
  const gold = (label: GoldUnit['label'], source = 'Wikinews'): GoldUnit => ({
    id: 'x',
    label,
    cue: '',
    source,
    sourceKind: source === 'Wikinews' ? 'outlet' : 'institution',
    chain: [],
  });
  it('counts per label, macro-F1 over the five labels and the source', () => {
    const s = score([
      { gold: gold('denial', 'the ministry'), predicted: { label: 'denial', suggestion: undefined } },
      { gold: gold('none'), predicted: { label: 'none', suggestion: undefined } },
      { gold: gold('opinion'), predicted: { label: 'confirmed', suggestion: undefined } },
    ]);
    expect(s.accuracy).toBeCloseTo(2 / 3);
    expect(s.perLabel.denial).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(s.perLabel.opinion.recall).toBe(0);
    expect(s.macroF1).toBeCloseTo(1 / 5);
    expect(s.labelledBoth).toBe(2);
    expect(s.sourceAccuracy).toBe(0);
  });
});

describe('the analyser on the corpus', () => {
  it("matches docs/suggestions.md's figures (UPDATE_SUGGESTIONS=1 rewrites them)", () => {
    const table = `\n${figuresTable(evaluateSplit(split.test), evaluateSplit(split.dev))}\n`;
    const parts = readFileSync(DOC, 'utf8').split(MARK);
    expect(parts.length, `docs/suggestions.md needs two ${MARK} markers`).toBe(3);
    if (process.env.UPDATE_SUGGESTIONS === '1') writeFileSync(DOC, [parts[0], table, parts[2]].join(MARK));
    else expect(parts[1]).toBe(table);
  });
});
