import type { Claim } from '../../shared/pack/schema';
import { revealed, type Highlighter, type Shown } from '../lib/highlights';

/** A classify or source item's claim; once answered (and in the studio), its cue words and where its source is named. */
export function highlightClaim(claim: Claim, on: Highlighter, shown: Shown): void {
  on.ref(claim.ref, 'claim');
  if (!revealed(shown)) return;
  on.cues(claim.ref.paragraph, claim.cues, claim.ref);
  on.ref(claim.source.mention, 'source');
}
