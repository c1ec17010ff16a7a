import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pack } from '../src/shared/pack/schema';
import { validatePack } from '../src/shared/pack/validate';
import { Author, SEED_ARTICLE } from './author';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner } from './learner';

const work = mkdtempSync(join(tmpdir(), 'sourcewise-studio-'));
test.afterAll(() => rmSync(work, { recursive: true, force: true }));

const EDITED_EXPLANATION =
  'Unconfirmed: the official says the mission “remained unclear”, so what the troops will do is not known. Edited by the instructor.';

test('an instructor turns a pasted article into a pack of all five exercise types, previews and exports it; a learner adds the file and completes it', async ({
  app,
}, testInfo) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(240_000);
  const page = app.page;
  await waitUntilReady(page);
  const author = new Author(page);
  await author.openStudio();
  await expectAccessible(page, testInfo, 'studio home');

  // Paste the article; it becomes a draft with the headline, byline and date read from it.
  await page.getByLabel('Paste the article’s text').fill(SEED_ARTICLE);
  await page.getByRole('button', { name: 'Start a pack from this text' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'U.S. Officials Confirm North Korea Sent Troops to Russia' }),
  ).toBeVisible();

  // Suggestions: accept one, accept and edit one, reject one.
  await page.getByRole('button', { name: 'Suggest claims' }).click();
  const suggestions = page.getByRole('list', { name: 'Suggestions to decide on' });
  await expect(suggestions.getByRole('listitem').first()).toBeVisible();
  const offered = await suggestions.getByRole('listitem').count();
  expect(offered).toBeGreaterThanOrEqual(10);
  await expectAccessible(page, testInfo, 'studio suggestions');
  const first = suggestions.getByRole('listitem').filter({ hasText: '“A senior U.S. official confirmed Wednesday' });
  await expect(first.getByText('✓ Confirmed')).toBeVisible();
  await first.getByRole('button', { name: 'Accept', exact: true }).click();
  const unclear = suggestions.getByRole('listitem').filter({ hasText: 'exact mission remained unclear' });
  await expect(unclear.getByText('? Unconfirmed')).toBeVisible();
  await unclear.getByRole('button', { name: 'Accept and edit' }).click();
  const second = author.exercise(2);
  await expect(second.getByLabel('Explanation')).toHaveValue(/^Unconfirmed\. “unclear” marks a report/);
  await second.getByLabel('Explanation').fill(EDITED_EXPLANATION);
  await author.showPart('Suggestions');
  await suggestions.getByRole('listitem').first().getByRole('button', { name: 'Reject' }).click();
  await expect(suggestions.getByRole('listitem')).toHaveCount(offered - 3);

  // Details: what the article did not say.
  await author.showPart('Details');
  await page.getByLabel('Pack title').fill('Troops to Russia: who says so? (studio-made)');
  await page.getByLabel('Outlet').fill('AFP');
  await page.getByLabel('Credit line').fill('AFP, via The Moscow Times. Used for teaching.');
  await page.getByLabel('Pack id').fill('studio-nk-troops');
  await author.saved();
  await expectAccessible(page, testInfo, 'studio details');

  // Find: starts from words selected in the article with the mouse.
  await author.showPart('Exercises');
  await author.selectText('about 10,000 troops');
  const find = await author.addExercise('Find', 3);
  await expect(find.getByLabel('Label to find')).toHaveValue('estimate');
  await expect(find.getByRole('group', { name: 'Span 1' }).getByLabel('Quote')).toHaveValue('about 10,000 troops');
  await find.getByLabel('Explanation').fill('“about” marks the 10,000 as an estimate, given by lawmaker Park Sun-won.');

  // Source: the claim typed as a quote, with two answers to choose from.
  const source = await author.addExercise('Source', 4);
  await source
    .getByRole('group', { name: 'Claim' })
    .getByLabel('Quote')
    .fill('North Korea denied that it sent military forces to Russia');
  await expect(source.getByRole('group', { name: 'Claim' }).getByText(/Found in paragraph \d+/)).toBeVisible();
  await source.getByLabel('Label', { exact: true }).selectOption('denial');
  await source.getByLabel('Who says so').fill('North Korea');
  await source.getByLabel('Kind of source').selectOption('party');
  await source.getByLabel('Text of answer 1').fill('North Korea itself, denying it');
  await source.getByLabel('Text of answer 2').fill('U.S. officials, confirming it');
  await source.getByLabel('Explanation').fill('North Korea is a party to the events and denies the deployment.');

  // Headline: the article's own headline, with the sentence that supports it as evidence.
  const headline = await author.addExercise('Headline', 5);
  await expect(headline.getByLabel('Headline to judge')).toHaveValue('U.S. Officials Confirm North Korea Sent Troops to Russia');
  await headline.getByRole('button', { name: /^Add evidence 1 by typing/ }).click();
  await headline
    .getByRole('group', { name: 'Evidence 1' })
    .getByLabel('Quote')
    .fill('A senior U.S. official confirmed Wednesday that thousands of North Korean soldiers were sent to Russia');
  await headline.getByLabel('Explanation').fill('A named role on the record confirms the deployment, so the headline holds.');

  // Numbers: a figure typed as a quote, its source offered among the names.
  const numbers = await author.addExercise('Numbers', 6);
  await numbers.getByRole('button', { name: /^Add figure 1 by typing/ }).click();
  const figure = numbers.getByRole('group', { name: /^Figure 1/ });
  await figure.getByLabel('Quote').first().fill('1,500 special forces soldiers');
  await figure.getByLabel('Label of figure 1').selectOption('estimate');
  await figure.getByLabel('Who says so').fill("South Korea's intelligence agency");
  await figure.getByLabel('Kind of source').selectOption('intelligence-agency');
  await numbers.getByRole('button', { name: /^Remove name 2/ }).click();
  await numbers.getByRole('button', { name: /^Add “South Korea's intelligence agency” to the names/ }).click();
  await numbers.getByLabel('Explanation').fill("The figure is South Korea's intelligence agency's assessment: an estimate.");
  await author.saved();
  await expect(page.getByText('Ready: no problems.')).toBeVisible();
  await expectAccessible(page, testInfo, 'studio exercise editor');
  await page.screenshot({ path: testInfo.outputPath('studio-editor.png'), fullPage: true });

  // Undo takes back the last change, redo puts it back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(numbers.getByLabel('Explanation')).toHaveValue('');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(numbers.getByLabel('Explanation')).toHaveValue(/intelligence agency's assessment/);
  // The keys too, after a click on the page's background.
  await page.mouse.click(2, 2);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(numbers.getByLabel('Explanation')).toHaveValue('');
  await page.keyboard.press('ControlOrMeta+y');
  await expect(numbers.getByLabel('Explanation')).toHaveValue(/intelligence agency's assessment/);
  await author.saved();

  // Export the pack file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('studio-nk-troops.json');
  const packPath = join(work, file.suggestedFilename());
  await file.saveAs(packPath);
  const checked = validatePack(JSON.parse(readFileSync(packPath, 'utf8')));
  expect(checked.ok ? [] : checked.problems).toEqual([]);
  const pack = (checked as { ok: true; pack: Pack }).pack;
  expect(pack.items.map((item) => item.type)).toEqual(['classify', 'classify', 'find', 'source', 'headline', 'numbers']);
  expect(pack.items[1]!.explanation).toBe(EDITED_EXPLANATION);

  // Preview: played as a learner would, recording nothing anywhere.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByText(/answers are scored here and recorded nowhere/)).toBeVisible();
  await expectAccessible(page, testInfo, 'preview');
  const previewer = new Learner(page);
  for (const [index, item] of pack.items.entries()) {
    await previewer.answer(item, index !== 0);
    await previewer.next(index === pack.items.length - 1);
  }
  await expect(page.getByText(`You got ${pack.items.length - 1} of ${pack.items.length} right`)).toBeVisible();
  await page.getByRole('button', { name: 'Back to the studio' }).click();
  await expect(page.getByRole('heading', { level: 1, name: pack.meta.title })).toBeVisible();
  // Nobody's progress was recorded: this computer still has no learners at all.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Learners' }).click();
  await expect(page.getByLabel('Your name')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Learners on this computer' })).toHaveCount(0);

  // On a learner's computer: add the file in the library and complete the pack.
  const learnerComputer = await app.another();
  const learnerPage = learnerComputer.page;
  await waitUntilReady(learnerPage);
  await createLearner(learnerPage, 'Dana');
  await learnerPage.getByLabel('Choose pack files…').setInputFiles(packPath);
  await expect(learnerPage.getByRole('heading', { name: 'Added' })).toBeVisible();
  const card = learnerPage.getByRole('listitem').filter({ has: learnerPage.getByRole('heading', { name: pack.meta.title }) });
  await card.getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(learnerPage);
  for (const [index, item] of pack.items.entries()) {
    await learner.answer(item, true);
    await learner.next(index === pack.items.length - 1);
  }
  await expect(learnerPage.getByText(`You got ${pack.items.length} of ${pack.items.length} right`)).toBeVisible();
});
