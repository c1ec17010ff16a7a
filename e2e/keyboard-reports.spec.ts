/**
 * Class reports with the keyboard alone (keyboard.spec.ts does the learner's pack, studio-sharing the
 * studio): a learner answers and exports their progress file, then an instructor opens class reports
 * through the gate, imports the file by the file picker reached with Tab, reads the report, exports it
 * and opens and leaves the clear-class dialog. On the way: focus is visible wherever it lands, Tab
 * always moves on (out of the import box, round the whole page, and out of a dialog only once it is
 * closed), and the live updates (feedback, the import's progress and summary) are in live regions.
 */
import { expect, test } from './fixtures';
import { Learner } from './learner';
import {
  downloads,
  expectAnnounced,
  expectFocusRing,
  focusStop,
  hold,
  recordLiveRegions,
  scratchFile,
  tabRound,
  WALK_PACK,
  WALK_PACKS_DIR,
} from './screens';
import { PASSPHRASE } from './author';
import { waitUntilReady } from './fixtures';

test.use({ packsDir: WALK_PACKS_DIR });

test('with the keyboard alone: a learner exports progress; the instructor imports it by the file picker, reads and exports the class report', async ({
  app,
}) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(120_000);
  const page = app.page;
  await recordLiveRegions(page);
  await page.reload();
  await waitUntilReady(page);
  const keys = new Learner(page, { keyboard: true });

  // The learner: a name, one answer (wrong), the progress file.
  await keys.tabTo(page.getByLabel('Your name'));
  await expectFocusRing(page, 'the name field');
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Kim' })).toBeFocused();
  await expectFocusRing(page, 'the library heading, focused after the learner was added');
  await keys.activate(page.getByRole('button', { name: 'Start' }));
  await expect(page.getByRole('heading', { level: 1, name: /Exercise 1 of/ })).toBeFocused();
  await keys.answer(WALK_PACK.items[0]!, false);
  await expect(page.getByRole('heading', { level: 2, name: /Not right/ })).toBeFocused();
  await expectFocusRing(page, 'the feedback, focused when it appears');
  await expectAnnounced(page, 'Answer saved. Not right.', 'status');
  await keys.activate(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }));
  await keys.tabTo(page.getByRole('button', { name: 'Export my progress file' }));
  await expectFocusRing(page, 'Export my progress file');
  const [progressFile] = await downloads(page, 1, () => page.keyboard.press('Enter'));
  await expectAnnounced(page, /Hand this file to your instructor/, 'status');
  const notProgress = scratchFile('not-a-progress-file.json', '{"hello":"world"}');

  // The instructor, on the same computer: the gate.
  await keys.activate(page.getByRole('button', { name: 'Switch learner' }));
  await keys.activate(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class reports' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeFocused();
  await keys.tabTo(page.getByLabel('New passphrase', { exact: true }));
  await expectFocusRing(page, 'the passphrase field');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  const title = page.getByRole('heading', { level: 1, name: 'Class reports' });
  await expect(title).toBeFocused();
  await expectFocusRing(page, 'the class reports heading');

  // Import by the file picker, opened from the keyboard; the import is held while its progress shows.
  const choose = page.getByLabel('Choose files…');
  await keys.tabTo(choose);
  await expectFocusRing(page, 'Choose files… (drawn on its label)');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Choose a folder…')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(choose).toBeFocused();
  const release = await hold(page, 'importProgressFiles');
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await chooser).setFiles([progressFile!, notProgress]);
  const progress = page.getByRole('status').filter({ hasText: 'Importing progress files: 0 of 2' });
  await expect(progress).toBeVisible();
  // The picker stays focused (aria-disabled, not disabled) while the import runs.
  const during = await focusStop(page);
  expect(during.outside, `focus during the import: ${during.description}`).toBe(false);
  await keys.tabTo(page.getByRole('button', { name: 'Cancel' }));
  await expectFocusRing(page, 'Cancel, while the import runs');
  await release();
  await expect(page.getByRole('status').filter({ hasText: '1 file imported, 1 file skipped.' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each learner in each pack' })).toBeVisible();
  // The focused Cancel button goes when the import ends: focus moves to what the import did.
  const after = await focusStop(page);
  expect(after.outside, `focus after the import: ${after.description}`).toBe(false);

  // The report, by Tab: the export.
  await keys.tabTo(page.getByRole('button', { name: 'CSV for a spreadsheet' }));
  await expectFocusRing(page, 'CSV for a spreadsheet');
  // One export, one file: the CSV tables come zipped together.
  const csv = await downloads(page, 1, () => page.keyboard.press('Enter'));
  expect(csv.map((path) => path.split('-').pop())).toEqual(['csv.zip']);

  // The clear-class dialog: focus goes in, stays in while it is open, and comes back when it closes.
  const clear = page.getByRole('button', { name: 'Clear the class…' });
  await keys.tabTo(clear);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Clear the class?' });
  await expect(dialog).toBeVisible();
  await expect.poll(async () => (await focusStop(page)).inDialog, 'focus moves into the dialog').toBe(true);
  await expectFocusRing(page, 'the first control of the dialog');
  const inDialog = await tabRound(page);
  expect(inDialog.problems, 'Tab in the open dialog').toEqual([]);
  expect(
    inDialog.stops.map((stop) => stop.description),
    'the round reaches the other button',
  ).toContainEqual(expect.stringMatching(/^<button[^>]*> Clear the class$/));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(clear, 'focus returns to the button that opened the dialog').toBeFocused();
  await page.keyboard.press('Tab');
  expect((await focusStop(page)).inDialog, 'and Tab moves on in the page').toBeNull();
  await expect(page.getByRole('table', { name: 'Learners in the class' })).toBeVisible();

  // Never trapped: from the report, Tab goes round the whole page (header included) and back,
  // with focus visible at every stop.
  await keys.tabTo(page.getByRole('button', { name: 'PDF to print' }));
  const round = await tabRound(page);
  expect(round.problems, 'a round of Tab from the report').toEqual([]);
  const names = round.stops.map((stop) => stop.description);
  expect(
    names.some((name) => name.includes('Skip to content')),
    `the round reaches the top of the page: ${names.join(' | ')}`,
  ).toBe(true);
  expect(
    names.some((name) => name.includes('Choose files…')),
    'and the import box',
  ).toBe(true);
});
