/**
 * The words of the pack format as plain constants, without the schema library, so that the renderer
 * can use them without bundling zod. `schema.ts` builds its enums from these. Each is named here
 * once for the screen, the reports and the answer key; exercise types' names are in their modules
 * (`src/shared/exercises/`).
 */
export const LABELS = ['confirmed', 'estimate', 'denial', 'unconfirmed', 'opinion'] as const;
export type Label = (typeof LABELS)[number];

/** How each label reads, on screen and in print. */
export const LABEL_NAMES: Record<Label, string> = {
  confirmed: 'Confirmed',
  estimate: 'Estimate',
  denial: 'Denial',
  unconfirmed: 'Unconfirmed',
  opinion: 'Opinion',
};

/** Each label's mark beside its name on screen, so that labels are never told apart by colour alone. */
export const LABEL_MARKS: Record<Label, string> = {
  confirmed: '✓',
  estimate: '≈',
  denial: '✗',
  unconfirmed: '?',
  opinion: '❝',
};

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
