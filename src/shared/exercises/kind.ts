/**
 * What an exercise type is, in two parts per type. `ExerciseKind` (in `registry.ts`) is what playing
 * and editing an item need: scoring an answer, what it labels, its references, its line and fresh
 * draft in the studio, and the lists shown shuffled. `ExerciseReporting` (in `reporting.ts`) is what
 * only the backend, the reports and the pack's validator need: the item, the right answer and an
 * answer in words, the answer key, the xAPI interaction, and the pack checks across fields. Kept
 * apart so that the renderer, which plays and edits, does not bundle the second. Everything the app
 * does with an item that depends on its type goes through one of the two. Zod-free, so the renderer
 * can score without bundling zod; the schemas are in each type's `<type>.schema.ts`.
 */
import type { Answer, Score } from '../answers';
import type { KeyRow } from '../pack/answer-key';
import type { Item } from '../pack/schema';
import type { Claim, Source, TextRef } from '../pack/parts';
import { LABEL_NAMES, type ItemType, type Label } from '../pack/vocabulary';

/** A stretch of the article that an item gives a label: a claim, a figure or a span to find. */
export interface LabelledSpan extends TextRef {
  label: Label;
  alsoAccept?: Label[];
}

/**
 * What scoring knows of the pack beyond the item: the article's paragraphs and every labelled span
 * of the pack, by paragraph (`labelledSpans` in `registry.ts` builds it). A find answer needs them to
 * tell a mark on a claim of another label, or on text that is no claim, from a right one.
 */
export interface ScoringContext {
  paragraphs: readonly string[];
  labelled: ReadonlyMap<number, readonly LabelledSpan[]>;
}

/** The item of one type, and the answer to it. */
export type ItemOf<T extends ItemType> = Extract<Item, { type: T }>;
export type AnswerOf<T extends ItemType> = Extract<Answer, { type: T }>;

/** The checks a pack's validator offers an item for its rules across fields; each records its own problems. */
export interface PackChecks {
  /** The article's paragraphs. */
  paragraphs: readonly string[];
  problem(text: string): void;
  /** The quote is really in its paragraph, at its offsets. */
  ref(ref: TextRef, path: string): void;
  /** Each cue is in one of the paragraphs. */
  cues(cues: readonly string[], paragraphs: readonly number[], path: string): void;
  /** The claim's quote, source mention and cues are in place, and it does not also accept its own label. */
  claim(claim: Claim, path: string): void;
  unique(values: readonly (string | number)[], path: string): void;
  /** The paragraph is in the article. */
  paragraph(index: number, path: string): void;
  /** Paragraph indexes as people count them: `paragraph 4`, `paragraphs 1, 3`. */
  paragraphNumbers(indexes: readonly number[]): string;
}

/** Where the studio starts a new item: its id, the text selected (or an empty reference), and the pack it joins. */
export interface DraftStart {
  id: string;
  ref: TextRef;
  selected: boolean;
  /** The outlet, as the source of a new claim until the author names another. */
  outlet: Source;
  headline: string;
}

/** One choice of an xAPI choice interaction: its id and how it reads (pack text in the pack's language). */
export interface XapiChoice {
  id: string;
  text: string;
}

/**
 * How the printed answer key writes the parts of an item (it caps and cleans untrusted text its own
 * way); each type's `keyFields` composes its lines from these.
 */
export interface KeyWords {
  /** A quote from the article, with its paragraph. */
  quote(ref: TextRef): string;
  /** Text from the pack, quoted. */
  quoted(text: string): string;
  /** Text from the pack, as a line. */
  line(text: string): string;
  /** A label and those also accepted. */
  labels(label: Label, alsoAccept: readonly Label[] | undefined): string;
  /** Who says so, their kind and the chain it came through. */
  source(source: Source): string;
  cues(cues: readonly string[]): string;
}

/** One line of an item in the printed answer key: a named value (indented under a figure), or a named list. */
export type KeyField = { name: string; value: string; indent?: number } | { name: string; list: string[] };

/** What playing and editing an item of the type need (the screens, the one-file player and the backend alike). */
export interface ExerciseKind<T extends ItemType> {
  type: T;
  /** The type's name, on screen and in print. */
  name: string;
  /** The standard question, unless the item asks its own. */
  question: string;
  /** What an answer is worth; throws `ApiError('invalid-input')` for an answer that cannot fit the item. */
  score(item: ItemOf<T>, answer: AnswerOf<T>, context: ScoringContext): Score;
  /** The stretches of the article the item gives a label (its claim, figures or spans to find). */
  labelled(item: ItemOf<T>): LabelledSpan[];
  /** Every reference to the article's text the item holds, so they can move with their quotes when the article is edited. */
  refs(item: ItemOf<T>): TextRef[];
  /** A line for the studio's item list: the claim, headline or task. */
  summary(item: ItemOf<T>): string;
  /** A fresh item for the studio, started from the text the author selected, if any. */
  draft(start: DraftStart): ItemOf<T>;
  /**
   * The lists the learner picks from whose order is the pack author's, and so could give the answer
   * away (authors tend to write the right option first): shown shuffled per learner and play
   * (`choice-order.ts`). Absent for a type whose choices are the labels or verdicts, which are the
   * same for every item and shown in the guide's order, so their positions say nothing about any item.
   */
  shuffled?: {
    /** Each list by its field name, as the keys that name its entries (option ids, names), in pack order. */
    lists(item: ItemOf<T>): Record<string, string[]>;
    /** The item with those lists in the given orders of their keys. */
    ordered(item: ItemOf<T>, order: Readonly<Record<string, readonly string[]>>): ItemOf<T>;
  };
}

/**
 * What the backend, the reports and the pack's validator do with an item of the type beyond playing
 * and editing it. The renderer never imports it (nor `reporting.ts`), so none of it is in its bundle.
 */
export interface ExerciseReporting<T extends ItemType> {
  /** The claim, headline, figures or passage the item is about, in a line. */
  describeItem(item: ItemOf<T>): string;
  /** The right answer, in words (reports). */
  expected(item: ItemOf<T>): string;
  /** A learner's answer in words, for a spreadsheet cell. */
  describeAnswer(answer: AnswerOf<T>): string;
  /**
   * A learner's answer as a teacher reads it, with the item at hand: labels and verdicts by name, the
   * option's text, the marked text quoted (`paragraphs` is the pack's article).
   */
  answerWords(item: ItemOf<T>, answer: AnswerOf<T>, paragraphs: readonly string[]): string;
  /** The item in the printed answer key: what the learner sees and the right answer, field by field. */
  keyFields(item: ItemOf<T>, words: KeyWords): KeyField[];
  /** The answer key's rows: one per thing a learner must get right. */
  keyRows(item: ItemOf<T>): Omit<KeyRow, 'itemId' | 'type'>[];
  /** The item as an xAPI cmi.interaction: choices and the right ones for `choice`, nothing more for `other`. */
  xapi: {
    /**
     * The xAPI interaction type: `choice` for labels, options and verdicts; `long-fill-in` for
     * passages to mark (the marked text is the response); `matching` for figures paired with a label
     * and a source.
     */
    interactionType: 'choice' | 'long-fill-in' | 'matching';
    choices?(item: ItemOf<T>): { choices: XapiChoice[]; correct: string[] };
    /** For `matching`: what is paired (`source`) with what (`target`), and the right pairs as a pattern. */
    matching?(item: ItemOf<T>): { source: XapiChoice[]; target: XapiChoice[]; correct: string[] };
    /** For `long-fill-in`: the right response as a pattern. */
    fillIn?(item: ItemOf<T>): string[];
    /**
     * The answer as an xAPI response string (lists joined by `[,]`, pairs by `[.]`), in the terms of
     * the pattern when the item is at hand (`paragraphs` is the pack's article).
     */
    response(answer: AnswerOf<T>, item?: ItemOf<T>, paragraphs?: readonly string[]): string;
  };
  /** The pack rules across fields that this type's items must keep, beyond their schema. */
  check(item: ItemOf<T>, path: string, checks: PackChecks): void;
}

/**
 * The list in the order of `keys`: entries whose key is not there (the pack gained an option since)
 * follow in pack order, and keys that match no entry (it lost one) are passed over.
 */
export function inOrder<E>(list: readonly E[], keyOf: (entry: E) => string, keys: readonly string[] | undefined): E[] {
  if (keys === undefined) return [...list];
  const rank = new Map(keys.map((key, index) => [key, index]));
  const position = (entry: E, index: number) => rank.get(keyOf(entry)) ?? keys.length + index;
  return list
    .map((entry, index) => ({ entry, at: position(entry, index) }))
    .sort((a, b) => a.at - b.at)
    .map(({ entry }) => entry);
}

/** A label and the others also counted right. */
export function accepts<L extends string>(label: L, alsoAccept: readonly L[] | undefined): L[] {
  return [label, ...(alsoAccept ?? [])];
}

/** `{ alsoAccept }` when there are any, else nothing: answer key rows leave an empty list out. */
export function alsoAccepted<L extends string>(alsoAccept: L[] | undefined): { alsoAccept?: L[] } {
  return alsoAccept && alsoAccept.length > 0 ? { alsoAccept } : {};
}

/**
 * A label, and those also accepted, as report text in the words the learner's answer is written in
 * beside it: `Estimate (also accepted: Unconfirmed)`.
 */
export function labelWithAlso(label: Label, also: readonly Label[] | undefined): string {
  const name = LABEL_NAMES[label];
  return also === undefined || also.length === 0
    ? name
    : `${name} (also accepted: ${also.map((other) => LABEL_NAMES[other]).join(', ')})`;
}

/** Right or wrong, nothing between, and no label judged: the score of a source or headline answer. */
export function allOrNothing<T extends ItemType>(type: T, correct: boolean, detail: Score['detail']): Score {
  return { itemType: type, correct, score: correct ? 1 : 0, labels: [], detail };
}

/** A claim or figure as a labelled span: its quote, its label and those also accepted. */
export function claimLabelled(claim: { ref: TextRef; label: Label; alsoAccept?: Label[] | undefined }): LabelledSpan {
  return { ...claim.ref, label: claim.label, ...alsoAccepted(claim.alsoAccept) };
}

/** The references of a claim or figure: its quote and where the source is named. */
export function claimRefs(claim: { ref: TextRef; source: Source }): TextRef[] {
  return claim.source.mention ? [claim.ref, claim.source.mention] : [claim.ref];
}

/** A claim's lines in the printed answer key (classify and source items). */
export function claimKeyFields(claim: Claim, words: KeyWords): KeyField[] {
  return [
    { name: 'Claim', value: words.quote(claim.ref) },
    { name: 'Label', value: words.labels(claim.label, claim.alsoAccept) },
    { name: 'Source', value: words.source(claim.source) },
    ...(claim.cues.length > 0 ? [{ name: 'Cues', value: words.cues(claim.cues) }] : []),
  ];
}
