/**
 * Several learners share one machine: they are listed, named, renamed and deleted from the learners
 * screen, and each keeps their own progress.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK, packCard } from './learner';

const total = SEED_PACK.items.length;

/** Whether the focused element is `locator`'s element or inside it. */
function focusIsIn(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.contains(document.activeElement));
}

async function expectDialogClosed(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('dialog', { name })).toBeHidden();
}

function learnerList(page: Page) {
  return page.getByRole('list', { name: 'Learners on this computer' });
}

async function switchLearner(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
}

/** The names on the learners screen, in order, as the pick buttons announce them. */
async function expectLearners(page: Page, names: string[]): Promise<void> {
  const list = learnerList(page);
  await expect(list.getByRole('listitem')).toHaveCount(names.length);
  for (const name of names) await expect(list.getByRole('button', { name, exact: true })).toBeVisible();
}

test('the learners heading has focus from the start, and again after a reload', async ({ app, shell }) => {
  const page = app.page;
  const heading = page.getByRole('heading', { level: 1, name: 'Who is learning?' });
  await waitUntilReady(page);
  // With the first answers in the page, it takes focus just after the ready mark.
  await expect(heading).toBeFocused();
  if (shell !== 'browser') return;
  // A reload asks the backend for its data: focus is in place all the same.
  await page.reload();
  await waitUntilReady(page);
  await expect(heading).toBeFocused();
});

test('learners are added, refused when the name is taken, renamed and deleted, and it lasts', async ({ app }, testInfo) => {
  let page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await switchLearner(page);
  await createLearner(page, 'Ben');
  await switchLearner(page);
  await expectLearners(page, ['Ana', 'Ben']);
  await expectAccessible(page, testInfo, 'learners, two listed');

  // A name already taken, in another case, is refused at the field and creates nothing.
  const name = page.getByRole('textbox', { name: 'Your name' });
  await name.fill('ana');
  await page.getByRole('button', { name: 'Add learner' }).click();
  const problem = page.getByRole('alert');
  await expect(problem).toContainText('already a learner called "ana"');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription(/already a learner called "ana"/);
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
  await expectLearners(page, ['Ana', 'Ben']);
  await expectAccessible(page, testInfo, 'learners, duplicate name refused');

  // Rename Ben.
  await page.getByRole('button', { name: 'Rename Ben' }).click();
  const newName = page.getByRole('textbox', { name: 'New name for Ben' });
  await expect(newName).toBeFocused();
  await expect(newName).toHaveValue('Ben');
  await expectAccessible(page, testInfo, 'rename form');
  await page.screenshot({ path: testInfo.outputPath('rename-form.png') });
  await newName.fill('Benedikt');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expectLearners(page, ['Ana', 'Benedikt']);
  await expect(learnerList(page).getByRole('button', { name: 'Ben', exact: true })).toHaveCount(0);

  // Delete asks first; keeping Ana changes nothing.
  await page.getByRole('button', { name: 'Delete Ana' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Ana?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/removes Ana and all of their progress/);
  expect(await dialog.evaluate((element) => element.matches(':modal')), 'the delete dialog is modal').toBe(true);
  await expectAccessible(page, testInfo, 'delete dialog');
  await page.screenshot({ path: testInfo.outputPath('delete-dialog.png') });
  await dialog.getByRole('button', { name: 'Keep Ana' }).click();
  await expectDialogClosed(page, 'Delete Ana?');
  await expectLearners(page, ['Ana', 'Benedikt']);

  await page.getByRole('button', { name: 'Delete Ana' }).click();
  await dialog.getByRole('button', { name: 'Delete Ana' }).click();
  await expect(dialog).toBeHidden();
  await expectLearners(page, ['Benedikt']);

  await app.restart();
  page = app.page;
  await waitUntilReady(page);
  await expectLearners(page, ['Benedikt']);
});

test('a name over 60 characters is not cut without a word: the field says so', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  const name = page.getByRole('textbox', { name: 'Your name' });
  await expect(page.getByText('at most 60 characters')).toBeVisible();
  await name.pressSequentially('x'.repeat(65));
  // Everything typed stays, and the field tells why it cannot be used yet.
  await expect(name).toHaveValue('x'.repeat(65));
  await expect(name).toHaveAccessibleDescription(/This name has 65 characters; a name can have at most 60\. Please shorten it\./);
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByRole('alert')).toContainText('at most 60 characters');
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeVisible();
  await name.press('End');
  for (let press = 0; press < 5; press++) await name.press('Backspace');
  await expect(name).toHaveAccessibleDescription(/at most 60 characters/);
  await page.getByRole('button', { name: 'Add learner' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Packs for ${'x'.repeat(60)}` })).toBeVisible();

  // The rename field says so too.
  await switchLearner(page);
  await page.getByRole('button', { name: `Rename ${'x'.repeat(60)}` }).click();
  const newName = page.getByRole('textbox', { name: /^New name for/ });
  await newName.press('End');
  await newName.pressSequentially('yyyyy');
  await expect(newName).toHaveValue(`${'x'.repeat(60)}yyyyy`);
  await expect(newName).toHaveAccessibleDescription(/This name has 65 characters; a name can have at most 60\./);
});

test('a name starting with an emoji shows the whole emoji on its avatar', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, '😀 Zoë');
  await switchLearner(page);
  await expect(learnerList(page).locator('.avatar')).toHaveText('😀');
});

test('a second tab sees a learner added in the first when it comes back into view', async ({ app }) => {
  test.skip(app.shell !== 'browser', 'two tabs are a browser-mode matter');
  const first = app.page;
  await waitUntilReady(first);
  const second = await first.context().newPage();
  await second.goto(`${app.server!.origin}/#token=${app.server!.token}`);
  await waitUntilReady(second);
  await expect(second.getByText('No one has used Sourcewise on this computer yet.')).toBeVisible();
  await createLearner(first, 'Ana');
  // Coming back to the second tab: it is shown again and gets focus.
  await second.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
  });
  await expectLearners(second, ['Ana']);
});

test('progress is kept per learner', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  await new Learner(page).answer(SEED_PACK.items[0]!, true);

  await switchLearner(page);
  await createLearner(page, 'Ben');
  const pack = packCard(page);
  await expect(pack.getByRole('button', { name: 'Start' })).toBeVisible();
  await expect(pack.getByText(/answered/)).toHaveCount(0);

  await switchLearner(page);
  await learnerList(page).getByRole('button', { name: 'Ana', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Ana' })).toBeVisible();
  await expect(pack.getByText(`1 of ${total} answered, 1 right`)).toBeVisible();
  await expect(pack.getByRole('button', { name: 'Continue' })).toBeVisible();
});

test('learners are added, renamed and deleted with the keyboard alone', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  const keys = new Learner(page, { keyboard: true });

  await keys.tabTo(page.getByRole('textbox', { name: 'Your name' }));
  await page.keyboard.type('Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Packs for Kim' })).toBeFocused();
  await keys.activate(page.getByRole('button', { name: 'Switch learner' }));
  await expect(page.getByRole('heading', { level: 1, name: 'Who is learning?' })).toBeFocused();

  await keys.activate(page.getByRole('button', { name: 'Rename Kim' }));
  const newName = page.getByRole('textbox', { name: 'New name for Kim' });
  await expect(newName).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type('berly');
  await page.keyboard.press('Enter');
  await expectLearners(page, ['Kimberly']);

  // Escape keeps the learner, as "Keep" does.
  await keys.activate(page.getByRole('button', { name: 'Delete Kimberly' }));
  const dialog = page.getByRole('dialog', { name: 'Delete Kimberly?' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => focusIsIn(dialog), 'focus moves into the dialog').toBe(true);
  await page.keyboard.press('Escape');
  await expectDialogClosed(page, 'Delete Kimberly?');
  await expectLearners(page, ['Kimberly']);

  await keys.activate(page.getByRole('button', { name: 'Delete Kimberly' }));
  await expect(dialog).toBeVisible();
  await keys.activate(dialog.getByRole('button', { name: 'Delete Kimberly' }));
  await expect(dialog).toBeHidden();
  await expect(learnerList(page)).toHaveCount(0);
  await expect(page.getByText('No one has used Sourcewise on this computer yet.')).toBeVisible();
});

test('after renaming, focus returns to the renamed learner', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Kim');
  await switchLearner(page);
  await page.getByRole('button', { name: 'Rename Kim' }).press('Enter');
  const newName = page.getByRole('textbox', { name: 'New name for Kim' });
  await expect(newName).toBeFocused();
  await newName.press('End');
  await newName.pressSequentially('berly');
  await newName.press('Enter');
  await expectLearners(page, ['Kimberly']);
  await expect.poll(() => focusIsIn(learnerList(page).getByRole('listitem')), { timeout: 2_000 }).toBe(true);
});

test('after deleting a learner, focus stays on the learners screen', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Kim');
  await switchLearner(page);
  await page.getByRole('button', { name: 'Delete Kim' }).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Delete Kim?' });
  await dialog.getByRole('button', { name: 'Delete Kim' }).press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No one has used Sourcewise on this computer yet.')).toBeVisible();
  await expect
    .poll(() => focusIsIn(page.getByRole('main')), { timeout: 2_000, message: 'focus is somewhere on the screen' })
    .toBe(true);
});

test('the delete dialog opened again right after closing shows its question', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Kim');
  await switchLearner(page);
  const opener = page.getByRole('button', { name: 'Delete Kim' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Delete Kim?' });
  const keep = await dialog.getByRole('button', { name: 'Keep Kim' }).elementHandle();
  // While the dialog is open the page behind it is inert, so the opener is found among list items.
  await learnerList(page)
    .getByRole('button', { name: 'Delete Kim' })
    .evaluate((button, keepButton) => {
      (keepButton as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    }, keep);
  await expect(dialog).toBeVisible({ timeout: 2_000 });
  await expect(dialog.getByRole('button', { name: 'Delete Kim' })).toBeVisible({ timeout: 2_000 });
});
