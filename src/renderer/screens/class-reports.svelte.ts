/**
 * The instructor's class: import learners' progress files (many at once, with progress and cancel),
 * see the class report, export it as CSV, PDF or xAPI.
 */
import type { Api, ClassReport, ExportedFile, ImportResult } from '../../shared/contract';
import { homePageProblem, REPORT_FORMAT_WORDS, type ReportFormat } from '../../shared/report-formats';
import { MAX_PROGRESS_FILE_BYTES } from '../../shared/limits';
import { implausibleProgress } from '../../shared/progress-plausibility';
import { describeError } from '../lib/errors';
import { InstructorMode, type InstructorApi } from '../lib/instructor-mode.svelte';

type ClassApi = Pick<
  Api,
  'importProgressFiles' | 'getClassReport' | 'exportClassReport' | 'removeClassLearner' | 'restoreClassLearner' | 'clearClass'
> &
  InstructorApi;

/** Files go to the backend a few at a time, so that a long import shows progress and can stop between batches. */
const BATCH = 5;

export class ClassReportsState {
  report = $state<ClassReport | undefined>(undefined);
  packId = $state('');
  /**
   * Every pack the class answered, for the "Show" filter: a report limited to one pack lists only
   * that pack, so the list is kept from the last report of all packs (and grows with any new one).
   */
  packChoices = $state<{ packId: string; title: string }[]>([]);
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  /** A running import or export: how far, and whether the person asked to stop. */
  task = $state<{ label: string; done: number; total: number; cancelled: boolean } | undefined>(undefined);
  lastImport = $state<ImportResult | undefined>(undefined);
  taskError = $state('');
  /** What the last export saved, said once it is done. */
  exported = $state('');
  /**
   * The xAPI account home page: the school's own address, so it starts empty (no address of
   * Sourcewise's stands in for it; the last export's, once there was one) and an xAPI export waits
   * until one is entered.
   */
  homePage = $state('');
  /** Where xAPI activity ids go; empty: under the home page. */
  activityBase = $state('');
  /** Shown beside the home page field once an xAPI export was asked for with an address that will not do. */
  homePageError = $state('');
  activityBaseError = $state('');
  /** Instructor mode: the class shows only once it is unlocked. */
  readonly instructor: InstructorMode;

  private readonly api: ClassApi;

  constructor(api: ClassApi) {
    this.api = api;
    this.instructor = new InstructorMode(api, () => this.load());
  }

  async load(): Promise<void> {
    try {
      if (!(await this.instructor.check())) {
        this.report = undefined;
        this.status = 'ready';
        return;
      }
      this.report = await this.api.getClassReport(this.packId ? { packId: this.packId } : {});
      // The addresses of the last xAPI export, unless the instructor has typed others since.
      if (this.report.xapi !== undefined && this.homePage === '' && this.activityBase === '') {
        this.homePage = this.report.xapi.homePage;
        this.activityBase = this.report.xapi.activityBase ?? '';
      }
      const shown = this.report.summary.packs.map(({ packId, title }) => ({ packId, title }));
      this.packChoices = this.packId
        ? [...this.packChoices, ...shown.filter((pack) => !this.packChoices.some((kept) => kept.packId === pack.packId))]
        : shown;
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  async choosePack(packId: string): Promise<void> {
    this.packId = packId;
    await this.load();
  }

  cancel(): void {
    if (this.task) this.task.cancelled = true;
  }

  /** Imports the chosen files; each batch is all-or-nothing, and a cancel stops before the next one. */
  async importFiles(files: readonly File[]): Promise<void> {
    const chosen = files.filter((file) => file.name.toLowerCase().endsWith('.json'));
    const result: ImportResult = {
      imported: [],
      rejected: files
        .filter((file) => !chosen.includes(file))
        .map((file) => ({ file: file.name, problems: ['(file): not a .json progress file; skipped'] })),
    };
    this.taskError = '';
    this.task = { label: 'Importing progress files', done: 0, total: chosen.length, cancelled: false };
    try {
      for (let start = 0; start < chosen.length && !this.task.cancelled; start += BATCH) {
        const batch: { name: string; text: string }[] = [];
        for (const file of chosen.slice(start, start + BATCH)) {
          if (file.size > MAX_PROGRESS_FILE_BYTES) {
            result.rejected.push({
              file: file.name,
              problems: [`(file): ${file.size} bytes is larger than the 20 MB limit for a progress file`],
            });
          } else {
            const text = await file.text();
            const doubt = implausibleProgress(file.name, text);
            if (doubt && !(await this.ask(doubt))) {
              result.rejected.push({ file: file.name, problems: [`not imported, as you chose: ${doubt}`] });
            } else {
              batch.push({ name: file.name, text });
            }
          }
        }
        if (batch.length > 0) {
          const done = await this.api.importProgressFiles({ files: batch });
          result.imported.push(...done.imported);
          result.rejected.push(...done.rejected);
        }
        this.task.done = Math.min(chosen.length, start + BATCH);
      }
      if (this.task.cancelled && this.task.done < chosen.length) {
        result.rejected.push({
          file: `${chosen.length - this.task.done} more files`,
          problems: ['not imported: the import was cancelled before them (the files before were imported whole)'],
        });
      }
    } catch (error) {
      this.taskError = `The import stopped: ${describeError(error)}`;
    } finally {
      this.lastImport = result;
      this.task = undefined;
      await this.load();
    }
  }

  /** A file that looks implausible, waiting for the instructor to say whether to import it. */
  doubt = $state<{ text: string; decide: (importIt: boolean) => void } | undefined>(undefined);

  private ask(text: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.doubt = {
        text,
        decide: (importIt) => {
          this.doubt = undefined;
          resolve(importIt);
        },
      };
    });
  }

  /** Builds a report in the backend; returns its files, or nothing if cancelled or failed. */
  async exportReport(format: ReportFormat): Promise<ExportedFile[]> {
    this.taskError = '';
    this.exported = '';
    if (format === 'xapi') {
      this.homePageError = homePageProblem(this.homePage);
      this.activityBaseError = this.activityBase.trim() === '' ? '' : homePageProblem(this.activityBase);
      if (this.homePageError || this.activityBaseError) return [];
    }
    const task = {
      label: `Making the ${REPORT_FORMAT_WORDS[format].name} report`,
      done: 0,
      total: 1,
      cancelled: false,
    };
    this.task = task;
    try {
      const { files } = await this.api.exportClassReport({
        format,
        ...(this.packId ? { packId: this.packId } : {}),
        ...(format === 'xapi' ? { homePage: this.homePage.trim() } : {}),
        ...(format === 'xapi' && this.activityBase.trim() !== '' ? { activityBase: this.activityBase.trim() } : {}),
      });
      if (task.cancelled) return [];
      this.exported = `${REPORT_FORMAT_WORDS[format].name} report saved as ${files.map((file) => file.name).join(', ')} (in your downloads folder, or where you chose).`;
      return files;
    } catch (error) {
      this.taskError = `The report could not be made: ${describeError(error)}`;
      return [];
    } finally {
      this.task = undefined;
    }
  }

  /** The learner just removed, while the removal can be undone. */
  removed = $state<{ learnerId: string; name: string } | undefined>(undefined);

  /** Removes a learner (the screen has asked first); the removal can be undone with `undoRemove`. */
  async removeLearner(learnerId: string, name: string): Promise<void> {
    this.taskError = '';
    try {
      await this.api.removeClassLearner({ learnerId });
      this.removed = { learnerId, name };
    } catch (error) {
      this.taskError = describeError(error);
    }
    await this.load();
  }

  async undoRemove(): Promise<void> {
    const removed = this.removed;
    if (removed === undefined) return;
    this.taskError = '';
    try {
      await this.api.restoreClassLearner({ learnerId: removed.learnerId });
      this.removed = undefined;
    } catch (error) {
      this.taskError = `${removed.name} could not be brought back: ${describeError(error)}`;
    }
    await this.load();
  }

  async clear(): Promise<void> {
    try {
      await this.api.clearClass({});
      this.lastImport = undefined;
    } catch (error) {
      this.taskError = describeError(error);
    }
    await this.load();
  }
}
