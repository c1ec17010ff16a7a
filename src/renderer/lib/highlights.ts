/**
 * Splits a paragraph into runs of text, each carrying the kinds of highlight that cover it, so that
 * overlapping highlights (a cue inside a claim) render as flat, nested-free spans of plain text.
 */
import type { TextRef } from '../../shared/pack/schema';
import type { FindMarker } from '../screens/find-marker.svelte';
import type { Answered } from '../screens/player.svelte';

export type HighlightKind =
  'claim' | 'cue' | 'source' | 'evidence' | 'figure' | 'mark' | 'mark-wrong' | 'expected' | 'missed' | 'cursor';

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

/**
 * What the article shows for an item: everything (the studio, where the author checks every
 * reference), or what the learner has earned so far (the player: more once answered).
 */
export type Shown = { studio: true } | { studio: false; answered: Answered | undefined; finder: FindMarker | undefined };

/** Whether an item's answer-side highlights (cues, sources, evidence) show. */
export function revealed(shown: Shown): boolean {
  return shown.studio || shown.answered !== undefined;
}

/** Collects an item's highlights; each exercise type says which (`src/renderer/exercises/<type>/highlight.ts`). */
export class Highlighter {
  readonly list: Highlight[] = [];
  private readonly paragraphs: readonly string[];

  constructor(paragraphs: readonly string[]) {
    this.paragraphs = paragraphs;
  }

  /** A reference, when its quote really is at its offsets (a draft's may not be yet). */
  ref(ref: TextRef | undefined, kind: HighlightKind, tag?: string): void {
    if (!ref || ref.quote === '' || this.paragraphs[ref.paragraph]?.slice(ref.start, ref.end) !== ref.quote) return;
    this.list.push({ paragraph: ref.paragraph, start: ref.start, end: ref.end, kind, ...(tag ? { tag } : {}) });
  }

  /** The cue words in a paragraph (inside `within`, when given). */
  cues(paragraph: number, words: readonly string[], within?: TextRef): void {
    for (const at of locateCues(this.paragraphs[paragraph] ?? '', words, within))
      this.list.push({ paragraph, ...at, kind: 'cue' });
  }

  add(...highlights: Highlight[]): void {
    this.list.push(...highlights);
  }
}
