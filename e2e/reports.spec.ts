import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK, packCard } from './learner';

const HOSTILE_NAME = '=HYPERLINK("http://x","y")';
const PASSPHRASE = 'teacher-only-2026';

/**
 * LibreOffice and poppler's pdftotext check the exported files as other programs see them. CI
 * installs both (.ci/run) and must run those checks; elsewhere a missing tool is noted and skipped.
 */
function tool(path: string, testInfo: import('@playwright/test').TestInfo): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${path} is missing; .ci/run installs it (libreoffice-calc-nogui, poppler-utils)`);
  testInfo.annotations.push({ type: 'skipped check', description: `${path} is not installed here` });
  return false;
}
const work = mkdtempSync(join(tmpdir(), 'sourcewise-reports-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A learner on their own computer answers the first `count` items (every third wrong) and exports. */
async function learnerExports(page: Page, name: string, count: number): Promise<string> {
  await waitUntilReady(page);
  await createLearner(page, name);
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(page);
  for (const [index, item] of SEED_PACK.items.slice(0, count).entries()) {
    await learner.answer(item, index % 3 !== 2);
    await learner.next(false);
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my progress file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sourcewise-progress-.+-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(work, `${name.replace(/\W+/g, '_')}.json`);
  await file.saveAs(path);
  await expect(page.getByText(/Hand this file to your instructor/)).toBeVisible();
  return path;
}

async function downloadAll(page: Page, button: string, expected: number): Promise<string[]> {
  const paths: string[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', async (download) => {
      const path = join(work, download.suggestedFilename());
      await download.saveAs(path);
      paths.push(path);
      if (paths.length === expected) resolve();
    });
  });
  await page.getByRole('button', { name: button }).click();
  await done;
  page.removeAllListeners('download');
  return paths.sort();
}

test('two learners export on two computers; the instructor imports both (one twice) and exports CSV, PDF and xAPI', async ({
  app,
}, testInfo) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(180_000);
  const first = await learnerExports(app.page, HOSTILE_NAME, 6);
  const otherComputer = await app.another();
  const second = await learnerExports(otherComputer.page, 'Ben', 4);

  // The instructor's computer.
  const page = app.page;
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class reports' }).click();
  // First use: the instructor sets a passphrase, which opens instructor mode.
  await expect(page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeVisible();
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set passphrase and open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();
  await page.getByLabel('Choose files…').setInputFiles([first, second]);
  await expect(page.getByText('2 files imported', { exact: true })).toBeVisible();
  await page.getByLabel('Choose files…').setInputFiles([first]);
  await expect(page.getByText('1 file imported', { exact: true })).toBeVisible();
  await expect(page.getByText('0 new answers, 6 already in the class')).toBeVisible();

  const learners = page.getByRole('table', { name: 'Learners in the class' });
  await expect(learners.getByRole('row')).toHaveCount(3);
  await expect(learners.getByRole('row', { name: /Ben/ }).getByRole('cell').first()).toHaveText('4');
  await expect(
    learners
      .getByRole('row', { name: /HYPERLINK/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('6');
  // Remove asks first, and can be undone.
  await learners.getByRole('button', { name: 'Remove Ben from the class' }).click();
  const ask = page.getByRole('dialog', { name: 'Remove Ben from the class?' });
  await ask.getByRole('button', { name: 'Keep Ben' }).click();
  await expect(learners.getByRole('row')).toHaveCount(3);
  await learners.getByRole('button', { name: 'Remove Ben from the class' }).click();
  await ask.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(learners.getByRole('row')).toHaveCount(2);
  await page
    .getByRole('status')
    .filter({ hasText: 'Ben was removed from the class.' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(learners.getByRole('row')).toHaveCount(3);

  // Every third answer was wrong: 4 of 6 and 3 of 4 right, 7 of 10 in all.
  await expect(page.getByText('2 learners, 10 answers, 70 % right.')).toBeVisible();
  // The item analysis and the grid of results.
  await expect(page.getByRole('table', { name: `Exercises of ${SEED_PACK.meta.title}` })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: `Each learner on each exercise of ${SEED_PACK.meta.title}` })
      .getByRole('row', { name: /Ben/ })
      .getByRole('cell'),
  ).toHaveCount(SEED_PACK.items.length);
  const rows = page.getByRole('table', { name: 'Each learner in each pack' });
  await expect(rows.getByRole('row', { name: /Ben/ }).getByRole('cell').nth(1)).toHaveText('4 of 38');
  // Four answers are too few for any d′: words, not a number.
  await expect(rows.getByRole('row', { name: /Ben/ }).getByRole('cell').nth(3)).toHaveText(/^not enough answers yet/);
  await expectAccessible(page, testInfo, 'class reports');
  await page.screenshot({ path: testInfo.outputPath('class-reports.png'), fullPage: true });

  // CSV: one zip of two tables, parsed; a formula-looking name stays text, here and in LibreOffice.
  const [zip] = await downloadAll(page, 'CSV for a spreadsheet', 1);
  expect(zip).toMatch(/-csv\.zip$/);
  await expect(page.getByRole('status').filter({ hasText: /sourcewise-class-report-[\d-]+-csv\.zip/ })).toBeVisible();
  const tables = Object.entries(unzipSync(readFileSync(zip!))).map(([name, bytes]) => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    return path;
  });
  expect(tables.map((path) => path.split('-').pop()).sort()).toEqual(['attempts.csv', 'items.csv', 'learners.csv']);
  const table = (name: string) => tables.find((path) => path.endsWith(`-${name}.csv`));
  const [attemptsCsv, learnersCsv, itemsCsv] = [table('attempts'), table('learners'), table('items')];
  const itemRows = parse(readFileSync(itemsCsv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  expect(itemRows).toHaveLength(SEED_PACK.items.length);
  const learnerRows = parse(readFileSync(learnersCsv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  expect(learnerRows).toHaveLength(2);
  // Too few answers for d′ and c: empty cells, not numbers.
  for (const row of learnerRows) expect([row.confirmed_d_prime, row.confirmed_c]).toEqual(['', '']);
  const attemptRows = parse(readFileSync(attemptsCsv!, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  expect(attemptRows).toHaveLength(10);
  // Read as a teacher reads it: names, the pack's title, the claim, answers and results in words.
  expect(Object.keys(attemptRows[0]!).slice(0, 8)).toEqual([
    'learner',
    'pack',
    'item',
    'type',
    'claim',
    'expected',
    'answer',
    'result',
  ]);
  expect(attemptRows.every((row) => row.pack === SEED_PACK.meta.title && /^(right|partly|wrong)$/.test(row.result!))).toBe(true);
  const names = learnerRows.map((row) => Object.values(row).find((value) => value.includes('HYPERLINK') || value === 'Ben'));
  expect(names).toContain(`'${HOSTILE_NAME}`);
  if (tool('/usr/bin/soffice', testInfo)) {
    const out = join(work, 'libreoffice');
    execFileSync(
      'soffice',
      [
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1',
        '--outdir',
        out,
        learnersCsv!,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const roundTrip = parse(readFileSync(join(out, learnersCsv!.split('/').pop()!), 'utf8'), {
      columns: true,
      bom: true,
    }) as Record<string, string>[];
    expect(roundTrip.map((row) => Object.keys(row))).toEqual(learnerRows.map((row) => Object.keys(row)));
    for (const [index, row] of roundTrip.entries()) {
      for (const [column, value] of Object.entries(row)) {
        const ours = learnerRows[index]![column]!;
        // Numbers may be written differently (0.50 or 0.5); text must be the same, formulas never evaluated.
        if (ours !== '' && !Number.isNaN(Number(ours))) expect(Number(value), column).toBeCloseTo(Number(ours), 6);
        else expect(value, column).toBe(ours);
      }
    }
    expect(roundTrip.some((row) => Object.values(row).includes(`'${HOSTILE_NAME}`))).toBe(true);
  }

  // PDF: names, figures and the most missed claims are in its text.
  const [pdf] = await downloadAll(page, 'PDF to print', 1);
  if (tool('/usr/bin/pdftotext', testInfo)) {
    const text = execFileSync('pdftotext', ['-layout', pdf!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Ben');
    expect(text).toContain(HOSTILE_NAME);
    expect(text).toMatch(/70\s?%/);
    const missed = SEED_PACK.items[2]!;
    expect(text.replace(/\s+/g, ' ')).toContain(missed.explanation.slice(0, 40));
  }

  // xAPI: an address that will not do is named at its field; then one "answered" statement per attempt
  // (nobody finished the pack, so no "completed").
  const homePage = page.getByLabel("xAPI account home page (your LMS or school's address)");
  await homePage.fill('lms.example.edu');
  await page.getByRole('button', { name: 'xAPI for an LMS' }).click();
  await expect(homePage).toBeFocused();
  await expect(homePage).toHaveAccessibleDescription(/starting with https:\/\//);
  await homePage.fill('https://lms.example.edu');
  const [xapi] = await downloadAll(page, 'xAPI for an LMS', 1);
  const statements = JSON.parse(readFileSync(xapi!, 'utf8')) as {
    verb: { id: string };
    actor: { account: { homePage: string } };
    object: { id: string };
    context: { extensions: Record<string, unknown> };
  }[];
  expect(statements).toHaveLength(10);
  expect(new Set(statements.map((statement) => statement.verb.id))).toEqual(new Set(['http://adlnet.gov/expapi/verbs/answered']));
  expect(statements.every((statement) => statement.actor.account.homePage === 'https://lms.example.edu')).toBe(true);
  // Activity ids and extension keys sit under the address the instructor gave, nowhere else.
  for (const statement of statements) {
    expect(statement.object.id).toMatch(/^https:\/\/lms\.example\.edu\/sourcewise\/packs\//);
    for (const key of Object.keys(statement.context.extensions))
      expect(key).toMatch(/^https:\/\/lms\.example\.edu\/sourcewise\/extensions\//);
  }
  // The address is offered again after a restart.
  await app.restart();
  await waitUntilReady(app.page);
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class reports' }).click();
  await app.page.getByLabel('Instructor passphrase').fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(app.page.getByLabel("xAPI account home page (your LMS or school's address)")).toHaveValue(
    'https://lms.example.edu',
  );
});

test('class reports are behind the instructor passphrase, which can be changed', async ({ app }, testInfo) => {
  const page = app.page;
  await waitUntilReady(page);
  const classReports = () =>
    app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Class reports' }).click();
  await classReports();
  await page.getByLabel('New passphrase', { exact: true }).fill('short');
  await page.getByLabel('The same passphrase again').fill('short');
  await page.getByRole('button', { name: 'Set passphrase and open' }).click();
  await expect(page.getByRole('alert')).toContainText('at least 8 characters');
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('The same passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Set passphrase and open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();

  // A learner coming to the shared computer later finds it locked, even after a restart.
  await page.getByRole('button', { name: 'Leave instructor mode' }).click();
  await app.restart();
  await waitUntilReady(app.page);
  await classReports();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeVisible();
  await expectAccessible(app.page, testInfo, 'instructor gate');
  await app.page.getByLabel('Instructor passphrase').fill('a wrong guess');
  await app.page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(app.page.getByRole('alert')).toHaveText(/not the instructor passphrase/);
  await app.page.getByLabel('Instructor passphrase').fill(PASSPHRASE);
  await app.page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Class reports' })).toBeVisible();

  await app.page.getByText('Change the instructor passphrase').click();
  await app.page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await app.page.getByLabel('New passphrase', { exact: true }).fill('another-passphrase');
  await app.page.getByLabel('The new passphrase again').fill('another-passphrase');
  await app.page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(app.page.getByText('The instructor passphrase was changed.')).toBeVisible();
});
