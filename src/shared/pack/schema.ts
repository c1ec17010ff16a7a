/**
 * Pack format v1: the one definition from which the TypeScript types, the runtime validator and the
 * published JSON Schema (`exercises/pack.schema.json`) all come. Cross-field rules that JSON Schema
 * cannot say (a quote must really be at its offsets, ids must be unique) live in `validate.ts`.
 *
 * Every string is length-capped: a pack from elsewhere is untrusted input.
 */
import { z } from 'zod';
import { MAX_PACK_FILE_BYTES } from '../limits';
import { HEADLINE_VERDICTS, ITEM_TYPES, LABELS, SOURCE_KINDS, type ItemType } from './vocabulary';

export { HEADLINE_VERDICTS, ITEM_TYPES, LABELS, SOURCE_KINDS, type ItemType };

export const PACK_SCHEMA_VERSION = 1;
/** Largest pack file the app will read, in bytes. */
export const MAX_PACK_BYTES = MAX_PACK_FILE_BYTES;

export const Label = z.enum(LABELS);
export type Label = z.infer<typeof Label>;

export const SourceKind = z.enum(SOURCE_KINDS);
export type SourceKind = z.infer<typeof SourceKind>;

const text = (max: number) => z.string().min(1, 'must not be empty').max(max, `longer than ${max} characters`);

export const Id = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
    'must be 1 to 64 lower-case letters, digits or hyphens, not starting or ending with a hyphen',
  );

const HttpUrl = z
  .string()
  .max(2000, 'longer than 2000 characters')
  .regex(/^https?:\/\/[^\s]+$/i, 'must be an http:// or https:// address');

const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  // Date.parse rolls 2024-02-30 over to March; a real date survives the round trip unchanged.
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
  }, 'is not a real date');

/** A stretch of one paragraph: its exact text and where it starts and ends (end exclusive). */
export const TextRef = z.strictObject({
  paragraph: z.number().int().min(0).max(999),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: text(5000),
});
export type TextRef = z.infer<typeof TextRef>;

export const Source = z.strictObject({
  /** Who says so, as the article names them. */
  name: text(200),
  kind: SourceKind,
  /** Through whom it reached the article, in order, after the source itself: e.g. lawmakers, then AFP. */
  chain: z.array(text(200)).max(10),
  /** Where the article names the source, highlighted after answering. */
  mention: TextRef.optional(),
});
export type Source = z.infer<typeof Source>;

export const Claim = z.strictObject({
  ref: TextRef,
  label: Label,
  /** For a claim that is truly borderline: other labels also counted right (the explanation says why). */
  alsoAccept: z.array(Label).max(4).optional(),
  source: Source,
  /** The words in the claim's paragraph that signal its label. */
  cues: z.array(text(100)).max(20),
});
export type Claim = z.infer<typeof Claim>;

const itemBase = {
  id: Id,
  /** Overrides the standard question for the item type. */
  prompt: text(500).optional(),
  explanation: text(4000),
};

export const ClassifyItem = z.strictObject({
  ...itemBase,
  type: z.literal('classify'),
  claim: Claim,
  /** The labels offered; all five when absent. Must include the claim's label. */
  choices: z.array(Label).min(2).max(5).optional(),
});

export const FindItem = z.strictObject({
  ...itemBase,
  type: z.literal('find'),
  /** The label whose spans the learner marks. */
  label: Label,
  /** The passage: the paragraphs the learner searches. */
  paragraphs: z.array(z.number().int().min(0).max(999)).min(1).max(50),
  /** Every span of that label in the passage. */
  spans: z.array(TextRef).min(1).max(50),
  cues: z.array(text(100)).max(20).optional(),
});

export const SourceOption = z.strictObject({ id: Id, text: text(300) });

export const SourceItem = z.strictObject({
  ...itemBase,
  type: z.literal('source'),
  claim: Claim,
  options: z.array(SourceOption).min(2).max(6),
  /** The id of the option that names who says so and through whom. */
  answer: Id,
});

export const HeadlineVerdict = z.enum(HEADLINE_VERDICTS);
export type HeadlineVerdict = z.infer<typeof HeadlineVerdict>;

export const HeadlineItem = z.strictObject({
  ...itemBase,
  type: z.literal('headline'),
  /** The headline judged: the article's own, or one a less careful outlet might have written. */
  headline: text(300),
  answer: HeadlineVerdict,
  /** The body text that decides it. */
  evidence: z.array(TextRef).min(1).max(10),
});

export const Figure = z.strictObject({
  ref: TextRef,
  label: Label,
  alsoAccept: z.array(Label).max(4).optional(),
  source: Source,
});

export const NumbersItem = z.strictObject({
  ...itemBase,
  type: z.literal('numbers'),
  figures: z.array(Figure).min(1).max(12),
  /** The labels offered for each figure; all five when absent. */
  choices: z.array(Label).min(2).max(5).optional(),
  /** The names offered for "whose figure": must include each figure's source name. */
  sourceOptions: z.array(text(200)).min(2).max(8),
});

export const Item = z.discriminatedUnion('type', [ClassifyItem, FindItem, SourceItem, HeadlineItem, NumbersItem]);
export type Item = z.infer<typeof Item>;
// Every item type has its schema and nothing else is an item type.
type _ItemTypesAgree = [Item['type']] extends [ItemType] ? ([ItemType] extends [Item['type']] ? true : never) : never;
const _itemTypesAgree: _ItemTypesAgree = true;
void _itemTypesAgree;
export type ClassifyItem = z.infer<typeof ClassifyItem>;
export type FindItem = z.infer<typeof FindItem>;
export type SourceItem = z.infer<typeof SourceItem>;
export type HeadlineItem = z.infer<typeof HeadlineItem>;
export type NumbersItem = z.infer<typeof NumbersItem>;
export type Figure = z.infer<typeof Figure>;

export const FollowUp = z.strictObject({
  text: text(4000),
  sources: z.array(z.strictObject({ name: text(200), url: HttpUrl.optional(), date: IsoDate.optional() })).max(10),
});

export const PackMeta = z.strictObject({
  title: text(300),
  outlet: text(200),
  author: text(200),
  published: IsoDate,
  url: HttpUrl,
  credit: text(500),
  /** BCP 47 language tag of the article, e.g. `en` or `en-GB`. */
  language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a language tag such as en or en-GB'),
});

export const Article = z.strictObject({
  headline: text(300),
  paragraphs: z.array(z.string().min(1, 'must not be empty').max(20000, 'longer than 20000 characters')).min(1).max(1000),
});

export const Pack = z.strictObject({
  $schema: z.string().max(500).optional(),
  schemaVersion: z.literal(PACK_SCHEMA_VERSION),
  id: Id,
  /** Raised by the author whenever items change, so progress can tell which version was answered. */
  version: z.number().int().min(1),
  meta: PackMeta,
  article: Article,
  items: z.array(Item).min(1).max(500),
  followUp: z.array(FollowUp).max(20).optional(),
});
export type Pack = z.infer<typeof Pack>;
