/**
 * What a reviewer looks for in a valid pack, beyond what `validate.ts` can call wrong: explanations
 * that name no cue or no source, a paragraph number in the text that points away from the item, a
 * label whose only cues the labelling guide gives to another label, a modal guess labelled estimate or
 * confirmed, one label or one answer position
 * dominating the pack, and a level-1 pack that uses the labels level 1 does not teach. Each finding
 * is a prompt to look again, not a verdict: `sourcewise audit` prints them (README, docs/pack-format.md).
 */
import type { Item, Pack } from './schema';
import type { Source } from './parts';
import { LABEL_DEFINITIONS } from '../labelling-guide';
import { LABELS, type Label } from './vocabulary';

export interface AuditFinding {
  /** The item the finding is about; absent for a finding about the whole pack. */
  item?: { index: number; id: string };
  text: string;
}

/** A label holding more than this share of a pack's label judgements dominates it. */
export const MAX_LABEL_SHARE = 0.5;
/** One option position holding more than this share of the source items' right answers dominates them... */
export const MAX_POSITION_SHARE = 0.6;
/** ...once there are at least this many source items. */
export const MIN_POSITION_ITEMS = 3;
/** The labels a level-1 pack teaches (PACK_LEVEL_NAMES). */
const LEVEL_ONE_LABELS: readonly Label[] = ['confirmed', 'estimate', 'denial'];

export function auditPack(pack: Pack): AuditFinding[] {
  const findings: AuditFinding[] = [];
  pack.items.forEach((item, index) => {
    const at = { index, id: item.id };
    for (const text of itemFindings(pack, item)) findings.push({ item: at, text });
  });
  findings.push(...packFindings(pack));
  return findings;
}

/** `FILE: items[i] (id): what`, or `FILE: (pack): what`. */
export function formatFinding(file: string, finding: AuditFinding): string {
  const where = finding.item ? `items[${finding.item.index}] (${finding.item.id})` : '(pack)';
  return `${file}: ${where}: ${finding.text}`;
}

function itemFindings(pack: Pack, item: Item): string[] {
  const findings: string[] = [];
  const explanation = item.explanation;

  const labels = labelsOf(item);
  // A source item asks who says so, so its explanation is held to naming the source, not a cue.
  if (labels.length > 0 && item.type !== 'source') {
    const cues = [...ownCues(item), ...labels.flatMap((label) => guideCues(label))];
    if (!cues.some((cue) => mentions(explanation, cue))) findings.push('the explanation names no cue');
  }
  const sources = sourcesOf(item);
  if (sources.length > 0 && !sources.some((source) => sourceWords(pack, source).some((words) => mentions(explanation, words)))) {
    findings.push('the explanation names no source');
  }

  findings.push(...paragraphReferenceFindings(pack, item));

  const claimed = claimOf(item);
  const cueLabels = ownCues(item).flatMap((cue) => {
    const label = guideLabelOf(cue);
    return label ? [{ cue, label }] : [];
  });
  if (claimed && cueLabels.length > 0 && !cueLabels.some(({ label }) => label === claimed.label)) {
    const others = cueLabels.filter(({ label }) => !claimed.alsoAccept?.includes(label));
    if (others.length === cueLabels.length) {
      const quoted = others.map(({ cue, label }) => `"${cue}" (${label})`).join(', ');
      findings.push(
        `labelled ${claimed.label}, but the guide gives its ${others.length === 1 ? 'cue' : 'cues'} to another label: ${quoted}`,
      );
    }
  }

  for (const { label, quote } of labelledQuotes(item)) {
    const hedge = GUESS.exec(quote)?.[0];
    if ((label === 'estimate' || label === 'confirmed') && hedge && !FIGURE.test(quote)) {
      findings.push(
        `labelled ${label}, but "${hedge.trim()}" in "${quote}" hedges whether it happens, with no figure: the guide calls that a guess (opinion, rule 4)`,
      );
    }
  }

  if (pack.meta.level === 1) {
    const beyond = [...new Set(labels.concat(claimed?.alsoAccept ?? []))].filter((label) => !LEVEL_ONE_LABELS.includes(label));
    if (beyond.length > 0) findings.push(`a level-1 pack, but this item uses ${beyond.join(' and ')}`);
    else if ((item.type === 'classify' || item.type === 'numbers') && offersBeyondLevelOne(item.choices)) {
      findings.push('a level-1 pack, but this item offers labels beyond confirmed, estimate and denial (set its choices)');
    }
  }
  return findings;
}

function packFindings(pack: Pack): AuditFinding[] {
  const findings: AuditFinding[] = [];
  const judgements = pack.items.flatMap((item) => labelJudgementsOf(item));
  if (judgements.length > 0) {
    for (const label of LABELS) {
      const count = judgements.filter((candidate) => candidate === label).length;
      if (count / judgements.length > MAX_LABEL_SHARE) {
        findings.push({
          text: `${label} is ${count} of ${judgements.length} label judgements (more than ${MAX_LABEL_SHARE * 100} %): one label dominates`,
        });
      }
    }
  }
  const positions = pack.items.flatMap((item) =>
    item.type === 'source' ? [item.options.findIndex((option) => option.id === item.answer)] : [],
  );
  if (positions.length >= MIN_POSITION_ITEMS) {
    const counts = new Map<number, number>();
    for (const position of positions) counts.set(position, (counts.get(position) ?? 0) + 1);
    for (const [position, count] of counts) {
      if (count / positions.length > MAX_POSITION_SHARE) {
        findings.push({
          text: `the right answer is option ${position + 1} in ${count} of ${positions.length} source items (more than ${MAX_POSITION_SHARE * 100} %): one answer position dominates`,
        });
      }
    }
  }
  return findings;
}

/** The labels an item asks about: what it is right to say. */
function labelsOf(item: Item): Label[] {
  switch (item.type) {
    case 'classify':
    case 'source':
      return [item.claim.label];
    case 'find':
      return [item.label];
    case 'numbers':
      return [...new Set(item.figures.map((figure) => figure.label))];
    case 'headline':
      return [];
  }
}

/** One judgement per classify item, per find span and per figure, as the labelling guide counts them. */
function labelJudgementsOf(item: Item): Label[] {
  switch (item.type) {
    case 'classify':
      return [item.claim.label];
    case 'find':
      return item.spans.map(() => item.label);
    case 'numbers':
      return item.figures.map((figure) => figure.label);
    default:
      return [];
  }
}

/**
 * A modal guess: "may", "might", "could" (not "could not" or "could see", a past ability), "it is
 * possible", "possibly", "perhaps". Lower case only, so that the month of May is no guess.
 */
const GUESS =
  /\b(?:may|might)\b|\bcould (?!not\b|n't\b|see\b|hear\b|feel\b|tell\b|smell\b)|\b[Ii]t is possible\b|\bpossibly\b|\bperhaps\b/;
/** A number in digits or words: a hedged figure is an estimate (the guide's hard case), not a guess. */
const FIGURE =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;

/** The quoted words an item labels, with their label (a claim that also accepts opinion is left out). */
function labelledQuotes(item: Item): { label: Label; quote: string }[] {
  if (item.type === 'classify' || item.type === 'source')
    return item.claim.alsoAccept?.includes('opinion') ? [] : [{ label: item.claim.label, quote: item.claim.ref.quote }];
  if (item.type === 'find') return item.spans.map((span) => ({ label: item.label, quote: span.quote }));
  return [];
}

function claimOf(item: Item): { label: Label; alsoAccept?: Label[] | undefined } | undefined {
  if (item.type === 'classify' || item.type === 'source') return item.claim;
  if (item.type === 'find') return { label: item.label };
  return undefined;
}

function ownCues(item: Item): readonly string[] {
  if (item.type === 'classify' || item.type === 'source') return item.claim.cues;
  if (item.type === 'find') return item.cues ?? [];
  return [];
}

function sourcesOf(item: Item): Source[] {
  if (item.type === 'classify' || item.type === 'source') return [item.claim.source];
  if (item.type === 'numbers') return item.figures.map((figure) => figure.source);
  return [];
}

function offersBeyondLevelOne(choices: readonly Label[] | undefined): boolean {
  return (choices ?? LABELS).some((label) => !LEVEL_ONE_LABELS.includes(label));
}

/** A guide cue as words to look for: "if ..., it would" is looked for as its first part. */
function guideCues(label: Label): string[] {
  return LABEL_DEFINITIONS[label].cues.map((cue) => cue.split('...')[0]!.replace(/[\s,]+$/, ''));
}

/** The label whose guide cue an item's cue holds, the longest such cue deciding ("has not confirmed" is unconfirmed). */
function guideLabelOf(cue: string): Label | undefined {
  let best: { label: Label; length: number } | undefined;
  for (const label of LABELS) {
    for (const guideCue of guideCues(label)) {
      if (mentions(cue, guideCue) && guideCue.length > (best?.length ?? 0)) best = { label, length: guideCue.length };
    }
  }
  return best?.label;
}

/**
 * How an explanation may name a source: its name; the name before a comma or bracket, its first two
 * words or its last word ("Park Sun-won", "senior U.S.", "official"); the role after the comma ("NATO
 * spokeswoman"); or its mention in the article.
 */
function sourceWords(pack: Pack, source: Source): string[] {
  const [head = '', role = ''] = source.name
    .replace(/\(.*?\)/g, '')
    .split(',')
    .map((part) => part.trim());
  const words = head.replace(/^(a|an|the)\s+/i, '').split(/\s+/);
  const candidates = [source.name, head, role, words.slice(0, 2).join(' '), words.at(-1) ?? ''];
  if (source.mention) candidates.push(source.mention.quote.replace(/^(a|an|the)\s+/i, ''));
  if (source.kind === 'outlet') candidates.push(pack.meta.outlet, pack.meta.author, 'the outlet');
  return candidates.filter((candidate) => candidate.length > 0);
}

/** `words` appear in `text` as whole words, ignoring case and the kind of quotation marks. */
function mentions(text: string, words: string): boolean {
  const needle = normalise(words).trim();
  if (needle.length === 0) return false;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(needle)}($|[^\\p{L}\\p{N}])`, 'u');
  return pattern.test(normalise(text));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "paragraph 4" in a prompt or explanation counts from 1. It must be a paragraph the item uses (its
 * claim, source, spans, passage, evidence or figures), or one holding words the text quotes, or the
 * words of the sentence that points at it (a contrast or a fact the explanation draws from elsewhere:
 * "the food authority's side comes in paragraph 13"). "Paragraph 5 has none", pointing one too far,
 * has no words of paragraph 5 to stand on.
 */
function paragraphReferenceFindings(pack: Pack, item: Item): string[] {
  const findings: string[] = [];
  const used = paragraphsOf(item);
  for (const [field, text] of [
    ['prompt', item.prompt],
    ['explanation', item.explanation],
  ] as const) {
    if (!text) continue;
    const quotes = [...normalise(text).matchAll(/"([^"]{4,})"/g)].map((match) => match[1]!.replace(/\s*\.\.\.\s*/g, '\u0000'));
    for (const number of paragraphNumbersIn(text)) {
      const paragraph = pack.article.paragraphs[number - 1];
      if (paragraph === undefined) {
        findings.push(`the ${field} points at paragraph ${number}, but the article has ${pack.article.paragraphs.length}`);
        continue;
      }
      if (used.has(number - 1)) continue;
      const holds = normalise(paragraph);
      if (quotes.some((quote) => quote.split('\u0000').every((part) => part.length === 0 || holds.includes(part.trim()))))
        continue;
      if (sharesWords(sentenceAround(text, number), holds)) continue;
      findings.push(`the ${field} points at paragraph ${number}, which holds none of this item's text (paragraphs count from 1)`);
    }
  }
  return findings;
}

/** The sentence (or clause in brackets) of `text` that names paragraph `number`. */
function sentenceAround(text: string, number: number): string {
  const sentences = text.split(/(?<=[.!?;:()])\s+|[()]/);
  return sentences.find((sentence) => paragraphNumbersIn(sentence).includes(number)) ?? '';
}

/** Words that say nothing about which paragraph is meant. */
const COMMON_WORDS = new Set(
  'paragraph paragraphs about after again also before being both comes could does from have here into later more most only other same says said says than that their them then there these they this those what when where which while will with would wikinews article'.split(
    ' ',
  ),
);

/** At least two of the sentence's telling words (or one number or name) are in the paragraph's text. */
function sharesWords(sentence: string, paragraph: string): boolean {
  const words = new Set(
    [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)]
      .map((match) => match[0])
      .filter((word) => !/^paragraphs?$/i.test(word) && (/\d/.test(word) || word.length >= 4))
      .filter((word) => !COMMON_WORDS.has(word.toLowerCase()) && !/^\d{1,2}$/.test(word)),
  );
  let shared = 0;
  for (const word of words) {
    if (!mentions(paragraph, word)) continue;
    if (/\d/.test(word) || /^\p{Lu}/u.test(word)) return true;
    shared++;
  }
  return shared >= 2;
}

/** The numbers in "paragraph 4", "paragraphs 2 and 3", "paragraphs 1, 3 and 5". */
function paragraphNumbersIn(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/\bparagraphs?\s+(\d+(?:\s*(?:,|and|to|-|–)\s*\d+)*)/gi)) {
    for (const number of match[1]!.matchAll(/\d+/g)) numbers.push(Number(number[0]));
  }
  return numbers;
}

function paragraphsOf(item: Item): Set<number> {
  const refs = (() => {
    switch (item.type) {
      case 'classify':
      case 'source':
        return [item.claim.ref, ...(item.claim.source.mention ? [item.claim.source.mention] : [])];
      case 'find':
        return item.spans;
      case 'headline':
        return item.evidence;
      case 'numbers':
        return item.figures.flatMap((figure) => [figure.ref, ...(figure.source.mention ? [figure.source.mention] : [])]);
    }
  })();
  const paragraphs = new Set(refs.map((ref) => ref.paragraph));
  if (item.type === 'find') for (const paragraph of item.paragraphs) paragraphs.add(paragraph);
  return paragraphs;
}
