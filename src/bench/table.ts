/** The bench's rows and how they print: an aligned plain-text table. */

export type Better = 'lower' | 'higher';

export interface Row {
  /** The section: Start-up, Answer, Reports, Suggestions, Size. */
  section: string;
  name: string;
  unit: string;
  better: Better;
  /** Present when the row produced a figure. */
  median?: number;
  min?: number;
  max?: number;
  p95?: number;
  runs?: number;
  /** The floor measured the same way, where there is one (its median). */
  floor?: number;
  /** figure / floor. */
  ratio?: number;
  /** What the issue asks for, in words, and whether this run met it. */
  target?: string;
  met?: boolean;
  /** Why the row has no figure (a skip), or what it measured. */
  note?: string;
  /** A skip is not a failure; a row without a figure and without `skipped` is. */
  skipped?: boolean;
}

export function formatNumber(value: number | undefined): string {
  if (value === undefined) return '';
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-GB');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['section', 'row', 'unit', 'median', 'min', 'max', 'p95', 'n', 'floor', 'ratio', 'target', 'met'];
  const body = rows.map((row) => [
    row.section,
    row.name,
    row.unit,
    row.skipped ? 'skipped' : row.median === undefined ? 'FAILED' : formatNumber(row.median),
    formatNumber(row.min),
    formatNumber(row.max),
    formatNumber(row.p95),
    row.runs === undefined ? '' : String(row.runs),
    formatNumber(row.floor),
    row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}x`,
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((cells) => cells[column]!.length)));
  const numeric = new Set([3, 4, 5, 6, 7, 8, 9]);
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((width) => '-'.repeat(width)))];
  for (const cells of body) out.push(line(cells));
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.section} / ${row.name}: ${row.note}`);
  return [...out, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n');
}
