/**
 * Adding shared pack files to the library, from a file picker or by dropping: each file is checked
 * for size here (so a huge file is never read into the page), sent to the backend, which validates
 * it before storing anything, and a pack whose id is taken waits for the person to choose: replace
 * it (instructors only) or keep both.
 */
import type { Api, PackImportResult } from '../../shared/contract';
import { MAX_PACK_FILE_BYTES } from '../../shared/limits';
import { describeError } from './errors';

type ImportApi = Pick<Api, 'importPacks'>;

export type ConflictChoice = 'replace' | 'keep-both' | 'skip';

export interface PendingConflict {
  file: string;
  packId: string;
  title: string;
  existingTitle: string;
  bundled: boolean;
  choice: ConflictChoice;
}

/**
 * Files go to the backend in batches of at most this many characters: a pack may be 5 MB, and
 * browser mode takes requests of up to 32 MB (JSON escaping can double a file's size on the wire).
 */
const BATCH_CHARS = 8 * 1024 * 1024;
/** The contract's limit on files per call. */
const BATCH_FILES = 20;

export class PackImporter {
  busy = $state(false);
  imported = $state<PackImportResult['imported']>([]);
  rejected = $state<PackImportResult['rejected']>([]);
  conflicts = $state<PendingConflict[]>([]);
  error = $state('');
  /** Announced when an import ends. */
  summary = $state('');

  private readonly api: ImportApi;
  /** The text of each file waiting on a decision, so the person does not have to choose it again. */
  private waiting: { packId: string; file: { name: string; text: string } }[] = [];
  private readonly onimported: () => Promise<void>;

  constructor(api: ImportApi, onimported: () => Promise<void>) {
    this.api = api;
    this.onimported = onimported;
  }

  async importFiles(files: readonly File[]): Promise<void> {
    this.reset();
    this.busy = true;
    try {
      const chosen: { name: string; text: string }[] = [];
      for (const file of files) {
        if (!file.name.toLowerCase().endsWith('.json')) {
          this.rejected.push({ file: file.name, problems: ['(file): not a .json pack file; skipped'] });
        } else if (file.size > MAX_PACK_FILE_BYTES) {
          this.rejected.push({
            file: file.name,
            problems: [`(file): ${file.size} bytes is larger than the ${MAX_PACK_FILE_BYTES}-byte limit for a pack`],
          });
        } else {
          chosen.push({ name: file.name, text: await file.text() });
        }
      }
      let batch: { name: string; text: string }[] = [];
      let size = 0;
      for (const file of chosen) {
        if (batch.length > 0 && (size + file.text.length > BATCH_CHARS || batch.length === BATCH_FILES)) {
          await this.send(batch);
          batch = [];
          size = 0;
        }
        batch.push(file);
        size += file.text.length;
      }
      if (batch.length > 0) await this.send(batch);
    } catch (error) {
      this.error = `The import stopped: ${describeError(error)}`;
    } finally {
      await this.finish();
    }
  }

  /** Imports the packs that waited on a decision, as the person chose for each. */
  async resolve(): Promise<void> {
    const decided = this.conflicts.filter((conflict) => conflict.choice !== 'skip');
    const skipped = this.conflicts.filter((conflict) => conflict.choice === 'skip');
    this.conflicts = [];
    this.busy = true;
    try {
      for (const conflict of decided) {
        const file = this.waiting.find((entry) => entry.packId === conflict.packId)?.file;
        if (!file) continue;
        await this.send([file], { [conflict.packId]: conflict.choice as 'replace' | 'keep-both' });
      }
      for (const conflict of skipped) {
        this.rejected.push({ file: conflict.file, problems: [`not imported: you kept the pack already in the library`] });
      }
    } catch (error) {
      this.error = `The import stopped: ${describeError(error)}`;
    } finally {
      this.waiting = [];
      await this.finish();
    }
  }

  private async send(files: { name: string; text: string }[], decisions?: Record<string, 'replace' | 'keep-both'>) {
    const result = await this.api.importPacks({ files, ...(decisions ? { decisions } : {}) });
    this.imported.push(...result.imported);
    this.rejected.push(...result.rejected);
    for (const conflict of result.conflicts) {
      const file = files.find((candidate) => candidate.name === conflict.file);
      if (file) this.waiting.push({ packId: conflict.packId, file });
      this.conflicts.push({ ...conflict, choice: 'keep-both' });
    }
  }

  private async finish(): Promise<void> {
    this.busy = false;
    const parts = [
      `${this.imported.length} pack${this.imported.length === 1 ? '' : 's'} added`,
      ...(this.rejected.length > 0 ? [`${this.rejected.length} not added`] : []),
      ...(this.conflicts.length > 0 ? [`${this.conflicts.length} already in the library: choose what to do`] : []),
    ];
    this.summary = `${parts.join(', ')}.`;
    if (this.imported.length > 0) await this.onimported();
  }

  private reset(): void {
    this.imported = [];
    this.rejected = [];
    this.conflicts = [];
    this.error = '';
    this.summary = '';
    this.waiting = [];
  }
}
