/**
 * The screens a learner meets first, in dark mode, on a phone-width window and at 200 % zoom: still
 * readable (axe-core, which checks contrast), with nothing hidden off to the side.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK, packCard } from './learner';

const first = SEED_PACK.items[0]!;

/** No content sticks out sideways, which would force a horizontal scroll. */
async function expectNoHorizontalOverflow(page: Page, state: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal overflow on ${state} (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(clientWidth + 1);
}

function exercisePanel(page: Page) {
  return page.getByRole('region', { name: /Exercise 1 of \d+/ });
}

function article(page: Page) {
  return page.getByRole('article', { name: SEED_PACK.article.headline });
}

async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Learners, then the library, then the first (classify) exercise answered rightly. */
async function walk(
  page: Page,
  onScreen: (state: 'learners' | 'library' | 'exercise' | 'feedback') => Promise<void>,
): Promise<void> {
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await page.getByRole('button', { name: 'Switch learner' }).click();
  await expect(page.getByRole('button', { name: 'Ana', exact: true })).toBeVisible();
  await onScreen('learners');
  await page.getByRole('button', { name: 'Ana', exact: true }).click();
  await expect(packCard(page).getByRole('button', { name: 'Start' })).toBeVisible();
  await onScreen('library');
  await packCard(page).getByRole('button', { name: 'Start' }).click();
  await expect(exercisePanel(page)).toBeVisible();
  await onScreen('exercise');
  await new Learner(page).answer(first, true);
  await expect(page.getByText(first.explanation)).toBeVisible();
  await onScreen('feedback');
}

test('dark colour scheme: learners and library', async ({ app }, testInfo) => {
  const page = app.page;
  await page.emulateMedia({ colorScheme: 'dark' });
  await walk(page, async (state) => {
    if (state === 'exercise' || state === 'feedback') return;
    await expectAccessible(page, testInfo, `dark ${state}`);
    if (state === 'library') await shot(page, testInfo, 'dark-library');
  });
});

test('dark colour scheme: exercise and feedback', async ({ app }, testInfo) => {
  const page = app.page;
  await page.emulateMedia({ colorScheme: 'dark' });
  // Both states are checked and photographed even when the first fails; the failures are reported at the end.
  const failures: string[] = [];
  await walk(page, async (state) => {
    if (state === 'learners' || state === 'library') return;
    await expectAccessible(page, testInfo, `dark ${state}`).catch((error: Error) => failures.push(error.message));
    if (state === 'feedback') await shot(page, testInfo, 'dark-exercise-feedback');
  });
  expect(failures).toEqual([]);
});

test('a phone-width window', async ({ app }, testInfo) => {
  const page = app.page;
  await page.setViewportSize({ width: 390, height: 844 });
  await walk(page, async (state) => {
    await expectNoHorizontalOverflow(page, `narrow ${state}`);
    await expectAccessible(page, testInfo, `narrow ${state}`);
    if (state === 'exercise' || state === 'feedback') {
      await expect(exercisePanel(page)).toBeVisible();
      await expect(article(page)).toBeVisible();
      if (first.type === 'classify') await expect(article(page)).toContainText(first.claim.ref.quote);
    }
    if (state === 'exercise') {
      await shot(page, testInfo, 'narrow-exercise');
      await article(page).scrollIntoViewIfNeeded();
      await shot(page, testInfo, 'narrow-article');
      await page.evaluate(() => window.scrollTo(0, 0));
    }
    if (state === 'feedback') await shot(page, testInfo, 'narrow-feedback', true);
  });
});

test('200 % zoom', async ({ app }, testInfo) => {
  const page = app.page;
  await walk(page, async (state) => {
    // CSS zoom set through the CSSOM (the CSP forbids style attributes in markup, not this).
    await page.evaluate(() => {
      document.body.style.zoom = '2';
    });
    await expectNoHorizontalOverflow(page, `200 % ${state}`);
    if (state === 'feedback') await shot(page, testInfo, 'zoom-200-feedback');
    await page.evaluate(() => {
      document.body.style.zoom = '';
    });
  });
});

test('200 % browser zoom of a 1280×720 window: the same page at 640×360 CSS pixels', async ({ app }, testInfo) => {
  // Browser (and Electron) zoom shrinks the viewport in CSS pixels, so media queries react to it,
  // which CSS `zoom` on the body does not do.
  const page = app.page;
  await page.setViewportSize({ width: 640, height: 360 });
  await walk(page, async (state) => {
    await expectNoHorizontalOverflow(page, `640×360 ${state}`);
    if (state === 'feedback') {
      await expect(exercisePanel(page)).toBeVisible();
      await expect(article(page)).toBeVisible();
      await shot(page, testInfo, 'zoom-640x360-feedback');
    }
  });
});
