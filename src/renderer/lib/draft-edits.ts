/**
 * Pure edits of a draft pack for the studio: new items of each type, items from accepted
 * suggestions with a drafted explanation, quotes found in the article, references kept on their
 * text when the article is edited, and the backend's problem lines matched to the fields they name.
 * No schema library here: the backend validates every saved draft and says what is wrong.
 */
import type { ClaimSuggestion } from '../../shared/contract';
import { kindOf } from '../../shared/exercises/registry';
import type { Item, ItemType, Label, Pack, Source, SourceKind, TextRef } from '../../shared/pack/schema';
import { LABEL_INFO, SOURCE_KIND_NAMES } from './labels';

/** A problem line from the validator, `items[3].claim.ref.quote: not found in paragraph 4`, split in two. */
export function splitProblem(line: string): { path: string; message: string } {
  const at = line.indexOf(': ');
  return at === -1 ? { path: '', message: line } : { path: line.slice(0, at), message: line.slice(at + 2) };
}

/** The problems at a field and, unless `exact`, inside it (`items[2]` holds `items[2].claim.label`). */
export function problemsAt(problems: readonly string[], path: string, exact = false): string[] {
  return problems.flatMap((line) => {
    const problem = splitProblem(line);
    const inside =
      problem.path === path || (!exact && (problem.path.startsWith(`${path}.`) || problem.path.startsWith(`${path}[`)));
    return inside ? [problem.message] : [];
  });
}

export function refAt(paragraphs: readonly string[], paragraph: number, start: number, end: number): TextRef {
  const text = paragraphs[paragraph] ?? '';
  return { paragraph, start, end, quote: text.slice(start, end) };
}

/**
 * Where a quote is in the article: in the preferred paragraph if it is there, else the first
 * paragraph that holds it. Undefined when it is nowhere (the validator will say so at the field).
 */
export function findQuote(paragraphs: readonly string[], quote: string, preferred?: number): TextRef | undefined {
  if (quote === '') return undefined;
  const order = preferred !== undefined && preferred >= 0 ? [preferred, ...paragraphs.keys()] : [...paragraphs.keys()];
  for (const paragraph of order) {
    const start = paragraphs[paragraph]?.indexOf(quote) ?? -1;
    if (start !== -1) return { paragraph, start, end: start + quote.length, quote };
  }
  return undefined;
}

/**
 * A reference for a typed or pasted quote: found in the article (the previous reference's paragraph
 * first), or kept as typed for the validator to flag. Without a previous reference it starts in the
 * first paragraph.
 */
export function refForQuote(paragraphs: readonly string[], quote: string, previous?: TextRef): TextRef {
  const found = findQuote(paragraphs, quote, previous?.paragraph);
  if (found) return found;
  return previous ? { ...previous, quote } : { paragraph: 0, start: 0, end: Math.max(1, quote.length), quote };
}

/** After the article's text changed: each reference follows its quote to where it now is. */
export function reanchor(pack: Pack): void {
  const paragraphs = pack.article.paragraphs;
  for (const ref of pack.items.flatMap((item) => kindOf(item.type).refs(item))) {
    if (paragraphs[ref.paragraph]?.slice(ref.start, ref.end) === ref.quote) continue;
    const found = findQuote(paragraphs, ref.quote, ref.paragraph);
    if (found) Object.assign(ref, found);
  }
}

/** The article as one text to edit: paragraphs separated by blank lines. */
export function joinParagraphs(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}

export function splitParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

export function uniqueItemId(pack: Pack, stem: string): string {
  const taken = new Set(pack.items.map((item) => item.id));
  for (let n = pack.items.length + 1; ; n += 1) {
    const id = `${stem}-${n}`;
    if (!taken.has(id)) return id;
  }
}

const EMPTY_REF: TextRef = { paragraph: 0, start: 0, end: 1, quote: '' };

function outletSource(pack: Pack): Source {
  return { name: pack.meta.outlet || 'the outlet', kind: 'outlet', chain: [] };
}

/** A fresh item of a type, starting from the text the instructor selected, if any. */
export function newItem(pack: Pack, type: ItemType, selected?: TextRef): Item {
  return kindOf(type).draft({
    id: uniqueItemId(pack, type),
    ref: selected ? { ...selected } : { ...EMPTY_REF },
    selected: selected !== undefined,
    outlet: outletSource(pack),
    headline: pack.article.headline,
  });
}

const LABEL_REASON: Record<Label, string> = {
  confirmed: 'presents this as established: the source says it is known or verified',
  estimate: 'marks an approximate figure, a forecast or an assessment, not a count',
  denial: 'marks a denial: someone says the claim is false',
  unconfirmed: 'marks a report that nobody has verified, or a source declining to confirm',
  opinion: 'marks a judgement or characterisation rather than a checkable fact',
};

/** The explanation an accepted suggestion starts with: which cue, which source. The instructor edits it. */
export function draftExplanation(
  label: Label,
  cues: readonly string[],
  source: { name: string; kind: SourceKind } | null,
): string {
  const cueText = cues.length > 0 ? `${cues.map((cue) => `“${cue}”`).join(' and ')} ${LABEL_REASON[label]}` : '';
  const labelText = `${LABEL_INFO[label].name}.`;
  // "It comes from a senior official", not "from A senior official": the name starts mid-sentence.
  const name = source?.name.replace(/^(A|An|The) /, (article) => article.toLowerCase());
  const sourceText = source
    ? `It comes from ${name} (${SOURCE_KIND_NAMES[source.kind]}).`
    : 'The article gives it without naming a source.';
  return [labelText, cueText ? `${cueText.charAt(0).toUpperCase()}${cueText.slice(1)}.` : '', sourceText]
    .filter(Boolean)
    .join(' ');
}

/** How the analyser names the article's own outlet, in a suggestion's source and chain. */
const SUGGESTED_OUTLET = 'the outlet';

/**
 * A suggestion's chain as a pack's: the links after the source, the pack's outlet named last
 * ("an official, Reuters, the outlet" becomes Reuters, then AFP); none when the outlet itself speaks.
 */
function chainFromSuggestion(pack: Pack, suggestion: ClaimSuggestion): string[] {
  const outlet = outletSource(pack).name;
  const links =
    suggestion.source && suggestion.chain[0] === suggestion.source.name ? suggestion.chain.slice(1) : suggestion.chain;
  if (suggestion.source?.kind === 'outlet' && suggestion.source.name === SUGGESTED_OUTLET) return [];
  return links.map((name) => (name === SUGGESTED_OUTLET ? outlet : name)).slice(0, 10);
}

/** An accepted suggestion as a classify item: the claim, its label, cues, source and a drafted explanation. */
export function itemFromSuggestion(pack: Pack, suggestion: ClaimSuggestion): Item {
  const paragraphs = pack.article.paragraphs;
  const source: Source = suggestion.source
    ? { name: suggestion.source.name, kind: suggestion.source.kind, chain: chainFromSuggestion(pack, suggestion) }
    : // No source found (a pronoun with no name before it): left empty for the instructor to fill in.
      { name: '', kind: 'party', chain: chainFromSuggestion(pack, suggestion) };
  if (source.kind === 'outlet' && source.name === SUGGESTED_OUTLET) Object.assign(source, outletSource(pack));
  if (suggestion.source && suggestion.source.kind !== 'outlet') {
    const text = paragraphs[suggestion.paragraph] ?? '';
    const at = text.toLowerCase().indexOf(suggestion.source.name.toLowerCase());
    if (at !== -1) source.mention = refAt(paragraphs, suggestion.paragraph, at, at + suggestion.source.name.length);
  }
  return {
    id: uniqueItemId(pack, 'classify'),
    type: 'classify',
    claim: {
      ref: refAt(paragraphs, suggestion.paragraph, suggestion.start, suggestion.end),
      label: suggestion.label,
      source,
      cues: [...new Set(suggestion.cues)].slice(0, 20),
    },
    explanation: draftExplanation(suggestion.label, suggestion.cues, suggestion.source),
  };
}

/** A classify item's explanation as drafted, and whether the draft named the source (see `draftedExplanations`). */
export interface DraftedExplanation {
  explanation: string;
  namedSource: boolean;
  /** The source it was drafted for, as JSON. */
  source: string;
}

/**
 * The classify items whose explanation is still the one Sourcewise drafted from their label, cues
 * and source, by item id. Taken before an edit, for `redraftExplanations` to keep them true after it.
 */
export function draftedExplanations(pack: Pack): Map<string, DraftedExplanation> {
  const drafted = new Map<string, DraftedExplanation>();
  for (const item of pack.items) {
    if (item.type !== 'classify') continue;
    const { label, cues, source } = item.claim;
    const namedSource = item.explanation === draftExplanation(label, cues, source);
    if (namedSource || item.explanation === draftExplanation(label, cues, null)) {
      drafted.set(item.id, { explanation: item.explanation, namedSource, source: JSON.stringify(source) });
    }
  }
  return drafted;
}

/**
 * After an edit: an explanation the instructor has not written themselves follows the item's label,
 * cues and source, so it never names an old label or source. A draft that named no source (the
 * suggestion had none) names one once the instructor changes the source.
 */
export function redraftExplanations(pack: Pack, before: ReadonlyMap<string, DraftedExplanation>): void {
  for (const item of pack.items) {
    const drafted = before.get(item.id);
    if (item.type !== 'classify' || drafted === undefined || item.explanation !== drafted.explanation) continue;
    const { label, cues, source } = item.claim;
    const named = drafted.namedSource || JSON.stringify(source) !== drafted.source;
    item.explanation = draftExplanation(label, cues, named ? source : null);
  }
}

/** A line for the item list: the claim, headline or task, shortened. */
export function itemSummary(item: Item): string {
  const text = kindOf(item.type).summary(item);
  if (text === '') return '(no text chosen yet)';
  return text.length > 90 ? `${text.slice(0, 89)}…` : text;
}

/** The key a suggestion is remembered by once accepted or rejected. */
export function suggestionKey(suggestion: Pick<ClaimSuggestion, 'paragraph' | 'start' | 'end'>): string {
  return `${suggestion.paragraph}:${suggestion.start}:${suggestion.end}`;
}
