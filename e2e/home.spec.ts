import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, expectAccessible, test, waitUntilReady } from './fixtures';

test('the home screen lists the packs from exercises/ and the app version', async ({ app }, testInfo) => {
  const { page } = app;
  await waitUntilReady(page);
  const version = JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')).version as string;
  await expect(page.getByText(`version ${version}`)).toBeVisible();
  const packs = page.getByRole('list', { name: 'Available packs' });
  await expect(packs.getByRole('heading', { name: 'U.S. Officials Confirm North Korea Sent Troops to Russia' })).toBeVisible();
  await expect(packs.getByText('The Moscow Times')).toBeVisible();
  await expect(packs.getByText('October 23, 2024')).toBeVisible();
  await expectAccessible(page, testInfo, 'home');
  await page.screenshot({ path: testInfo.outputPath('home.png'), fullPage: true });
});
