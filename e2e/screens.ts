/**
 * One walk through every screen and state of the app, shared by the offline proof and the
 * accessibility matrix: it drives the app as a person would and calls `at(state)` at each state worth
 * checking (a screen, an open dialog, feedback, an error, a running import). The walk comes in three
 * parts, each on a fresh data folder, so that they can run side by side:
 *
 * - `learner`: learners, library (pack import with a conflict and a refused file), the player with
 *   each exercise type, feedback, marking in a find exercise, a save error and its retry, results,
 *   progress with data and its export, review with items due, and the rename and delete dialogs;
 * - `reports`: class reports: the gate (first use, a refused passphrase, a wrong one), an import of
 *   progress files in progress and its summary, the report, the clear-class dialog, the three exports;
 * - `studio`: studio home, a new draft from pasted text, suggestions, an item editor with problems, a
 *   draft that failed to save, then a revised copy of a pack with one exercise of each type: each
 *   editor, details, preview, the publish conflict dialog, export, answer key, the delete-draft dialog.
 *
 * It uses a short copy of the seed pack (one exercise of each type, the same article) so that every
 * exercise type is reached in five answers rather than thirty-eight.
 */
import type { Download, Page, Route } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeItem } from '../src/shared/class-report';
import type { ExportedFile, ReviewQueue } from '../src/shared/contract';
import type { ErrorBody } from '../src/shared/errors';
import type { Item, Pack } from '../src/shared/pack/schema';
import { validatePack } from '../src/shared/pack/validate';
import { Author, PASSPHRASE } from './author';
import { expect, waitUntilReady } from './fixtures';
import { createLearner, Learner, packCard, SEED_PACK } from './learner';

export const PARTS = ['learner', 'reports', 'studio'] as const;
export type Part = (typeof PARTS)[number];

/** Called at each state; `state` names the screen and what is showing, e.g. "player, save error". */
export type AtState = (state: string) => Promise<void>;

export interface WalkTarget {
  page: Page;
  /** Browser mode's origin and token: the reports part makes its learner's progress file through the contract. */
  server: { origin: string; token: string };
}

const firstOf = (type: Item['type']) => SEED_PACK.items.find((item) => item.type === type)!;

/** The seed pack cut to its first exercise of each type, in the player's order. */
export const WALK_PACK: Pack = {
  ...structuredClone(SEED_PACK),
  items: (['classify', 'find', 'source', 'headline', 'numbers'] as const).map((type) => structuredClone(firstOf(type))),
};
{
  const checked = validatePack(WALK_PACK);
  if (!checked.ok) throw new Error(`the walk pack is not valid:\n${checked.problems.join('\n')}`);
}

/**
 * Packs that say their level, topics and licence, so the library shows its levels, the suggested next
 * pack and licences; the walk plays only the walk pack, which gives no level (under "More packs").
 */
export const LEVELLED_WALK_PACKS: Pack[] = [
  {
    level: 1 as const,
    title: 'Practice at level 1: troops sent for training',
    topics: ['conflict' as const],
    license: 'CC-BY-2.5',
  },
  {
    level: 2 as const,
    title: 'Practice at level 2: what officials know',
    topics: ['elections-and-politics' as const],
    license: 'public-domain',
  },
].map(({ level, title, topics, license }) => ({
  ...structuredClone(WALK_PACK),
  id: `walk-level-${level}`,
  meta: { ...WALK_PACK.meta, title, level, topics, license },
}));

/**
 * A packs folder holding the walk pack and the levelled packs (for `test.use({ packsDir })`), and a
 * scratch folder for downloads and files to pick. Every process that loads this module makes its own
 * and removes it.
 */
export const WALK_PACKS_DIR = mkdtempSync(join(tmpdir(), 'sourcewise-walk-packs-'));
for (const pack of [WALK_PACK, ...LEVELLED_WALK_PACKS]) {
  writeFileSync(join(WALK_PACKS_DIR, `${pack.id}.json`), JSON.stringify(pack, null, 2));
}
const work = mkdtempSync(join(tmpdir(), 'sourcewise-walk-'));
process.once('exit', () => {
  rmSync(WALK_PACKS_DIR, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const SHORT_ARTICLE = `Fire destroys warehouse at Lindqvist plastics plant

The county fire service confirmed that two workers were taken to hospital with smoke inhalation.

Around 80 firefighters fought the blaze at its height, according to the fire service.

Lindqvist rejected claims by a former employee that fire alarms had been switched off for months.
`;

/** Writes a file into the walk's scratch folder (removed when the process exits) and returns its path. */
export function scratchFile(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

/** What the backend answers when a write fails, e.g. on a full disk. */
export const STORAGE_FAILED: { ok: false; error: ErrorBody } = {
  ok: false,
  error: { code: 'storage-failed', message: 'the disk is full (simulated by the test)' },
};

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });
}

/** Waits for `count` downloads started by `start` and saves them in the scratch folder. */
export async function downloads(page: Page, count: number, start: () => Promise<void>): Promise<string[]> {
  const seen: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const listener = (download: Download) => {
      seen.push(download);
      if (seen.length === count) {
        page.off('download', listener);
        resolve();
      }
    };
    page.on('download', listener);
  });
  await start();
  await all;
  const paths: string[] = [];
  for (const download of seen) {
    const path = join(work, `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(path);
    paths.push(path);
  }
  return paths;
}

/** Calls one contract method over browser mode's HTTP transport, as the page would. */
export async function callApi<T>(target: WalkTarget, method: string, input: unknown): Promise<T> {
  const response = await target.page.request.post(`${target.server.origin}/api/${method}`, {
    headers: { 'x-sourcewise-token': target.server.token, 'content-type': 'application/json' },
    data: input,
  });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: ErrorBody };
  if (!body.ok) throw new Error(`${method}: ${body.error.code}: ${body.error.message}`);
  return body.value;
}

/** Answers one call to `method` with `body` (a failure the backend could give), then lets calls through again. */
export async function failOnce(page: Page, method: string, body: unknown = STORAGE_FAILED): Promise<void> {
  let done = false;
  await page.route(`**/api/${method}`, async (route) => {
    if (done) return route.fallback();
    done = true;
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });
}

/** Holds calls to `method` until the returned function is called (to see a long import while it runs). */
export async function hold(page: Page, method: string): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const handler = async (route: Route) => {
    await released;
    await route.fallback();
  };
  await page.route(`**/api/${method}`, handler);
  return async () => {
    release();
    await page.unroute(`**/api/${method}`, handler);
  };
}

export async function walk(part: Part, target: WalkTarget, at: AtState): Promise<void> {
  await waitUntilReady(target.page);
  if (part === 'learner') await walkLearner(target.page, at);
  else if (part === 'reports') await walkReports(target, at);
  else await walkStudio(target.page, at);
}

async function walkLearner(page: Page, at: AtState): Promise<void> {
  const [classify, find, source, headline, numbers] = WALK_PACK.items as [Item, Item, Item, Item, Item];
  await at('learners, nobody yet');
  await createLearner(page, 'Ana');
  await at('library');

  // A shared pack file with an id already taken, and a broken one: the conflict form and the refusal.
  const copy = join(work, 'copy-of-the-pack.json');
  writeFileSync(copy, JSON.stringify(WALK_PACK));
  const broken = join(work, 'broken-pack.json');
  writeFileSync(broken, '{ "schemaVersion": 1, "id": ');
  await page.getByLabel('Choose pack files…').setInputFiles([copy, broken]);
  const conflicts = page.getByRole('form', { name: 'Already in the library' });
  await expect(conflicts).toBeVisible();
  await expect(page.getByText('broken-pack.json')).toBeVisible();
  await at('library, pack import with a conflict and a refused file');
  await conflicts.getByRole('radio', { name: 'Do not add it' }).check();
  await conflicts.getByRole('button', { name: 'Continue' }).click();
  await expect(conflicts).toBeHidden();

  const learner = new Learner(page);
  const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  await expect(panel).toBeVisible();
  await at('player, classify exercise');
  await learner.answer(classify, false);
  await at('player, classify feedback (not right)');

  await learner.next(false);
  await at('player, find exercise');
  if (find.type !== 'find') throw new Error('the second walk item is a find item');
  for (const [index, span] of find.spans.entries()) {
    await learner.markSpan(span.paragraph, span.start, span.end);
    if (index === 0) {
      await expect(panel.getByRole('button', { name: /^Remove mark/ })).toHaveCount(1);
      await at('player, find exercise with a mark');
    }
  }
  await panel.getByRole('button', { name: 'Check answer' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: /^✓?\s*Right$/ })).toBeVisible();
  await at('player, find feedback');

  // The first save fails as on a full disk: the answer is kept and can be saved again.
  await learner.next(false);
  if (source.type !== 'source') throw new Error('the third walk item is a source item');
  await failOnce(page, 'recordAnswer');
  await panel
    .getByRole('radio', { name: source.options.find((option) => option.id === source.answer)!.text, exact: true })
    .check();
  await panel.getByRole('button', { name: 'Check answer' }).click();
  await expect(panel.getByRole('alert')).toContainText('the disk is full');
  await at('player, save error');
  await panel.getByRole('button', { name: 'Try saving again' }).click();
  await expect(panel.getByRole('heading', { level: 2, name: /^✓?\s*Right$/ })).toBeVisible();
  await at('player, source feedback');

  await learner.next(false);
  await at('player, headline exercise');
  await learner.answer(headline, true);
  await at('player, headline feedback');

  await learner.next(false);
  await at('player, numbers exercise');
  await learner.answer(numbers, false);
  // The right label, then the learner's in brackets, as words apart: “Estimate (you: Confirmed)”.
  const figures = panel.getByRole('table', { name: /Each figure/ });
  await expect(figures).toContainText('(you: ');
  await expect(figures).not.toContainText(/\S\(you:/);
  await at('player, numbers feedback (partly right)');

  await learner.next(true);
  await expect(page.getByRole('heading', { level: 1, name: /^Results:/ })).toBeVisible();
  await at('results');

  await nav(page, 'Progress').click();
  await expect(page.getByRole('table', { name: 'Each label in figures' })).toBeVisible();
  await downloads(page, 1, () => page.getByRole('button', { name: 'Export my progress file' }).click());
  await expect(page.getByText(/Hand this file to your instructor/)).toBeVisible();
  await at('progress, with answers and the file exported');

  await nav(page, 'Packs').click();
  await expect(packCard(page).getByText(/^Done: your best round had/)).toBeVisible();
  await at('library, a pack done');

  // Review: a missed item falls due a day later (FSRS without same-day steps), and the backend's
  // clock cannot be moved from outside. So the queue as the backend gives it a day later is shown:
  // the items answered wrongly above, due now. Starting the review then plays them for real.
  const missed = [classify, numbers];
  await page.route('**/api/getReviewQueue', async (route) => {
    const response = await route.fetch();
    const real = (await response.json()) as { ok: true; value: ReviewQueue };
    const due: ReviewQueue['due'] = missed.map((item) => ({
      packId: WALK_PACK.id,
      packTitle: WALK_PACK.meta.title,
      itemId: item.id,
      itemType: item.type,
      summary: describeItem(item),
      due: '2020-01-01T00:00:00.000Z',
      lapses: 1,
      missed: true,
    }));
    const upcoming = real.value.upcoming.filter((entry) => !missed.some((item) => item.id === entry.itemId));
    await route.fulfill({ response, json: { ok: true, value: { due, upcoming } } });
  });
  await nav(page, 'Review').click();
  await expect(page.getByText('2 exercises are due, from 1 article.')).toBeVisible();
  await at('review, items due');
  await page.getByRole('button', { name: 'Review 2 exercises' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Exercise 1 of 2/ })).toBeVisible();
  await at('player, reviewing');
  await page.getByRole('button', { name: '← Review' }).click();
  await page.unroute('**/api/getReviewQueue');

  await page.getByRole('button', { name: 'Switch learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
  await at('learners, one listed');
  await page.getByRole('button', { name: 'Rename Ana' }).click();
  await expect(page.getByRole('textbox', { name: 'New name for Ana' })).toBeFocused();
  await at('learners, rename form');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Delete Ana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ana?' });
  await expect(dialog).toBeVisible();
  await at('learners, delete dialog');
  await dialog.getByRole('button', { name: 'Keep Ana' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * A learner's progress file, made through the contract on this computer (what a learner's own
 * computer would hand over), and a file that is not one.
 */
export async function progressFiles(target: WalkTarget): Promise<{ good: string; bad: string }> {
  const learner = await callApi<{ id: string }>(target, 'createLearner', { name: 'Ben' });
  const [classify, , source] = WALK_PACK.items as [Item, Item, Item];
  if (classify.type !== 'classify' || source.type !== 'source') throw new Error('unexpected walk pack');
  const answers = [
    { itemId: classify.id, answer: { type: 'classify', label: classify.claim.label, confidence: 2 } },
    { itemId: source.id, answer: { type: 'source', optionId: source.options.find((o) => o.id !== source.answer)!.id } },
  ];
  for (const { itemId, answer } of answers) {
    await callApi(target, 'recordAnswer', { learnerId: learner.id, packId: WALK_PACK.id, itemId, answer, timeTakenMs: 4000 });
  }
  const file = await callApi<ExportedFile>(target, 'exportProgress', { learnerId: learner.id });
  const good = join(work, file.name);
  writeFileSync(good, file.content);
  const bad = join(work, 'not-a-progress-file.json');
  writeFileSync(bad, JSON.stringify({ hello: 'world' }));
  return { good, bad };
}

async function walkReports(target: WalkTarget, at: AtState): Promise<void> {
  const page = target.page;
  const files = await progressFiles(target);
  await nav(page, 'Class reports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeVisible();
  await at('class reports, gate: set a passphrase');
  await page.getByLabel('New passphrase', { exact: true }).fill('short');
  await page.getByLabel('The same passphrase again').fill('short');
  await page.getByRole('button', { name: 'Set passphrase and open' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 8 characters');
  await at('class reports, gate: passphrase refused');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set passphrase and open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();
  await expect(page.getByText('No learners imported yet.')).toBeVisible();
  await at('class reports, nothing imported');

  await page.getByRole('button', { name: 'Leave instructor mode' }).click();
  await page.getByLabel('Instructor passphrase').fill('a wrong guess');
  await page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(page.getByRole('alert')).toHaveText(/not the instructor passphrase/);
  await at('class reports, gate: wrong passphrase');
  await page.getByLabel('Instructor passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();

  // The import is held at the backend while its progress shows.
  const release = await hold(page, 'importProgressFiles');
  await page.getByLabel('Choose files…').setInputFiles([files.good, files.bad]);
  await expect(page.getByRole('status').filter({ hasText: 'Importing progress files: 0 of 2' })).toBeVisible();
  await at('class reports, importing');
  await release();
  await expect(page.getByRole('paragraph').filter({ hasText: /^1 file imported, 1 file skipped\.$/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each learner in each pack' })).toBeVisible();
  await at('class reports, the report after an import with a skipped file');

  await page.getByRole('button', { name: 'Clear the class…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the class?' });
  await expect(dialog).toBeVisible();
  await at('class reports, clear-class dialog');
  await dialog.getByRole('button', { name: 'Keep the class' }).click();
  await expect(dialog).toBeHidden();

  await downloads(page, 1, () => page.getByRole('button', { name: 'CSV for a spreadsheet' }).click());
  await downloads(page, 1, () => page.getByRole('button', { name: 'PDF to print' }).click());
  // No home page yet: the export waits, with what is needed said beside the field.
  await page.getByRole('button', { name: 'xAPI for an LMS' }).click();
  await expect(page.getByText('Enter the address of your LMS or school')).toBeVisible();
  await at('class reports, xAPI export without a home page');
  await page.getByLabel("xAPI account home page (your LMS or school's address)").fill('https://lms.school.example');
  await downloads(page, 1, () => page.getByRole('button', { name: 'xAPI for an LMS' }).click());
  await page.getByText('Change the instructor passphrase').click();
  await expect(page.getByLabel('Current passphrase')).toBeVisible();
  await at('class reports, exported, change-passphrase form open');
}

async function walkStudio(page: Page, at: AtState): Promise<void> {
  const author = new Author(page);
  await author.openStudio();
  await at('studio home');

  await page.getByLabel('Paste the article’s text').fill(SHORT_ARTICLE);
  await page.getByRole('button', { name: 'Start a pack from this text' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fire destroys warehouse at Lindqvist plastics plant' }),
  ).toBeVisible();
  await at('studio, new draft from pasted text');
  await page.getByRole('button', { name: 'Suggest claims' }).click();
  const suggestions = page.getByRole('list', { name: 'Suggestions to decide on' });
  await expect(suggestions.getByRole('listitem').first()).toBeVisible();
  await at('studio, suggestions');
  await suggestions.getByRole('listitem').first().getByRole('button', { name: 'Accept and edit' }).click();
  await expect(author.exercise(1)).toBeVisible();
  await at('studio, classify editor from a suggestion');

  // A blank exercise shows its problems at its fields.
  const blank = await author.addExercise('Find', 2);
  await author.saved();
  await expect(page.getByText(/problems? to fix before this pack/)).toBeVisible();
  await at('studio, find editor with problems');

  // The draft cannot be saved (as on a full disk): the editor says so and offers to save again.
  await failOnce(page, 'saveDraft');
  await blank.getByLabel('Explanation').fill('Marks the estimate.');
  await expect(page.getByRole('alert').filter({ hasText: /^Not saved: .*the disk is full/ })).toBeVisible();
  await at('studio, draft not saved');
  await page.getByRole('button', { name: 'Save again' }).click();
  await author.saved();

  // A revised copy of the library's pack: one valid exercise of each type.
  await page.getByRole('button', { name: '← Studio' }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: `Revise ${WALK_PACK.meta.title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: WALK_PACK.meta.title })).toBeVisible();
  const list = page.getByRole('list', { name: 'Exercises in order' });
  await expect(list.getByRole('listitem')).toHaveCount(WALK_PACK.items.length);
  await expect(page.getByText('Ready: no problems.')).toBeVisible();
  for (const [index, item] of WALK_PACK.items.entries()) {
    if (item.type === 'classify') continue;
    await list.getByRole('button', { name: new RegExp(`^${index + 1}\\.`) }).click();
    await expect(author.exercise(index + 1)).toBeVisible();
    await at(`studio, ${item.type} editor`);
  }
  await author.showPart('Details');
  await expect(page.getByLabel('Pack title')).toHaveValue(WALK_PACK.meta.title);
  await at('studio, details');

  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText(/answers are scored here and recorded nowhere/)).toBeVisible();
  await at('studio, preview');
  await page.getByRole('button', { name: '← Studio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: WALK_PACK.meta.title })).toBeVisible();

  // Its id is the shipped pack's: adding it to the library asks first.
  await page.getByRole('button', { name: 'Add to library' }).click();
  const conflict = page.getByRole('dialog', { name: 'A pack with this id is in the library' });
  await expect(conflict).toBeVisible();
  await at('studio, publish conflict dialog');
  await conflict.getByRole('button', { name: 'Cancel' }).click();
  await expect(conflict).toBeHidden();

  await downloads(page, 1, () => page.getByRole('button', { name: 'Export file' }).click());
  await downloads(page, 1, () => page.getByRole('button', { name: 'Answer key (PDF)' }).click());
  await expect(page.getByRole('status').filter({ hasText: /^Saved .+\.pdf\.$/ })).toBeVisible();
  await downloads(page, 1, () => page.getByRole('button', { name: 'Offline page (HTML)' }).click());
  await expect(page.getByRole('status').filter({ hasText: /^Saved .+\.html\.$/ })).toBeVisible();
  await downloads(page, 1, () => page.getByRole('button', { name: 'SCORM package (LMS)' }).click());
  await expect(page.getByRole('status').filter({ hasText: /^Saved .+-scorm\.zip\.$/ })).toBeVisible();

  await page.getByRole('button', { name: '← Studio' }).click();
  const library = page.getByRole('list', { name: 'Packs in the library' });
  await downloads(page, 1, () => library.getByRole('button', { name: `Export ${WALK_PACK.meta.title} as a file` }).click());
  await downloads(page, 1, () => library.getByRole('button', { name: `Answer key for ${WALK_PACK.meta.title}` }).click());
  await page
    .getByRole('button', { name: /^Delete draft / })
    .first()
    .click();
  const confirm = page.getByRole('dialog', { name: 'Delete this draft?' });
  await expect(confirm).toBeVisible();
  await at('studio, delete-draft dialog');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
}

/** What counts as a live region: announced when its text changes. */
const LIVE_REGIONS = '[role="status"],[role="alert"],[role="log"],[aria-live]:not([aria-live="off"])';

/**
 * Records, for every live region that enters the page, the text it held when it arrived. A screen
 * reader announces what changes inside a live region it already knows; a polite region (status) that
 * arrives together with its text is, in most browser and screen-reader pairs, not announced. (An
 * alert is: its arrival is the announcement.) Call before the page loads (then load or reload it).
 */
export async function recordLiveRegions(page: Page): Promise<void> {
  await page.addInitScript((selector) => {
    const born = new WeakMap<Element, string>();
    const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
    const arrived = (node: Node) => {
      if (!(node instanceof Element)) return;
      for (const region of [...(node.matches(selector) ? [node] : []), ...node.querySelectorAll(selector)]) {
        if (!born.has(region)) born.set(region, text(region));
      }
    };
    new MutationObserver((records) => {
      for (const record of records) record.addedNodes.forEach(arrived);
    }).observe(document, { childList: true, subtree: true });
    (window as unknown as { sourcewiseLiveRegions: WeakMap<Element, string> }).sourcewiseLiveRegions = born;
  }, LIVE_REGIONS);
}

/**
 * That `text` was announced: it is in a live region (role=alert for `alert`; role=status or
 * aria-live=polite for `status`), not hidden from assistive technology, and, for a polite region,
 * one that was on the page before the text arrived. Needs `recordLiveRegions` on the page.
 */
export async function expectAnnounced(page: Page, text: string | RegExp, kind: 'status' | 'alert'): Promise<void> {
  const pattern = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  const regions = await page.evaluate(
    ([selector, source]) => {
      const born = (window as unknown as { sourcewiseLiveRegions?: WeakMap<Element, string> }).sourcewiseLiveRegions;
      if (!born) throw new Error('recordLiveRegions was not installed before the page loaded');
      const matches = new RegExp(source!);
      const text = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
      return [...document.querySelectorAll(selector!)]
        .filter((region) => matches.test(text(region)))
        .map((region) => ({
          html: region.outerHTML.slice(0, 160),
          role: region.getAttribute('role'),
          live: region.getAttribute('aria-live'),
          hidden: region.closest('[aria-hidden="true"]') !== null || getComputedStyle(region).display === 'none',
          arrivedWithText: born.has(region) ? matches.test(born.get(region)!) : false,
        }));
    },
    [LIVE_REGIONS, pattern] as const,
  );
  const announced = regions.filter((region) => {
    if (region.hidden) return false;
    if (kind === 'alert') return region.role === 'alert' || region.live === 'assertive';
    return (region.role === 'status' || region.live === 'polite') && !region.arrivedWithText;
  });
  expect(
    announced.length,
    `“${text}” announced as ${kind}; live regions holding it: ${JSON.stringify(regions, null, 1)}`,
  ).toBeGreaterThan(0);
}

/** The focused element as the page sees it, and whether it shows where focus is. */
export interface FocusStop {
  /** A number per element, the same each time that element is focused. */
  id: number;
  description: string;
  /** Nothing in the page has focus (the body): focus is in the browser's own controls, between cycles. */
  outside: boolean;
  /** Inside the open modal dialog, if one is open; null when none is. */
  inDialog: boolean | null;
  /** An outline or a box shadow is drawn around it (or, for a control hidden inside its label, around the label). */
  ring: boolean;
}

export function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const store = window as unknown as { sourcewiseFocusIds?: WeakMap<Element, number>; sourcewiseNextId?: number };
    store.sourcewiseFocusIds ??= new WeakMap();
    store.sourcewiseNextId ??= 1;
    const element = document.activeElement;
    const dialog = document.querySelector('dialog[open]');
    if (!element || element === document.body || element === document.documentElement) {
      return { id: 0, description: '(nothing: the body)', outside: true, inDialog: dialog ? false : null, ring: false };
    }
    if (!store.sourcewiseFocusIds.has(element)) store.sourcewiseFocusIds.set(element, store.sourcewiseNextId++);
    const drawn = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' &&
        parseFloat(style.outlineWidth) > 0 &&
        !/^(transparent|rgba\(\d+, \d+, \d+, 0\))$/.test(style.outlineColor)) ||
      style.boxShadow !== 'none';
    const own = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    // A control that is invisible itself (a file input over its label) shows focus on its label.
    const hidden = parseFloat(own.opacity) === 0 || box.width <= 1 || box.height <= 1;
    const label = hidden ? element.closest('label') : null;
    const name = element.getAttribute('aria-label') ?? (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return {
      id: store.sourcewiseFocusIds.get(element)!,
      description: `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.getAttribute('type') ? ` type=${element.getAttribute('type')}` : ''}> ${name || (element as HTMLInputElement).labels?.[0]?.textContent?.trim() || ''}`,
      outside: false,
      inDialog: dialog ? dialog.contains(element) : null,
      ring: drawn(own) || (label !== null && drawn(getComputedStyle(label))),
    };
  });
}

export async function expectFocusRing(page: Page, what: string): Promise<void> {
  const stop = await focusStop(page);
  expect(stop.outside, `${what}: something has focus`).toBe(false);
  expect(stop.ring, `${what}: focus is visible on ${stop.description}`).toBe(true);
}

/**
 * Presses Tab from wherever focus is until it comes back to the first control it reached: focus is
 * never trapped (the round ends, and nothing comes round twice before it does), and is visible at
 * every stop. With a modal dialog open, every stop is in the dialog (the page behind is inert);
 * without one, the caller can check the round passed through the whole page. Between rounds focus
 * may rest on nothing (the browser's own controls); that is not a stop. `start` is where focus was.
 */
export async function tabRound(
  page: Page,
  maxPresses = 300,
): Promise<{ start: FocusStop; stops: FocusStop[]; problems: string[] }> {
  const problems: string[] = [];
  const start = await focusStop(page);
  const stops: FocusStop[] = [];
  const seen = new Set<number>();
  let resting = 0;
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press('Tab');
    const stop = await focusStop(page);
    if (stop.outside) {
      if (++resting > 2) {
        problems.push('Tab left focus on nothing three times running');
        break;
      }
      continue;
    }
    resting = 0;
    if (stops.length > 0 && stop.id === stops[0]!.id) return { start, stops, problems };
    if (seen.has(stop.id)) {
      problems.push(`trapped: ${stop.description} came round again before ${stops[0]!.description} did`);
      return { start, stops, problems };
    }
    seen.add(stop.id);
    stops.push(stop);
    if (!stop.ring) problems.push(`no visible focus on ${stop.description}`);
    if (stop.inDialog === false) problems.push(`focus left the open dialog for ${stop.description}`);
  }
  if (problems.length === 0) problems.push(`after ${maxPresses} presses of Tab, focus had not come round`);
  return { start, stops, problems };
}
