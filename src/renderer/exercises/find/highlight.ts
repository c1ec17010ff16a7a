import type { FindItem } from '../../../shared/pack/schema';
import type { Highlighter, Shown } from '../../lib/highlights';

/**
 * A find item: while answering, the learner's own marks; once answered, the spans found and missed
 * beside the marks, and the cue words; in the studio, every span and the cue words.
 */
export function highlightFind(item: FindItem, on: Highlighter, shown: Shown): void {
  const cues = () => {
    for (const paragraph of item.paragraphs) on.cues(paragraph, item.cues ?? []);
  };
  if (shown.studio) {
    item.spans.forEach((span) => on.ref(span, 'expected'));
    cues();
  } else if (shown.answered?.answer.type === 'find' && shown.answered.score.detail.type === 'find') {
    const { found } = shown.answered.score.detail;
    item.spans.forEach((span, index) => on.ref(span, found.includes(index) ? 'expected' : 'missed'));
    for (const mark of shown.answered.answer.spans) on.add({ ...mark, kind: 'mark' });
    cues();
  } else if (shown.finder) {
    on.add(...shown.finder.highlights);
  }
}
