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

/**
 * How each label reads inside a sentence: one and many of it ("1 of 2 denials"), what a claim of it
 * is ("is unconfirmed", "is an estimate") and a claim of it with its article ("not a denial").
 */
export const LABEL_PHRASES: Record<Label, { one: string; many: string; is: string; a: string }> = {
  confirmed: { one: 'confirmed claim', many: 'confirmed claims', is: 'confirmed', a: 'a confirmed claim' },
  estimate: { one: 'estimate', many: 'estimates', is: 'an estimate', a: 'an estimate' },
  denial: { one: 'denial', many: 'denials', is: 'a denial', a: 'a denial' },
  unconfirmed: { one: 'unconfirmed claim', many: 'unconfirmed claims', is: 'unconfirmed', a: 'an unconfirmed claim' },
  opinion: { one: 'opinion', many: 'opinions', is: 'an opinion', a: 'an opinion' },
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
  'expert',
  'witness',
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
  expert: 'expert',
  witness: 'witness',
  outlet: 'a news outlet or other publication',
};

/** A pack's level: what a learner needs to know to play it (see docs/pack-format.md). */
export const PACK_LEVELS = [1, 2, 3] as const;
export type PackLevel = (typeof PACK_LEVELS)[number];

/** What each level teaches, on the library screen. */
export const PACK_LEVEL_NAMES: Record<PackLevel, string> = {
  1: 'Level 1: confirmed, estimate or denial',
  2: 'Level 2: all five labels',
  3: 'Level 3: sources, chains, headlines and numbers',
};

/** The topics a pack may be filed under: subjects a teenager meets in the news. */
export const PACK_TOPICS = [
  'health',
  'science',
  'space',
  'climate-and-disasters',
  'environment',
  'sport',
  'technology',
  'elections-and-politics',
  'conflict',
  'crime-and-justice',
  'business',
  'culture',
  'transport',
] as const;
export type PackTopic = (typeof PACK_TOPICS)[number];

export const PACK_TOPIC_NAMES: Record<PackTopic, string> = {
  health: 'Health',
  science: 'Science',
  space: 'Space',
  'climate-and-disasters': 'Climate and disasters',
  environment: 'Environment',
  sport: 'Sport',
  technology: 'Technology',
  'elections-and-politics': 'Elections and politics',
  conflict: 'Conflict',
  'crime-and-justice': 'Crime and justice',
  business: 'Business',
  culture: 'Culture',
  transport: 'Transport',
};

export const ITEM_TYPES = ['classify', 'find', 'source', 'headline', 'numbers'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const HEADLINE_VERDICTS = ['supported', 'overstated'] as const;
export type HeadlineVerdict = (typeof HEADLINE_VERDICTS)[number];

/**
 * A pack's licence in words a learner understands, with the licence's short name: "Free to share with
 * credit (CC BY 2.5)", "Public domain". Undefined for a pack without one: its credit line says on what
 * terms it is used.
 */
export function licenseWords(license: string | undefined): string | undefined {
  if (license === undefined) return undefined;
  if (license === 'public-domain') return 'Public domain';
  const cc = /^CC-(BY(?:-SA|-ND|-NC|-NC-SA|-NC-ND)?)-(\d+(?:\.\d+)?)$/i.exec(license);
  if (cc) {
    const terms = cc[1]!.toUpperCase();
    const name = `CC ${terms} ${cc[2]}`;
    const extras = [
      terms.includes('NC') ? 'not for sale' : '',
      terms.includes('ND') ? 'unchanged' : '',
      terms.includes('SA') ? 'under the same licence' : '',
    ].filter((part) => part !== '');
    return `Free to share with credit${extras.length > 0 ? `, ${extras.join(', ')}` : ''} (${name})`;
  }
  if (/^CC0-1\.0$/i.test(license)) return 'Public domain (CC0 1.0)';
  return license;
}

/** A pack's credit line followed by its licence in words, as the screen, the answer key and the reports give it. */
export function creditWithLicense(meta: { credit: string; license?: string | undefined }): string {
  const words = licenseWords(meta.license);
  return words === undefined ? meta.credit : `${meta.credit} Licence: ${words}.`;
}
