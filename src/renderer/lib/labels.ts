/**
 * How labels, source kinds and exercise types read on screen. Never told apart by colour alone: each
 * label has a name and a mark. The names are the shared vocabulary's (`src/shared/pack/vocabulary.ts`)
 * and each exercise type's module (`src/shared/exercises/`), the same in reports and the answer key.
 */
import { EXERCISE_KINDS } from '../../shared/exercises/registry';
import { LABEL_DEFINITIONS } from '../../shared/labelling-guide';
import type { Verdict } from '../../shared/scoring';
import type { ItemType, Label } from '../../shared/pack/schema';
import { ITEM_TYPES, LABEL_MARKS, LABEL_NAMES, LABELS } from '../../shared/pack/vocabulary';

/** `hint` is the labelling guide's definition (docs/labelling-guide.md), the same words as in the studio and the answer key. */
export const LABEL_INFO = Object.fromEntries(
  LABELS.map((label) => [
    label,
    { name: LABEL_NAMES[label], mark: LABEL_MARKS[label], hint: LABEL_DEFINITIONS[label].definition },
  ]),
) as Record<Label, { name: string; mark: string; hint: string }>;

export { SOURCE_KIND_NAMES } from '../../shared/pack/vocabulary';

export const ITEM_TYPE_INFO = Object.fromEntries(
  ITEM_TYPES.map((type) => [type, { name: EXERCISE_KINDS[type].name, question: EXERCISE_KINDS[type].question }]),
) as Record<ItemType, { name: string; question: string }>;

/** How each verdict reads, with a mark so it is never told by colour alone (partly right is not a cross). */
export const VERDICT: Record<Verdict, { text: string; mark: string }> = {
  right: { text: 'Right', mark: '✓' },
  'partly-right': { text: 'Partly right', mark: '◐' },
  wrong: { text: 'Not right', mark: '✗' },
};

export const CONFIDENCE_NAMES: Record<1 | 2 | 3, string> = { 1: 'Guessing', 2: 'Fairly sure', 3: 'Certain' };
