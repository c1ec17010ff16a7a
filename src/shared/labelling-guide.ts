/**
 * The labelling guide's definitions as plain constants: what each label and each source kind means, in
 * the words of `docs/labelling-guide.md`. The learner screens, the studio and the printed answer key
 * show these texts and no others; a test checks that the guide's tables say exactly the same.
 */
import type { Label, SourceKind } from './pack/vocabulary';

export interface LabelDefinition {
  /** One sentence: what the label means. */
  definition: string;
  /** A few typical words that signal it. A cue is a hint to look closer, never the whole rule. */
  cues: readonly string[];
}

export const LABEL_DEFINITIONS: Record<Label, LabelDefinition> = {
  confirmed: {
    definition:
      'Stated as established: the source says it confirmed or knows it, a party says on the record what it did itself, an official gives an exact count on the record, or the outlet states it as fact.',
    cues: ['confirmed', 'we know that', 'records show', 'announced that it had'],
  },
  estimate: {
    definition:
      'A figure, forecast or assessment given as approximate, expected or judged, including any figure from an intelligence agency, however exact it looks.',
    cues: ['about', 'some', 'at least', 'up to', 'expected to', 'planned', 'an estimated', 'assessed'],
  },
  denial: {
    definition:
      'Someone in the article says the claim is false: a party, an authority, an expert or the outlet denies, rejects or dismisses it.',
    cues: ['denied', 'rejected', 'dismissed as false'],
  },
  unconfirmed: {
    definition:
      'Not checked or not known: hearsay, another outlet’s report, an accusation against someone else, something said to be unclear, or a confirmation that is withheld (“has not confirmed” is not a denial).',
    cues: [
      'has not confirmed',
      'declined to comment',
      'could not independently verify',
      'unclear',
      'reportedly',
      'is believed to',
    ],
  },
  opinion: {
    definition:
      'A judgement, not a checkable fact: an evaluation, a characterisation, a reading of what something means, or “if ..., it would” reasoning.',
    cues: ['a sign of', 'if ..., it would', 'serious', 'illegal'],
  },
};

/** What "on the record" means wherever the app uses the words. */
export const ON_THE_RECORD =
  'On the record means a named person, or a named institution, speaking publicly in their own name; an official the article does not name is never on the record.';

/** The one rule for attribution chains, in every pack, suggestion and explanation. */
export const CHAIN_RULE =
  'A link in the chain counts only when the article states it; two sentences side by side are not a link, and the outlet that wrote the report is always the last link.';

export const SOURCE_KIND_DEFINITIONS: Record<SourceKind, string> = {
  'named-official': 'An official the article names, speaking on the record.',
  'anonymous-official': 'An official the article does not name, whatever their rank; never on the record.',
  institution: 'An organisation speaking in its own name, or its spokesperson speaking for it.',
  'intelligence-agency': 'A spy or intelligence service; what it says is its assessment.',
  legislator: 'A member of a parliament, congress or elected council, saying what they know or were told.',
  party: 'A party to the events: a government, group or person who is a side in them or whom the claim is about.',
  expert: 'A scientist, doctor, researcher or other specialist speaking from what they study, not for a party.',
  witness: 'A person who saw or lived through the events and says what they saw.',
  outlet:
    'A news outlet, or another publication such as a blog or a posting, reporting in its own voice: the one that wrote the article, or another it passes on.',
};
