import type { NumbersItem } from '../../../shared/pack/schema';
import { revealed, type Highlighter, type Shown } from '../../lib/highlights';

/** A numbers item: each figure, numbered; once answered (and in the studio), where each source is named. */
export function highlightNumbers(item: NumbersItem, on: Highlighter, shown: Shown): void {
  item.figures.forEach((figure, index) => {
    on.ref(figure.ref, 'figure', String(index + 1));
    if (revealed(shown)) on.ref(figure.source.mention, 'source');
  });
}
