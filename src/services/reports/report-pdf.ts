/**
 * The class report as a printable PDF, made with pdfkit in the backend so it comes out the same under
 * Electron and under Node. A4, DejaVu Sans embedded (subset) from the dejavu-fonts-ttf package on
 * disk, never fetched, and for names in Chinese, Japanese or Korean script Noto Sans SC and KR subsets
 * shipped in `fonts/` (`withGlyphFallback`); no standard PDF fonts are used, so every font in the file is embedded.
 *
 * Contents: the class summary (key figures, packs, one line per learner), per-label accuracy and d′
 * as bar charts drawn with vector graphics and the same figures in a table beside them, the claims
 * the class missed most with the right answer and the instructor's explanation, the item analysis
 * and the learner × exercise grid of each pack, then one page per learner. Every page carries its number. Bookmarks lead to each section and learner.
 *
 * Names and pack text are untrusted. pdfkit only ever draws them as text, so they cannot do anything,
 * but control characters are dropped and absurdly long strings are cut short so one of them cannot
 * swallow the layout.
 */
import PDFDocument from 'pdfkit';
import { clean, dejavuFonts, fit, numberPages, pdfBytes, UNSHOWN_NOTE, withGlyphFallback } from './pdf-text';
import type { ClassData } from '../../shared/class-data';
import type { ClassSummary, LabelFigures, LearnerSummary, MissedItem } from '../../shared/class-report';
import { CLEAR_LEAN, MIN_SIDE_TRIALS, SLIGHT_LEAN } from '../../shared/discernment';
import { EXERCISE_KINDS } from '../../shared/exercises/registry';
import {
  DISCRIMINATION_NOTE_WORDS,
  MIN_DISCRIMINATION_LEARNERS,
  type ItemResult,
  type PackItemAnalysis,
} from '../../shared/item-analysis';
import { formatDecimal, formatPercent, localDate, localMinute } from '../../shared/format';
import { creditWithLicense, LABEL_NAMES, LABELS } from '../../shared/pack/vocabulary';
import { TRANSFER_EXPLANATION, TRANSFER_GROUP_NAMES, TRANSFER_GROUPS, type TransferFigures } from '../../shared/transfer';

export interface PdfOptions {
  /** The report's title (default "Class report"), e.g. the class's name. */
  title?: string;
  /** TrueType files to use instead of DejaVu Sans. */
  fonts?: { regular: string; bold: string };
  /** Where the CJK fonts for text the fonts above cannot draw are (by default, the ones shipped in `fonts/`). */
  cjkFonts?: () => readonly string[];
  /** The IANA time zone the times are written in, named beside them (the instructor's; default UTC). */
  timeZone?: string;
}

const printPercent = (value: number | undefined) => formatPercent(value, 'print');
const printDecimal = (value: number | undefined) => formatDecimal(value, 'print');

const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const COLOR = {
  text: '#1a1a1a',
  muted: '#5a5a5a',
  rule: '#c8c8c8',
  grid: '#e2e2e2',
  bar: '#2f5d8a',
  negative: '#a3472f',
  shade: '#f2f4f7',
};
const SIZE = { title: 22, h2: 15, h3: 11.5, body: 9.5, small: 8 };
/** Longest untrusted strings drawn, in characters. */
const CAP = { name: 80, title: 200, quote: 600, explanation: 2000, answer: 600, credit: 700 };

export async function buildPdf(summary: ClassSummary, data: ClassData, options: PdfOptions = {}): Promise<Buffer> {
  const fonts = options.fonts ?? dejavuFonts();
  const title = clean(options.title ?? 'Class report', CAP.title);
  const created = new Date(summary.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    font: fonts.regular,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Sourcewise: ${title}`,
      Creator: `Sourcewise ${summary.appVersion}`,
      Producer: 'Sourcewise (PDFKit)',
      // The report's own date (when the class data was put together), not the moment of writing.
      ...(Number.isNaN(created.getTime()) ? {} : { CreationDate: created }),
    },
  });

  const done = pdfBytes(doc);
  const glyphs = withGlyphFallback(doc, options.cjkFonts);

  const page = new Page(doc, fonts, options.timeZone ?? 'UTC');
  titleSection(page, summary, data, title);
  labelSection(page, summary);
  missedSection(page, summary);
  for (const pack of summary.items) itemSection(page, pack, summary.items.length > 1);
  for (const learner of summary.learners) learnerSection(page, learner);
  if (glyphs.unshown()) page.text(UNSHOWN_NOTE, { size: SIZE.small, color: COLOR.muted });
  page.numberPages(`Sourcewise · ${title}`);
  doc.end();
  return done;
}

function titleSection(page: Page, summary: ClassSummary, data: ClassData, title: string): void {
  const { doc } = page;
  page.outline('Class summary');
  page.text(title, { font: 'bold', size: SIZE.title });
  const filtered = summary.packId === undefined ? undefined : summary.packs.find((pack) => pack.packId === summary.packId);
  const scope = filtered === undefined ? 'All packs' : `Pack: ${clean(filtered.title, CAP.title)}`;
  page.text(`${scope} · generated ${page.time(summary.generatedAt)} · Sourcewise ${clean(summary.appVersion, 40)}`, {
    size: SIZE.small,
    color: COLOR.muted,
  });
  doc.moveDown(1);

  const { totals } = summary;
  page.keyFigures([
    { value: `${totals.activeLearners} of ${totals.learners}`, caption: 'learners with answers' },
    { value: count(totals.attempts), caption: `attempts (${count(totals.reviewAttempts)} in review)` },
    { value: printPercent(totals.accuracy), caption: `answers right (${count(totals.correct)})` },
    { value: formatDuration(totals.totalTimeMs), caption: 'time spent answering' },
  ]);
  if (totals.firstAnsweredAt !== undefined && totals.lastAnsweredAt !== undefined) {
    page.text(`Answers from ${page.time(totals.firstAnsweredAt)} to ${page.time(totals.lastAnsweredAt)}.`, {
      size: SIZE.small,
      color: COLOR.muted,
    });
  }
  page.gap(10);

  page.heading('Packs');
  page.table(
    [
      { header: 'Pack', width: 255, wrap: true },
      { header: 'Version', width: 48, align: 'right' },
      { header: 'Items', width: 42, align: 'right' },
      { header: 'Learners', width: 52, align: 'right' },
      { header: 'Attempts', width: 55, align: 'right' },
      { header: 'Right', width: 43, align: 'right' },
    ],
    summary.packs.map((pack) => [
      clean(pack.title, CAP.title) + (pack.known ? '' : ' (pack not available)'),
      String(pack.version),
      pack.items === undefined ? '–' : String(pack.items),
      count(pack.learners),
      count(pack.attempts),
      printPercent(pack.accuracy),
    ]),
  );
  // Each article's credit line and licence once, after the packs it belongs to (packs cloned from one article share it).
  const credits = new Map<string, string[]>();
  for (const figures of summary.packs) {
    const meta = data.packs.find((pack) => pack.id === figures.packId)?.meta;
    if (meta) credits.set(creditWithLicense(meta), [...(credits.get(creditWithLicense(meta)) ?? []), figures.title]);
  }
  for (const [credit, titles] of credits) {
    page.text(`${titles.map((title) => clean(title, CAP.title)).join('; ')}: ${clean(credit, CAP.credit)}`, {
      size: SIZE.small,
      color: COLOR.muted,
    });
  }
  page.gap(10);

  const flagged = summary.learners.filter((learner) => learner.blanketLabel !== undefined);
  if (flagged.length > 0) {
    page.heading('Learners who give one label to most claims');
    page.text(
      'These learners chose one label far more often than the claims had it: often a sign of doubting (or believing) everything rather than reading how each claim is known.',
      { size: SIZE.small, color: COLOR.muted },
    );
    for (const learner of flagged) {
      page.text(`${clean(learner.name, CAP.name)}: mostly “${learner.blanketLabel}”`, { size: SIZE.body });
    }
    page.gap(10);
  }

  page.heading('Learners');
  page.table(
    [
      { header: 'Learner', width: 175, wrap: true },
      { header: 'Packs', width: 40, align: 'right' },
      { header: 'Attempts', width: 55, align: 'right' },
      { header: 'Right', width: 50, align: 'right' },
      { header: 'Time', width: 70, align: 'right' },
      { header: 'Note', width: 105 },
    ],
    summary.learners.map((learner) => [
      clean(learner.name, CAP.name),
      String(learner.packs.length),
      count(learner.attempts),
      printPercent(learner.accuracy),
      learner.attempts === 0 ? '–' : formatDuration(learner.totalTimeMs),
      learner.attempts === 0 ? 'no answers yet' : learner.blanketLabel === undefined ? '' : `mostly ${learner.blanketLabel}`,
    ]),
  );
}

function labelSection(page: Page, summary: ClassSummary): void {
  page.newPage();
  page.outline('Labels: accuracy and discernment');
  page.heading('Labels: accuracy and discernment', SIZE.h2);
  page.text(
    `Accuracy alone can reward a learner who doubts everything, so each label has two shares: when a claim was the label, how often learners said so; and when they said it, how often it was. d′ (d-prime) says how well the class tells each label apart from the others: 0 is chance, 1 is fair, 2 or more is good; it is given only with at least ${MIN_SIDE_TRIALS} claims of the label and ${MIN_SIDE_TRIALS} of others. The charts pool every learner’s judgements; the table also gives the mean of each learner’s own d′.`,
    { size: SIZE.small, color: COLOR.muted },
  );
  page.gap(8);
  const rows = LABELS.map((label) => summary.labels[label]);
  page.barChart({
    title: 'When a claim was the label, how often learners said so',
    rows: rows.map((figures) => ({
      label: LABEL_NAMES[figures.label],
      value: figures.hitRate,
      text:
        figures.hitRate === undefined
          ? 'never the answer'
          : `${printPercent(figures.hitRate)} of ${count(figures.hits + figures.misses)}`,
    })),
    min: 0,
    max: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1],
    tickText: (value) => printPercent(value),
  });
  page.gap(12);
  const values = rows.map((figures) => figures.dPrime).filter((value) => value !== undefined);
  page.barChart({
    title: 'Discernment per label (d′)',
    rows: rows.map((figures) => ({
      label: LABEL_NAMES[figures.label],
      value: figures.dPrime,
      text: figures.dPrime === undefined ? NOT_ENOUGH : printDecimal(figures.dPrime),
    })),
    min: Math.min(-1, Math.floor(Math.min(0, ...values))),
    max: Math.max(3, Math.ceil(Math.max(0, ...values))),
    ticks: 'integers',
    tickText: (value) => String(value),
    reference: { value: 2, text: 'good' },
  });
  page.gap(12);
  page.table(
    [
      { header: 'Label', width: 70 },
      { header: 'When it was, said', width: 90, align: 'right' },
      { header: 'When said, it was', width: 90, align: 'right' },
      { header: 'd′', width: 110, align: 'right' },
      { header: 'c (lean)', width: 45, align: 'right' },
      { header: 'Mean learner d′', width: 90, align: 'right' },
    ],
    rows.map((figures) => [
      LABEL_NAMES[figures.label],
      `${count(figures.hits)} of ${count(figures.hits + figures.misses)}`,
      `${count(figures.hits)} of ${count(figures.hits + figures.falseAlarms)}`,
      figures.dPrime === undefined ? NOT_ENOUGH : printDecimal(figures.dPrime),
      printDecimal(figures.criterion),
      figures.meanLearnerDPrime === undefined
        ? '–'
        : `${printDecimal(figures.meanLearnerDPrime)} (${figures.learnersWithDPrime})`,
    ]),
  );
  page.text(
    `c below 0: the label is chosen readily; above 0: held back (${printDecimal(SLIGHT_LEAN)} to ${printDecimal(CLEAR_LEAN)} a slight lean, beyond a clear one). “${NOT_ENOUGH}”: fewer than ${MIN_SIDE_TRIALS} claims of the label or of others.`,
    { size: SIZE.small, color: COLOR.muted },
  );
  page.gap(12);
  page.heading('New articles and articles seen before');
  transferTable(page, summary.transfer);
  page.text(TRANSFER_EXPLANATION, { size: SIZE.small, color: COLOR.muted });
}

/** Per label, right of the judgements in each transfer group; a share only with enough answers. */
function transferTable(page: Page, figures: TransferFigures): void {
  page.table(
    [
      { header: 'Label', width: 85 },
      ...TRANSFER_GROUPS.map((group) => ({ header: TRANSFER_GROUP_NAMES[group], width: 125, align: 'right' as const })),
    ],
    LABELS.map((label) => [
      LABEL_NAMES[label],
      ...TRANSFER_GROUPS.map((group) => {
        const tally = figures[label][group];
        if (tally.total === 0) return '–';
        return `${count(tally.right)} of ${count(tally.total)}${tally.accuracy === undefined ? ' (not enough yet)' : ` (${printPercent(tally.accuracy)})`}`;
      }),
    ]),
  );
}

function missedSection(page: Page, summary: ClassSummary): void {
  page.newPage();
  page.outline('Claims the class missed most');
  page.heading('Claims the class missed most', SIZE.h2);
  if (summary.mostMissed.length === 0) {
    page.text('No claim was missed.', { size: SIZE.body });
    return;
  }
  summary.mostMissed.forEach((item, index) => missedItem(page, item, index + 1, summary.packs.length > 1));
}

function missedItem(page: Page, item: MissedItem, rank: number, showPack: boolean): void {
  page.ensure(70);
  page.text(`${rank}. ${clean(item.summary, CAP.quote)}`, { font: 'bold', size: SIZE.h3 });
  const who = `missed ${count(item.missed)} of ${count(item.attempts)} times (${printPercent(item.shareMissed)}), by ${count(item.learnersMissed)} of ${count(item.learners)} learners`;
  page.text(`${showPack ? `${clean(item.packTitle, CAP.title)} · ` : ''}${item.itemType} item · ${who}`, {
    size: SIZE.small,
    color: COLOR.muted,
  });
  if (item.answer !== undefined) page.text(`Right answer: ${clean(item.answer, CAP.answer)}`, { size: SIZE.body });
  if (item.explanation !== undefined)
    page.text(clean(item.explanation, CAP.explanation), { size: SIZE.body, color: COLOR.muted });
  page.gap(10);
}

/** A result in the grid: a mark that reads in black and white, explained in the key below it. */
const RESULT_MARKS: Record<ItemResult, string> = { right: '✓', 'partly-right': '½', wrong: '✗', 'not-done': '·' };
/** Exercises per block of the grid: as many columns as fit beside the names. */
const GRID_COLUMNS = 25;

function itemSection(page: Page, pack: PackItemAnalysis, showPack: boolean): void {
  page.newPage();
  const heading = `Exercises${showPack ? `: ${clean(pack.title, CAP.title)}` : ''}`;
  page.outline(showPack ? `Exercises: ${clean(pack.title, 60)}` : 'Exercises');
  page.heading(heading, SIZE.h2);
  page.text(
    `For each exercise: how many learners answered it (their latest answer counts), how many got it right, and whether it separates stronger readers from weaker ones (discrimination, from −1 to 1: above 0.3 it separates well, near 0 not at all, below 0 the weaker readers did better, worth checking the exercise). Discrimination is given only when at least ${MIN_DISCRIMINATION_LEARNERS} learners answered. Under each exercise, how many chose each answer (answers nobody chose are left out); the right one is marked.`,
    { size: SIZE.small, color: COLOR.muted },
  );
  page.gap(6);
  page.table(
    [
      { header: '#', width: 22, align: 'right' },
      { header: 'Exercise', width: 196, wrap: true },
      { header: 'Type', width: 62 },
      { header: 'Answered', width: 55, align: 'right' },
      { header: 'Right', width: 70, align: 'right' },
      { header: 'Discrimination', width: 90, align: 'right', wrap: true },
    ],
    pack.items.map((item) => [
      String(item.number),
      clean(item.claim, CAP.quote) +
        (item.choices.length === 0
          ? ''
          : `\nChosen: ${item.choices
              // Choices nobody made are left out, except the right ones: "right answer: 0" says something.
              .filter((choice) => choice.count > 0 || choice.right)
              .map((choice) => `${clean(choice.text, 60)}${choice.right ? ' (right)' : ''}: ${choice.count}`)
              .join(' · ')}`),
      EXERCISE_KINDS[item.type].name,
      count(item.answered),
      item.answered === 0 ? '–' : `${count(item.right)} (${printPercent(item.rightShare)})`,
      item.discrimination === undefined
        ? DISCRIMINATION_NOTE_WORDS[item.discriminationNote ?? 'few-learners']
        : printDecimal(item.discrimination),
    ]),
  );
  page.gap(8);
  page.heading('Each learner on each exercise');
  page.text(
    `${RESULT_MARKS.right} right, ${RESULT_MARKS['partly-right']} partly right, ${RESULT_MARKS.wrong} wrong, ${RESULT_MARKS['not-done']} not done (the latest answer counts). Columns are the exercises by number.`,
    { size: SIZE.small, color: COLOR.muted },
  );
  page.gap(4);
  for (let start = 0; start < pack.items.length; start += GRID_COLUMNS) {
    const numbers = pack.items.slice(start, start + GRID_COLUMNS).map((item) => item.number);
    page.grid(
      numbers.map(String),
      pack.grid.map((row) => ({
        name: clean(row.name, CAP.name),
        marks: numbers.map((number) => RESULT_MARKS[row.results[number - 1] ?? 'not-done']),
      })),
    );
    page.gap(6);
  }
}

function learnerSection(page: Page, learner: LearnerSummary): void {
  page.newPage();
  const name = clean(learner.name, CAP.name);
  page.outline(name);
  page.heading(name, SIZE.h2);
  page.text(`Learner id ${learner.learnerId}`, { size: SIZE.small, color: COLOR.muted });
  page.gap(6);
  if (learner.attempts === 0) {
    page.text('No answers yet.', { size: SIZE.body });
    return;
  }
  page.keyFigures([
    { value: count(learner.attempts), caption: `attempts (${count(learner.reviewAttempts)} in review)` },
    { value: printPercent(learner.accuracy), caption: `answers right (${count(learner.correct)})` },
    { value: formatDuration(learner.totalTimeMs), caption: 'time spent answering' },
    {
      value: learner.lastAnsweredAt === undefined ? '–' : page.date(learner.lastAnsweredAt),
      caption: 'last answer',
    },
  ]);
  page.gap(4);

  page.heading('Packs');
  page.table(
    [
      { header: 'Pack', width: 215, wrap: true },
      { header: 'Items', width: 60, align: 'right' },
      { header: 'Attempts', width: 55, align: 'right' },
      { header: 'Right', width: 45, align: 'right' },
      { header: 'Rounds', width: 50, align: 'right' },
      { header: 'Time', width: 70, align: 'right' },
    ],
    learner.packs.map((row) => [
      clean(row.packTitle, CAP.title),
      row.itemsInPack === undefined ? String(row.itemsAnswered) : `${row.itemsAnswered} of ${row.itemsInPack}`,
      count(row.attempts),
      printPercent(row.accuracy),
      row.packKnown ? String(row.roundsCompleted) : '–',
      formatDuration(row.totalTimeMs),
    ]),
  );
  page.gap(6);

  page.heading('Labels');
  page.labelTable(LABELS.map((label) => learner.labels[label]));
  page.gap(6);

  page.heading('New articles and articles seen before');
  transferTable(page, learner.transfer);
  page.gap(6);

  const notes = learner.readings.map((reading) => reading.text);
  if (learner.calibration.reading !== undefined) notes.push(learner.calibration.reading.text);
  if (notes.length > 0) {
    page.heading('What their answers show');
    for (const note of notes) page.bullet(note);
  }
  const rated = learner.calibration.levels.filter((level) => level.total > 0);
  if (rated.length > 0) {
    page.gap(4);
    const names = { 1: 'guessing', 2: 'fairly sure', 3: 'certain' } as const;
    page.text(`Confidence: ${rated.map((level) => `${names[level.level]} ${level.right} of ${level.total} right`).join(' · ')}`, {
      size: SIZE.small,
      color: COLOR.muted,
    });
  }
}

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
  /** Wrap long text onto more lines rather than cutting it short. */
  wrap?: boolean;
}

interface TextStyle {
  font?: 'regular' | 'bold';
  size?: number;
  color?: string;
}

interface ChartRow {
  label: string;
  value: number | undefined;
  text: string;
}

/** The drawing helpers: a cursor that flows down the page and starts a new page when it runs out. */
class Page {
  readonly doc: PDFKit.PDFDocument;
  readonly left = MARGIN.left;
  readonly width: number;
  private readonly fonts: { regular: string; bold: string };
  private readonly timeZone: string;

  constructor(doc: PDFKit.PDFDocument, fonts: { regular: string; bold: string }, timeZone: string) {
    this.doc = doc;
    this.fonts = fonts;
    this.timeZone = timeZone;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  /** A timestamp in the report's time zone, to the minute, the zone named. */
  time(value: string): string {
    return clean(localMinute(value, this.timeZone), 80);
  }

  /** The day of a timestamp in the report's time zone. */
  date(value: string): string {
    return clean(localDate(value, this.timeZone), 40);
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  newPage(): void {
    this.doc.addPage();
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  gap(points: number): void {
    this.doc.y = Math.min(this.doc.y + points, this.bottom);
  }

  outline(title: string): void {
    this.doc.outline.addItem(title);
  }

  style({ font = 'regular', size = SIZE.body, color = COLOR.text }: TextStyle): void {
    // Fonts are selected by path, the key pdfkit caches them under. (A name given to registerFont()
    // for a file that is already open is not cached: pdfkit would parse the file again on every call.)
    this.doc.font(this.fonts[font]).fontSize(size).fillColor(color);
  }

  /** A paragraph at the left margin, wrapped to the full width. */
  text(text: string, style: TextStyle = {}): void {
    this.style(style);
    this.ensure(this.doc.currentLineHeight(true));
    this.doc.text(text, this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
  }

  heading(text: string, size = SIZE.h3): void {
    this.ensure(size * 3.5);
    this.gap(2);
    this.text(text, { font: 'bold', size });
    this.gap(3);
  }

  bullet(text: string): void {
    this.style({ size: SIZE.body });
    this.ensure(this.doc.currentLineHeight(true) * 2);
    const y = this.doc.y;
    this.doc.text('•', this.left + 4, y, { lineBreak: false });
    this.doc.text(text, this.left + 16, y, { width: this.width - 16, lineGap: 1.5 });
    this.gap(2);
  }

  /** A row of big figures with captions. */
  keyFigures(figures: { value: string; caption: string }[]): void {
    const boxWidth = this.width / figures.length;
    const height = 48;
    this.ensure(height + 8);
    const y = this.doc.y;
    this.doc.save().rect(this.left, y, this.width, height).fill(COLOR.shade).restore();
    figures.forEach((figure, index) => {
      const x = this.left + index * boxWidth + 10;
      this.style({ font: 'bold', size: 16 });
      this.doc.text(fit(this.doc, figure.value, boxWidth - 16), x, y + 8, { lineBreak: false });
      this.style({ size: SIZE.small, color: COLOR.muted });
      this.doc.text(fit(this.doc, figure.caption, boxWidth - 16), x, y + 30, { lineBreak: false });
    });
    this.doc.x = this.left;
    this.doc.y = y + height + 8;
  }

  /**
   * A table. Cells are one line, cut short with an ellipsis, except in `wrap` columns, which wrap and
   * make their row taller. The header repeats after a page break.
   */
  table(columns: Column[], rows: string[][]): void {
    const rowHeight = 16;
    const padding = 4;
    const tableWidth = sumWidths(columns);
    const header = () => {
      const y = this.doc.y;
      this.style({ font: 'bold', size: SIZE.small, color: COLOR.muted });
      this.cells(
        columns,
        columns.map((column) => column.header),
        y + 4,
        false,
      );
      this.doc
        .save()
        .moveTo(this.left, y + rowHeight)
        .lineTo(this.left + tableWidth, y + rowHeight)
        .lineWidth(0.8)
        .strokeColor(COLOR.rule)
        .stroke()
        .restore();
      this.doc.y = y + rowHeight;
    };
    this.ensure(rowHeight * 2);
    header();
    rows.forEach((row, index) => {
      this.style({ size: SIZE.body });
      const wrapped = columns.map((column, at) =>
        column.wrap === true ? this.doc.heightOfString(row[at] ?? '', { width: column.width - 2 * padding, lineGap: 1 }) : 0,
      );
      const height = Math.max(rowHeight, Math.max(...wrapped) + 7);
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        header();
        this.style({ size: SIZE.body });
      }
      const y = this.doc.y;
      if (index % 2 === 1) this.doc.save().rect(this.left, y, tableWidth, height).fill(COLOR.shade).restore();
      this.style({ size: SIZE.body });
      this.cells(columns, row, y + 3.5, true);
      this.doc.y = y + height;
    });
    this.doc.x = this.left;
    this.gap(4);
  }

  private cells(columns: Column[], values: string[], y: number, wrap: boolean): void {
    const padding = 4;
    let x = this.left;
    columns.forEach((column, index) => {
      const width = column.width - 2 * padding;
      const value = values[index] ?? '';
      if (wrap && column.wrap === true) {
        this.doc.text(value, x + padding, y, { width, align: column.align ?? 'left', lineGap: 1 });
      } else {
        this.doc.text(fit(this.doc, value, width), x + padding, y, { width, align: column.align ?? 'left', lineBreak: false });
      }
      x += column.width;
    });
  }

  /**
   * A grid of one-character marks: a name per row, a narrow column per heading, marks centred (a
   * table would pad and cut them). The headings repeat after a page break.
   */
  grid(headings: string[], rows: { name: string; marks: string[] }[]): void {
    const nameWidth = 120;
    const rowHeight = 14;
    const columnWidth = Math.min(18, (this.width - nameWidth) / Math.max(1, headings.length));
    const header = () => {
      const y = this.doc.y;
      this.style({ font: 'bold', size: SIZE.small, color: COLOR.muted });
      this.doc.text('Learner', this.left, y + 3, { width: nameWidth - 4, lineBreak: false });
      headings.forEach((heading, index) =>
        this.doc.text(heading, this.left + nameWidth + index * columnWidth, y + 3, {
          width: columnWidth,
          align: 'center',
          lineBreak: false,
        }),
      );
      this.doc
        .save()
        .moveTo(this.left, y + rowHeight)
        .lineTo(this.left + nameWidth + headings.length * columnWidth, y + rowHeight)
        .lineWidth(0.8)
        .strokeColor(COLOR.rule)
        .stroke()
        .restore();
      this.doc.y = y + rowHeight + 1;
    };
    this.ensure(rowHeight * 3);
    header();
    rows.forEach((row, index) => {
      if (this.doc.y + rowHeight > this.bottom) {
        this.newPage();
        header();
      }
      const y = this.doc.y;
      const width = nameWidth + headings.length * columnWidth;
      if (index % 2 === 1) this.doc.save().rect(this.left, y, width, rowHeight).fill(COLOR.shade).restore();
      this.style({ size: SIZE.small });
      this.doc.text(fit(this.doc, row.name, nameWidth - 8), this.left + 4, y + 3, { lineBreak: false });
      this.style({ size: SIZE.body });
      row.marks.forEach((mark, at) =>
        this.doc.text(mark, this.left + nameWidth + at * columnWidth, y + 2, {
          width: columnWidth,
          align: 'center',
          lineBreak: false,
        }),
      );
      this.doc.y = y + rowHeight;
    });
    this.doc.x = this.left;
  }

  /** Per-label figures with a small bar in each row: how often the learner said the label when it was. */
  labelTable(figures: LabelFigures[]): void {
    const columns: Column[] = [
      { header: 'Label', width: 75 },
      { header: 'When it was, said', width: 90, align: 'right' },
      { header: '', width: 90 },
      { header: 'When said, it was', width: 90, align: 'right' },
      { header: 'd′ and c', width: 150, align: 'right' },
    ];
    // Header and five rows, kept on one page so the bars below line up with their rows.
    this.ensure(16 * (figures.length + 1) + 8);
    const startY = this.doc.y;
    this.table(
      columns,
      figures.map((row) => [
        LABEL_NAMES[row.label],
        `${count(row.hits)} of ${count(row.hits + row.misses)}`,
        '',
        `${count(row.hits)} of ${count(row.hits + row.falseAlarms)}`,
        row.dPrime === undefined ? NOT_ENOUGH : `d′ ${printDecimal(row.dPrime)}, c ${printDecimal(row.criterion)}`,
      ]),
    );
    // The bars sit in the third column, left empty by the table.
    const x = this.left + 75 + 90 + 8;
    const barWidth = 90 - 16;
    figures.forEach((row, index) => {
      const y = startY + 16 * (index + 1) + 4;
      this.doc.save().rect(x, y, barWidth, 8).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore();
      if (row.hitRate !== undefined && row.hitRate > 0)
        this.doc
          .save()
          .rect(x, y, barWidth * row.hitRate, 8)
          .fill(COLOR.bar)
          .restore();
    });
  }

  /** A horizontal bar chart: one bar per row from 0, an axis with ticks, and the value printed beside each bar. */
  barChart(chart: {
    title: string;
    rows: ChartRow[];
    min: number;
    max: number;
    ticks: number[] | 'integers';
    tickText: (value: number) => string;
    reference?: { value: number; text: string };
  }): void {
    const labelWidth = 90;
    const valueWidth = 110;
    const barHeight = 14;
    const rowHeight = 22;
    const plotWidth = this.width - labelWidth - valueWidth;
    const height = 20 + chart.rows.length * rowHeight + 18;
    this.ensure(height + 10);
    this.style({ font: 'bold', size: SIZE.h3 });
    this.doc.text(chart.title, this.left, this.doc.y, { lineBreak: false });
    const top = this.doc.y + 20;
    const x0 = this.left + labelWidth;
    const scale = (value: number) => x0 + ((value - chart.min) / (chart.max - chart.min)) * plotWidth;
    const ticks =
      chart.ticks === 'integers'
        ? Array.from({ length: chart.max - chart.min + 1 }, (_, index) => chart.min + index)
        : chart.ticks;
    const plotBottom = top + chart.rows.length * rowHeight;

    // Grid and tick labels.
    for (const tick of ticks) {
      const x = scale(tick);
      this.doc
        .save()
        .moveTo(x, top - 4)
        .lineTo(x, plotBottom)
        .lineWidth(tick === 0 ? 1 : 0.5)
        .strokeColor(tick === 0 ? COLOR.muted : COLOR.grid)
        .stroke()
        .restore();
      this.style({ size: SIZE.small, color: COLOR.muted });
      this.doc.text(chart.tickText(tick), x - 20, plotBottom + 4, { width: 40, align: 'center', lineBreak: false });
    }
    if (chart.reference !== undefined) {
      const x = scale(chart.reference.value);
      this.doc
        .save()
        .moveTo(x, top - 4)
        .lineTo(x, plotBottom)
        .dash(3, { space: 2 })
        .lineWidth(0.8)
        .strokeColor(COLOR.muted)
        .stroke()
        .undash()
        .restore();
      this.style({ size: SIZE.small, color: COLOR.muted });
      this.doc.text(chart.reference.text, x + 3, top - 12, { lineBreak: false });
    }

    chart.rows.forEach((row, index) => {
      const y = top + index * rowHeight + (rowHeight - barHeight) / 2;
      this.style({ size: SIZE.body });
      this.doc.text(row.label, this.left, y + 2, { width: labelWidth - 8, lineBreak: false });
      if (row.value !== undefined) {
        const from = scale(Math.max(chart.min, Math.min(0, row.value)));
        const to = scale(Math.min(chart.max, Math.max(0, row.value)));
        this.doc
          .save()
          .rect(from, y, Math.max(to - from, 0.75), barHeight)
          .fill(row.value < 0 ? COLOR.negative : COLOR.bar)
          .restore();
      }
      this.style({ size: SIZE.body, color: row.value === undefined ? COLOR.muted : COLOR.text });
      this.doc.text(row.text, x0 + plotWidth + 8, y + 2, { width: valueWidth - 8, lineBreak: false });
    });
    this.doc.x = this.left;
    this.doc.y = plotBottom + 18;
  }

  /** "Page n of N" and a caption on every page (the document buffers its pages for this). */
  numberPages(caption: string): void {
    numberPages(this.doc, caption, { left: this.left, width: this.width, bottomMargin: MARGIN.bottom }, () =>
      this.style({ size: SIZE.small, color: COLOR.muted }),
    );
  }
}

function sumWidths(columns: readonly Column[]): number {
  return columns.reduce((total, column) => total + column.width, 0);
}

const COUNT = new Intl.NumberFormat('en-US');

/** A count with thousands separators: 24,000. */
function count(value: number): string {
  return COUNT.format(value);
}

/** Where d′ and c are not given: fewer than `MIN_SIDE_TRIALS` judgements on one side. */
const NOT_ENOUGH = 'not enough answers yet';

export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
