/**
 * Claim suggestions for the studio, located in the article's paragraphs. The analyser reads one
 * text; the paragraphs are joined with blank lines (so each stays a paragraph to it) and every
 * suggestion is mapped back to the paragraph it lies in, with offsets into that paragraph's own text,
 * the offsets a pack uses. The work gives way to other requests between paragraphs, so that an answer
 * sent meanwhile is acknowledged without waiting for a long article.
 */
import type { ClaimSuggestion } from '../../shared/contract';
import { suggestClaimsInSteps, type Suggestion } from './analyse';

const SEPARATOR = '\n\n';

export async function suggestInParagraphs(paragraphs: readonly string[]): Promise<ClaimSuggestion[]> {
  const starts: number[] = [];
  let offset = 0;
  for (const paragraph of paragraphs) {
    starts.push(offset);
    offset += paragraph.length + SEPARATOR.length;
  }
  const suggestions: ClaimSuggestion[] = [];
  const steps = suggestClaimsInSteps(paragraphs.join(SEPARATOR));
  let found: Suggestion[];
  for (;;) {
    const step = steps.next();
    if (step.done) {
      found = step.value;
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const suggestion of found) {
    const paragraph = paragraphAt(starts, suggestion.start);
    const start = suggestion.start - starts[paragraph]!;
    const end = suggestion.end - starts[paragraph]!;
    // A claim the analyser ran across a paragraph break cannot be a pack's quote: it is left out.
    if (end > paragraphs[paragraph]!.length) continue;
    suggestions.push({
      paragraph,
      start,
      end,
      text: suggestion.text,
      label: suggestion.label,
      cues: suggestion.cues,
      source: suggestion.source === undefined ? null : { name: suggestion.source.name, kind: suggestion.source.kind },
      chain: [...suggestion.chain],
      confidence: suggestion.confidence,
    });
  }
  return suggestions;
}

/** The index of the last paragraph starting at or before `offset` (binary search). */
function paragraphAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
