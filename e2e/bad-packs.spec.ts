/**
 * A packs folder holding broken and hostile packs beside a good one: the good ones open, every broken
 * file is named with what is wrong, and text from a pack is only ever shown as text.
 */
import type { Page } from '@playwright/test';
import type { Pack } from '../src/shared/pack/schema';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';
import { createLearner, SEED_PACK, packCard } from './learner';

const SCRIPT_TEXT = '<script>alert(1)</script>';
const HOSTILE_TITLE = `${SCRIPT_TEXT} Troops javascript:alert(1)`;
const HOSTILE_HEADLINE = `javascript:alert(1) ${SCRIPT_TEXT} headline`;
const HOSTILE_OUTLET = '<img src=x onerror=alert(1)>';

function seedCopy(): Pack {
  return structuredClone(SEED_PACK);
}

const packsDir = mkdtempSync(join(tmpdir(), 'sourcewise-bad-packs-'));
const write = (file: string, content: unknown) =>
  writeFileSync(join(packsDir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));

write('nk-troops-russia-2024.json', SEED_PACK);

const badQuote = seedCopy();
badQuote.id = 'bad-quote';
const firstItem = badQuote.items[0]!;
if (firstItem.type !== 'classify') throw new Error('the seed pack should start with a classify item');
firstItem.claim.ref.quote = 'a sentence that the article never contains';
write('bad-quote.json', badQuote);

write('broken-json.json', '{ "schemaVersion": 1, "id": "broken", ');

const future = seedCopy();
future.id = 'from-the-future';
(future as Record<string, unknown>).schemaVersion = 2;
write('future-version.json', future);

const hostile = seedCopy();
hostile.id = 'hostile-text';
hostile.meta.title = HOSTILE_TITLE;
hostile.meta.outlet = HOSTILE_OUTLET;
hostile.meta.credit = `${SCRIPT_TEXT} javascript:alert(1)`;
hostile.article.headline = HOSTILE_HEADLINE;
write('hostile-text.json', hostile);

test.use({ packsDir });
// Every process that loads this file (the runner listing tests, each worker) made its own folder.
process.once('exit', () => rmSync(packsDir, { recursive: true, force: true }));

/** The lines of a region as a screen reader would read them, in order. */
async function linesOf(page: Page, name: string): Promise<string[]> {
  const text = await page.getByRole('region', { name }).innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

test('broken packs are listed with their problems, good ones open, and pack text is never run', async ({ app }, testInfo) => {
  const page = app.page;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await waitUntilReady(page);
  const scriptsBefore = await page.evaluate(() => document.scripts.length);

  await createLearner(page, 'Ana');
  // Neither pack gives a level: one list, "Packs".
  const packs = page.getByRole('list', { name: 'Packs', exact: true }).getByRole('listitem');
  await expect(packs).toHaveCount(2);
  await expect(packCard(page)).toHaveCount(1);
  const hostileCard = packCard(page, HOSTILE_TITLE);
  await expect(hostileCard).toHaveCount(1);
  // Shown literally, as text.
  await expect(hostileCard.getByText(SCRIPT_TEXT)).toBeVisible();
  await expect(hostileCard.getByText(HOSTILE_OUTLET, { exact: true })).toBeVisible();

  const broken = page.getByRole('region', { name: 'Packs that could not be opened' });
  await expect(broken).toBeVisible();
  const expected: Record<string, RegExp> = {
    'bad-quote.json': /^items\[0\]\.claim\.ref\.quote: not found in paragraph 1$/,
    'broken-json.json': /^\(file\): not valid JSON\b/,
    'future-version.json': /^schemaVersion: this pack needs pack format version 2;.*reads version 1/,
  };
  await expect(broken.getByRole('heading', { level: 3 })).toHaveText(Object.keys(expected));
  const lines = await linesOf(page, 'Packs that could not be opened');
  for (const [file, problem] of Object.entries(expected)) {
    const at = lines.indexOf(file);
    expect(at, `${file} is named`).toBeGreaterThan(-1);
    expect(lines[at + 1], `the problem read right after ${file}`).toMatch(problem);
    await expect(broken.getByRole('listitem').filter({ hasText: problem })).toHaveCount(1);
  }
  // The good packs are not reported as broken.
  expect(lines).not.toContain('nk-troops-russia-2024.json');
  expect(lines).not.toContain('hostile-text.json');
  await expectAccessible(page, testInfo, 'library with broken packs');
  await page.screenshot({ path: testInfo.outputPath('library-with-broken-packs.png'), fullPage: true });

  // Opening the hostile pack shows its headline and credit as text too.
  await hostileCard.getByRole('button', { name: 'Start' }).click();
  const article = page.getByRole('article', { name: HOSTILE_HEADLINE });
  await expect(article).toBeVisible();
  await expect(article.getByRole('heading', { level: 2 })).toHaveText(HOSTILE_HEADLINE);
  await expect(article.getByText(`${SCRIPT_TEXT} javascript:alert(1)`)).toBeVisible();
  await expect(article.getByText(HOSTILE_OUTLET, { exact: true })).toBeVisible();
  await expect(page.getByRole('link')).toHaveCount(1); // only the skip link: pack text makes no links
  await expect(page.getByRole('img')).toHaveCount(0);

  expect(await page.evaluate(() => document.scripts.length), 'no script element was added').toBe(scriptsBefore);
  expect(dialogs, 'no dialog opened').toEqual([]);
});
