import type { FindDetail, MarkOutcome } from '../../../shared/exercises/find';
import type { LabelledSpan } from '../../../shared/exercises/kind';
import type { FindItem } from '../../../shared/pack/schema';
import { LABEL_NAMES } from '../../../shared/pack/vocabulary';
import type { Highlighter, Shown } from '../../lib/highlights';

/**
 * A find item: while answering, the learner's own marks; once answered, each mark tagged right or
 * not (and what the marked text is instead), the claims found and missed, and the cue words; in the
 * studio, every span and the cue words.
 */
export function highlightFind(item: FindItem, on: Highlighter, shown: Shown): void {
  const cues = () => {
    for (const paragraph of item.paragraphs) on.cues(paragraph, item.cues ?? []);
  };
  if (shown.studio) {
    item.spans.forEach((span) => on.ref(span, 'expected'));
    cues();
  } else if (shown.answered?.score.detail.type === 'find') {
    const detail: FindDetail = shown.answered.score.detail;
    for (const mark of detail.marks) {
      const { paragraph, start, end } = mark;
      // A mark that takes in claims of other labels (the whole paragraph, say) names each where it
      // starts; added first, so that a claim's name wins over the mark's bare ✗ where both start.
      for (const claim of takenIn(mark)) {
        const from = Math.max(start, claim.start);
        on.add({
          paragraph,
          start: from,
          end: Math.min(end, claim.end),
          kind: 'mark-wrong',
          tag: `✗ ${LABEL_NAMES[claim.label]}`,
        });
      }
      on.add({ paragraph, start, end, kind: mark.verdict === 'right' ? 'mark' : 'mark-wrong', tag: markTag(mark) });
    }
    item.spans.forEach((span, index) =>
      detail.found.includes(index) ? on.ref(span, 'expected') : on.ref(span, 'missed', 'missed'),
    );
    cues();
  } else if (shown.finder) {
    on.add(...shown.finder.highlights);
  }
}

/** The claims of other labels a mark takes in, when it is more than a part of one. */
function takenIn(mark: MarkOutcome): LabelledSpan[] {
  const claims = mark.claims ?? [];
  return claims.length === 1 && within(mark, claims[0]!) ? [] : claims;
}

function within(mark: MarkOutcome, claim: LabelledSpan): boolean {
  return claim.start <= mark.start && mark.end <= claim.end;
}

/** What the article shows before a mark: ✓, or ✗ and what the text is instead. */
function markTag(mark: MarkOutcome): string {
  switch (mark.verdict) {
    case 'right':
      return '✓';
    case 'other-label': {
      const [claim] = mark.claims ?? [];
      // Inside one claim, the mark is that claim's label; taking in more, each claim is named where it starts.
      return claim !== undefined && takenIn(mark).length === 0 ? `✗ ${LABEL_NAMES[claim.label]}` : '✗';
    }
    case 'not-a-claim':
      return '✗ not a claim';
    case 'too-much':
      return '✗ too much';
    case 'too-little':
      return '✗ too little';
  }
}
