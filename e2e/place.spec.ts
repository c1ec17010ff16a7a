/**
 * The place is kept: Reload, Back and Forward keep the learner, the screen and the exercise; and when
 * the backend cannot be reached, or was started again, the learner sees why, in plain words, at once.
 */
import type { Page } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK, packCard } from './learner';

const total = SEED_PACK.items.length;
const exerciseHeading = (page: Page, n: number) =>
  page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${n} of ${total}`) });

async function startAtSecondExercise(page: Page): Promise<void> {
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(page);
  await learner.answer(SEED_PACK.items[0]!, true);
  await learner.next(false);
  await expect(exerciseHeading(page, 2)).toBeVisible();
}

test('Reload, Back and Forward keep the learner, the screen and the exercise', async ({ app, shell }) => {
  test.skip(shell !== 'browser', 'the browser’s own Reload, Back and Forward');
  test.setTimeout(120_000);
  const page = app.page;
  await startAtSecondExercise(page);

  await page.reload();
  await waitUntilReady(page);
  await expect(exerciseHeading(page, 2)).toBeVisible();
  await expect(page.getByText('Learner: Ana')).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Ana' })).toBeVisible();
  await page.goForward();
  await expect(exerciseHeading(page, 2)).toBeVisible();

  await page.goBack();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Ana' })).toBeVisible();
});

test('when the backend cannot be reached, or was started again, the message is in view, has focus and says what to do', async ({
  app,
  shell,
}) => {
  test.skip(shell !== 'browser', 'browser mode talks to its backend over HTTP');
  test.setTimeout(120_000);
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  await startAtSecondExercise(page);
  const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });

  // The server has stopped: the request fails.
  await page.route('**/api/recordAnswer', (route) => route.abort('connectionrefused'));
  await panel.getByRole('radio', { name: /^Unconfirmed\b/ }).check();
  await panel.getByRole('button', { name: 'Check answer' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot reach' });
  await expect(alert).toBeFocused();
  await expect(alert).toBeInViewport();
  await expect(alert).toContainText('Check that Sourcewise is still running on this computer');
  await expect(alert).not.toContainText('`');
  await expect(alert.getByRole('button', { name: 'Try saving again' })).toBeVisible();

  // The server was started again: a new token, so the old page's calls are refused.
  await page.unroute('**/api/recordAnswer');
  await page.route('**/api/recordAnswer', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } }),
    }),
  );
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  const restarted = page.getByRole('alert').filter({ hasText: 'started again' });
  await expect(restarted).toBeFocused();
  await expect(restarted).toBeInViewport();
  await expect(restarted).toContainText('Reload the page');
  await expect(restarted.getByRole('button', { name: 'Reload the page' })).toBeVisible();

  // Nothing answered before is lost: after a reload, exercise 1 is answered and the learner is back at exercise 2.
  await page.unroute('**/api/recordAnswer');
  await restarted.getByRole('button', { name: 'Reload the page' }).click();
  await waitUntilReady(page);
  await expect(exerciseHeading(page, 2)).toBeVisible();
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await expect(exerciseHeading(page, 1)).toBeVisible();
  await expect(page.getByText(SEED_PACK.items[0]!.explanation)).toBeVisible();
});

test('an answer chosen but not yet checked is still chosen after a reload, and checks as usual', async ({ app, shell }) => {
  test.skip(shell !== 'browser', 'the browser’s own Reload');
  test.setTimeout(120_000);
  const page = app.page;
  await startAtSecondExercise(page);
  const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });
  await panel.getByRole('radio', { name: /^Denial\b/ }).check();
  await panel.getByRole('radio', { name: 'Certain' }).check();

  await page.reload();
  await waitUntilReady(page);
  await expect(exerciseHeading(page, 2)).toBeVisible();
  await expect(panel.getByRole('radio', { name: /^Denial\b/ })).toBeChecked();
  await expect(panel.getByRole('radio', { name: 'Certain' })).toBeChecked();
  await panel.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('You chose Denial', { exact: false })).toBeVisible();

  // Once checked, the answer is the saved one: a reload shows it answered, with nothing left over as a draft.
  await page.reload();
  await waitUntilReady(page);
  await expect(exerciseHeading(page, 2)).toBeVisible();
  await expect(page.getByText('You chose Denial', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('sourcewise:draft:')))).toEqual([]);
});
