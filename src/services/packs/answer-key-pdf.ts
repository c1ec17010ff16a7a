/**
 * A pack's answer key as a printable PDF, for the instructor: the pack's title, outlet and date, then
 * the labelling guide's definitions of the labels, then every item in order with its number, id and
 * type, what the learner sees (the claim, the passage's spans, the headline, the figures), the right
 * answer, the source and the chain it came through, and the instructor's explanation. A4, every page
 * numbered, DejaVu Sans embedded as in the class report.
 *
 * Pack text is untrusted: pdfkit only draws it as text, with control characters dropped and absurd
 * lengths cut short so that one string cannot swallow the layout.
 */
import PDFDocument from 'pdfkit';
import type { KeyWords } from '../../shared/exercises/kind';
import { kindOf } from '../../shared/exercises/registry';
import { reportingOf } from '../../shared/exercises/reporting';
import { CHAIN_RULE, LABEL_DEFINITIONS, ON_THE_RECORD } from '../../shared/labelling-guide';
import type { Item, Pack, Source, TextRef } from '../../shared/pack/schema';
import { creditWithLicense, LABEL_NAMES, LABELS, SOURCE_KIND_NAMES, type Label } from '../../shared/pack/vocabulary';
import { clean, dejavuFonts, fit, numberPages, pdfBytes, UNSHOWN_NOTE, withGlyphFallback } from '../reports/pdf-text';

export interface AnswerKeyOptions {
  /** TrueType files to use instead of DejaVu Sans. */
  fonts?: { regular: string; bold: string };
  /** The app's version, recorded as the PDF's creator. */
  appVersion?: string;
}

const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
const COLOR = { text: '#1a1a1a', muted: '#5a5a5a', rule: '#c8c8c8', accent: '#2f5d8a' };
const SIZE = { title: 20, item: 11.5, body: 9.5, small: 8 };
/** Longest untrusted strings drawn, in characters. */
const CAP = { title: 300, line: 300, quote: 1500, explanation: 4000 };

export async function buildAnswerKeyPdf(pack: Pack, options: AnswerKeyOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? dejavuFonts();
  const title = clean(pack.meta.title, CAP.title);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: fonts.regular,
    lang: pack.meta.language,
    displayTitle: true,
    info: {
      Title: `Answer key: ${title}`,
      Creator: `Sourcewise${options.appVersion === undefined ? '' : ` ${clean(options.appVersion, 40)}`}`,
      Producer: 'Sourcewise (PDFKit)',
    },
  });
  const done = pdfBytes(doc);
  const glyphs = withGlyphFallback(doc);

  const writer = new Writer(doc, fonts);
  writer.text('Answer key', { size: SIZE.small, color: COLOR.muted });
  writer.text(title, { bold: true, size: SIZE.title });
  const { outlet, author, published } = pack.meta;
  writer.text(
    [outlet, published, author === '' ? '' : `by ${author}`]
      .filter((part) => part !== '')
      .map((part) => clean(part, CAP.line))
      .join(' · '),
    {
      color: COLOR.muted,
    },
  );
  writer.text(clean(creditWithLicense(pack.meta), CAP.quote), { size: SIZE.small, color: COLOR.muted });
  writer.text(
    `Pack ${pack.id}, version ${pack.version} · ${pack.items.length} item${pack.items.length === 1 ? '' : 's'} · keep this key away from learners`,
    { size: SIZE.small, color: COLOR.muted },
  );
  writer.rule();
  definitions(writer);
  writer.rule();
  pack.items.forEach((item, index) => itemSection(writer, item, index + 1));
  if (glyphs.unshown()) writer.text(UNSHOWN_NOTE, { size: SIZE.small, color: COLOR.muted });
  writer.numberPages(`Sourcewise · Answer key: ${title}`);
  doc.end();
  return done;
}

/** The labels as the learner's screens define them, so the key is read by the same rules. */
function definitions(writer: Writer): void {
  writer.text('What the labels mean (from the labelling guide)', { bold: true, size: SIZE.body });
  writer.gap(3);
  for (const label of LABELS) writer.field(LABEL_NAMES[label], LABEL_DEFINITIONS[label].definition);
  writer.text(ON_THE_RECORD, { size: SIZE.small, color: COLOR.muted });
  writer.text(CHAIN_RULE, { size: SIZE.small, color: COLOR.muted });
}

function itemSection(writer: Writer, item: Item, number: number): void {
  writer.ensure(90);
  writer.doc.outline.addItem(`${number}. ${item.id}`);
  writer.itemHeading(`${number}. ${kindOf(item.type).name}`, item.id);
  if (item.prompt !== undefined) writer.field('Question', clean(item.prompt, CAP.line));

  for (const field of reportingOf(item.type).keyFields(item, KEY_WORDS)) {
    if ('list' in field) writer.list(field.name, field.list);
    else writer.field(field.name, field.value, field.indent);
  }
  writer.field('Explanation', clean(item.explanation, CAP.explanation));
  writer.gap(10);
}

const KEY_WORDS: KeyWords = {
  quote,
  quoted: (text) => `“${clean(text, CAP.quote)}”`,
  line: (text) => clean(text, CAP.line),
  labels,
  source,
  cues,
};

function quote(ref: TextRef): string {
  return `“${clean(ref.quote, CAP.quote)}” (paragraph ${ref.paragraph + 1})`;
}

function labels(label: Label, alsoAccept: readonly Label[] | undefined): string {
  const also = alsoAccept?.filter((other) => other !== label) ?? [];
  return `${LABEL_NAMES[label]}${also.length > 0 ? ` (also accepted: ${also.map((other) => LABEL_NAMES[other]).join(', ')})` : ''}`;
}

function source(source: Source): string {
  const chain = source.chain.length > 0 ? `; through ${source.chain.map((link) => clean(link, CAP.line)).join(' → ')}` : '';
  return `${clean(source.name, CAP.line)} (${SOURCE_KIND_NAMES[source.kind]})${chain}`;
}

function cues(list: readonly string[]): string {
  return list.map((cue) => `“${clean(cue, CAP.line)}”`).join(', ');
}

interface Style {
  bold?: boolean;
  size?: number;
  color?: string;
}

/** A cursor that flows down the page, starting a new page when it runs out. */
class Writer {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts: { regular: string; bold: string };
  private readonly left = MARGIN.left;
  private readonly width: number;

  constructor(doc: PDFKit.PDFDocument, fonts: { regular: string; bold: string }) {
    this.doc = doc;
    this.fonts = fonts;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  private style({ bold = false, size = SIZE.body, color = COLOR.text }: Style): void {
    // Fonts are selected by path, the key pdfkit caches them under (see report-pdf.ts).
    this.doc
      .font(bold ? this.fonts.bold : this.fonts.regular)
      .fontSize(size)
      .fillColor(color);
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  text(text: string, style: Style = {}): void {
    this.style(style);
    this.ensure(this.doc.currentLineHeight(true));
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
  }

  /** An item's number and type in bold, its id after them in small grey type. */
  itemHeading(heading: string, id: string): void {
    this.style({ bold: true, size: SIZE.item, color: COLOR.accent });
    const y = this.doc.y;
    const headingWidth = this.doc.widthOfString(heading);
    this.doc.text(heading, this.left, y, { lineBreak: false });
    this.style({ size: SIZE.small, color: COLOR.muted });
    this.doc.text(fit(this.doc, id, this.width - headingWidth - 12), this.left + headingWidth + 12, y + 3, { lineBreak: false });
    this.doc.x = this.left;
    this.doc.y = y + SIZE.item * 1.6;
  }

  /** A label in bold and its value, wrapped under the value's own left edge. */
  field(name: string, value: string, indent = 0): void {
    const labelWidth = 78;
    this.style({ bold: true, size: SIZE.small, color: COLOR.muted });
    this.ensure(this.doc.currentLineHeight(true) * 2);
    const y = this.doc.y;
    this.doc.text(name, this.left + indent, y + 1, { width: labelWidth - indent, lineBreak: false });
    this.style({});
    this.doc.text(value === '' ? ' ' : value, this.left + labelWidth, y, { width: this.width - labelWidth, lineGap: 1.5 });
    this.doc.x = this.left;
    this.gap(1.5);
  }

  /** A label beside the first of a bulleted list. */
  list(name: string, entries: readonly string[]): void {
    const labelWidth = 78;
    entries.forEach((entry, index) => {
      this.style({});
      this.ensure(this.doc.currentLineHeight(true) * 2);
      const y = this.doc.y;
      if (index === 0) {
        this.style({ bold: true, size: SIZE.small, color: COLOR.muted });
        this.doc.text(name, this.left, y + 1, { width: labelWidth, lineBreak: false });
        this.style({});
      }
      this.doc.text('•', this.left + labelWidth, y, { lineBreak: false });
      this.doc.text(entry, this.left + labelWidth + 10, y, { width: this.width - labelWidth - 10, lineGap: 1.5 });
      this.doc.x = this.left;
      this.gap(1.5);
    });
  }

  rule(): void {
    this.gap(6);
    const y = this.doc.y;
    this.doc
      .save()
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .lineWidth(0.8)
      .strokeColor(COLOR.rule)
      .stroke()
      .restore();
    this.gap(10);
  }

  numberPages(caption: string): void {
    numberPages(this.doc, caption, { left: this.left, width: this.width, bottomMargin: MARGIN.bottom }, () =>
      this.style({ size: SIZE.small, color: COLOR.muted }),
    );
  }
}
