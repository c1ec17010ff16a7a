// Nothing guessable by position: a learner sees the source options in an order of their own, and an
// answered exercise shows them again as they were shown, after leaving the pack and coming back (the
// order comes back from the stored attempt).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import type { PackSession } from '../src/shared/contract';
import type { Learner as StoredLearner } from '../src/shared/progress';
import type { SourceItem } from '../src/shared/pack/schema';
import { expect, test, waitUntilReady } from './fixtures';
import { createLearner, Learner, SEED_PACK } from './learner';
import { callApi } from './screens';

// The seed pack's six source exercises, as a pack of their own.
const sources = SEED_PACK.items.filter((item): item is SourceItem => item.type === 'source');
const pack = { ...structuredClone(SEED_PACK), id: 'option-order', items: sources };
const packsDir = mkdtempSync(join(tmpdir(), 'sourcewise-option-order-'));
writeFileSync(join(packsDir, `${pack.id}.json`), JSON.stringify(pack, null, 2));
test.use({ packsDir });
process.once('exit', () => rmSync(packsDir, { recursive: true, force: true }));

/** The option ids of the exercise on screen, in the order shown. */
async function shownOrder(panel: Locator): Promise<string[]> {
  return panel.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).value));
}

test('source options are shown in an order of the learner’s own, and an answered exercise shows them as they were', async ({
  app,
}) => {
  const page = app.page;
  await waitUntilReady(page);
  await createLearner(page, 'Ana');
  await page.getByRole('button', { name: 'Start' }).click();
  const learner = new Learner(page);
  const panel = page.getByRole('region', { name: /Exercise \d+ of \d+/ });

  const seen: string[][] = [];
  for (const [index, item] of sources.slice(0, 3).entries()) {
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeVisible();
    seen.push(await shownOrder(panel));
    expect([...seen[index]!].sort()).toEqual(item.options.map((option) => option.id).sort());
    await learner.answer(item, index !== 1);
    // Answering does not move the options.
    expect(await shownOrder(panel)).toEqual(seen[index]);
    await learner.next(false);
  }
  // Each of three orders is the pack's own by chance once in 24: all three, once in 13,824.
  expect(
    seen.filter((order, index) => order.join() === sources[index]!.options.map((option) => option.id).join()),
  ).not.toHaveLength(3);

  // Leave the pack and open it again: the answered exercises come back from the store, as they were shown.
  await page.getByRole('button', { name: '← Library' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Exercise 4 of/ })).toBeVisible();
  for (const index of [2, 1, 0]) {
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of`) })).toBeVisible();
    expect(await shownOrder(panel)).toEqual(seen[index]);
  }

  // In browser mode the stored attempts can be read through the contract: each keeps the order shown.
  if (app.server) {
    const target = { page, server: app.server };
    const [ana] = await callApi<StoredLearner[]>(target, 'listLearners', {});
    const session = await callApi<PackSession>(target, 'getPackSession', { learnerId: ana!.id, packId: pack.id });
    expect(session.answers.map((answer) => answer.shown?.options)).toEqual(seen);
  }
});
