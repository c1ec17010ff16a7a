/**
 * A tool, not a test: photographs every state of the walk in e2e/screens.ts at 1280×800, in the light
 * and the dark colour scheme, into the folder named by SCREENSHOTS (skipped when it is not set). Run it
 * before and after a change that should not show (a CSS reorganisation) and compare the two folders
 * pixel by pixel: `SCREENSHOTS=/tmp/before npx playwright test e2e/screenshots.spec.ts --project=browser`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './fixtures';
import { PARTS, walk, WALK_PACKS_DIR } from './screens';

const folder = process.env.SCREENSHOTS;

test.use({ packsDir: WALK_PACKS_DIR });

for (const part of PARTS) {
  test(`screenshots: the ${part} screens`, async ({ app }) => {
    test.skip(!folder, 'a tool: set SCREENSHOTS to a folder to take the screenshots');
    test.skip(app.shell === 'electron', 'browser mode: one browser, one window size');
    test.setTimeout(600_000);
    mkdirSync(folder!, { recursive: true });
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    let count = 0;
    await walk(part, { page, server: app.server! }, async (state) => {
      count++;
      const name = `${part}-${String(count).padStart(2, '0')}-${state.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`;
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({
          path: join(folder!, `${name}-${scheme}.png`),
          fullPage: true,
          animations: 'disabled',
          caret: 'hide',
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    });
  });
}
