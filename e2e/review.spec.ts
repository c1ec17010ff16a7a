import type { Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewQueue } from '../src/shared/contract';
import type { ClassifyItem, Pack } from '../src/shared/pack/schema';
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

/**
 * A review mixed from two packs: the exercises missed in each come back together, articles taking
 * turns, each saying which article it is from; a reload keeps the place in the mix; each answer is
 * a review of its own pack (Progress counts it there, and the pack's round is left as it was). At
 * phone size (browser mode), the feedback and Next are in view after Check answer. With SCREENSHOTS
 * set to a folder, the Review screen and the mixed player are photographed at 1280×800 and 390×844,
 * light and dark.
 */
const OTHER_PACK: Pack = JSON.parse(readFileSync(join(import.meta.dirname, '../exercises/mh17-shot-down-2014.json'), 'utf8'));
const PLAYED = [SEED_PACK, OTHER_PACK].map((pack) => ({
  pack,
  missed: pack.items.filter((item): item is ClassifyItem => item.type === 'classify').slice(0, 2),
}));
const folder = process.env.SCREENSHOTS;
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1280, height: 800 };

async function photograph(page: Page, shell: string, name: string): Promise<void> {
  if (!folder || shell !== 'browser') return;
  mkdirSync(folder, { recursive: true });
  const before = page.viewportSize();
  // The size the page is at first, as it stands (a resize moves what is in view).
  for (const size of before?.width === PHONE.width ? [PHONE, WIDE] : [WIDE, PHONE]) {
    await page.setViewportSize(size);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: join(folder, `${name}-${size.width}x${size.height}-${scheme}.png`),
        animations: 'disabled',
        caret: 'hide',
      });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
}

test('the ones missed in two packs are practised mixed, and each answer lands in its own pack', async ({
  app,
  shell,
}, testInfo) => {
  test.setTimeout(180_000);
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Mia');
  const learner = new Learner(page);
  for (const { pack, missed } of PLAYED) {
    await packCard(page, pack.meta.title).getByRole('button', { name: 'Start' }).click();
    for (const [index, item] of missed.entries()) {
      await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeVisible();
      await learner.answer(item, false);
      await learner.next(false);
    }
    await page.getByRole('button', { name: '← Library' }).click();
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText('Nothing is due for review right now.')).toBeVisible();
  const missedRegion = page.getByRole('region', { name: 'The ones you missed' });
  await expect(missedRegion).toContainText('You missed 4 exercises in 2 articles. Practise them now, mixed together.');
  await expectAccessible(page, testInfo, 'review, the ones missed');
  await photograph(page, shell, 'review');
  if (folder) {
    // The backend's clock cannot be moved from outside: for the photograph, the same queue with everything due.
    await page.route('**/api/getReviewQueue', async (route) => {
      const response = await route.fetch();
      const real = (await response.json()) as { ok: true; value: ReviewQueue };
      await route.fulfill({ response, json: { ok: true, value: { due: real.value.upcoming, upcoming: [] } } });
    });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
    await expect(page.getByRole('button', { name: 'Review all 4' })).toBeVisible();
    await photograph(page, shell, 'review-due');
    await page.unroute('**/api/getReviewQueue');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  }

  if (shell === 'browser') await page.setViewportSize(PHONE);
  await missedRegion.getByRole('button', { name: 'Practise the ones I missed' }).click();
  const articles: string[] = [];
  for (let index = 0; index < 4; index++) {
    const panel = page.getByRole('region', { name: new RegExp(`Exercise ${index + 1} of 4`) });
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of 4`) })).toBeFocused();
    const from = (await panel.getByText(/^From the article/).textContent()) ?? '';
    const played = PLAYED.find(({ pack }) => from === `From the article ${pack.meta.title} (${pack.meta.outlet})`);
    expect(played, from).toBeDefined();
    // Articles take turns: two and two exercises never put one article twice in a row.
    if (index > 0) expect(played!.pack.id).not.toBe(articles.at(-1));
    articles.push(played!.pack.id);
    const claim = (await page.getByRole('article').locator('mark.hl-claim').allTextContents()).join('');
    const item = played!.missed.find((candidate) => candidate.claim.ref.quote === claim);
    expect(item, `exercise ${index + 1}: the claim “${claim}”`).toBeDefined();
    if (index === 0) await photograph(page, shell, 'mixed-player');

    if (index === 1) {
      // A reload comes back to the same exercise of the same mix.
      await page.reload();
      await waitUntilReady(page);
      await expect(page.getByRole('heading', { level: 1, name: /Exercise 2 of 4/ })).toBeVisible();
      await expect(panel.getByText(/^From the article/)).toHaveText(from);
    }

    await learner.answer(item!, true);
    const next = page.getByRole('button', { name: index === 3 ? 'See results' : 'Next exercise' });
    if (shell === 'browser') {
      // After Check answer, at phone size: the verdict, the explanation and Next in view, without scrolling.
      const feedback = page.getByRole('region', { name: /Right|Not right|Partly right/ });
      await expect(next).toBeInViewport({ ratio: 1 });
      const nextTop = (await next.boundingBox())!.y;
      for (const part of [feedback.getByRole('heading', { level: 2 }), feedback.getByText(item!.explanation, { exact: true })]) {
        await expect(part).toBeInViewport({ ratio: 1 });
        const box = (await part.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(nextTop);
      }
    }
    if (index === 0) await photograph(page, shell, 'mixed-player-answered');
    await learner.next(index === 3);
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Review done: 4 exercises on 2 articles' })).toBeVisible();
  await expect(page.getByText('You got 4 of 4 right.')).toBeVisible();
  await expectAccessible(page, testInfo, 'mixed review done');
  await photograph(page, shell, 'mixed-results');
  await page.getByRole('button', { name: 'Back to review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review for Mia' })).toBeVisible();
  // All right now: none is one of the ones missed any more.
  await expect(missedRegion).toHaveCount(0);

  // Each pack holds its own two misses and two review answers; the rounds are as they were.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();
  for (const { pack } of PLAYED) {
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: pack.meta.title });
    await expect(page.getByText(/^2 of 4 answers right/)).toBeVisible();
    await expect(
      page.getByText(new RegExp(`^This round: 2 of ${pack.items.length}\\s+exercises answered, 0 right\\.`)),
    ).toBeVisible();
  }
});

test('a review link that cannot be read, or names a pack that is gone, says so', async ({ app }) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Noa');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review for Noa' })).toBeVisible();
  const review = new URL(page.url()).hash;
  // A link opened from another screen (the Review screen itself is where a broken link leads anyway).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Progress' }).click();

  await page.evaluate((hash) => (location.hash = hash), review.replace(/review$/, 'review/2/not:a:review'));
  await expect(page.getByRole('alert')).toHaveText('That review link could not be read, so here is your Review screen instead.');

  await page.evaluate((hash) => (location.hash = hash), review.replace(/review$/, 'review/1/no-such-pack:claim-1'));
  const failed = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'This review could not be opened' }) });
  await expect(failed).toContainText('no-such-pack');
  await failed.getByRole('button', { name: 'Back to review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review for Noa' })).toBeVisible();
});
