/**
 * Pieces every Sourcewise PDF shares (the class report and the answer key): where the fonts are,
 * the finished file's bytes, untrusted text made safe to lay out, text cut to a width, the page footer.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The DejaVu fonts shipped in npm (never fetched): wide Unicode coverage for learners' names and articles. */
export function dejavuFonts(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
}

/**
 * The CJK fonts shipped in `fonts/` (never fetched), in the order they are tried: Chinese and Japanese,
 * then Korean. fonts/README.md says what each holds and how it was made.
 */
export const CJK_FONT_FILES = ['fonts/noto-sans-sc-names.woff2', 'fonts/noto-sans-kr-names.woff2'] as const;

/**
 * The CJK fonts' paths: in the folder that holds `fonts/`, above this file both in the sources and in
 * the built app (`out/main`, `out/cli`), as `exercises/` is.
 */
export function cjkFonts(): string[] {
  for (let folder = import.meta.dirname; ; folder = dirname(folder)) {
    const paths = CJK_FONT_FILES.map((file) => join(folder, file));
    if (existsSync(paths[0]!)) return paths;
    if (dirname(folder) === folder) throw new Error(`${CJK_FONT_FILES[0]} is missing: it ships with Sourcewise`);
  }
}

/** What stands for a character no font of the PDF can draw. */
export const UNSHOWN = '?';

/** The sentence a PDF ends with when some characters were printed as `?`. */
export const UNSHOWN_NOTE =
  'Some characters could not be printed with this PDF’s fonts and are shown as “?”. The CSV and xAPI exports keep them as written.';

type Glyphs = { hasGlyphForCodePoint(codePoint: number): boolean };
/** pdfkit's current font: its fontkit font, and the source it was selected by (pdfkit's own fields). */
type FontState = { _font?: { font?: Glyphs }; _fontSource?: unknown };

/**
 * Lets a document draw text its fonts (DejaVu: Latin, Greek, Cyrillic and more) cannot: a string with
 * characters the current font lacks is drawn, measured and wrapped in whichever CJK font draws most
 * of it (learners' names in Chinese, Japanese or Korean), and any character that font lacks is drawn
 * as `?`. pdfkit picks no fallback font itself, so `text`, `widthOfString` and `heightOfString` are
 * wrapped: everything that lays text out goes through them. The CJK fonts are opened only when a
 * string needs them. `unshown()` says whether any character was replaced, for a note.
 */
export function withGlyphFallback(
  doc: PDFKit.PDFDocument,
  fallbackPaths: () => readonly string[] = cjkFonts,
): { unshown: () => boolean } {
  const state = doc as unknown as FontState &
    Record<'text' | 'widthOfString' | 'heightOfString', (...args: unknown[]) => unknown>;
  let fallbacks: { path: string; glyphs: Glyphs }[] | undefined;
  let unshown = false;
  const openFallbacks = () => {
    if (fallbacks === undefined) {
      const previous = state._fontSource;
      fallbacks = fallbackPaths().map((path) => {
        doc.font(path);
        return { path, glyphs: state._font!.font! };
      });
      doc.font(previous as string);
    }
    return fallbacks;
  };
  const drawable = (glyphs: Glyphs, char: string) => /\s/.test(char) || glyphs.hasGlyphForCodePoint(char.codePointAt(0)!);
  for (const method of ['text', 'widthOfString', 'heightOfString'] as const) {
    const original = state[method].bind(doc);
    state[method] = (text: unknown, ...rest: unknown[]) => {
      const current = state._font?.font;
      if (typeof text !== 'string' || current === undefined || [...text].every((char) => drawable(current, char))) {
        return original(text, ...rest);
      }
      const chars = [...text];
      const drawn = (glyphs: Glyphs) => chars.filter((char) => drawable(glyphs, char)).length;
      // The current font unless a fallback draws more of the string; the first such fallback on a tie.
      let best: { path?: string; glyphs: Glyphs; count: number } = { glyphs: current, count: drawn(current) };
      for (const fallback of openFallbacks()) {
        const count = drawn(fallback.glyphs);
        if (count > best.count) best = { ...fallback, count };
      }
      const shown = chars.map((char) => (drawable(best.glyphs, char) ? char : UNSHOWN)).join('');
      // Only drawing counts for the note: measuring a string is not printing it.
      if (method === 'text' && shown !== text) unshown = true;
      if (best.path === undefined) return original(shown, ...rest);
      const previous = state._fontSource;
      doc.font(best.path);
      try {
        return original(shown, ...rest);
      } finally {
        doc.font(previous as string);
      }
    };
  }
  return { unshown: () => unshown };
}

/** Untrusted text made safe to lay out: no control characters, runs of space collapsed, capped. */
export function clean(text: string, max: number): string {
  const plain = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}

/** The text, cut with an ellipsis to fit `width` points in the current font. */
export function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (doc.widthOfString(`${text.slice(0, middle)}…`) <= width) low = middle;
    else high = middle - 1;
  }
  return `${text.slice(0, low).trimEnd()}…`;
}

/**
 * "Page n of N" and a caption at the foot of every page. The document must buffer its pages; the
 * caller sets the footer's font first (`setStyle`), as each document has its own type scale.
 */
export function numberPages(
  doc: PDFKit.PDFDocument,
  caption: string,
  box: { left: number; width: number; bottomMargin: number },
  setStyle: () => void,
): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing below the bottom margin would start a new page: lift the margin while writing the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - box.bottomMargin + 24;
    setStyle();
    doc.text(fit(doc, caption, box.width - 90), box.left, y, { lineBreak: false });
    doc.text(`Page ${index + 1} of ${range.count}`, box.left, y, { width: box.width, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

/** The document's bytes, once `doc.end()` has been called (collect before ending). */
export function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
