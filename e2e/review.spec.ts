import type { ClassifyItem } from '../src/shared/pack/schema';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK, packCard } from './learner';

const missed = SEED_PACK.items.slice(0, 2) as ClassifyItem[];

test('missed exercises can be practised before they are due, and a right answer leaves their schedule as it was', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(page);
  for (const [index, item] of missed.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeVisible();
    await learner.answer(item, false);
    await learner.next(false);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Nothing is due for review right now.')).toBeVisible();
  const practise = page.getByRole('region', { name: 'Practise now' });
  await expect(practise.getByText(/^2 exercises are not due yet/)).toBeVisible();
  const schedule = await practise.getByRole('listitem').allTextContents();
  expect(schedule).toHaveLength(2);
  await expectAccessible(page, testInfo, 'review, practise now');
  await page.screenshot({ path: testInfo.outputPath('review-practise.png'), fullPage: true });

  await practise.getByRole('button', { name: 'Practise 2 exercises now' }).click();
  for (const [index, item] of missed.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of 2`) })).toBeVisible();
    await learner.answer(item, true);
    await learner.next(index === missed.length - 1);
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Review done/ })).toBeVisible();
  await page.getByRole('button', { name: 'Back to review' }).click();

  await expect(practise.getByText(/^2 exercises are not due yet/)).toBeVisible();
  expect(await practise.getByRole('listitem').allTextContents()).toEqual(schedule);
});
