// auditPack: the seed pack has nothing to flag, and each thing a reviewer looks for fires on a pack built
// to show it (a deep copy of the seed pack with one thing changed, or a small pack of its items).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPack, formatFinding, type AuditFinding } from './audit';
import type { Pack } from './schema';
import type { ClassifyItem } from '../exercises/classify.schema';
import type { SourceItem } from '../exercises/source.schema';

const root = join(import.meta.dirname, '../../..');
const seed = JSON.parse(readFileSync(join(root, 'exercises/nk-troops-russia-2024.json'), 'utf8')) as Pack;

function seedItem<T extends Pack['items'][number]['type']>(id: string, type: T): Extract<Pack['items'][number], { type: T }> {
  const item = seed.items.find((candidate) => candidate.id === id);
  if (item?.type !== type) throw new Error(`the seed pack has no ${type} item ${id}`);
  return structuredClone(item) as Extract<Pack['items'][number], { type: T }>;
}

/** A pack of the seed's article and meta holding only `items`. */
function packOf(items: Pack['items'], meta: Partial<Pack['meta']> = {}): Pack {
  return { ...structuredClone(seed), meta: { ...seed.meta, ...meta }, items };
}

function texts(findings: AuditFinding[]): string[] {
  return findings.map((finding) => formatFinding('pack.json', finding));
}

const confirmedClaim = (): ClassifyItem => seedItem('classify-official-confirms-troops-sent', 'classify');

describe('auditPack', () => {
  it('finds nothing to flag in the seed pack', () => {
    expect(texts(auditPack(seed))).toEqual([]);
  });

  it('flags an explanation that names no cue and no source', () => {
    const item = confirmedClaim();
    item.explanation = 'This one is established, so it takes that label.';
    expect(texts(auditPack(packOf([item, seedItem('classify-official-mission-unclear', 'classify')])))).toEqual([
      `pack.json: items[0] (${item.id}): the explanation names no cue`,
      `pack.json: items[0] (${item.id}): the explanation names no source`,
    ]);
  });

  it('counts the guide cues of the label and the source by the first words of its name', () => {
    const item = confirmedClaim();
    item.claim.cues = ['was sent'];
    item.explanation = 'Confirmed: the senior U.S. official says so.';
    expect(texts(auditPack(packOf([item, seedItem('classify-official-mission-unclear', 'classify')])))).toEqual([]);
  });

  it('flags a paragraph reference that points away from the item, counting from 1', () => {
    const item = confirmedClaim();
    item.explanation += ' See paragraph 1, and paragraph 4 too; paragraph 40 does not exist.';
    expect(texts(auditPack(packOf([item, seedItem('classify-official-mission-unclear', 'classify')])))).toEqual([
      `pack.json: items[0] (${item.id}): the explanation points at paragraph 4, which holds none of this item's text (paragraphs count from 1)`,
      `pack.json: items[0] (${item.id}): the explanation points at paragraph 40, but the article has ${seed.article.paragraphs.length}`,
    ]);
  });

  it('accepts a paragraph reference next to a quote from that paragraph', () => {
    const item = confirmedClaim();
    item.explanation += ' Compare paragraph 10: "Moscow has not confirmed the reports".';
    expect(texts(auditPack(packOf([item, seedItem('classify-official-mission-unclear', 'classify')])))).toEqual([]);
  });

  it('flags a label whose only cue the guide gives to another label', () => {
    const item = seedItem('classify-moscow-not-confirmed', 'classify');
    item.claim.label = 'denial';
    item.explanation = 'Moscow "has not confirmed" the reports, so this is a denial.';
    expect(texts(auditPack(packOf([item, confirmedClaim()])))).toEqual([
      `pack.json: items[0] (${item.id}): labelled denial, but the guide gives its cue to another label: "has not confirmed" (unconfirmed)`,
    ]);
  });

  it('does not flag a cue of another label that the claim also accepts', () => {
    const item = seedItem('classify-moscow-not-confirmed', 'classify');
    item.claim.label = 'denial';
    item.claim.alsoAccept = ['unconfirmed'];
    item.explanation = 'Moscow "has not confirmed" the reports.';
    expect(texts(auditPack(packOf([item, confirmedClaim()])))).toEqual([]);
  });

  it('flags a modal guess labelled estimate or confirmed, but not a hedged figure, a past ability or the month', () => {
    const guess = confirmedClaim();
    guess.claim.label = 'estimate';
    guess.claim.ref = { ...guess.claim.ref, quote: 'more troops may follow' };
    const figure = structuredClone(guess);
    figure.id = 'hedged-figure';
    figure.claim.ref = { ...figure.claim.ref, quote: 'up to 500 more troops may follow' };
    const ability = structuredClone(guess);
    ability.id = 'past-ability';
    ability.claim.ref = { ...ability.claim.ref, quote: 'we could see the convoy' };
    const month = structuredClone(guess);
    month.id = 'month';
    month.claim.ref = { ...month.claim.ref, quote: 'the talks began in May' };
    const found = texts(auditPack(packOf([guess, figure, ability, month, confirmedClaim(), confirmedClaim()])));
    expect(found.filter((line) => line.includes('guess'))).toEqual([
      `pack.json: items[0] (${guess.id}): labelled estimate, but "may" in "more troops may follow" hedges whether it happens, with no figure: the guide calls that a guess (opinion, rule 4)`,
    ]);
  });

  it('flags a pack where one label is more than half the label judgements', () => {
    const items = [confirmedClaim(), confirmedClaim(), seedItem('classify-official-mission-unclear', 'classify')];
    items[1]!.id = 'another-confirmed';
    expect(texts(auditPack(packOf(items)))).toEqual([
      'pack.json: (pack): confirmed is 2 of 3 label judgements (more than 50 %): one label dominates',
    ]);
  });

  it('flags a pack where one answer position holds most right answers in source items', () => {
    const sources = seed.items.filter((item): item is SourceItem => item.type === 'source').map((item) => structuredClone(item));
    for (const item of sources) {
      const right = item.options.find((option) => option.id === item.answer)!;
      item.options = [right, ...item.options.filter((option) => option !== right)];
    }
    const pack = packOf([...seed.items.filter((item) => item.type !== 'source'), ...sources]);
    expect(texts(auditPack(pack))).toEqual([
      `pack.json: (pack): the right answer is option 1 in ${sources.length} of ${sources.length} source items (more than 60 %): one answer position dominates`,
    ]);
  });

  it('flags a level-1 pack that uses or offers opinion and unconfirmed', () => {
    const unconfirmed = seedItem('classify-official-mission-unclear', 'classify');
    const offersAll = confirmedClaim();
    const estimate = seedItem('classify-intel-10000-by-december', 'classify');
    estimate.choices = ['confirmed', 'estimate', 'denial'];
    expect(texts(auditPack(packOf([unconfirmed, offersAll, estimate], { level: 1 })))).toEqual([
      `pack.json: items[0] (${unconfirmed.id}): a level-1 pack, but this item uses unconfirmed`,
      `pack.json: items[1] (${offersAll.id}): a level-1 pack, but this item offers labels beyond confirmed, estimate and denial (set its choices)`,
    ]);
  });
});
