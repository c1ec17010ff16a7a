// The instructor's class screen, against a stub of the API: nothing shows until instructor mode is
// unlocked; progress files go to the backend a few at a time, with progress, and a cancel stops
// between batches; reports are made for the chosen pack.
import { describe, expect, it, vi } from 'vitest';
import type { ClassReport, ImportResult } from '../../shared/contract';
import { ApiError } from '../../shared/errors';
import { recordingApi } from '../../shared/testing/stub-api';
import { ClassReportsState } from './class-reports.svelte';

const PACKS = [
  { packId: 'nk-troops-russia-2024', title: 'Troops' },
  { packId: 'second-pack', title: 'Second' },
];
const REPORT = { learners: [], summary: { packs: PACKS } } as unknown as ClassReport;

function progressFile(name: string): File {
  return new File([`{"kind":"sourcewise-progress","name":"${name}"}`], name, { type: 'application/json' });
}

/** A backend unlocked (or not) that imports every file it is given. */
function backend(unlocked = true, importing?: (names: string[]) => Promise<void>) {
  return recordingApi({
    getInstructorStatus: async () => ({ set: true, unlocked }),
    // A report limited to one pack lists that pack only, as the backend's does.
    getClassReport: async ({ packId }) =>
      packId === undefined
        ? REPORT
        : ({ ...REPORT, summary: { packs: PACKS.filter((pack) => pack.packId === packId) } } as unknown as ClassReport),
    importProgressFiles: async ({ files }): Promise<ImportResult> => {
      await importing?.(files.map((file) => file.name));
      return {
        imported: files.map((file) => ({ file: file.name, learnerId: file.name, name: file.name, added: 1, duplicates: 0 })),
        rejected: [],
      };
    },
    exportClassReport: async ({ format }) => ({
      files: [{ name: `class.${format}`, mimeType: 'text/plain', encoding: 'utf8' as const, content: '' }],
    }),
  });
}

describe('ClassReportsState', () => {
  it('shows no report while instructor mode is locked, and asks for none', async () => {
    const { api, inputsOf } = backend(false);
    const state = new ClassReportsState(api);
    await state.load();
    expect(state.status).toBe('ready');
    expect(state.report).toBeUndefined();
    expect(inputsOf('getClassReport')).toEqual([]);
  });

  it('shows the report of the chosen pack once unlocked', async () => {
    const { api, inputsOf } = backend();
    const state = new ClassReportsState(api);
    await state.load();
    expect(state.report).toBe(REPORT);
    await state.choosePack('nk-troops-russia-2024');
    expect(inputsOf('getClassReport')).toEqual([{}, { packId: 'nk-troops-russia-2024' }]);
    // The "Show" filter still offers every pack, not only the one chosen.
    expect(state.packChoices.map((pack) => pack.packId)).toEqual(['nk-troops-russia-2024', 'second-pack']);
  });

  it('imports files five at a time, skips what is not a .json file, and shows progress', async () => {
    const progress: number[] = [];
    const screen: { state?: ClassReportsState } = {};
    const { api, inputsOf } = backend(true, async () => {
      progress.push(screen.state!.task!.done);
    });
    const state = (screen.state = new ClassReportsState(api));
    const files = [...Array.from({ length: 12 }, (_, n) => progressFile(`learner-${n}.json`)), progressFile('notes.txt')];
    await state.importFiles(files);
    expect(inputsOf('importProgressFiles').map((input) => input.files.length)).toEqual([5, 5, 2]);
    expect(progress).toEqual([0, 5, 10]);
    expect(state.task).toBeUndefined();
    expect(state.lastImport?.imported).toHaveLength(12);
    expect(state.lastImport?.rejected).toEqual([{ file: 'notes.txt', problems: ['(file): not a .json progress file; skipped'] }]);
    expect(state.report).toBe(REPORT); // reloaded after the import
  });

  it('stops between batches when cancelled, and says how many files were not imported', async () => {
    const screen: { state?: ClassReportsState } = {};
    const { api, inputsOf } = backend(true, async () => screen.state!.cancel());
    const state = (screen.state = new ClassReportsState(api));
    await state.importFiles(Array.from({ length: 12 }, (_, n) => progressFile(`learner-${n}.json`)));
    expect(inputsOf('importProgressFiles')).toHaveLength(1);
    expect(state.lastImport?.imported).toHaveLength(5);
    expect(state.lastImport?.rejected).toEqual([
      {
        file: '7 more files',
        problems: ['not imported: the import was cancelled before them (the files before were imported whole)'],
      },
    ]);
  });

  it('says why an import stopped, and keeps what was imported before', async () => {
    let batches = 0;
    const { api } = backend(true, async () => {
      if (++batches === 2) throw new ApiError('storage-failed', 'the disk is full');
    });
    const state = new ClassReportsState(api);
    await state.importFiles(Array.from({ length: 7 }, (_, n) => progressFile(`learner-${n}.json`)));
    expect(state.taskError).toMatch(/^The import stopped: .*disk is full/);
    expect(state.lastImport?.imported).toHaveLength(5);
    expect(state.task).toBeUndefined();
  });

  it('makes a report for the chosen pack, with the xAPI home page, and none once cancelled', async () => {
    const { api, inputsOf } = backend();
    const state = new ClassReportsState(api);
    await state.choosePack('nk-troops-russia-2024');
    state.homePage = 'https://lms.example.org';
    expect(await state.exportReport('xapi')).toEqual([
      { name: 'class.xapi', mimeType: 'text/plain', encoding: 'utf8', content: '' },
    ]);
    expect(inputsOf('exportClassReport')).toEqual([
      { format: 'xapi', packId: 'nk-troops-russia-2024', homePage: 'https://lms.example.org' },
    ]);
    expect(state.exported).toBe('xAPI report saved as class.xapi (in your downloads folder, or where you chose).');

    const cancelled = state.exportReport('pdf');
    state.cancel();
    expect(await cancelled).toEqual([]);
    expect(state.task).toBeUndefined();
    // A cancelled export saves nothing, and says nothing was saved.
    expect(state.exported).toBe('');
  });

  it('removes a learner and can undo it, once', async () => {
    const { api, inputsOf } = recordingApi({
      getInstructorStatus: async () => ({ set: true, unlocked: true }),
      getClassReport: async () => REPORT,
      removeClassLearner: async () => ({}),
      restoreClassLearner: async () => ({}),
    });
    const state = new ClassReportsState(api);
    await state.load();
    await state.removeLearner('learner-1', 'Ana');
    expect(state.removed).toEqual({ learnerId: 'learner-1', name: 'Ana' });
    await state.undoRemove();
    expect(inputsOf('restoreClassLearner')).toEqual([{ learnerId: 'learner-1' }]);
    expect(state.removed).toBeUndefined();
    await state.undoRemove();
    expect(inputsOf('restoreClassLearner')).toHaveLength(1);
  });

  it('checks the xAPI home page before asking for the report, and says what is wrong', async () => {
    const { api, inputsOf } = backend();
    const state = new ClassReportsState(api);
    await state.load();
    // No address stands in for the school's: the field starts empty, and the export waits for one.
    expect(state.homePage).toBe('');
    expect(await state.exportReport('xapi')).toEqual([]);
    expect(state.homePageError).toBe('Enter the address of your LMS or school, such as https://lms.school.example.');
    state.homePage = 'lms.school.example';
    expect(await state.exportReport('xapi')).toEqual([]);
    expect(state.homePageError).toMatch(/starting with https:\/\//);
    expect(inputsOf('exportClassReport')).toEqual([]);
    state.homePage = ' https://lms.school.example ';
    await state.exportReport('xapi');
    expect(state.homePageError).toBe('');
    expect(inputsOf('exportClassReport')).toEqual([{ format: 'xapi', homePage: 'https://lms.school.example' }]);
  });

  it('offers the last xAPI export’s addresses again, but not over what the instructor typed', async () => {
    const xapi = { homePage: 'https://lms.school.example', activityBase: 'https://school.example/xapi' };
    const { api } = recordingApi({
      getInstructorStatus: async () => ({ set: true, unlocked: true }),
      getClassReport: async () => ({ ...REPORT, xapi }),
    });
    const state = new ClassReportsState(api);
    await state.load();
    expect([state.homePage, state.activityBase]).toEqual([xapi.homePage, xapi.activityBase]);
    state.homePage = 'https://other.example';
    state.activityBase = '';
    await state.load();
    expect(state.homePage).toBe('https://other.example');
  });

  it('stops at a file that looks implausible, with the numbers, and imports it only if told to', async () => {
    const { api, inputsOf } = backend();
    const state = new ClassReportsState(api);
    await state.load();
    const attempts = Array.from({ length: 30_000 }, () => ({ packId: 'p', itemId: 'x' }));
    const flood = new File([JSON.stringify({ attempts })], 'flood.json', { type: 'application/json' });
    const skipped = state.importFiles([flood, progressFile('ana.json')]);
    await vi.waitFor(() => expect(state.doubt?.text).toMatch(/^flood\.json has 30,000 answers, 30,000 of them to one exercise/));
    state.doubt!.decide(false);
    await skipped;
    expect(inputsOf('importProgressFiles').map((input) => input.files.map((file) => file.name))).toEqual([['ana.json']]);
    expect(state.lastImport?.rejected[0]?.problems[0]).toMatch(/^not imported, as you chose: flood\.json has 30,000/);

    const imported = state.importFiles([flood]);
    await vi.waitFor(() => expect(state.doubt).toBeDefined());
    state.doubt!.decide(true);
    await imported;
    expect(
      inputsOf('importProgressFiles')
        .at(-1)
        ?.files.map((file) => file.name),
    ).toEqual(['flood.json']);
  });
});
