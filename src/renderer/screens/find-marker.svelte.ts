/**
 * Marking spans in a passage, by mouse (select text) or by keyboard (a word cursor: arrows move,
 * Shift+arrows extend, Enter or Space marks or unmarks, Delete removes the mark under the cursor).
 */
import type { MarkedSpan } from '../../shared/answers';
import { snapToWords, words, type Highlight } from '../lib/highlights';

export class FindMarker {
  marks = $state<MarkedSpan[]>([]);
  /** The word cursor: a run of words in one paragraph, from anchor to focus (word indices). */
  cursor = $state<{ paragraph: number; anchor: number; focus: number } | undefined>(undefined);
  announcement = $state('');

  private readonly paragraphs: readonly string[];

  constructor(paragraphs: readonly string[]) {
    this.paragraphs = paragraphs;
  }

  /** Marks kept from before a reload (a draft): only spans that still lie in the article's words. */
  restore(saved: unknown): void {
    if (!Array.isArray(saved)) return;
    this.marks = saved.filter(
      (span): span is MarkedSpan =>
        typeof span === 'object' &&
        span !== null &&
        [span.paragraph, span.start, span.end].every(Number.isInteger) &&
        span.start >= 0 &&
        span.start < span.end &&
        span.end <= this.text(span.paragraph).length,
    );
  }

  private text(paragraph: number): string {
    return this.paragraphs[paragraph] ?? '';
  }

  get cursorSpan(): MarkedSpan | undefined {
    if (!this.cursor) return undefined;
    const list = words(this.text(this.cursor.paragraph));
    const from = list[Math.min(this.cursor.anchor, this.cursor.focus)];
    const to = list[Math.max(this.cursor.anchor, this.cursor.focus)];
    if (!from || !to) return undefined;
    return { paragraph: this.cursor.paragraph, start: from.start, end: to.end };
  }

  get highlights(): Highlight[] {
    const list: Highlight[] = this.marks.map((mark) => ({ ...mark, kind: 'mark' }));
    const cursor = this.cursorSpan;
    if (cursor) list.push({ ...cursor, kind: 'cursor' });
    return list;
  }

  quote(span: MarkedSpan): string {
    return this.text(span.paragraph).slice(span.start, span.end);
  }

  /** Adds a mouse selection, widened to whole words; overlapping marks merge. */
  addSelection(paragraph: number, start: number, end: number): void {
    const snapped = snapToWords(this.text(paragraph), start, end);
    if (!snapped) return;
    this.add({ paragraph, ...snapped });
  }

  remove(index: number): void {
    const [removed] = this.marks.splice(index, 1);
    if (removed) this.announcement = `Removed the mark on ${quoted(this.quote(removed))}`;
  }

  keydown(paragraph: number, event: KeyboardEvent): void {
    const count = words(this.text(paragraph)).length;
    if (count === 0) return;
    // The cursor appears with the first key, not on focus: a mouse press also focuses the paragraph,
    // and re-rendering its text under a starting drag would lose the selection.
    if (!this.cursor || this.cursor.paragraph !== paragraph) {
      if (!['ArrowRight', 'ArrowLeft', 'Home', 'End', 'Enter', ' '].includes(event.key)) return;
      this.cursor = { paragraph, anchor: 0, focus: 0 };
      this.announceCursor();
      event.preventDefault();
      return;
    }
    const cursor = this.cursor;
    const move = (to: number) => {
      const focus = Math.max(0, Math.min(count - 1, to));
      this.cursor = event.shiftKey ? { ...cursor, focus } : { paragraph, anchor: focus, focus };
      this.announceCursor();
    };
    switch (event.key) {
      case 'ArrowRight':
        move(cursor.focus + 1);
        break;
      case 'ArrowLeft':
        move(cursor.focus - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(count - 1);
        break;
      case 'Enter':
      case ' ':
        this.toggleAtCursor();
        break;
      case 'Delete':
      case 'Backspace': {
        const span = this.cursorSpan;
        const index = span ? this.marks.findIndex((mark) => overlaps(mark, span)) : -1;
        if (index >= 0) this.remove(index);
        break;
      }
      case 'Escape':
        this.cursor = { paragraph, anchor: cursor.focus, focus: cursor.focus };
        this.announceCursor();
        break;
      default:
        return;
    }
    event.preventDefault();
  }

  private toggleAtCursor(): void {
    const span = this.cursorSpan;
    if (!span) return;
    const inside = this.marks.findIndex(
      (mark) => mark.paragraph === span.paragraph && mark.start <= span.start && mark.end >= span.end,
    );
    if (inside >= 0) this.remove(inside);
    else this.add(span);
  }

  private add(span: MarkedSpan): void {
    let merged = { ...span };
    const kept: MarkedSpan[] = [];
    for (const mark of this.marks) {
      if (mark.paragraph === merged.paragraph && mark.start <= merged.end && merged.start <= mark.end) {
        merged = { paragraph: merged.paragraph, start: Math.min(mark.start, merged.start), end: Math.max(mark.end, merged.end) };
      } else kept.push(mark);
    }
    kept.push(merged);
    kept.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
    this.marks = kept;
    this.announcement = `Marked ${quoted(this.quote(merged))} ${kept.length} ${kept.length === 1 ? 'mark' : 'marks'} in all.`;
  }

  private announceCursor(): void {
    const span = this.cursorSpan;
    if (!span) return;
    const marked = this.marks.some((mark) => overlaps(mark, span));
    this.announcement = `${this.quote(span)}${marked ? ' (marked)' : ''}`;
  }
}

/** A quote that ends a sentence: “…the reports.” takes no second full stop after it. */
function quoted(text: string): string {
  return /[.!?]$/.test(text) ? `“${text}”` : `“${text}”.`;
}

function overlaps(a: MarkedSpan, b: MarkedSpan): boolean {
  return a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
}
