/**
 * Pack format v1: the one definition from which the TypeScript types, the runtime validator and the
 * published JSON Schema (`exercises/pack.schema.json`) all come. Each exercise type's item schema is
 * its own (`src/shared/exercises/<type>.schema.ts`); this file unites them. Cross-field rules that JSON Schema
 * cannot say (a quote must really be at its offsets, ids must be unique) live in `validate.ts`.
 *
 * Every string is length-capped: a pack from elsewhere is untrusted input.
 */
import { z } from 'zod';
import { ITEM_SCHEMAS } from '../exercises/schemas';
import { MAX_PACK_FILE_BYTES } from '../limits';
import { Id, text } from './parts';
import { HEADLINE_VERDICTS, ITEM_TYPES, LABELS, PACK_TOPICS, SOURCE_KINDS, type ItemType } from './vocabulary';

export { HEADLINE_VERDICTS, ITEM_TYPES, LABELS, SOURCE_KINDS, type ItemType };
export { Claim, HeadlineVerdict, Id, Label, Source, SourceKind, TextRef } from './parts';
export { ClassifyItem } from '../exercises/classify.schema';
export { FindItem } from '../exercises/find.schema';
export { HeadlineItem } from '../exercises/headline.schema';
export { Figure, NumbersItem } from '../exercises/numbers.schema';
export { SourceItem, SourceOption } from '../exercises/source.schema';

export const PACK_SCHEMA_VERSION = 1;
/** Largest pack file the app will read, in bytes. */
export const MAX_PACK_BYTES = MAX_PACK_FILE_BYTES;

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

export const Item = z.discriminatedUnion('type', ITEM_SCHEMAS);
export type Item = z.infer<typeof Item>;
// Every item type has its schema and nothing else is an item type.
type _ItemTypesAgree = [Item['type']] extends [ItemType] ? ([ItemType] extends [Item['type']] ? true : never) : never;
const _itemTypesAgree: _ItemTypesAgree = true;
void _itemTypesAgree;

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
  /** The article's licence: an SPDX id such as `CC-BY-2.5`, or `public-domain`. Absent in older packs. */
  license: z
    .string()
    .regex(/^(public-domain|[A-Za-z0-9][A-Za-z0-9.+-]{0,63})$/, 'must be an SPDX licence id such as CC-BY-2.5, or public-domain')
    .optional(),
  /** 1: confirmed, estimate, denial; 2: all five labels; 3: sources, chains, headlines, numbers. */
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  topics: z.array(z.enum(PACK_TOPICS)).min(1).max(4).optional(),
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
