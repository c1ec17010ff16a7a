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
import { VERDICT_WORDS } from '../src/shared/exercises/headline';
import type { Item, Pack } from '../src/shared/pack/schema';
import { expect, test, waitUntilReady } from './fixtures';
import { createLearner, LABEL_NAMES, Learner, SEED_PACK, wrongLabel } from './learner';

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

/** The feedback's parts a learner must see after Check answer, by type. */
function feedbackParts(feedback: Locator, item: Item): Record<string, Locator> {
  const parts: Record<string, Locator> = {
    verdict: feedback.getByRole('heading', { level: 2 }),
    explanation: feedback.getByText(item.explanation, { exact: true }),
  };
  switch (item.type) {
    case 'classify':
    case 'source':
      parts['right answer'] = feedback.getByText(/^The answer:/);
      parts.source = feedback.getByText(/^Who says so:/);
      break;
    case 'headline':
      parts['right answer'] = feedback.getByText(/^The answer:/);
      break;
    case 'numbers':
      // The table gives each figure's right label and its source.
      parts['right answer'] = feedback.getByRole('table');
      break;
    case 'find':
      // A wrong answer misses every claim: the feedback quotes each one.
      parts['right answer'] = feedback.getByRole('listitem').first();
      break;
  }
  return parts;
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

/** The question marks the learner's wrong choice and the right one (on the radios, or beside each figure's fields). */
async function expectMarkedOnQuestion(panel: Locator, item: Item): Promise<void> {
  /** The option whose radio has this name (a label's name starts with the label; the others are exact). */
  const option = (name: string, exact = true) =>
    panel.locator('label.choice', {
      has: panel.page().getByRole('radio', { name: exact ? name : new RegExp(`^${name}\\b`), exact }),
    });
  switch (item.type) {
    case 'classify': {
      const accepted = [item.claim.label, ...(item.claim.alsoAccept ?? [])];
      const chosen = LABEL_NAMES[wrongLabel(accepted, item.choices)];
      await expect(option(chosen, false)).toContainText('✗ Your answer');
      await expect(option(LABEL_NAMES[item.claim.label], false)).toContainText('✓ Right answer');
      break;
    }
    case 'source': {
      const chosen = item.options.find((candidate) => candidate.id !== item.answer)!;
      const right = item.options.find((candidate) => candidate.id === item.answer)!;
      await expect(option(chosen.text)).toContainText('✗ Your answer');
      await expect(option(right.text)).toContainText('✓ Right answer');
      break;
    }
    case 'headline': {
      const right = VERDICT_WORDS[item.answer].choice;
      const chosen = VERDICT_WORDS[item.answer === 'supported' ? 'overstated' : 'supported'].choice;
      await expect(option(chosen)).toContainText('✗ Your answer');
      await expect(option(right)).toContainText('✓ Right answer');
      break;
    }
    case 'numbers': {
      const first = item.figures[0]!;
      await expect(panel.getByText(`✗ Right answer: ${LABEL_NAMES[first.label]}`)).toBeVisible();
      break;
    }
    case 'find':
      // The article shows the claims found and missed beside the learner's marks.
      await expect(panel.page().getByRole('article').locator('.hl-missed').first()).toBeAttached();
      break;
  }
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
      const feedback = page.getByRole('region', { name: /Right|Not right|Partly right/ });
      const next = page.getByRole('button', { name: index === PACK.items.length - 1 ? 'See results' : 'Next exercise' });
      await expect(next, `${place}: Next`).toBeInViewport({ ratio: 1 });
      const nextTop = (await next.boundingBox())!.y;
      for (const [name, part] of Object.entries(feedbackParts(feedback, item))) {
        await expect(part, `${place}: ${name}`).toBeInViewport({ ratio: 1 });
        const box = (await part.boundingBox())!;
        expect(box.y + box.height, `${place}: ${name} is not under the bar with Next`).toBeLessThanOrEqual(nextTop);
      }
      await expectMarkedOnQuestion(panel, item);
      await photograph(page, size, `${String(index + 1).padStart(2, '0')}-${item.type}-after`);
      await learner.next(index === PACK.items.length - 1);
    }
    await expect(page.getByRole('heading', { level: 1, name: /^Results:/ })).toBeVisible();
  });
}
