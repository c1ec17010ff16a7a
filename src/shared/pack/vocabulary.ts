/**
 * The words of the pack format as plain constants, without the schema library, so that the renderer
 * can use them without bundling zod. `schema.ts` builds its enums from these.
 */
export const LABELS = ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion'] as const;
export type Label = (typeof LABELS)[number];

export const SOURCE_KINDS = [
  'named-official',
  'anonymous-official',
  'institution',
  'intelligence-agency',
  'legislator',
  'party',
  'outlet',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const ITEM_TYPES = ['classify', 'find', 'source', 'headline', 'numbers'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const HEADLINE_VERDICTS = ['supported', 'overstated'] as const;
export type HeadlineVerdict = (typeof HEADLINE_VERDICTS)[number];
