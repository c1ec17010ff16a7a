/**
 * Pure edits behind the studio's item editor: optional keys kept absent rather than empty, labels in
 * their usual order, the labels an item must offer, source options and their ids, the passage of a
 * find item, and the problems of an item that no field of the editor shows.
 * Every function here changes only what it is given, so the editor can call it inside `editor.edit`.
 */
import type { Figure, Item, Label, NumbersItem, SourceItem, TextRef } from '../../shared/pack/schema';
import { LABELS } from '../../shared/pack/vocabulary';
import { findQuote, splitProblem } from './draft-edits';

/** A change to one part of the pack, made through `DraftEditor.edit` (with its undo step key). */
export type Update<T> = (change: (target: T) => void, coalesce?: string) => void;

/**
 * Where an author's subset of labels starts, by the exercise types that offer labels: for a claim,
 * the three a first lesson is built on; for figures, the three a figure can carry (a count, an
 * estimate, a report nobody has checked), as the seed pack's numbers exercise offers.
 */
export const STARTING_LABELS: Record<'classify' | 'numbers', readonly Label[]> = {
  classify: ['confirmed', 'estimate', 'denial'],
  numbers: ['confirmed', 'estimate', 'unconfirmed'],
};

/** Sets an optional key, or removes it when the value is undefined, so a cleared field leaves no empty key. */
export function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** Labels without repeats, in the order the app always shows them. */
export function orderedLabels(labels: Iterable<Label>): Label[] {
  const set = new Set(labels);
  return LABELS.filter((label) => set.has(label));
}

/** A label added to or taken from a list; the result in the usual order. */
export function toggleLabel(labels: readonly Label[], label: Label, on: boolean): Label[] {
  return orderedLabels(on ? [...labels, label] : labels.filter((each) => each !== label));
}

type Labelled = { label: Label; alsoAccept?: Label[] | undefined };

/** The labels a claim or figure counts as right: its label and any it also accepts. */
export function acceptedLabels(claim: Labelled): Label[] {
  return orderedLabels([claim.label, ...(claim.alsoAccept ?? [])]);
}

/** Sets the label; it no longer needs to be "also accepted", and an emptied list is removed. */
export function setLabel(claim: Labelled, label: Label): void {
  claim.label = label;
  setAlsoAccept(claim, claim.alsoAccept ?? []);
}

/** The other labels also counted right; never the claim's own label; the key removed when none. */
export function setAlsoAccept(claim: Labelled, labels: readonly Label[]): void {
  const others = orderedLabels(labels.filter((label) => label !== claim.label));
  setOptional(claim, 'alsoAccept', others.length > 0 ? others : undefined);
}

/** Labels offered, grown to include every label that must be offered (absent stays absent: all five). */
export function withRequired(choices: readonly Label[] | undefined, required: readonly Label[]): Label[] | undefined {
  return choices === undefined ? undefined : orderedLabels([...choices, ...required]);
}

/** Where a subset of labels starts: the three that fit the exercise type and every label the item accepts. */
export function startingChoices(type: keyof typeof STARTING_LABELS, required: readonly Label[]): Label[] {
  return orderedLabels([...STARTING_LABELS[type], ...required]);
}

/** Every label a numbers item accepts for any of its figures. */
export function figureLabels(figures: readonly Figure[]): Label[] {
  return orderedLabels(figures.flatMap((figure) => acceptedLabels(figure)));
}

/** The next free option id: a, b, c … z, then option-27, option-28 … */
export function nextOptionId(taken: readonly string[]): string {
  const used = new Set(taken);
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') if (!used.has(letter)) return letter;
  for (let n = 27; ; n += 1) if (!used.has(`option-${n}`)) return `option-${n}`;
}

export function addOption(item: SourceItem): void {
  item.options.push({ id: nextOptionId(item.options.map((option) => option.id)), text: '' });
}

/** Removes an option; if it was the answer, the first remaining option becomes the answer. */
export function removeOption(item: SourceItem, index: number): void {
  const [removed] = item.options.splice(index, 1);
  if (removed && removed.id === item.answer && item.options[0]) item.answer = item.options[0].id;
}

/** Renames an option's id; the answer follows it. */
export function renameOption(item: SourceItem, index: number, id: string): void {
  const option = item.options[index];
  if (!option) return;
  if (item.answer === option.id) item.answer = id;
  option.id = id;
}

/** A paragraph put into or taken out of a find item's passage; the passage kept in article order. */
export function togglePassage(paragraphs: readonly number[], paragraph: number, on: boolean): number[] {
  const set = new Set(paragraphs.filter((each) => each !== paragraph));
  if (on) set.add(paragraph);
  return [...set].sort((a, b) => a - b);
}

/** The start of a paragraph, to tell paragraphs apart in a list. */
export function paragraphPreview(text: string, words = 8): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  const start = all.slice(0, words).join(' ');
  return all.length > words ? `${start}…` : start;
}

/** Shortened for a button's or a legend's text; the whole text stays in the field. */
export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Figures' source names that the "whose figure" options do not offer yet (each once, none empty). */
export function missingSourceOptions(item: NumbersItem): string[] {
  const offered = new Set(item.sourceOptions);
  return [...new Set(item.figures.map((figure) => figure.source.name))].filter((name) => name !== '' && !offered.has(name));
}

/** The reference moved to another paragraph: the quote found there, or kept for the validator to flag. */
export function refInParagraph(paragraphs: readonly string[], ref: TextRef, paragraph: number): TextRef {
  const found = findQuote(paragraphs, ref.quote, paragraph);
  return found && found.paragraph === paragraph ? found : { ...ref, paragraph };
}

/** Moves one entry of a list to another place. */
export function moveEntry<T>(list: T[], from: number, to: number): void {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return;
  const [entry] = list.splice(from, 1);
  list.splice(to, 0, entry as T);
}

/** The keys of each item type that the editor has a field for. */
export const ITEM_FIELDS: Record<Item['type'], readonly string[]> = {
  classify: ['id', 'type', 'prompt', 'explanation', 'claim', 'choices'],
  find: ['id', 'type', 'prompt', 'explanation', 'label', 'paragraphs', 'spans', 'cues'],
  source: ['id', 'type', 'prompt', 'explanation', 'claim', 'options', 'answer'],
  headline: ['id', 'type', 'prompt', 'explanation', 'headline', 'answer', 'evidence'],
  numbers: ['id', 'type', 'prompt', 'explanation', 'figures', 'choices', 'sourceOptions'],
};

/**
 * The problems of item `index` that belong to no field of the editor: those about the item as a
 * whole, and any about a key its type does not have. Shown at the top of the item.
 */
export function itemLevelProblems(problems: readonly string[], index: number, type: Item['type']): string[] {
  const prefix = `items[${index}]`;
  const known = ITEM_FIELDS[type];
  return problems.flatMap((line) => {
    const { path, message } = splitProblem(line);
    if (path === prefix) return [message];
    if (!path.startsWith(`${prefix}.`)) return [];
    const key = /^[^.[]*/.exec(path.slice(prefix.length + 1))?.[0] ?? '';
    return known.includes(key) ? [] : [`${key}: ${message}`];
  });
}

const KEY_NAMES: Record<string, string> = { spans: 'span', evidence: 'evidence', figures: 'figure', options: 'answer' };

/**
 * A validator line as the studio shows it: the JSON path's indexes counted from 1 as on screen (the
 * validator's words already count paragraphs and items from 1), field names in words, counts in plain
 * language. Quoted text (an id, a cue, a name) is left alone.
 */
export function forScreen(message: string): string {
  return message
    .split(/("[^"]*")/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\bitems\[(\d+)\]/g, (_, n: string) => `item ${Number(n) + 1}`)
            .replace(
              /\b(spans|evidence|figures|options)\[(\d+)\]/g,
              (_, key: string, n: string) => `${KEY_NAMES[key]} ${Number(n) + 1}`,
            )
            .replace(/\bone of sourceOptions\b/g, 'one of the names offered')
            .replace(/\bone of choices\b/g, 'one of the labels offered')
            .replace(/\bone of the options' ids\b/g, 'one of the answers’ short names')
            .replace(/\btoo small: expected \w+ to have >=(\d+) \w+/g, 'needs at least $1')
            .replace(/\btoo big: expected \w+ to have <=(\d+) \w+/g, 'can have at most $1'),
    )
    .join('');
}

/** The problems at a field (and, unless `exact`, inside it), worded for the screen. */
export function fieldProblems(
  editor: { problemsAt(path: string, exact?: boolean): string[] },
  path: string,
  exact = false,
): string[] {
  return editor.problemsAt(path, exact).map(forScreen);
}
