import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Author, PASSPHRASE } from './author';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK } from './learner';

const work = mkdtempSync(join(tmpdir(), 'sourcewise-sharing-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const SHORT_ARTICLE = `Fire destroys warehouse at Lindqvist plastics plant

The county fire service confirmed that two workers were taken to hospital with smoke inhalation.

Around 80 firefighters fought the blaze at its height, according to the fire service.

Lindqvist rejected claims by a former employee that fire alarms had been switched off for months.
`;

test('the studio is for instructors: learners meet the passphrase gate, and a wrong passphrase does not open it', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await waitUntilReady(page);
  await new Author(page).openStudio();
  await page.getByRole('button', { name: 'Leave instructor mode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Instructor mode' })).toBeVisible();
  await expect(page.getByText(/studio makes and changes the packs learners play/)).toBeVisible();
  await expectAccessible(page, testInfo, 'studio gate');
  await page.getByLabel('Instructor passphrase').fill('not the passphrase');
  await page.getByRole('button', { name: 'Open instructor mode' }).click();
  await expect(page.getByRole('alert')).toHaveText(/not the instructor passphrase/);
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toHaveCount(0);
  // The contract refuses the studio's calls too, whatever the screen shows.
  if (app.server) {
    const response = await page.request.post(`${app.server.origin}/api/listDrafts`, {
      headers: { 'x-sourcewise-token': app.server.token, 'content-type': 'application/json' },
      data: {},
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'instructor-locked' } });
  }
});

test('with the keyboard alone, an instructor starts a pack, accepts a suggestion, writes an exercise, undoes and adds it to the library', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = app.page;
  await waitUntilReady(page);
  const keys = new Learner(page, { keyboard: true });
  await keys.activate(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Studio' }));
  await keys.tabTo(page.getByLabel('New passphrase', { exact: true }));
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Studio' })).toBeFocused();

  await keys.tabTo(page.getByLabel('Paste the article’s text'));
  await page.keyboard.insertText(SHORT_ARTICLE);
  await keys.activate(page.getByRole('button', { name: 'Start a pack from this text' }));
  await expect(
    page.getByRole('heading', { level: 1, name: 'Fire destroys warehouse at Lindqvist plastics plant' }),
  ).toBeFocused();

  await keys.activate(page.getByRole('button', { name: 'Suggest claims' }));
  const suggestions = page.getByRole('list', { name: 'Suggestions to decide on' });
  const confirmed = suggestions.getByRole('listitem').filter({ hasText: 'confirmed that two workers' });
  await keys.activate(confirmed.getByRole('button', { name: 'Accept and edit' }));
  const first = page.getByRole('region', { name: /^Exercise 1: Classify/ });
  await expect(first.getByRole('heading', { name: 'Exercise 1: Classify' })).toBeFocused();

  // A second exercise, its claim typed as a quote.
  await keys.select(page.getByLabel('New exercise'), 'Classify');
  await keys.activate(page.getByRole('button', { name: 'Add exercise' }));
  const second = page.getByRole('region', { name: /^Exercise 2: Classify/ });
  await keys.tabTo(second.getByRole('group', { name: 'Claim' }).getByLabel('Quote'));
  await page.keyboard.type('Lindqvist rejected claims');
  await expect(second.getByText(/Found in paragraph 3/)).toBeVisible();
  await keys.select(second.getByLabel('Label', { exact: true }), '✗ Denial');
  await keys.tabTo(second.getByLabel('Explanation'));
  await page.keyboard.type('“rejected” marks a denial by the company.');

  // Undo and redo from the keyboard, outside any text field.
  await keys.tabTo(page.getByRole('button', { name: 'Undo' }));
  await page.keyboard.press('Enter');
  await expect(second.getByLabel('Explanation')).toHaveValue('');
  await page.keyboard.press('Control+Shift+Z');
  await expect(second.getByLabel('Explanation')).toHaveValue('“rejected” marks a denial by the company.');

  // Details the article did not give, then into the library.
  await keys.activate(page.getByRole('group', { name: 'Part of the pack' }).getByRole('button', { name: /^Details/ }));
  for (const [label, value] of [
    ['Outlet', 'Marrow Vale Courier'],
    ['Author', 'Staff reporter'],
    ['Published', '2026-03-01'],
    ['Address of the original article', 'https://example.org/fire'],
    ['Credit line', 'Written for Sourcewise practice.'],
  ] as const) {
    await keys.tabTo(page.getByLabel(label, { exact: true }));
    await page.keyboard.press('Control+A');
    await page.keyboard.type(value);
  }
  await expect(page.getByText('Ready: no problems.')).toBeVisible();
  await expectAccessible(page, testInfo, 'studio details, keyboard');
  await keys.activate(page.getByRole('button', { name: 'Add to library' }));
  await expect(page.getByRole('status').filter({ hasText: /^Added to the library/ })).toBeVisible();

  // A learner on this computer finds it in the library.
  await keys.activate(page.getByRole('button', { name: '← Studio' }));
  await expect(page.getByRole('list', { name: 'Packs in the library' })).toContainText(
    'Fire destroys warehouse at Lindqvist plastics plant',
  );
  await keys.activate(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Learners' }));
  await createLearner(page, 'Kim');
  await expect(
    page.getByRole('heading', { level: 3, name: 'Fire destroys warehouse at Lindqvist plastics plant' }),
  ).toBeVisible();
});

test('an article from a web page is reduced to its text: its scripts and handlers never run', async ({ app }) => {
  test.skip(app.shell === 'electron', 'file pickers are the same in both shells; checked once in browser mode');
  const page = app.page;
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await waitUntilReady(page);
  await new Author(page).openStudio();
  const html = join(work, 'page.html');
  writeFileSync(
    html,
    `<!doctype html><html lang="en-GB"><head><title>Council budget | The Courier</title>
<meta property="og:site_name" content="The Courier"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2026-02-03T09:00:00Z">
<script>alert('script ran')</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a></nav><h1>Council approves budget</h1>
<p>The council <b>confirmed</b> on Monday that the budget passed.<img src="x" onerror="alert('handler ran')"></p>
<p>About 200 people attended, <a href="javascript:alert('link ran')">officials said</a>.</p>
<footer>© The Courier</footer></body></html>`,
  );
  await page.getByLabel('Open an article file…').setInputFiles(html);
  await expect(page.getByRole('heading', { level: 1, name: 'Council approves budget' })).toBeVisible();
  const article = page.getByRole('region', { name: 'The article' });
  await expect(article.getByRole('heading', { name: 'Council approves budget' })).toBeVisible();
  await expect(article).toContainText('The council confirmed on Monday that the budget passed.');
  await expect(article).toContainText('About 200 people attended, officials said.');
  await expect(article).not.toContainText('alert');
  await expect(article).not.toContainText('Home');
  await expect(article.locator('img, a, script, b')).toHaveCount(0);
  await new Author(page).showPart('Details');
  await expect(page.getByLabel('Outlet')).toHaveValue('The Courier');
  await expect(page.getByLabel('Author')).toHaveValue('Ana Ruiz');
  await expect(page.getByLabel('Published')).toHaveValue('2026-02-03');
  await expect(page.getByLabel('Language')).toHaveValue('en-GB');
  expect(dialogs).toEqual([]);
});

test('shared pack files: a bundled id is kept beside, a re-shared pack replaces its earlier version, a broken file is refused whole', async ({
  app,
}, testInfo) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(120_000);
  const page = app.page;
  await waitUntilReady(page);
  const seedFile = join(work, 'nk-troops-russia-2024.json');
  writeFileSync(seedFile, JSON.stringify(SEED_PACK));
  const broken = join(work, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...SEED_PACK, id: '../../evil', items: [] }));

  // A learner adds the shipped pack again (same id) and a broken file.
  await createLearner(page, 'Lee');
  await page.getByLabel('Choose pack files…').setInputFiles([seedFile, broken]);
  const conflicts = page.getByRole('form', { name: 'Already in the library' });
  await expect(conflicts.getByRole('radio', { name: /^Replace/ })).toHaveCount(0);
  await expect(conflicts.getByRole('radio', { name: /^Keep both/ })).toBeChecked();
  await expect(page.getByText('broken.json')).toBeVisible();
  await expect(page.getByText(/id: must be 1 to 64 lower-case letters/)).toBeVisible();
  await expectAccessible(page, testInfo, 'library import conflicts');
  await conflicts.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 3, name: SEED_PACK.meta.title })).toHaveCount(2);

  // The instructor exports a pack from the studio, edits nothing, and shares it again: replace.
  const author = new Author(page);
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await author.openStudio();
  const library = page.getByRole('list', { name: 'Packs in the library' });
  await expect(library.getByRole('listitem').filter({ hasText: SEED_PACK.meta.title })).toHaveCount(2);
  const download = page.waitForEvent('download');
  await page
    .getByRole('button', { name: `Export ${SEED_PACK.meta.title} as a file` })
    .first()
    .click();
  const exported = join(work, (await download).suggestedFilename());
  await (await download).saveAs(exported);
  expect(JSON.parse(readFileSync(exported, 'utf8'))).toEqual(SEED_PACK);

  const copy = join(work, 'copy.json');
  writeFileSync(copy, JSON.stringify({ ...SEED_PACK, id: 'nk-troops-russia-2024-2', version: 2 }));
  await page.getByLabel('Choose pack files…').setInputFiles(copy);
  const studioConflicts = page.getByRole('form', { name: 'Already in the library' });
  await studioConflicts.getByRole('radio', { name: /^Replace/ }).check();
  await studioConflicts.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByText(/replaced the earlier version/)).toBeVisible();
  await expect(library.getByRole('listitem').filter({ hasText: SEED_PACK.meta.title })).toHaveCount(2);

  // The printable answer key of the shipped pack.
  const keyDownload = page.waitForEvent('download');
  await page
    .getByRole('button', { name: `Answer key for ${SEED_PACK.meta.title}` })
    .first()
    .click();
  const keyFile = join(work, (await keyDownload).suggestedFilename());
  await (await keyDownload).saveAs(keyFile);
  expect(readFileSync(keyFile).subarray(0, 5).toString()).toBe('%PDF-');
  if (existsSync('/usr/bin/pdftotext') || process.env.CI) {
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', keyFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(SEED_PACK.meta.title);
    expect(text.replace(/\s+/g, ' ')).toContain(SEED_PACK.items[0]!.explanation.replace(/\s+/g, ' ').slice(0, 60));
  }

  // Removing the added copy leaves the shipped pack.
  await page.getByRole('button', { name: `Remove ${SEED_PACK.meta.title} from the library` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove pack' }).click();
  await expect(library.getByRole('listitem').filter({ hasText: SEED_PACK.meta.title })).toHaveCount(1);
});
