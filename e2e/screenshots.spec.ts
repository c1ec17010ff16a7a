/**
 * A tool, not a test: photographs every state of the walk in e2e/screens.ts at 1280×800, in the light
 * and the dark colour scheme, into the folder named by SCREENSHOTS (skipped when it is not set). Run it
 * before and after a change that should not show (a CSS reorganisation) and compare the two folders
 * pixel by pixel: `SCREENSHOTS=/tmp/before npx playwright test e2e/screenshots.spec.ts --project=browser`.
 * SCREENSHOT_SIZES takes other window sizes, e.g. `1280x800,1366x768,390x844`, each photographed in turn.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './fixtures';
import { PARTS, walk, WALK_PACKS_DIR } from './screens';

const folder = process.env.SCREENSHOTS;
const sizes = (process.env.SCREENSHOT_SIZES ?? '1280x800').split(',').map((size) => {
  const [width, height] = size.split('x').map(Number);
  return { width: width!, height: height! };
});

test.use({ packsDir: WALK_PACKS_DIR });

for (const part of PARTS) {
  test(`screenshots: the ${part} screens`, async ({ app }) => {
    test.skip(!folder, 'a tool: set SCREENSHOTS to a folder to take the screenshots');
    test.skip(app.shell === 'electron', 'browser mode: one browser, one window size');
    test.setTimeout(600_000);
    mkdirSync(folder!, { recursive: true });
    const page = app.page;
    await page.setViewportSize(sizes[0]!);
    let count = 0;
    await walk(part, { page, server: app.server! }, async (state) => {
      count++;
      const name = `${part}-${String(count).padStart(2, '0')}-${state.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;
      for (const size of sizes) {
        await page.setViewportSize(size);
        const suffix = sizes.length > 1 ? `-${size.width}x${size.height}` : '';
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await page.screenshot({
            path: join(folder!, `${name}${suffix}-${scheme}.png`),
            fullPage: true,
            animations: 'disabled',
            caret: 'hide',
          });
        }
      }
      await page.setViewportSize(sizes[0]!);
      await page.emulateMedia({ colorScheme: 'light' });
    });
  });
}
