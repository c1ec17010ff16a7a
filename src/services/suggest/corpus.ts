/**
 * The real-news corpus (corpus/: news articles, Wikinews and a few public-domain U.S. government ones,
 * their sentence units and gold labels) and the
 * measure of the analyser on it: each unit gets the label of the suggestion that overlaps it (by the
 * guide's order when several do, or `none` when none does), and the figures are per label, over the
 * test and the development split separately.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label, type SourceKind } from '../../shared/pack/vocabulary';
import { OUTLET, suggestClaims, type Suggestion } from './analyse';

export type UnitLabel = Label | 'none';
export const UNIT_LABELS: readonly UnitLabel[] = [...LABELS, 'none'];

export interface GoldUnit {
  id: string;
  label: UnitLabel;
  cue: string;
  source: string;
  sourceKind: SourceKind | '';
  chain: string[];
  resolution?: string;
}

export interface CorpusUnit {
  id: string;
  /** UTF-16 offsets into the article's text. */
  start: number;
  end: number;
  text: string;
  gold: GoldUnit;
}

export interface CorpusArticle {
  name: string;
  /** The article's outlet (its .json `outlet`): a gold source or chain link of this name is its own voice. */
  outlet: string;
  /** The .txt file: headline, blank line, paragraphs separated by blank lines. */
  text: string;
  units: CorpusUnit[];
}

export interface CorpusSplit {
  test: string[];
  dev: string[];
  /** Held out like the test split: news from outlets other than Wikinews, never tuned or trained on. */
  otherOutlets: string[];
}

export const CORPUS_DIR = join(import.meta.dirname, '..', '..', '..', 'corpus');

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export function readSplit(dir = CORPUS_DIR): CorpusSplit {
  return readJson<CorpusSplit>(join(dir, 'split.json'));
}

/** The articles of the first batch (`first-batch.json`): the ones the analyser was tuned beside before more were added. */
export function readFirstBatch(dir = CORPUS_DIR): string[] {
  return readBatch(join(dir, 'first-batch.json'));
}

/** A batch file: the JSON array of the article names added together (`corpus/sixth-batch.json`). */
export function readBatch(file: string): string[] {
  return readJson<string[]>(file);
}

/** The outlet of every article written before the corpus took a second one. */
export const DEFAULT_OUTLET = 'Wikinews';

/** One article with its units placed in its text and their gold labels. */
export function readArticleUnits(name: string, dir = CORPUS_DIR): CorpusArticle {
  const text = readFileSync(join(dir, 'articles', `${name}.txt`), 'utf8');
  const outlet = readJson<{ outlet?: string }>(join(dir, 'articles', `${name}.json`)).outlet ?? DEFAULT_OUTLET;
  const sentences = readJson<{ units: { id: string; text: string }[] }>(join(dir, 'sentences', `${name}.json`)).units;
  const gold = new Map(readJson<{ units: GoldUnit[] }>(join(dir, 'labels', 'gold', `${name}.json`)).units.map((u) => [u.id, u]));
  let cursor = 0;
  const units = sentences.map((unit): CorpusUnit => {
    const start = text.indexOf(unit.text, cursor);
    if (start < 0) throw new Error(`${unit.id}: its text is not in the article`);
    cursor = start + unit.text.length;
    const label = gold.get(unit.id);
    if (!label) throw new Error(`${unit.id}: no gold label`);
    return { id: unit.id, start, end: cursor, text: unit.text, gold: label };
  });
  return { name, outlet, text, units };
}

/**
 * A hash of the test split: its article list and every test unit's gold label, source and kind.
 * docs/suggestions.md carries it, so the split cannot change without the doc saying why.
 */
export function testSplitHash(dir = CORPUS_DIR): string {
  const hash = createHash('sha256');
  for (const name of readSplit(dir).test) {
    for (const unit of readArticleUnits(name, dir).units) {
      const { label, source, sourceKind } = unit.gold;
      hash.update(`${unit.id}\t${unit.text}\t${label}\t${source}\t${sourceKind}\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The guide's order when two claims of one unit disagree: the earlier rule decides. */
const PRECEDENCE: readonly Label[] = ['denial', 'unconfirmed', 'opinion', 'estimate', 'confirmed'];

export interface UnitPrediction {
  label: UnitLabel;
  suggestion: Suggestion | undefined;
}

/** The label the analyser gives each unit: the overlapping suggestion that comes first in the guide. */
export function predictUnits(article: CorpusArticle, suggestions = suggestClaims(article.text)): UnitPrediction[] {
  return article.units.map((unit) => {
    let best: Suggestion | undefined;
    for (const s of suggestions) {
      if (s.end <= unit.start || s.start >= unit.end) continue;
      if (!best || PRECEDENCE.indexOf(s.label) < PRECEDENCE.indexOf(best.label)) best = s;
    }
    return { label: best?.label ?? 'none', suggestion: best };
  });
}

const normalName = (name: string) =>
  name
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/['’]s$/, '')
    .trim();

/** The article's own voice: its outlet by name (gold) or the analyser's `the outlet`. */
const ownVoice = (name: string, outlet: string) => name === outlet || name === OUTLET.name;

/** Two names of one source: both the article's outlet's own voice, or one name containing the other. */
function sameName(gold: string, suggested: string, outlet: string): boolean {
  if (ownVoice(gold, outlet) || ownVoice(suggested, outlet)) return ownVoice(gold, outlet) && ownVoice(suggested, outlet);
  const a = normalName(gold);
  const b = normalName(suggested);
  return a !== '' && b !== '' && (a.includes(b) || b.includes(a));
}

/** The suggested chain is the gold one: as many links, each the same source, the article's outlet last. */
export function sameChain(gold: GoldUnit, suggestion: Suggestion | undefined, outlet = DEFAULT_OUTLET): boolean {
  const chain = suggestion?.chain;
  return (
    chain !== undefined && chain.length === gold.chain.length && chain.every((name, k) => sameName(gold.chain[k]!, name, outlet))
  );
}

/** The suggested source is the gold one: both the article's outlet's own voice, or one name contains the other. */
export function sameSource(gold: GoldUnit, suggestion: Suggestion | undefined, outlet = DEFAULT_OUTLET): boolean {
  const source = suggestion?.source;
  return source !== undefined && sameName(gold.source, source.name, outlet);
}

/** One unit's gold label and the analyser's, with the outlet of its article (Wikinews when not given). */
export interface ScoredPair {
  gold: GoldUnit;
  predicted: UnitPrediction;
  outlet?: string;
}

export interface LabelScore {
  gold: number;
  predicted: number;
  right: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  units: number;
  perLabel: Record<UnitLabel, LabelScore>;
  /** Mean F1 over the five labels (not `none`). */
  macroF1: number;
  /** Share of units whose label (or none) is right. */
  accuracy: number;
  /** Of the units gold labels as a claim and the analyser labels too: the source is right. */
  sourceAccuracy: number;
  sourceKindAccuracy: number;
  /** Of the same units: the whole chain is right (every link, in order, the outlet last). */
  chainAccuracy: number;
  labelledBoth: number;
}

export function score(pairs: ScoredPair[]): Scores {
  const perLabel = Object.fromEntries(
    UNIT_LABELS.map((l) => [l, { gold: 0, predicted: 0, right: 0, precision: 0, recall: 0, f1: 0 }]),
  ) as Record<UnitLabel, LabelScore>;
  let right = 0;
  let labelledBoth = 0;
  let sourceRight = 0;
  let kindRight = 0;
  let chainRight = 0;
  for (const { gold, predicted, outlet = DEFAULT_OUTLET } of pairs) {
    perLabel[gold.label].gold += 1;
    perLabel[predicted.label].predicted += 1;
    if (gold.label === predicted.label) {
      perLabel[gold.label].right += 1;
      right += 1;
    }
    if (gold.label !== 'none' && predicted.label !== 'none') {
      labelledBoth += 1;
      if (sameSource(gold, predicted.suggestion, outlet)) sourceRight += 1;
      if (predicted.suggestion?.source?.kind === gold.sourceKind) kindRight += 1;
      if (sameChain(gold, predicted.suggestion, outlet)) chainRight += 1;
    }
  }
  for (const s of Object.values(perLabel)) {
    s.precision = s.predicted ? s.right / s.predicted : 0;
    s.recall = s.gold ? s.right / s.gold : 0;
    s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
  }
  return {
    units: pairs.length,
    perLabel,
    macroF1: LABELS.reduce((sum, l) => sum + perLabel[l].f1, 0) / LABELS.length,
    accuracy: pairs.length ? right / pairs.length : 0,
    sourceAccuracy: labelledBoth ? sourceRight / labelledBoth : 0,
    sourceKindAccuracy: labelledBoth ? kindRight / labelledBoth : 0,
    chainAccuracy: labelledBoth ? chainRight / labelledBoth : 0,
    labelledBoth,
  };
}

/** Scores of the analyser (or any unit labeller) over the named articles. */
export function evaluateSplit(
  names: readonly string[],
  predict: (article: CorpusArticle) => UnitPrediction[] = (a) => predictUnits(a),
  dir = CORPUS_DIR,
): Scores {
  const pairs: ScoredPair[] = [];
  for (const name of names) {
    const article = readArticleUnits(name, dir);
    const predictions = predict(article);
    article.units.forEach((unit, k) => pairs.push({ gold: unit.gold, predicted: predictions[k]!, outlet: article.outlet }));
  }
  return score(pairs);
}

/** The cue rules alone, without the learned classifier: the other half of most comparisons. */
export const rulesAlone = (article: CorpusArticle) => predictUnits(article, suggestClaims(article.text, { classifier: null }));

const f = (x: number) => x.toFixed(3);

/**
 * A markdown table: per label P/R/F1 of two sets of figures side by side, headed by their names
 * (the test split, then the dev split beside it, unless named otherwise).
 */
export function figuresTable(test: Scores, dev: Scores, [left, right]: [string, string] = ['test', 'dev']): string {
  const rows = [
    `| label | ${left} gold | ${left} P | ${left} R | ${left} F1 | ${right} gold | ${right} P | ${right} R | ${right} F1 |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const l of UNIT_LABELS) {
    const a = test.perLabel[l];
    const b = dev.perLabel[l];
    rows.push(
      `| ${l} | ${a.gold} | ${f(a.precision)} | ${f(a.recall)} | ${f(a.f1)} | ${b.gold} | ${f(b.precision)} | ${f(b.recall)} | ${f(b.f1)} |`,
    );
  }
  rows.push(`| **macro-F1 (five labels)** | | | | **${f(test.macroF1)}** | | | | **${f(dev.macroF1)}** |`);
  rows.push(
    `| **accuracy (six classes)** | ${test.units} | | | **${f(test.accuracy)}** | ${dev.units} | | | **${f(dev.accuracy)}** |`,
  );
  rows.push(
    `| source right (labelled by both) | ${test.labelledBoth} | | | ${f(test.sourceAccuracy)} | ${dev.labelledBoth} | | | ${f(dev.sourceAccuracy)} |`,
  );
  rows.push(`| source kind right | | | | ${f(test.sourceKindAccuracy)} | | | | ${f(dev.sourceKindAccuracy)} |`);
  rows.push(`| chain right | | | | ${f(test.chainAccuracy)} | | | | ${f(dev.chainAccuracy)} |`);
  return rows.join('\n');
}

/** The held-out articles of other outlets: the blend, and the rules alone beside it. */
export function otherOutletsTable(dir = CORPUS_DIR): string {
  const names = readSplit(dir).otherOutlets;
  return figuresTable(evaluateSplit(names, undefined, dir), evaluateSplit(names, rulesAlone, dir), ['blend', 'rules']);
}
