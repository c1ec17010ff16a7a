// A draft open in the studio, against a stub of the API: typing in one field is one step of undo,
// edits are saved once typing pauses (and only the latest), a failed save is kept and retried, and
// export, publish and preview wait for the latest edit to be saved and valid.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClaimSuggestion, Draft } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import type { ClassifyItem, Pack } from '../../shared/pack/schema';
import { recordingApi } from '../../shared/testing/stub-api';
import { testPack } from '../lib/testing/fixtures';
import { DraftEditor } from './draft-editor.svelte';

const DRAFT_ID = 'draft-1';

function draft(pack: Pack = testPack()): Draft {
  const at = '2026-11-26T12:00:00.000Z';
  return { draftId: DRAFT_ID, pack, problems: [], createdAt: at, updatedAt: at };
}

/** A backend that saves whatever it is given and finds nothing wrong, unless `problems` says otherwise. */
function backend(options: { problems?: string[]; failSaves?: number } = {}) {
  let failSaves = options.failSaves ?? 0;
  return recordingApi({
    saveDraft: async () => {
      if (failSaves-- > 0) throw new ApiError('storage-failed', 'the disk is full');
      return { updatedAt: '2026-11-26T12:00:01.000Z', problems: options.problems ?? [] };
    },
    exportDraft: async () => ({ name: 'pack.json', mimeType: 'application/json', encoding: 'utf8' as const, content: '{}' }),
    publishDraft: async () => ({ status: 'published' as const, packId: 'nk-troops-russia-2024-2', replaced: false }),
  });
}

/** Types `text` into the title one character at a time, `gapMs` apart, as a person would. */
function typeTitle(editor: DraftEditor, text: string, gapMs: number): void {
  for (const character of text) {
    vi.advanceTimersByTime(gapMs);
    editor.edit((pack) => (pack.meta.title += character), 'meta.title');
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-26T12:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('DraftEditor: undo', () => {
  it('takes quick typing in one field as one step, and undo and redo move between whole steps', () => {
    const editor = new DraftEditor(backend().api, draft());
    const title = editor.pack.meta.title;
    typeTitle(editor, ' (part 1)', 100);
    expect(editor.pack.meta.title).toBe(`${title} (part 1)`);
    expect(editor.undoCount).toBe(1);

    editor.undo();
    expect(editor.pack.meta.title).toBe(title);
    expect(editor.announcement).toBe('Undone.');
    expect(editor.redoCount).toBe(1);
    editor.redo();
    expect(editor.pack.meta.title).toBe(`${title} (part 1)`);
    expect(editor.announcement).toBe('Redone.');
  });

  it('starts a new step after a pause in typing, or on typing in another field', () => {
    const editor = new DraftEditor(backend().api, draft());
    const title = editor.pack.meta.title;
    typeTitle(editor, ' A', 100);
    vi.advanceTimersByTime(2000); // a pause longer than one step
    typeTitle(editor, 'B', 100);
    editor.edit((pack) => (pack.meta.author = 'Someone'), 'meta.author');
    expect(editor.undoCount).toBe(3);

    editor.undo();
    expect(editor.pack.meta.title).toBe(`${title} AB`);
    editor.undo();
    expect(editor.pack.meta.title).toBe(`${title} A`);
    editor.undo();
    expect(editor.pack.meta.title).toBe(title);
    expect(editor.undoCount).toBe(0);
    editor.undo(); // nothing left: nothing happens
    expect(editor.pack.meta.title).toBe(title);
  });

  it('forgets what could be redone once a new edit is made', () => {
    const editor = new DraftEditor(backend().api, draft());
    editor.deleteItem(0);
    editor.undo();
    expect(editor.redoCount).toBe(1);
    editor.moveItem(0, 1);
    expect(editor.redoCount).toBe(0);
  });

  it('brings a deleted item back, and keeps the selection on an item that still exists', () => {
    const editor = new DraftEditor(backend().api, draft());
    const count = editor.pack.items.length;
    const last = editor.pack.items[count - 1]!.id;
    editor.selected = count - 1;
    editor.deleteItem(count - 1);
    expect(editor.selected).toBeUndefined();
    expect(editor.announcement).toBe(`Deleted item ${count}. Undo brings it back.`);
    editor.selected = count - 2;
    editor.undo();
    expect(editor.pack.items).toHaveLength(count);
    expect(editor.pack.items[count - 1]!.id).toBe(last);
    editor.selected = count - 1;
    editor.redo();
    expect(editor.selected).toBe(count - 2);
  });
});

describe('DraftEditor: saving', () => {
  it('saves once typing pauses, only the latest pack, and reports what is still wrong', async () => {
    const { api, inputsOf } = backend({ problems: ['meta.author: must not be empty'] });
    const editor = new DraftEditor(api, draft());
    typeTitle(editor, ' (part 1)', 100);
    expect(editor.saveStatus).toBe('pending');
    expect(inputsOf('saveDraft')).toEqual([]);

    await vi.advanceTimersByTimeAsync(399);
    expect(inputsOf('saveDraft')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(inputsOf('saveDraft')).toHaveLength(1);
    expect((inputsOf('saveDraft')[0]!.pack as Pack).meta.title).toBe(editor.pack.meta.title);
    expect(editor.saveStatus).toBe('saved');
    expect(editor.problems).toEqual(['meta.author: must not be empty']);
    expect(editor.problemsAt('meta.author')).toEqual(['must not be empty']);
    expect(editor.valid).toBe(false);
  });

  it('keeps a draft it could not save, says why, and saves it with the next edit', async () => {
    const { api, inputsOf } = backend({ failSaves: 1 });
    const editor = new DraftEditor(api, draft());
    editor.edit((pack) => (pack.meta.title = 'First'));
    await vi.advanceTimersByTimeAsync(400);
    expect(editor.saveStatus).toBe('failed');
    expect(editor.saveError).toMatch(/disk is full/);

    editor.edit((pack) => (pack.meta.title = 'Second'));
    await vi.advanceTimersByTimeAsync(400);
    expect(editor.saveStatus).toBe('saved');
    expect(editor.saveError).toBe('');
    expect(inputsOf('saveDraft').map((input) => (input.pack as Pack).meta.title)).toEqual(['First', 'Second']);
  });

  it('saves at once, without waiting for the pause, before it exports', async () => {
    const { api, calls } = backend();
    const editor = new DraftEditor(api, draft());
    editor.edit((pack) => (pack.meta.title = 'Ready'));
    const file = await editor.exportFile();
    expect(file).toMatchObject({ name: 'pack.json' });
    expect(calls.map((call) => call.method)).toEqual(['saveDraft', 'exportDraft']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(2); // the pending timer saves nothing more
  });

  it('will not publish a pack with problems, and says how many', async () => {
    const { api, inputsOf } = backend({ problems: ['items[0].claim.cues: add at least one cue', 'meta.date: not a date'] });
    const editor = new DraftEditor(api, draft());
    editor.edit((pack) => (pack.meta.title = 'Broken'));
    expect(await editor.publish()).toEqual({
      status: 'failed',
      message: 'The pack has 2 problems to fix before it can be added to the library.',
    });
    expect(inputsOf('publishDraft')).toEqual([]);
  });

  it('publishes a saved, valid pack and takes on the id it was published under', async () => {
    const { api, inputsOf } = backend();
    const editor = new DraftEditor(api, draft());
    expect(await editor.publish('keep-both')).toEqual({
      status: 'published',
      packId: 'nk-troops-russia-2024-2',
      replaced: false,
    });
    expect(inputsOf('publishDraft')).toEqual([{ draftId: DRAFT_ID, decision: 'keep-both' }]);
    expect(editor.pack.id).toBe('nk-troops-russia-2024-2');
  });

  it('previews only a saved pack', async () => {
    const { api } = backend({ failSaves: 1 });
    const editor = new DraftEditor(api, draft());
    editor.edit((pack) => (pack.meta.title = 'Unsaved'));
    expect(await editor.previewPack()).toMatch(/could not be saved, so it cannot be previewed: .*disk is full/);
  });
});

describe('DraftEditor: drafted explanations', () => {
  const spokeswoman: ClaimSuggestion = {
    paragraph: 1,
    start: 0,
    end: 44,
    text: 'The company denied that it had sold the data',
    label: 'denial',
    cues: ['denied'],
    source: { name: 'The company', kind: 'party' },
    chain: ['The company', 'the outlet'],
    confidence: 0.9,
  };

  function accepted(suggestion: ClaimSuggestion = spokeswoman) {
    const editor = new DraftEditor(backend().api, draft());
    const index = editor.accept(suggestion);
    const item = () => editor.pack.items[index] as ClassifyItem;
    return { editor, item };
  }

  it('follows later edits of the source and the label, and undo takes both back', () => {
    const { editor, item } = accepted();
    expect(item().explanation).toBe(
      'Denial. “denied” marks a denial: someone says the claim is false. It comes from the company (a party to the events).',
    );
    editor.edit((pack) => {
      const claim = (pack.items.at(-1) as ClassifyItem).claim;
      claim.source = { name: 'A spokeswoman', kind: 'named-official', chain: [] };
    });
    expect(item().explanation).toMatch(/It comes from a spokeswoman \(/);
    expect(item().explanation).not.toMatch(/company/);
    editor.edit((pack) => ((pack.items.at(-1) as ClassifyItem).claim.label = 'unconfirmed'));
    expect(item().explanation).toMatch(/^Unconfirmed\. “denied” marks a report that nobody has verified/);

    editor.undo();
    editor.undo();
    expect(item().explanation).toMatch(/^Denial\. .* It comes from the company/);
  });

  it('names the source once the instructor gives one to a claim the suggestion found no source for', () => {
    const { editor, item } = accepted({ ...spokeswoman, source: null });
    expect(item().explanation).toMatch(/The article gives it without naming a source\.$/);
    editor.edit((pack) => ((pack.items.at(-1) as ClassifyItem).claim.label = 'unconfirmed'));
    expect(item().explanation).toMatch(/^Unconfirmed\. .*without naming a source\.$/);
    editor.edit((pack) => {
      (pack.items.at(-1) as ClassifyItem).claim.source = { name: 'The company', kind: 'party', chain: [] };
    });
    expect(item().explanation).toMatch(/It comes from the company \(a party to the events\)\.$/);
  });

  it('stops following once the instructor writes their own, and never touches a written one', () => {
    const { editor, item } = accepted();
    editor.edit((pack) => ((pack.items.at(-1) as ClassifyItem).explanation = 'My own words.'), 'explanation');
    editor.edit((pack) => ((pack.items.at(-1) as ClassifyItem).claim.label = 'opinion'));
    expect(item().explanation).toBe('My own words.');
    const written = editor.pack.items[0] as ClassifyItem;
    const before = written.explanation;
    editor.edit((pack) => ((pack.items[0] as ClassifyItem).claim.label = 'opinion'));
    expect(written.explanation).toBe(before);
  });
});

describe('DraftEditor: keys and status lines', () => {
  const key = (letter: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
    key: letter,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  });

  it('undoes with Ctrl+Z or ⌘Z and redoes with Ctrl+Shift+Z or Ctrl+Y, and leaves other keys alone', () => {
    const editor = new DraftEditor(backend().api, draft());
    const title = editor.pack.meta.title;
    editor.edit((pack) => (pack.meta.title = 'Changed'));
    expect(editor.shortcut(key('z', { ctrlKey: true }))).toBe(true);
    expect(editor.pack.meta.title).toBe(title);
    expect(editor.shortcut(key('Z', { ctrlKey: true, shiftKey: true }))).toBe(true);
    expect(editor.pack.meta.title).toBe('Changed');
    expect(editor.shortcut(key('z', { metaKey: true }))).toBe(true);
    expect(editor.shortcut(key('y', { ctrlKey: true }))).toBe(true);
    expect(editor.pack.meta.title).toBe('Changed');
    for (const other of [key('z'), key('s', { ctrlKey: true }), key('z', { ctrlKey: true, altKey: true })]) {
      expect(editor.shortcut(other)).toBe(false);
    }
    expect(editor.pack.meta.title).toBe('Changed');
  });

  it('drops the last action’s message at the next edit or undo, when it may no longer be true', async () => {
    const editor = new DraftEditor(backend({ problems: ['meta.url: not an address'] }).api, draft());
    editor.edit((pack) => (pack.meta.title = 'Changed'));
    const reason = await editor.exportFile();
    expect(reason).toMatch(/has 1 problem to fix/);
    editor.notice = { message: reason as string, failed: true };
    editor.edit((pack) => (pack.meta.url = 'https://example.org/'));
    expect(editor.notice).toBeUndefined();
    editor.notice = { message: 'Saved pack.json.', failed: false };
    editor.undo();
    expect(editor.notice).toBeUndefined();
  });
});
