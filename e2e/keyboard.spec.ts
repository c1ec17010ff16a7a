import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { Learner, SEED_PACK, packCard } from './learner';

test('a learner completes the whole seed pack with the keyboard alone', async ({ app }, testInfo) => {
  test.setTimeout(300_000);
  const page = app.page;
  await waitUntilReady(page);
  const learner = new Learner(page, { keyboard: true });

  await learner.tabTo(page.getByLabel('Your name'));
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Kim' })).toBeFocused();
  await learner.activate(packCard(page).getByRole('button', { name: 'Start' }));

  const items = SEED_PACK.items;
  for (const [index, item] of items.entries()) {
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeFocused();
    await learner.answer(item, index % 4 !== 1);
    // Feedback takes focus, so a screen reader reads it at once.
    await expect(page.getByRole('heading', { level: 2, name: /Right|Not right|Partly right/ })).toBeFocused();
    if (index === 0) await expectAccessible(page, testInfo, 'keyboard feedback');
    await learner.next(index === items.length - 1);
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Results:/ })).toBeFocused();
  const right = items.filter((_, index) => index % 4 !== 1).length;
  await expect(page.getByText(`You got ${right} of ${items.length} right`)).toBeVisible();
});
