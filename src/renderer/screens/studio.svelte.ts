/**
 * The instructor's studio: drafts in progress, new packs from an article (pasted, or a .txt, .md or
 * .html file), the library's packs to revise, share, print or remove, and pack files to add.
 * Everything here is behind instructor mode.
 */
import type { Api, DraftSummary, ExportedFile, PackList } from '../../shared/contract';
import { MAX_ARTICLE_FILE_BYTES } from '../../shared/limits';
import { describeError } from '../lib/errors';
import { InstructorMode, type InstructorApi } from '../lib/instructor-mode.svelte';
import { PackImporter } from '../lib/pack-importer.svelte';
import { DraftEditor, type DraftApi } from './draft-editor.svelte';

type StudioApi = InstructorApi &
  DraftApi &
  Pick<
    Api,
    | 'listDrafts'
    | 'createDraft'
    | 'listPacks'
    | 'exportPack'
    | 'exportPackHtml'
    | 'exportPackScorm'
    | 'deletePack'
    | 'importPacks'
  >;

const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export class StudioState {
  readonly instructor: InstructorMode;
  readonly importer: PackImporter;
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  error = $state('');
  drafts = $state<DraftSummary[]>([]);
  packs = $state<PackList>({ packs: [], invalid: [] });
  /** The draft being edited; the studio's home shows when there is none. */
  editor = $state<DraftEditor | undefined>(undefined);
  /** What went wrong with the last action on the home screen (a new pack, an export). */
  problem = $state('');
  busy = $state(false);

  private readonly api: StudioApi;

  constructor(api: StudioApi) {
    this.api = api;
    this.instructor = new InstructorMode(api, () => this.load());
    this.importer = new PackImporter(api, () => this.load());
  }

  async load(): Promise<void> {
    try {
      if (!(await this.instructor.check())) {
        this.editor = undefined;
        this.status = 'ready';
        return;
      }
      const [drafts, packs] = await Promise.all([this.api.listDrafts({}), this.api.listPacks({})]);
      this.drafts = drafts;
      this.packs = packs;
      this.status = 'ready';
    } catch (error) {
      this.error = describeError(error);
      this.status = 'failed';
    }
  }

  /** A new draft from pasted text, or from a file's text under the file's name (its extension says how to read it). */
  async createFromText(name: string, text: string): Promise<boolean> {
    if (text.trim() === '') {
      this.problem = 'Paste the article’s text first, or open an article file.';
      return false;
    }
    return this.run(async () => {
      const draft = await this.api.createDraft({ from: 'article', name, text });
      this.editor = new DraftEditor(this.api, draft);
    });
  }

  async createFromFile(file: File): Promise<boolean> {
    const lower = file.name.toLowerCase();
    if (!ARTICLE_EXTENSIONS.some((extension) => lower.endsWith(extension))) {
      this.problem = `Sourcewise reads articles from .txt, .md or .html files; “${file.name}” is none of these.`;
      return false;
    }
    if (file.size > MAX_ARTICLE_FILE_BYTES) {
      this.problem = `“${file.name}” is ${file.size} bytes, larger than the ${MAX_ARTICLE_FILE_BYTES}-byte limit for an article.`;
      return false;
    }
    return this.createFromText(file.name, await file.text());
  }

  /** A new draft that revises a library pack: a copy with the next version number. */
  async revise(packId: string): Promise<boolean> {
    return this.run(async () => {
      const draft = await this.api.createDraft({ from: 'pack', packId });
      this.editor = new DraftEditor(this.api, draft);
    });
  }

  async open(draftId: string): Promise<boolean> {
    return this.run(async () => {
      const draft = await this.api.getDraft({ draftId });
      this.editor = new DraftEditor(this.api, draft);
    });
  }

  async deleteDraft(draftId: string): Promise<void> {
    await this.run(() => this.api.deleteDraft({ draftId }));
    await this.load();
  }

  /** Back to the studio's home; the draft is saved first (it stays listed, to go on with later). */
  async closeEditor(): Promise<void> {
    await this.editor?.save();
    this.editor = undefined;
    await this.load();
  }

  async exportPack(packId: string): Promise<ExportedFile | undefined> {
    let file: ExportedFile | undefined;
    await this.run(async () => {
      file = await this.api.exportPack({ packId });
    });
    return file;
  }

  /** The pack as one HTML file that plays offline in any browser (docs/offline-player.md). */
  async offlinePage(packId: string): Promise<ExportedFile | undefined> {
    let file: ExportedFile | undefined;
    await this.run(async () => {
      file = await this.api.exportPackHtml({ packId });
    });
    return file;
  }

  /** The pack as a SCORM 1.2 package for a school's LMS (docs/offline-player.md). */
  async scormPackage(packId: string): Promise<ExportedFile | undefined> {
    let file: ExportedFile | undefined;
    await this.run(async () => {
      file = await this.api.exportPackScorm({ packId });
    });
    return file;
  }

  async answerKey(packId: string): Promise<ExportedFile | undefined> {
    let file: ExportedFile | undefined;
    await this.run(async () => {
      file = await this.api.exportAnswerKey({ packId });
    });
    return file;
  }

  async deletePack(packId: string): Promise<void> {
    await this.run(() => this.api.deletePack({ packId }));
    await this.load();
  }

  private async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.problem = '';
    try {
      await action();
      return true;
    } catch (error) {
      this.problem = describeError(error);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
