import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTLET, type Suggestion } from './analyse';
import {
  evaluateSplit,
  figuresTable,
  otherOutletsTable,
  readArticleUnits,
  readSplit,
  sameChain,
  sameSource,
  score,
  testSplitHash,
  type GoldUnit,
} from './corpus';

const DOC = new URL('../../../docs/suggestions.md', import.meta.url);
const MARK = '<!-- corpus figures -->';
const OTHER_OUTLETS_MARK = '<!-- other outlets figures -->';
const split = readSplit();

describe('the corpus', () => {
  it('holds the other outlets apart from both splits, and none of them is Wikinews', () => {
    expect(split.otherOutlets.length).toBeGreaterThan(0);
    expect(split.otherOutlets.filter((name) => split.test.includes(name) || split.dev.includes(name))).toEqual([]);
    for (const name of split.otherOutlets) expect(readArticleUnits(name).outlet, name).not.toBe('Wikinews');
  });

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

  it("takes the article's own outlet, not only Wikinews, as the outlet's voice", () => {
    const afps = 'American Forces Press Service';
    const own = (source: string): GoldUnit => ({ ...gold('confirmed', source), sourceKind: 'outlet', chain: [source] });
    const suggestion: Suggestion = {
      start: 0,
      end: 1,
      text: 'x',
      label: 'confirmed',
      cues: [],
      source: OUTLET,
      chain: [OUTLET.name],
      confidence: 1,
    };
    // The analyser's `the outlet` is the article's outlet by name, and the chain ends with it.
    expect(sameSource(own(afps), suggestion, afps)).toBe(true);
    expect(sameChain(own(afps), suggestion, afps)).toBe(true);
    // Wikinews is the outlet's voice in a Wikinews article only; the default keeps every earlier article's figures.
    expect(sameSource(own('Wikinews'), suggestion)).toBe(true);
    expect(sameSource(own('Wikinews'), suggestion, afps)).toBe(false);
    expect(sameSource(own(afps), suggestion)).toBe(false);
    const pair = { gold: own(afps), predicted: { label: 'confirmed' as const, suggestion } };
    expect(score([{ ...pair, outlet: afps }]).sourceAccuracy).toBe(1);
    expect(score([{ ...pair, outlet: afps }]).chainAccuracy).toBe(1);
    expect(score([pair]).sourceAccuracy).toBe(0);
  });

  it("reads each article's outlet from its .json", () => {
    expect(readArticleUnits(split.test[0]!).outlet).toBe('Wikinews');
  });
});

describe('the analyser on the corpus', () => {
  /** The doc's text between two `mark`s is `table` (UPDATE_SUGGESTIONS=1 writes it there instead). */
  function expectInDoc(mark: string, table: string) {
    const parts = readFileSync(DOC, 'utf8').split(mark);
    expect(parts.length, `docs/suggestions.md needs two ${mark} markers`).toBe(3);
    if (process.env.UPDATE_SUGGESTIONS === '1') writeFileSync(DOC, [parts[0], `\n${table}\n`, parts[2]].join(mark));
    else expect(parts[1]).toBe(`\n${table}\n`);
  }

  it("matches docs/suggestions.md's figures (UPDATE_SUGGESTIONS=1 rewrites them)", () => {
    expectInDoc(MARK, figuresTable(evaluateSplit(split.test), evaluateSplit(split.dev)));
  });

  it("matches docs/suggestions.md's figures on the other outlets, held out (UPDATE_SUGGESTIONS=1 rewrites them)", () => {
    expectInDoc(OTHER_OUTLETS_MARK, otherOutletsTable());
  });
});
