import type { HeadlineItem } from '../../../shared/pack/schema';
import { revealed, type Highlighter, type Shown } from '../../lib/highlights';

/** A headline item: once answered (and in the studio), the body text that decides it. */
export function highlightHeadline(item: HeadlineItem, on: Highlighter, shown: Shown): void {
  if (revealed(shown)) item.evidence.forEach((evidence) => on.ref(evidence, 'evidence'));
}
