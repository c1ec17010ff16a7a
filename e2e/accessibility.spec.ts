/**
 * The accessibility matrix: axe-core (no violation of serious or critical impact) at every screen and
 * state of the walk in e2e/screens.ts (learner, class reports, studio; dialogs, feedback, errors, a
 * running import), each in three modes: the light colour scheme, the dark one, and 200 % zoom. At
 * 200 % it also checks that nothing sticks out sideways; in light mode that each live update is
 * announced and, at the main screens and every dialog, that Tab goes round with focus always visible
 * and never trapped. Every failure of a walk is collected and reported together at its end.
 *
 * Each walk checks all three modes at each state it checks (switching the colour scheme and the
 * viewport in place), rather than walking three times. Each part is walked in SHARES tests, each
 * checking every SHARES-th state of the whole walk, so that no test runs near its timeout: walking
 * is quick, the checks are what take the time. appearance.spec.ts covers the phone-width window;
 * keyboard-reports.spec.ts the keyboard-only pass through class reports.
 */
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { expectAnnounced, focusStop, PARTS, recordLiveRegions, tabRound, walk, WALK_PACKS_DIR, type Part } from './screens';

test.use({ packsDir: WALK_PACKS_DIR });

/**
 * The window: 1280×720 CSS pixels drawn at two device pixels each (a high-density screen). 200 %
 * zoom of a 1280×1024 window is what browser (and Electron) zoom makes of it: the page lays out in
 * 640×512 CSS pixels, so media queries react as they do to real zoom, still at two device pixels per
 * CSS pixel, so a screenshot is 1280×1024 like the window.
 */
const WINDOW = { width: 1280, height: 720 };
const ZOOMED = { width: 640, height: 512 };
const DEVICE_SCALE_FACTOR = 2;
/** Tests per part; test n checks the states n, n + SHARES, n + 2·SHARES … of the walk. */
const SHARES = 5;

type Mode = 'light' | 'dark' | '200 %';

/** States photographed, to look at (attached to the report, kept in the output folder). */
const SHOTS: Partial<Record<Mode, readonly string[]>> = {
  dark: [
    'player, numbers feedback (partly right)',
    'player, save error',
    'class reports, the report after an import with a skipped file',
    'studio, numbers editor',
    'learners, delete dialog',
  ],
  '200 %': [
    'player, classify feedback (not right)',
    'progress, with answers and the file exported',
    'class reports, importing',
    'class reports, the report after an import with a skipped file',
    'studio, source editor',
    'studio, publish conflict dialog',
  ],
};

/** Each live update of the walk, at the state where it shows, and how it must be announced. */
const ANNOUNCED: Record<string, [string | RegExp, 'status' | 'alert'][]> = {
  'library, pack import with a conflict and a refused file': [[/1 not added, 1 already in the library/, 'status']],
  'player, classify feedback (not right)': [['Answer saved. Not right.', 'status']],
  'player, find exercise with a mark': [[/^Marked “.+”\. 1 mark in all\.$/, 'status']],
  'player, save error': [['the disk is full', 'alert']],
  'player, source feedback': [['Answer saved. Right.', 'status']],
  'progress, with answers and the file exported': [[/Hand this file to your instructor/, 'status']],
  'class reports, gate: passphrase refused': [['at least 8 characters', 'alert']],
  'class reports, gate: wrong passphrase': [['not the instructor passphrase', 'alert']],
  'class reports, importing': [['Importing progress files: 0 of 2', 'status']],
  'class reports, the report after an import with a skipped file': [['1 file imported, 1 file skipped.', 'status']],
  'studio, suggestions': [[/^\d+ suggestions\.$/, 'status']],
  'studio, classify editor from a suggestion': [[/^Accepted as item 1\.$/, 'status']],
  'studio, draft not saved': [[/^Not saved: .*the disk is full/, 'alert']],
};

/**
 * States where Tab goes all the way round from where focus is: it is visible at every stop, never
 * trapped, and kept inside an open dialog (keyboard-reports.spec.ts does the same for class reports).
 * First, focus must be on something: a screen that drops it leaves a keyboard or screen-reader user
 * nowhere (a button disabled while its work runs would lose it: such buttons use aria-disabled).
 */
const TAB_ROUNDS = new Set([
  'library',
  'player, classify feedback (not right)',
  'player, find exercise with a mark',
  'results',
  'progress, with answers and the file exported',
  'review, items due',
  'learners, rename form',
  'learners, delete dialog',
  'class reports, gate: wrong passphrase',
  'studio home',
  'studio, suggestions',
  'studio, numbers editor',
  'studio, details',
  'studio, preview',
  'studio, publish conflict dialog',
  'studio, delete-draft dialog',
]);

async function checkTabRound(page: Page, state: string): Promise<string[]> {
  const where = await focusStop(page);
  const problems: string[] = [];
  if (where.outside) problems.push(`focus on ${state}: ${where.description}`);
  const dialog = await page.evaluate(() => document.querySelector('dialog[open]') !== null);
  const round = await tabRound(page);
  problems.push(...round.problems);
  const names = round.stops.map((stop) => stop.description);
  if (!dialog && !names.some((name) => name.includes('Skip to content'))) {
    problems.push(`the round did not pass the top of the page: ${names.join(' | ')}`);
  }
  if (dialog && round.stops.length < 2) problems.push(`Tab reached only ${names.join(', ')} in the dialog`);
  return problems.map((problem) => `Tab on ${state}: ${problem}`);
}

function partOf(state: string): Part {
  return state.startsWith('class reports') ? 'reports' : state.startsWith('studio') ? 'studio' : 'learner';
}

/** No content sticks out sideways, which would force a horizontal scroll (WCAG 1.4.10, reflow). */
async function expectNoHorizontalOverflow(page: Page, state: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `horizontal overflow at 200 % on ${state} (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(
    clientWidth + 1,
  );
}

for (const part of PARTS) {
  for (let share = 0; share < SHARES; share++) {
    test(`axe in light, dark and at 200 %: every ${part} screen and state (${share + 1} of ${SHARES})`, async ({
      app,
      browser,
    }, testInfo) => {
      test.skip(app.shell === 'electron', 'the walk saves downloads, which go through a save dialog in the desktop app');
      // With three shares, a studio share took just over 3 minutes on the idle two-core CI machine; with
      // five, each checks about 2 minutes of states at most, far from this limit.
      test.setTimeout(420_000);
      const server = app.server!;
      // A tab of its own on the same browser-mode server (with its token), in a window of the size above.
      const context = await browser.newContext({ viewport: WINDOW, deviceScaleFactor: DEVICE_SCALE_FACTOR });
      try {
        const page = await context.newPage();
        await recordLiveRegions(page);
        await page.goto(`${server.origin}/#token=${server.token}`);

        const failures: string[] = [];
        const keep = (error: unknown) => failures.push(error instanceof Error ? error.message : String(error));
        const shot = async (mode: Mode, state: string) => {
          if (!SHOTS[mode]?.includes(state)) return;
          const path = testInfo.outputPath(`${mode === '200 %' ? 'zoom-200' : mode}-${state.replaceAll(/\W+/g, '-')}.png`);
          // Dark at the window's size in CSS pixels; 200 % as the zoomed window's device pixels (1280×1024).
          await page.screenshot({ path, scale: mode === '200 %' ? 'device' : 'css' });
          await testInfo.attach(`${mode}: ${state}`, { path, contentType: 'image/png' });
        };
        const states: string[] = [];

        const checked: string[] = [];
        await walk(part, { page, server }, async (state) => {
          states.push(state);
          if ((states.length - 1) % SHARES !== share) return;
          checked.push(state);
          await expectAccessible(page, testInfo, `light, ${state}`).catch(keep);
          for (const [text, kind] of ANNOUNCED[state] ?? []) {
            await expectAnnounced(page, text, kind).catch(keep);
          }
          if (TAB_ROUNDS.has(state)) failures.push(...(await checkTabRound(page, state)));
          await shot('light', state);

          await page.emulateMedia({ colorScheme: 'dark' });
          expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'dark palette').toBe(
            'rgb(20, 23, 29)',
          );
          await expectAccessible(page, testInfo, `dark, ${state}`).catch(keep);
          await shot('dark', state);
          await page.emulateMedia({ colorScheme: 'light' });

          await page.setViewportSize(ZOOMED);
          expect(await page.evaluate(() => [innerWidth, devicePixelRatio]), '200 %').toEqual([ZOOMED.width, DEVICE_SCALE_FACTOR]);
          await expectAccessible(page, testInfo, `200 %, ${state}`).catch(keep);
          await expectNoHorizontalOverflow(page, state).catch(keep);
          await shot('200 %', state);
          await page.setViewportSize(WINDOW);
        });

        // A check named for a state the walk never reaches would pass unnoticed: each named one was reached.
        const named = [...Object.keys(ANNOUNCED), ...TAB_ROUNDS.keys(), ...Object.values(SHOTS).flat()].filter(
          (state) => partOf(state) === part,
        );
        expect(states, 'the walk reached every state named above').toEqual(expect.arrayContaining(named));
        expect(failures, `${failures.length} problems over ${checked.length} states`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
}
