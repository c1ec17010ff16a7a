/**
 * Pieces every Sourcewise PDF shares (the class report and the answer key): where the fonts are,
 * the finished file's bytes, untrusted text made safe to lay out, text cut to a width, the page footer.
 */
import { createRequire } from 'node:module';

/** The DejaVu fonts shipped in npm (never fetched): wide Unicode coverage for learners' names and articles. */
export function dejavuFonts(): { regular: string; bold: string } {
  const require = createRequire(import.meta.url);
  return {
    regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  };
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
