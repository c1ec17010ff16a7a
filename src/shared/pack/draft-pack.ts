/**
 * What the studio may save as a draft's pack: the structure of a pack, not yet its rules. A draft is
 * unfinished by nature (empty fields, quotes not found, no items yet, ids not yet unique), so the
 * contract refuses only what no draft of a pack could be, and the validator lists everything else as
 * the draft's problems. The exact rule:
 * - a JSON object whose keys are pack keys, each optional; `meta` holds only meta keys, each a
 *   string, except `level` (a number) and `topics` (a list of strings); `article` holds a string `headline` and a list of string `paragraphs`;
 * - `items` is a list of objects, each with a `type` that is an item type (the rest of an item is
 *   its module's to check, as problems); `followUp` is a list of objects;
 * - nested at most `MAX_PACK_DEPTH` levels, and at most `MAX_PACK_BYTES` as JSON in UTF-8.
 * Keys that reach an object's prototype are refused for every input by dispatch().
 */
import { z } from 'zod';
import { MAX_PACK_DEPTH } from '../limits';
import { ITEM_TYPES, MAX_PACK_BYTES, PackMeta } from './schema';

// Every meta key of a pack is a meta key of a draft, and no other.
type _DraftMetaKeys = keyof NonNullable<DraftPack['meta']>;
const _metaKeysAgree: [_DraftMetaKeys] extends [keyof z.infer<typeof PackMeta>]
  ? [keyof z.infer<typeof PackMeta>] extends [_DraftMetaKeys]
    ? true
    : never
  : never = true;
void _metaKeysAgree;

const DraftItem = z.looseObject({ type: z.enum(ITEM_TYPES) });

export const DraftPack = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.number().optional(),
    id: z.string().optional(),
    version: z.number().optional(),
    meta: z
      .strictObject({
        title: z.string().optional(),
        outlet: z.string().optional(),
        author: z.string().optional(),
        published: z.string().optional(),
        url: z.string().optional(),
        credit: z.string().optional(),
        language: z.string().optional(),
        license: z.string().optional(),
        level: z.number().optional(),
        topics: z.array(z.string()).optional(),
      })
      .optional(),
    article: z.strictObject({ headline: z.string().optional(), paragraphs: z.array(z.string()).optional() }).optional(),
    items: z.array(DraftItem).optional(),
    followUp: z.array(z.looseObject({})).optional(),
  })
  .superRefine((pack, context) => {
    const problem = depthOrSizeProblem(pack);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem, input: pack });
  });
export type DraftPack = z.infer<typeof DraftPack>;

function depthOrSizeProblem(pack: object): string | undefined {
  if (deeperThan(pack, MAX_PACK_DEPTH)) return `nested more than ${MAX_PACK_DEPTH} levels deep; a pack is never this deep`;
  const text = JSON.stringify(pack);
  // UTF-8 is never shorter than UTF-16, so a text longer than the limit needs no encoding to refuse.
  const tooLarge = text.length > MAX_PACK_BYTES || new TextEncoder().encode(text).length > MAX_PACK_BYTES;
  return tooLarge ? `larger than the ${MAX_PACK_BYTES}-byte limit for a pack (as JSON, in UTF-8)` : undefined;
}

/** Whether arrays and objects nest more than `limit` levels, looking no deeper than that. */
function deeperThan(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: at, depth } = stack.pop()!;
    if (typeof at !== 'object' || at === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(at)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
