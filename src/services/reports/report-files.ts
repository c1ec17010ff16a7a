/**
 * Class reports straight from progress files, without an instructor's class store: what
 * `sourcewise report` does. The merge is the class store's own, so the figures are the same; the
 * report dispatch (`buildReport`) is the app's own, so the files and their names are too.
 */
import { readFile } from 'node:fs/promises';
import type { ClassData } from '../../shared/class-data';
import { summariseClass } from '../../shared/class-report';
import type { Pack } from '../../shared/pack/schema';
import type { ProgressFile } from '../../shared/progress-file';
import type { ReportFormat } from '../../shared/report-formats';
import { ApiError } from '../../shared/errors';
import { localTimeZone } from '../../shared/format';
import { parseProgressFile } from '../../shared/progress-file-validate';
import { CLASS_SCHEMA_VERSION, mergeProgressFiles } from './class-store';
import { buildCsv } from './report-csv';
import { buildXapi } from './report-xapi';
import { fflate } from '../load-later';

/** Reads and validates every file; any problem in any file is reported, and nothing is built. */
export async function readProgressFiles(paths: readonly string[]): Promise<{ files: ProgressFile[]; problems: string[] }> {
  const files: ProgressFile[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      problems.push(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      continue;
    }
    const parsed = parseProgressFile(text);
    if (parsed.ok) files.push(parsed.file);
    else for (const problem of parsed.problems) problems.push(`${path}: ${problem}`);
  }
  return { files, problems };
}

export function classDataFrom(files: readonly ProgressFile[], packs: readonly Pack[], appVersion: string, now: Date): ClassData {
  const { data } = mergeProgressFiles({ schemaVersion: CLASS_SCHEMA_VERSION, learners: [], packs: [] }, files);
  const used = new Set(data.learners.flatMap((learner) => learner.attempts.map((attempt) => attempt.packId)));
  return {
    learners: [...data.learners]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((learner) => ({ learnerId: learner.learnerId, name: learner.name, attempts: learner.attempts })),
    packs: packs.filter((pack) => used.has(pack.id)),
    generatedAt: now.toISOString(),
    appVersion,
  };
}

/** One file of a report: what its name ends with after the stem, its type, and its content. */
export interface ReportFile {
  suffix: string;
  mimeType: string;
  content: string | Buffer;
}

export interface ReportOptions {
  packId?: string | undefined;
  /**
   * xAPI only, and required there: the home page of the school's LMS, which learner accounts belong
   * to (there is no default: Sourcewise owns no address the school's statements should sit under).
   */
  homePage?: string | undefined;
  /** The IRI xAPI activity ids and extension keys go under; the home page by default. */
  activityBase?: string | undefined;
  /** The IANA time zone the report's times are written in; the machine's own (the instructor's) by default. */
  timeZone?: string | undefined;
}

/**
 * The one report dispatch, for the app and for `sourcewise report`: the file of a class report in
 * one format, named by what follows the stem. One export is one file to save: the CSV tables
 * (learners, attempts and items) come zipped together, each named `<stem>-<table>.csv` inside.
 */
export async function buildReport(
  data: ClassData,
  format: ReportFormat,
  options: ReportOptions,
  stem = 'sourcewise-class-report',
): Promise<ReportFile[]> {
  const packOption = options.packId ? { packId: options.packId } : {};
  const timeZone = options.timeZone ?? localTimeZone();
  const summary = summariseClass(data, packOption);
  switch (format) {
    case 'csv': {
      const csv = buildCsv(summary, data, { timeZone });
      // The zip's entries carry the report's own date, so the same class data gives the same bytes.
      const generated = Date.parse(data.generatedAt);
      const mtime = Number.isNaN(generated) ? new Date(0) : new Date(generated);
      const { strToU8, zipSync } = fflate();
      const entry = (text: string): [Uint8Array, { mtime: Date }] => [strToU8(text), { mtime }];
      const zip = zipSync({
        [`${stem}-learners.csv`]: entry(csv.learners),
        [`${stem}-attempts.csv`]: entry(csv.attempts),
        [`${stem}-items.csv`]: entry(csv.items),
      });
      return [{ suffix: '-csv.zip', mimeType: 'application/zip', content: Buffer.from(zip) }];
    }
    case 'pdf': {
      // pdfkit and its font libraries are loaded only when a PDF is asked for: start-up does not pay for them.
      const { buildPdf } = await import('./report-pdf');
      return [{ suffix: '.pdf', mimeType: 'application/pdf', content: await buildPdf(summary, data, { timeZone }) }];
    }
    case 'xapi': {
      if (!options.homePage) {
        throw new ApiError('invalid-input', 'An xAPI report needs the home page of your LMS or school (an https:// address)', [
          { path: 'homePage', message: 'required for an xAPI report' },
        ]);
      }
      const statements = buildXapi(data, {
        homePage: options.homePage,
        ...(options.activityBase ? { activityBase: options.activityBase } : {}),
        ...packOption,
      });
      return [{ suffix: '-xapi.json', mimeType: 'application/json', content: JSON.stringify(statements, null, 1) }];
    }
  }
}

/** The stem the app names a class report's files by: `sourcewise-class-report[-pack]-YYYY-MM-DD`. */
export function reportStem(packId: string | undefined, now: Date): string {
  return `sourcewise-class-report${packId ? `-${packId}` : ''}-${now.toISOString().slice(0, 10)}`;
}
