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

/** What the xAPI home page (and the base of activity ids) must look like: an http:// or https:// address. */
export const HTTP_ADDRESS = /^https?:\/\/[^\s]+$/i;

/** What is wrong with a home page the instructor typed, in words for beside the field; '' when nothing. */
export function homePageProblem(value: string): string {
  if (value.trim() === '') return 'Enter the address of your LMS or school, such as https://lms.school.example.';
  return HTTP_ADDRESS.test(value.trim())
    ? ''
    : 'This must be a web address starting with https:// (or http://), such as https://lms.school.example.';
}
