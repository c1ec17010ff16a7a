/**
 * The class report's formats, named once for the contract, the command line and the screen (plain
 * constants, so the renderer can use them without bundling zod). Each is built by the one report
 * dispatch, `buildReport` in `src/services/reports/report-files.ts`.
 */
export const REPORT_FORMATS = ['csv', 'pdf', 'xapi'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** How each format reads: its short name, and what its export button says it is for. */
export const REPORT_FORMAT_WORDS: Record<ReportFormat, { name: string; purpose: string }> = {
  csv: { name: 'CSV', purpose: 'CSV for a spreadsheet' },
  pdf: { name: 'PDF', purpose: 'PDF to print' },
  xapi: { name: 'xAPI', purpose: 'xAPI for an LMS' },
};
