/**
 * One draft pack open in the studio: the pack as edited, undo and redo, saving (every edit is saved
 * shortly after it is made, and the backend answers with what is still wrong), suggestions to accept,
 * edit or reject, the selected item, and the text the instructor last selected in the article.
 */
import type { Api, ClaimSuggestion, Draft, ExportedFile } from '../../shared/contract';
import type { Item, ItemType, Pack, TextRef } from '../../shared/pack/schema';
import { describeError } from '../lib/errors';
import {
  draftedExplanations,
  itemFromSuggestion,
  newItem,
  problemsAt,
  reanchor,
  redraftExplanations,
  suggestionKey,
} from '../lib/draft-edits';
import { viewsOf } from '../exercises/views';
import { Highlighter, type Highlight } from '../lib/highlights';

export type DraftApi = Pick<
  Api,
  | 'getDraft'
  | 'saveDraft'
  | 'suggestClaims'
  | 'exportDraft'
  | 'publishDraft'
  | 'exportAnswerKey'
  | 'exportPackHtml'
  | 'exportPackScorm'
  | 'deleteDraft'
>;

/** How long after the last keystroke a draft is saved. */
const SAVE_DELAY_MS = 400;
/** Keystrokes in one field within this time are one step of undo. */
const COALESCE_MS = 1500;
const MAX_UNDO = 200;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

export type PublishOutcome =
  | { status: 'published'; packId: string; replaced: boolean }
  | { status: 'conflict'; packId: string; existingTitle: string; bundled: boolean }
  | { status: 'failed'; message: string };

export class DraftEditor {
  readonly draftId: string;
  pack = $state() as Pack;
  problems = $state<string[]>([]);
  saveStatus = $state<SaveStatus>('saved');
  saveError = $state('');
  /** Index of the item being edited, if any. */
  selected = $state<number | undefined>(undefined);
  /** The text last selected in the article, offered to the fields that take a quote. */
  selection = $state<TextRef | undefined>(undefined);
  suggestions = $state<ClaimSuggestion[] | undefined>(undefined);
  suggestionStatus = $state<'idle' | 'working' | 'failed'>('idle');
  suggestionError = $state('');
  /** Accepted suggestions (with the id of the item made from each) and rejected ones, by suggestion key. */
  decided = $state<Record<string, { decision: 'accepted'; itemId: string } | { decision: 'rejected' }>>({});
  /** Said to screen readers after an edit that has no visible focus target (undo, delete, accept). */
  announcement = $state('');
  undoCount = $state(0);
  redoCount = $state(0);
  /** What the last export, answer key, preview or publish said: gone at the next edit, which makes it stale. */
  notice = $state<{ message: string; failed: boolean } | undefined>(undefined);

  private readonly api: DraftApi;
  private undoStack: string[] = [];
  private redoStack: string[] = [];
  private lastEdit: { key: string; at: number } | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | undefined;
  private dirty = false;

  constructor(api: DraftApi, draft: Draft) {
    this.api = api;
    this.draftId = draft.draftId;
    this.pack = draft.pack;
    this.problems = draft.problems;
  }

  /**
   * Applies one change to the pack, remembering the pack before it for undo. Changes with the same
   * `coalesce` key in quick succession (typing in one field) are one step of undo. Explanations that
   * are still as Sourcewise drafted them follow the change.
   */
  edit(change: (pack: Pack) => void, coalesce?: string): void {
    const drafted = draftedExplanations(this.pack);
    const now = Date.now();
    const sameStep = coalesce !== undefined && this.lastEdit?.key === coalesce && now - this.lastEdit.at < COALESCE_MS;
    if (!sameStep) {
      this.undoStack.push(JSON.stringify($state.snapshot(this.pack)));
      if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
      this.redoStack = [];
    }
    this.lastEdit = coalesce === undefined ? undefined : { key: coalesce, at: now };
    change(this.pack);
    redraftExplanations(this.pack, drafted);
    this.changed();
  }

  /** The article's paragraphs changed: references follow their quotes. */
  editArticle(paragraphs: string[]): void {
    this.edit((pack) => {
      pack.article.paragraphs = paragraphs;
      reanchor(pack);
    }, 'article.paragraphs');
  }

  undo(): void {
    const previous = this.undoStack.pop();
    if (previous === undefined) return;
    this.redoStack.push(JSON.stringify($state.snapshot(this.pack)));
    this.restore(previous, 'Undone.');
  }

  redo(): void {
    const next = this.redoStack.pop();
    if (next === undefined) return;
    this.undoStack.push(JSON.stringify($state.snapshot(this.pack)));
    this.restore(next, 'Redone.');
  }

  /**
   * The editor's keys, wherever the focus is on its screen (text fields keep their own undo): Ctrl+Z
   * (⌘Z) undoes, Ctrl+Shift+Z and Ctrl+Y redo. True when the key was one of them.
   */
  shortcut(key: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
    if (!(key.ctrlKey || key.metaKey) || key.altKey) return false;
    const letter = key.key.toLowerCase();
    if (letter === 'z' && !key.shiftKey) this.undo();
    else if ((letter === 'z' && key.shiftKey) || letter === 'y') this.redo();
    else return false;
    return true;
  }

  private restore(json: string, announcement: string): void {
    this.pack = JSON.parse(json) as Pack;
    this.lastEdit = undefined;
    if (this.selected !== undefined && this.selected >= this.pack.items.length) {
      this.selected = this.pack.items.length > 0 ? this.pack.items.length - 1 : undefined;
    }
    this.announcement = announcement;
    this.changed();
  }

  private changed(): void {
    this.notice = undefined;
    this.undoCount = this.undoStack.length;
    this.redoCount = this.redoStack.length;
    this.dirty = true;
    this.saveStatus = 'pending';
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  /** Saves now if anything is unsaved; resolves once the backend has it (or has refused it). */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    if (this.saving) await this.saving;
    if (!this.dirty) return;
    this.dirty = false;
    this.saveStatus = 'saving';
    this.saving = (async () => {
      try {
        const { problems } = await this.api.saveDraft({ draftId: this.draftId, pack: $state.snapshot(this.pack) });
        this.problems = problems;
        this.saveError = '';
        this.saveStatus = this.dirty ? 'pending' : 'saved';
      } catch (error) {
        // Kept in memory and marked unsaved: the next edit, or "Save again", tries once more.
        this.dirty = true;
        this.saveError = describeError(error);
        this.saveStatus = 'failed';
      }
    })();
    await this.saving;
    this.saving = undefined;
  }

  get valid(): boolean {
    return this.saveStatus === 'saved' && this.problems.length === 0;
  }

  problemsAt(path: string, exact = false): string[] {
    return problemsAt(this.problems, path, exact);
  }

  /** Problems of the pack as a whole or of fields outside the items and metadata (shown in the summary). */
  get otherProblems(): string[] {
    return this.problems.filter(
      (line) => !line.startsWith('items[') && !line.startsWith('meta.') && !line.startsWith('article.'),
    );
  }

  get item(): Item | undefined {
    return this.selected === undefined ? undefined : this.pack.items[this.selected];
  }

  addItem(type: ItemType): void {
    const item = newItem(this.pack, type, this.selection);
    this.edit((pack) => pack.items.push(item));
    this.selected = this.pack.items.length - 1;
    this.selection = undefined;
  }

  moveItem(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= this.pack.items.length) return;
    this.edit((pack) => {
      const [item] = pack.items.splice(index, 1);
      pack.items.splice(to, 0, item!);
    });
    if (this.selected === index) this.selected = to;
    else if (this.selected === to) this.selected = index;
    this.announcement = `Moved to position ${to + 1} of ${this.pack.items.length}.`;
  }

  deleteItem(index: number): void {
    const item = this.pack.items[index];
    if (!item) return;
    this.edit((pack) => pack.items.splice(index, 1));
    if (this.selected === index) this.selected = undefined;
    else if (this.selected !== undefined && this.selected > index) this.selected -= 1;
    this.announcement = `Deleted item ${index + 1}. Undo brings it back.`;
  }

  async suggest(): Promise<void> {
    this.suggestionStatus = 'working';
    this.suggestionError = '';
    try {
      const { suggestions } = await this.api.suggestClaims({ paragraphs: $state.snapshot(this.pack.article.paragraphs) });
      this.suggestions = suggestions;
      this.suggestionStatus = 'idle';
      this.announcement = `${suggestions.length} suggestions.`;
    } catch (error) {
      this.suggestionError = describeError(error);
      this.suggestionStatus = 'failed';
    }
  }

  /** Makes a classify item of the suggestion; returns its index, for "Edit" to open it. */
  accept(suggestion: ClaimSuggestion): number {
    const item = itemFromSuggestion(this.pack, suggestion);
    this.edit((pack) => pack.items.push(item));
    this.decided[suggestionKey(suggestion)] = { decision: 'accepted', itemId: item.id };
    this.announcement = `Accepted as item ${this.pack.items.length}.`;
    return this.pack.items.length - 1;
  }

  reject(suggestion: ClaimSuggestion): void {
    this.decided[suggestionKey(suggestion)] = { decision: 'rejected' };
    this.announcement = 'Rejected.';
  }

  get openSuggestions(): ClaimSuggestion[] {
    return (this.suggestions ?? []).filter((suggestion) => !this.decided[suggestionKey(suggestion)]);
  }

  /** The latest edits are saved and the pack is valid, or the reason it cannot go further. */
  private async readyOrReason(action: string): Promise<string | undefined> {
    await this.save();
    if (this.saveStatus === 'failed') return `The draft could not be saved, so it cannot be ${action}: ${this.saveError}`;
    if (this.problems.length > 0) {
      const count = this.problems.length;
      return `The pack has ${count} problem${count === 1 ? '' : 's'} to fix before it can be ${action}.`;
    }
    return undefined;
  }

  async exportFile(): Promise<ExportedFile | string> {
    const reason = await this.readyOrReason('exported');
    if (reason) return reason;
    try {
      return await this.api.exportDraft({ draftId: this.draftId });
    } catch (error) {
      return describeError(error);
    }
  }

  async answerKey(): Promise<ExportedFile | string> {
    const reason = await this.readyOrReason('printed as an answer key');
    if (reason) return reason;
    try {
      return await this.api.exportAnswerKey({ draftId: this.draftId });
    } catch (error) {
      return describeError(error);
    }
  }

  /** The draft as one HTML file that plays offline in any browser. */
  async offlinePage(): Promise<ExportedFile | string> {
    const reason = await this.readyOrReason('saved as an offline page');
    if (reason) return reason;
    try {
      return await this.api.exportPackHtml({ draftId: this.draftId });
    } catch (error) {
      return describeError(error);
    }
  }

  /** The draft as a SCORM 1.2 package for a school's LMS. */
  async scormPackage(): Promise<ExportedFile | string> {
    const reason = await this.readyOrReason('saved as a SCORM package');
    if (reason) return reason;
    try {
      return await this.api.exportPackScorm({ draftId: this.draftId });
    } catch (error) {
      return describeError(error);
    }
  }

  async publish(decision?: 'replace' | 'keep-both'): Promise<PublishOutcome> {
    const reason = await this.readyOrReason('added to the library');
    if (reason) return { status: 'failed', message: reason };
    try {
      const outcome = await this.api.publishDraft({ draftId: this.draftId, ...(decision ? { decision } : {}) });
      // Kept beside another pack, the draft now carries the id it was published under (the backend saved
      // it so): publishing again updates that copy rather than making a third.
      if (outcome.status === 'published') this.pack.id = outcome.packId;
      return outcome;
    } catch (error) {
      return { status: 'failed', message: describeError(error) };
    }
  }

  /**
   * What the article shows: the selected item's claim, cues, source, spans, evidence or figures (only
   * references whose quote really is at their offsets), and the text just selected.
   */
  get highlights(): Highlight[] {
    const on = new Highlighter(this.pack.article.paragraphs);
    const item = this.item;
    if (item) viewsOf(item).highlight(item, on, { studio: true });
    on.ref(this.selection, 'mark');
    return on.list;
  }

  select(paragraph: number, start: number, end: number): void {
    const text = this.pack.article.paragraphs[paragraph] ?? '';
    // Selections often catch a space at either end; the quote is the words.
    while (start < end && /\s/.test(text[start] ?? '')) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
    if (end <= start) return;
    this.selection = { paragraph, start, end, quote: text.slice(start, end) };
    this.announcement = `Selected “${this.selection.quote}” in paragraph ${paragraph + 1}.`;
  }

  /** A copy of the pack to play in preview; only a saved, valid pack can be previewed. */
  async previewPack(): Promise<Pack | string> {
    const reason = await this.readyOrReason('previewed');
    if (reason) return reason;
    return $state.snapshot(this.pack) as Pack;
  }
}
