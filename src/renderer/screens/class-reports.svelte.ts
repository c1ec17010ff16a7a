/**
 * The instructor's class: import learners' progress files (many at once, with progress and cancel),
 * see the class report, export it as CSV, PDF or xAPI.
 */
import type { Api, ClassReport, ExportedFile, ImportResult } from '../../shared/contract';
import { MAX_PROGRESS_FILE_BYTES } from '../../shared/limits';
import { describeError } from '../lib/errors';

type ClassApi = Pick<
  Api,
  | 'importProgressFiles'
  | 'getClassReport'
  | 'exportClassReport'
  | 'removeClassLearner'
  | 'clearClass'
  | 'getInstructorStatus'
  | 'setInstructorPassphrase'
  | 'unlockInstructor'
  | 'changeInstructorPassphrase'
  | 'lockInstructor'
>;

/** Files go to the backend a few at a time, so that a long import shows progress and can stop between batches. */
const BATCH = 5;

export class ClassReportsState {
  report = $state<ClassReport | undefined>(undefined);
  packId = $state('');
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  /** A running import or export: how far, and whether the person asked to stop. */
  task = $state<{ label: string; done: number; total: number; cancelled: boolean } | undefined>(undefined);
  lastImport = $state<ImportResult | undefined>(undefined);
  taskError = $state('');
  homePage = $state('https://sourcewise.app');
  /** Instructor mode: the class shows only once it is unlocked. */
  instructor = $state<{ set: boolean; unlocked: boolean } | undefined>(undefined);
  gateProblem = $state('');
  busy = $state(false);

  private readonly api: ClassApi;

  constructor(api: ClassApi) {
    this.api = api;
  }

  async load(): Promise<void> {
    try {
      this.instructor = await this.api.getInstructorStatus({});
      if (!this.instructor.unlocked) {
        this.status = 'ready';
        return;
      }
      this.report = await this.api.getClassReport(this.packId ? { packId: this.packId } : {});
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  /** First use: the passphrase, typed twice. */
  async setUp(passphrase: string, repeated: string): Promise<void> {
    if (passphrase !== repeated) {
      this.gateProblem = 'The two passphrases are not the same.';
      return;
    }
    await this.gate(() => this.api.setInstructorPassphrase({ passphrase }));
  }

  async unlock(passphrase: string): Promise<void> {
    await this.gate(async () => {
      const { unlocked } = await this.api.unlockInstructor({ passphrase });
      if (!unlocked) throw new Error('That is not the instructor passphrase.');
    });
  }

  async lock(): Promise<void> {
    await this.api.lockInstructor({});
    this.report = undefined;
    await this.load();
  }

  /** Returns a message for the form: what went wrong, or that it worked. */
  async changePassphrase(current: string, next: string, repeated: string): Promise<{ ok: boolean; message: string }> {
    if (next !== repeated) return { ok: false, message: 'The two new passphrases are not the same.' };
    try {
      await this.api.changeInstructorPassphrase({ current, next });
      return { ok: true, message: 'The instructor passphrase was changed.' };
    } catch (error) {
      return { ok: false, message: describeError(error) };
    }
  }

  private async gate(action: () => Promise<unknown>): Promise<void> {
    this.busy = true;
    this.gateProblem = '';
    try {
      await action();
      await this.load();
    } catch (error) {
      this.gateProblem = describeError(error);
    } finally {
      this.busy = false;
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
            batch.push({ name: file.name, text: await file.text() });
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

  /** Builds a report in the backend; returns its files, or nothing if cancelled or failed. */
  async exportReport(format: 'csv' | 'pdf' | 'xapi'): Promise<ExportedFile[]> {
    this.taskError = '';
    const task = {
      label: `Making the ${format === 'xapi' ? 'xAPI' : format.toUpperCase()} report`,
      done: 0,
      total: 1,
      cancelled: false,
    };
    this.task = task;
    try {
      const { files } = await this.api.exportClassReport({
        format,
        ...(this.packId ? { packId: this.packId } : {}),
        ...(format === 'xapi' ? { homePage: this.homePage } : {}),
      });
      return task.cancelled ? [] : files;
    } catch (error) {
      this.taskError = `The report could not be made: ${describeError(error)}`;
      return [];
    } finally {
      this.task = undefined;
    }
  }

  async removeLearner(learnerId: string): Promise<void> {
    try {
      await this.api.removeClassLearner({ learnerId });
    } catch (error) {
      this.taskError = describeError(error);
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
