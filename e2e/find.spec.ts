// The find exercise's trap, played as a learner would: marking "has not confirmed" as a denial is not right.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK } from './learner';

const DENIAL = 'North Korea denied that it sent military forces to Russia';
const MOSCOW = 'Moscow has not confirmed the reports';

// The seed pack with its denial find exercise first, so the learner meets it at once; every other
// item stays, so the pack still says what "Moscow has not confirmed the reports" is.
const pack = structuredClone(SEED_PACK);
const denials = pack.items.find((item) => item.id === 'find-denial-last-paragraph');
if (denials?.type !== 'find') throw new Error('the seed pack should have the denial find exercise');
pack.items = [denials, ...pack.items.filter((item) => item !== denials)];
const last = denials.paragraphs[0]!;
const text = pack.article.paragraphs[last]!;

const packsDir = mkdtempSync(join(tmpdir(), 'sourcewise-find-packs-'));
writeFileSync(join(packsDir, `${pack.id}.json`), JSON.stringify(pack));
test.use({ packsDir });
// Every process that loads this file (the runner listing tests, each worker) made its own folder.
process.once('exit', () => rmSync(packsDir, { recursive: true, force: true }));

test('marking the denial and "has not confirmed" is partly right, says what the trap is, and comes back in review', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await page.getByRole('button', { name: 'Start' }).click();

  const learner = new Learner(page);
  const panel = page.getByRole('region', { name: /Exercise 1 of/ });
  await expect(panel.getByText('Mark every denial.', { exact: false })).toBeVisible();
  for (const quote of [DENIAL, MOSCOW]) {
    const start = text.indexOf(quote);
    await learner.markSpan(last, start, start + quote.length);
  }
  await panel.getByRole('button', { name: 'Check answer' }).click();

  const feedback = panel.getByRole('region', { name: /right/i });
  await expect(feedback.getByRole('heading', { level: 2 })).toHaveText(/Partly right/);
  await expect(feedback.getByText('You found 1 of 1 denial. 1 of your 2 marks is not a denial.')).toBeVisible();
  await expect(feedback.getByText(`“${MOSCOW}” is unconfirmed, not a denial.`)).toBeVisible();
  await expect(feedback.getByText(/%/)).toHaveCount(0);
  // In the article, the trap is tagged with what it is.
  const article = page.getByRole('textbox', { name: `Passage paragraph ${last + 1}`, exact: true });
  const trap = article.locator('.hl-mark-wrong');
  await expect(trap).toHaveText(MOSCOW);
  await expect(trap).toHaveAttribute('data-tag', '✗ Unconfirmed');
  await expect(article.locator('.hl-mark').first()).toHaveAttribute('data-tag', '✓');
  await expectAccessible(page, testInfo, 'find feedback, the trap');
  await page.screenshot({ path: testInfo.outputPath('find-trap.png'), fullPage: true });

  // Not right, so it waits in review.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Review' }).click();
  const practise = page.getByRole('region', { name: 'Practise now' });
  await expect(practise.getByText(/^1 exercise is not due yet/)).toBeVisible();
  await expect(practise.getByRole('listitem')).toHaveCount(1);
});

test('marking the whole paragraph is not right, and the article names the unconfirmed claim it takes in', async ({
  app,
}, testInfo) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ben');
  await page.getByRole('button', { name: 'Start' }).click();

  await new Learner(page).markSpan(last, 0, text.length);
  const panel = page.getByRole('region', { name: /Exercise 1 of/ });
  await panel.getByRole('button', { name: 'Check answer' }).click();

  const feedback = panel.getByRole('region', { name: /right/i });
  await expect(feedback.getByRole('heading', { level: 2 })).toHaveText(/Partly right/);
  await expect(feedback.getByText('You found 1 of 1 denial. Your mark is not a denial.')).toBeVisible();
  await expect(feedback.getByText(`which is unconfirmed. Mark only the denials.`, { exact: false })).toBeVisible();
  const article = page.getByRole('textbox', { name: `Passage paragraph ${last + 1}`, exact: true });
  await expect(article.locator('[data-tag="✗ Unconfirmed"]')).toHaveText(MOSCOW);
  await page.screenshot({ path: testInfo.outputPath('find-whole-paragraph.png'), fullPage: true });
});
