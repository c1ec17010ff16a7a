/** How labels, source kinds and exercise types read on screen. Never told apart by colour alone: each has a name and a mark. */
import type { HeadlineVerdict, ItemType, Label } from '../../shared/pack/schema';
import { LABEL_DEFINITIONS } from '../../shared/labelling-guide';

/** `hint` is the labelling guide's definition (docs/labelling-guide.md), the same words as in the studio and the answer key. */
export const LABEL_INFO: Record<Label, { name: string; mark: string; hint: string }> = {
  confirmed: { name: 'Confirmed', mark: '✓', hint: LABEL_DEFINITIONS.confirmed.definition },
  estimate: { name: 'Estimate', mark: '≈', hint: LABEL_DEFINITIONS.estimate.definition },
  denial: { name: 'Denial', mark: '✗', hint: LABEL_DEFINITIONS.denial.definition },
  unconfirmed: { name: 'Unconfirmed', mark: '?', hint: LABEL_DEFINITIONS.unconfirmed.definition },
  opinion: { name: 'Opinion', mark: '❝', hint: LABEL_DEFINITIONS.opinion.definition },
};

export { SOURCE_KIND_NAMES } from '../../shared/pack/vocabulary';

export const ITEM_TYPE_INFO: Record<ItemType, { name: string; question: string }> = {
  classify: { name: 'Classify', question: 'How well established is the highlighted claim?' },
  find: { name: 'Find', question: 'Mark every span of the given kind in the passage.' },
  source: { name: 'Source', question: 'Who says so, and through whom did it reach the article?' },
  headline: { name: 'Headline', question: 'Does the body of the article support this headline?' },
  numbers: { name: 'Numbers', question: 'For each figure: is it confirmed or an estimate, and whose figure is it?' },
};

export const VERDICT_NAMES: Record<HeadlineVerdict, string> = {
  supported: 'The body supports it',
  overstated: 'It says more than the body supports',
};

export const CONFIDENCE_NAMES: Record<1 | 2 | 3, string> = { 1: 'Guessing', 2: 'Fairly sure', 3: 'Certain' };
