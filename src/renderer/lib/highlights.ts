/**
 * Splits a paragraph into runs of text, each carrying the kinds of highlight that cover it, so that
 * overlapping highlights (a cue inside a claim) render as flat, nested-free spans of plain text.
 */
export type HighlightKind = 'claim' | 'cue' | 'source' | 'evidence' | 'figure' | 'mark' | 'expected' | 'missed' | 'cursor';

export interface Highlight {
  paragraph: number;
  start: number;
  end: number;
  kind: HighlightKind;
  /** Shown beside the highlight (e.g. a figure's number), from CSS, so that it never enters the text. */
  tag?: string;
}

export interface Run {
  start: number;
  end: number;
  text: string;
  kinds: HighlightKind[];
  tag?: string;
}

export function splitIntoRuns(text: string, highlights: readonly Highlight[]): Run[] {
  const cuts = new Set<number>([0, text.length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(text.length, h.start)));
    cuts.add(Math.max(0, Math.min(text.length, h.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covering = highlights.filter((h) => h.start <= start && h.end >= end);
    const tag = covering.find((h) => h.tag !== undefined && h.start === start)?.tag;
    runs.push({
      start,
      end,
      text: text.slice(start, end),
      kinds: [...new Set(covering.map((h) => h.kind))],
      ...(tag ? { tag } : {}),
    });
  }
  return runs;
}

/**
 * Where the cue words of a claim stand: inside the claim's own quote when they occur there, else
 * anywhere in its paragraph (a cue such as "said" often sits just outside the quote).
 */
export function locateCues(
  paragraphText: string,
  cues: readonly string[],
  within?: { start: number; end: number },
): { start: number; end: number }[] {
  const lower = paragraphText.toLowerCase();
  const found: { start: number; end: number }[] = [];
  for (const cue of cues) {
    const needle = cue.toLowerCase();
    if (needle.length === 0) continue;
    const positions: number[] = [];
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) positions.push(at);
    const inside = within ? positions.filter((at) => at >= within.start && at + needle.length <= within.end) : [];
    for (const at of inside.length > 0 ? inside : positions.slice(0, 1)) found.push({ start: at, end: at + needle.length });
  }
  return found;
}

/** Word boundaries of a paragraph, for marking by keyboard and for snapping mouse selections. */
export function words(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const match of text.matchAll(/\S+/g)) out.push({ start: match.index, end: match.index + match[0].length });
  return out;
}

/** Widens a selection to whole words and trims surrounding spaces and punctuation at its edges. */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const spans = words(text).filter((word) => word.end > start && word.start < end);
  if (spans.length === 0) return undefined;
  let snappedStart = spans[0]!.start;
  let snappedEnd = spans[spans.length - 1]!.end;
  while (snappedStart < snappedEnd && /["“”'‘’([]/.test(text[snappedStart]!)) snappedStart++;
  while (snappedEnd > snappedStart && /["“”'‘’)\].,;:!?]/.test(text[snappedEnd - 1]!)) snappedEnd--;
  return snappedEnd > snappedStart ? { start: snappedStart, end: snappedEnd } : undefined;
}
