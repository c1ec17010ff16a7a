/**
 * The published JSON Schema of pack format v1 (`exercises/pack.schema.json`), generated from the one
 * zod definition in `schema.ts` so the two cannot drift apart. `json-schema.test.ts` checks that the
 * file on disk is what this returns, and regenerates it on request.
 *
 * The schema describes the shape only; the rules across fields (a quote must really be at its offsets,
 * ids must be unique, ...) are in `validate.ts`, and `sourcewise validate` checks both.
 */
import { z } from 'zod';
import { Pack } from './schema';

export const PACK_JSON_SCHEMA_TITLE = 'Sourcewise pack, format version 1';

export const PACK_JSON_SCHEMA_DESCRIPTION =
  'A Sourcewise pack: an article and the exercises built on it. This schema checks the shape of a pack; ' +
  'the rules across fields (every quote must be at its offsets in its paragraph, item ids must be unique, ' +
  'cues must appear in the paragraph, ...) are checked by `sourcewise validate`. ' +
  'The format is documented in docs/pack-format.md.';

/**
 * The JSON Schema (draft 2020-12) for the input a pack file may contain. Deterministic: the same zod
 * definition always gives the same object, with `$schema`, `title` and `description` first.
 */
export function packJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(Pack, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    reused: 'inline',
  }) as Record<string, unknown>;
  return { $schema, title: PACK_JSON_SCHEMA_TITLE, description: PACK_JSON_SCHEMA_DESCRIPTION, ...rest };
}
