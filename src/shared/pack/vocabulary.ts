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

/** How each kind of source reads in a sentence, on screen and in the printed answer key. */
export const SOURCE_KIND_NAMES: Record<SourceKind, string> = {
  'named-official': 'named official, on the record',
  'anonymous-official': 'anonymous official',
  institution: 'institution or spokesperson',
  'intelligence-agency': 'intelligence agency',
  legislator: 'legislator',
  party: 'a party to the events',
  outlet: "the outlet's own reporting",
};

export const ITEM_TYPES = ['classify', 'find', 'source', 'headline', 'numbers'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const HEADLINE_VERDICTS = ['supported', 'overstated'] as const;
export type HeadlineVerdict = (typeof HEADLINE_VERDICTS)[number];
