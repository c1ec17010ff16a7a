/**
 * The one-file player as a school would use it: the instructor saves a pack's offline page from the
 * studio; a learner opens the file from disk with the network off, plays with the keyboard alone,
 * closes and comes back, and downloads their progress file; the instructor imports it in Class reports.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Author } from './author';
import { expect, expectAccessible, test } from './fixtures';
import { Learner, SEED_PACK } from './learner';
import { downloads } from './screens';

const root = join(import.meta.dirname, '..');

test('a pack as one HTML file plays offline from disk, resumes, and its progress file imports into Class reports', async ({
  app,
  browser,
}, testInfo) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(180_000);

  // The instructor saves the offline page beside the pack in the studio; the command line makes the same file.
  const author = new Author(app.page);
  await author.openStudio();
  const [saved] = await downloads(app.page, 1, () =>
    app.page.getByRole('button', { name: `Offline page of ${SEED_PACK.meta.title} (HTML)` }).click(),
  );
  const file = saved!;
  expect(file).toMatch(new RegExp(`${SEED_PACK.id}\\.html$`));
  expect(statSync(file).size).toBeLessThan(400 * 1024);
  const fromCli = testInfo.outputPath('from-cli.html');
  execFileSync(process.execPath, [
    join(root, 'out/main/cli.js'),
    'export-html',
    join(root, 'exercises', `${SEED_PACK.id}.json`),
    '--out',
    fromCli,
  ]);
  expect(readFileSync(fromCli, 'utf8')).toBe(readFileSync(file, 'utf8'));

  // The learner's browser: no network at all; anything the page asks for beyond its own file is recorded.
  const context = await browser.newContext({ offline: true, acceptDownloads: true });
  const page = await context.newPage();
  const requested: string[] = [];
  const broken: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('blob:')) requested.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') broken.push(message.text());
  });
  page.on('pageerror', (error) => broken.push(error.message));
  await page.goto(pathToFileURL(file).href);

  await expect(page.getByRole('heading', { level: 1, name: SEED_PACK.meta.title })).toBeVisible();
  await expectAccessible(page, testInfo, 'offline start');
  const learner = new Learner(page, { keyboard: true });
  await learner.tabTo(page.getByLabel('Your name'));
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');

  const played = SEED_PACK.items.slice(0, 3);
  for (const [index, item] of played.entries()) {
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of ${SEED_PACK.items.length}`) }),
    ).toBeVisible();
    await learner.answer(item, index !== 1);
    if (index === 0) await expectAccessible(page, testInfo, 'offline feedback');
    await learner.next(false);
  }

  // Closed and opened again: the answers are still there, and the pack goes on where it stopped.
  await page.reload();
  await expect(page.getByText('Hello, Ana.')).toBeVisible();
  await learner.activate(page.getByRole('button', { name: 'Play the pack' }));
  await expect(page.getByText(`3 of ${SEED_PACK.items.length} answered`)).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(`Exercise 4 of ${SEED_PACK.items.length}`) }),
  ).toBeVisible();
  await learner.activate(page.getByRole('button', { name: '← Start' }));

  const [progress] = await downloads(page, 1, () =>
    learner.activate(page.getByRole('main').getByRole('button', { name: 'Download my progress file' })),
  );
  expect(progress).toMatch(/sourcewise-progress-Ana-\d{4}-\d\d-\d\d\.json$/);
  expect(requested).toEqual([]);
  expect(broken).toEqual([]);
  await context.close();

  // The instructor imports it like any other progress file.
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class reports' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();
  await app.page.getByLabel('Choose files…').setInputFiles([progress!]);
  await expect(app.page.getByText('1 file imported', { exact: true })).toBeVisible();
  const learners = app.page.getByRole('table', { name: 'Learners in the class' });
  await expect(learners.getByRole('row', { name: /Ana/ }).getByRole('cell').first()).toHaveText('3');
  await expect(app.page.getByText('1 learner, 3 answers, 67 % right.')).toBeVisible();
});
