/**
 * Scores claim suggestions against gold claims: a suggestion matches a gold claim when their spans
 * overlap by at least half of the shorter one and their labels agree; each gold claim and each
 * suggestion is matched at most once. Precision and recall per label, and micro-averaged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Label } from '../../shared/pack/vocabulary';
import { suggestClaims } from './analyse';

export interface GoldClaim {
  text: string;
  label: Label;
}

export interface Span {
  start: number;
  end: number;
  label: Label;
}

export interface LabelFigures {
  gold: number;
  suggested: number;
  matched: number;
  precision: number;
  recall: number;
}

export type Figures = Record<Label | 'micro', LabelFigures>;

export interface DevArticle {
  name: string;
  text: string;
  gold: Span[];
}

/** True when the spans overlap by at least half of the shorter one. */
export function spansMatch(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  const shorter = Math.min(a.end - a.start, b.end - b.start);
  return shorter > 0 && overlap >= shorter / 2;
}

/** Counts for one article: per label, gold claims, suggestions and matched pairs. */
export function matchArticle(
  gold: Span[],
  suggested: Span[],
): Record<Label, { gold: number; suggested: number; matched: number }> {
  const counts = Object.fromEntries(LABELS.map((l) => [l, { gold: 0, suggested: 0, matched: 0 }])) as Record<
    Label,
    { gold: number; suggested: number; matched: number }
  >;
  for (const g of gold) counts[g.label].gold += 1;
  for (const s of suggested) counts[s.label].suggested += 1;
  const used = new Set<number>();
  for (const g of gold) {
    const k = suggested.findIndex((s, i) => !used.has(i) && s.label === g.label && spansMatch(s, g));
    if (k >= 0) {
      used.add(k);
      counts[g.label].matched += 1;
    }
  }
  return counts;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Precision and recall per label and micro-averaged over all articles. */
export function evaluate(articles: DevArticle[], suggest: (text: string) => Span[] = suggestClaims): Figures {
  const total = Object.fromEntries(LABELS.map((l) => [l, { gold: 0, suggested: 0, matched: 0 }])) as Record<
    Label,
    { gold: number; suggested: number; matched: number }
  >;
  for (const article of articles) {
    const counts = matchArticle(article.gold, suggest(article.text));
    for (const l of LABELS) {
      total[l].gold += counts[l].gold;
      total[l].suggested += counts[l].suggested;
      total[l].matched += counts[l].matched;
    }
  }
  const figures = (c: { gold: number; suggested: number; matched: number }): LabelFigures => ({
    ...c,
    precision: ratio(c.matched, c.suggested),
    recall: ratio(c.matched, c.gold),
  });
  const micro = LABELS.reduce(
    (acc, l) => ({
      gold: acc.gold + total[l].gold,
      suggested: acc.suggested + total[l].suggested,
      matched: acc.matched + total[l].matched,
    }),
    { gold: 0, suggested: 0, matched: 0 },
  );
  return {
    ...(Object.fromEntries(LABELS.map((l) => [l, figures(total[l])])) as Record<Label, LabelFigures>),
    micro: figures(micro),
  };
}

/** Reads `NN-slug.txt` with its `NN-slug.gold.json` from a folder; gold texts must occur in the article. */
export function readDevSet(dir: string): DevArticle[] {
  return readdirSync(dir)
    .filter((f) => /^\d\d-.*\.txt$/.test(f))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const goldFile = file.replace(/\.txt$/, '.gold.json');
      const claims = JSON.parse(readFileSync(join(dir, goldFile), 'utf8')) as GoldClaim[];
      const gold = claims.map((c) => {
        const start = text.indexOf(c.text);
        if (start < 0) throw new Error(`${goldFile}: "${c.text}" is not in ${file}`);
        if (!LABELS.includes(c.label)) throw new Error(`${goldFile}: unknown label "${c.label}"`);
        return { start, end: start + c.text.length, label: c.label };
      });
      return { name: file, text, gold };
    });
}

/** The figures as a Markdown table. */
export function figuresTable(figures: Figures): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = [...LABELS, 'micro' as const].map((l) => {
    const f = figures[l];
    const name = l === 'micro' ? '**micro-average**' : l;
    return `| ${name} | ${f.gold} | ${f.suggested} | ${f.matched} | ${pct(f.precision)} | ${pct(f.recall)} |`;
  });
  return [
    '| label | gold | suggested | matched | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
