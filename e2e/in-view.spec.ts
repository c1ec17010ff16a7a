/**
 * Feedback where the learner is looking: at 1280×800, 1366×768 and 390×844, each exercise shows its
 * claim, figures or passage in the article; after a wrong answer and Check answer, the verdict, the
 * right answer, the explanation, the source (where the type names one) and Next are all in view
 * without scrolling, none of them under the bar that keeps Next in view; and the question itself marks
 * the learner's wrong choice and the right one. The pack holds the seed pack's first and last exercise
 * of each type, so that claims near the end of the article are reached too.
 *
 * With SCREENSHOTS set to a folder it also photographs each exercise before and after Check answer,
 * at each size, light and dark (what is in the window, not the whole page).
 */
import type { Locator, Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Item, Pack } from '../src/shared/pack/schema';
import { expect, test, waitUntilReady } from './fixtures';
import { expectFeedbackInView, expectMarkedOnQuestion } from './in-view';
import { createLearner, Learner, SEED_PACK } from './learner';

const TYPES = ['classify', 'find', 'source', 'headline', 'numbers'] as const;
const PACK: Pack = {
  ...structuredClone(SEED_PACK),
  items: TYPES.flatMap((type) => {
    const ofType = SEED_PACK.items.filter((item) => item.type === type);
    return [structuredClone(ofType[0]!), structuredClone(ofType.at(-1)!)];
  }),
};
const packsDir = mkdtempSync(join(tmpdir(), 'sourcewise-in-view-'));
writeFileSync(join(packsDir, `${PACK.id}.json`), JSON.stringify(PACK, null, 2));
process.once('exit', () => rmSync(packsDir, { recursive: true, force: true }));
test.use({ packsDir });

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];
const folder = process.env.SCREENSHOTS;

/** What the article shows for an exercise before it is answered: the claim, the first figure, the passage. */
function inArticle(page: Page, item: Item): Locator | undefined {
  const article = page.getByRole('article');
  switch (item.type) {
    case 'classify':
    case 'source':
      return article.locator('mark.hl-claim').first();
    case 'numbers':
      return article.locator('.hl-figure').first();
    case 'find':
      return article.getByRole('textbox', { name: `Passage paragraph ${item.paragraphs[0]! + 1}`, exact: true });
    case 'headline':
      return undefined; // the whole article decides it: nothing is highlighted before answering
  }
}

async function photograph(page: Page, size: { width: number; height: number }, name: string): Promise<void> {
  if (!folder) return;
  mkdirSync(folder, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({
      path: join(folder, `in-view-${size.width}x${size.height}-${name}-${scheme}.png`),
      animations: 'disabled',
      caret: 'hide',
    });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height}, each exercise shows its text in the article and its feedback in view`, async ({
    app,
    shell,
  }) => {
    test.skip(shell !== 'browser', 'window sizes are set in browser mode');
    test.setTimeout(240_000);
    const page = app.page;
    await page.setViewportSize(size);
    await waitUntilReady(page);
    await createLearner(page, 'Vera');
    await page.getByRole('button', { name: 'Start' }).click();
    const learner = new Learner(page);
    const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });

    for (const [index, item] of PACK.items.entries()) {
      const place = `exercise ${index + 1} (${item.type}, ${item.id})`;
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeFocused();
      const shown = inArticle(page, item);
      if (shown) await expect(shown, `${place}: its text in the article`).toBeInViewport({ ratio: 1 });
      await photograph(page, size, `${String(index + 1).padStart(2, '0')}-${item.type}-before`);

      await learner.answer(item, false);
      await expectFeedbackInView(page, item, index, PACK.items.length, place);
      await expectMarkedOnQuestion(panel, item);
      await photograph(page, size, `${String(index + 1).padStart(2, '0')}-${item.type}-after`);
      await learner.next(index === PACK.items.length - 1);
    }
    await expect(page.getByRole('heading', { level: 1, name: /^Results:/ })).toBeVisible();
  });
}
