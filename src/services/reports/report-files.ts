/**
 * Class reports straight from progress files, without an instructor's class store: what
 * `sourcewise report` does. The merge is the class store's own, so the figures are the same.
 */
import { readFile } from 'node:fs/promises';
import type { ClassData } from '../../shared/class-data';
import { summariseClass } from '../../shared/class-report';
import type { Pack } from '../../shared/pack/schema';
import type { ProgressFile } from '../../shared/progress-file';
import { parseProgressFile } from '../../shared/progress-file-validate';
import { CLASS_SCHEMA_VERSION, mergeProgressFiles } from './class-store';
import { buildCsv } from './report-csv';
import { buildXapi } from './report-xapi';

export type ReportFormat = 'csv' | 'pdf' | 'xapi';

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

/** The report's files, by name suffix and content: CSV gives two (learners and attempts). */
export async function buildReport(
  data: ClassData,
  format: ReportFormat,
  options: { packId?: string; homePage: string },
): Promise<{ suffix: string; content: string | Buffer }[]> {
  const summary = summariseClass(data, options.packId ? { packId: options.packId } : {});
  switch (format) {
    case 'csv': {
      const csv = buildCsv(summary, data);
      return [
        { suffix: '', content: csv.learners },
        { suffix: '-attempts', content: csv.attempts },
      ];
    }
    case 'pdf': {
      const { buildPdf } = await import('./report-pdf');
      return [{ suffix: '', content: await buildPdf(summary, data) }];
    }
    case 'xapi':
      return [
        {
          suffix: '',
          content: JSON.stringify(
            buildXapi(data, { homePage: options.homePage, ...(options.packId ? { packId: options.packId } : {}) }),
            null,
            1,
          ),
        },
      ];
  }
}
