/**
 * The SCORM package as a school's LMS would run it: the instructor saves it from the studio (the
 * command line makes the same bytes); it is unpacked and served beside an LMS page whose SCORM 1.2
 * runtime is scorm-again's Scorm12API (window.API), with the player in an iframe of the same origin.
 * A learner plays a few exercises, leaves, comes back and goes on from the suspend data; the values
 * the LMS received are checked. Axe runs on the player inside the LMS page, and screenshots go to
 * /tmp/scorm-shots (not the repository).
 */
import type { Frame, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { Author } from './author';
import { expect, expectAccessible, test } from './fixtures';
import { Learner, SEED_PACK } from './learner';
import { downloads } from './screens';

const root = join(import.meta.dirname, '..');
const LMS = 'http://lms.test';
const SHOTS = '/tmp/scorm-shots';

/** What the LMS keeps of a learner between visits (its database, in a real LMS). */
interface Carried {
  lesson_status: string;
  suspend_data: string;
  entry: 'ab-initio' | 'resume';
}

/** The LMS page: scorm-again's runtime as window.API, a record of every value set, and the SCO in an iframe. */
function lmsPage(carried: Carried): string {
  const data = {
    core: { student_id: 'ada-1', student_name: 'Lovelace, Ada', lesson_status: carried.lesson_status, entry: carried.entry },
    suspend_data: carried.suspend_data,
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>School LMS</title>
<style>body{margin:0;font:16px sans-serif}header{padding:.5rem 1rem;background:#223;color:#fff}iframe{border:0;width:100%;height:calc(100vh - 2.5rem);display:block}</style>
<script src="/scorm-again/scorm12.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  API.loadFromJSON(${JSON.stringify(data)});
  window.sent = [];
  window.finished = false;
  const set = API.LMSSetValue.bind(API);
  API.LMSSetValue = (element, value) => {
    const ok = set(element, value);
    window.sent.push([element, value, ok, API.LMSGetLastError()]);
    return ok;
  };
  const finish = API.LMSFinish.bind(API);
  API.LMSFinish = (parameter) => {
    const ok = finish(parameter);
    window.finished = ok === 'true';
    return ok;
  };
</script></head>
<body><header>School LMS</header><iframe title="Sourcewise pack" src="/sco/index.html"></iframe></body></html>`;
}

/** Serves the LMS page, scorm-again and the unpacked package, all from one origin. */
async function serveLms(page: Page, files: Record<string, Uint8Array>, carried: () => Carried): Promise<void> {
  const scormAgain = readFileSync(join(root, 'node_modules/scorm-again/dist/scorm12.js'));
  await page.route(`${LMS}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/lms.html') return route.fulfill({ contentType: 'text/html', body: lmsPage(carried()) });
    if (path === '/scorm-again/scorm12.js') return route.fulfill({ contentType: 'text/javascript', body: scormAgain });
    const file = path.startsWith('/sco/') ? files[path.slice('/sco/'.length)] : undefined;
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: path.endsWith('.html') ? 'text/html' : 'application/xml', body: Buffer.from(file) });
  });
}

function sco(page: Page): Frame {
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/sco/index.html'));
  if (!frame) throw new Error('the SCO is not loaded');
  return frame;
}

interface Received {
  cmi: {
    core: { lesson_status: string; exit: string; score: { raw: string; min: string; max: string } };
    suspend_data: string;
    interactions: Record<string, { id: string; type: string; result: string; student_response: string }>;
  };
  sent: [string, string, string, string][];
}

async function received(page: Page): Promise<Received> {
  return page.evaluate(() => {
    const win = window as unknown as { API: { cmi: unknown }; sent: [string, string, string, string][] };
    return { cmi: JSON.parse(JSON.stringify(win.API.cmi)) as Received['cmi'], sent: win.sent };
  });
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  for (const [size, viewport] of [
    ['1280x800', { width: 1280, height: 800 }],
    ['390x844', { width: 390, height: 844 }],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(SHOTS, `${name}-${size}-${colorScheme}.png`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

test('the SCORM package reports to a SCORM 1.2 LMS (scorm-again), and resumes from its suspend data', async ({
  app,
  browser,
}, testInfo) => {
  test.skip(app.shell === 'electron', 'downloads go through a save dialog in the desktop app');
  test.setTimeout(180_000);

  // The instructor saves the package beside the pack in the studio; the command line makes the same bytes.
  const author = new Author(app.page);
  await author.openStudio();
  const [saved] = await downloads(app.page, 1, () =>
    app.page.getByRole('button', { name: `SCORM package of ${SEED_PACK.meta.title} for a school's learning platform` }).click(),
  );
  expect(saved).toMatch(new RegExp(`${SEED_PACK.id}-scorm\\.zip$`));
  const fromCli = testInfo.outputPath('from-cli.zip');
  execFileSync(process.execPath, [
    join(root, 'out/main/cli.js'),
    'export-scorm',
    join(root, 'exercises', `${SEED_PACK.id}.json`),
    '--out',
    fromCli,
  ]);
  expect(readFileSync(fromCli)).toEqual(readFileSync(saved!));
  const files = unzipSync(readFileSync(saved!));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'index.html']);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const broken: string[] = [];
  page.on('pageerror', (error) => broken.push(error.message));
  let carried: Carried = { lesson_status: 'not attempted', suspend_data: '', entry: 'ab-initio' };
  await serveLms(page, files, () => carried);
  await page.goto(`${LMS}/lms.html`);

  // The LMS knows the learner: no name to type, and the start page says where the answers go.
  const frame = page.frameLocator('iframe[title="Sourcewise pack"]');
  await expect(frame.getByText('Hello, Ada Lovelace.')).toBeVisible();
  await expect(frame.getByText(/go to your teacher through your school's learning platform/)).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Download my progress file' })).toHaveCount(0);
  await expectAccessible(page, testInfo, 'SCORM start in the LMS');
  await shoot(page, 'start');
  await frame.getByRole('button', { name: 'Play the pack' }).click();

  const learner = new Learner(sco(page) as unknown as Page);
  const played = SEED_PACK.items.slice(0, 3);
  for (const [index, item] of played.entries()) {
    await expect(
      frame.getByRole('heading', { level: 1, name: new RegExp(`Exercise ${index + 1} of ${SEED_PACK.items.length}`) }),
    ).toBeVisible();
    await learner.answer(item, index !== 1);
    if (index === 1) {
      await expectAccessible(page, testInfo, 'SCORM feedback in the LMS');
      await shoot(page, 'feedback');
    }
    await learner.next(false);
  }

  // Leaving: the LMS moves away from the SCO, which ends its session.
  await page.evaluate(() => document.querySelector('iframe')!.setAttribute('src', 'about:blank'));
  await expect.poll(() => page.evaluate(() => (window as unknown as { finished: boolean }).finished)).toBe(true);
  const first = await received(page);
  expect(first.sent.filter(([, , ok, error]) => ok !== 'true' || error !== '0')).toEqual([]);
  expect(first.cmi.core.lesson_status).toBe('incomplete');
  expect(first.cmi.core.score).toEqual({ raw: String(Math.round(200 / SEED_PACK.items.length)), min: '0', max: '100' });
  expect(first.cmi.core.exit).toBe('suspend');
  const interactions = Object.values(first.cmi.interactions);
  expect(interactions.map((one) => [one.id, one.type, one.result])).toEqual([
    [played[0]!.id, 'choice', 'correct'],
    [played[1]!.id, 'choice', 'wrong'],
    [played[2]!.id, 'choice', 'correct'],
  ]);
  for (const one of interactions) expect(one.student_response).toMatch(/^[a-e]$/);
  const sessionTime = first.sent.find(([element]) => element === 'cmi.core.session_time')?.[1];
  expect(sessionTime).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  expect(first.cmi.suspend_data.length).toBeGreaterThan(0);
  expect(first.cmi.suspend_data.length).toBeLessThanOrEqual(4096);

  // The next visit: the LMS hands back what it kept, and the pack goes on where the learner stopped.
  carried = { lesson_status: first.cmi.core.lesson_status, suspend_data: first.cmi.suspend_data, entry: 'resume' };
  await page.reload();
  await expect(frame.getByText('Hello, Ada Lovelace.')).toBeVisible();
  await frame.getByRole('button', { name: 'Play the pack' }).click();
  await expect(frame.getByText(`3 of ${SEED_PACK.items.length} answered`)).toBeVisible();
  await expect(
    frame.getByRole('heading', { level: 1, name: new RegExp(`Exercise 4 of ${SEED_PACK.items.length}`) }),
  ).toBeVisible();
  await new Learner(sco(page) as unknown as Page).answer(SEED_PACK.items[3]!, true);
  await expect.poll(async () => Object.keys((await received(page)).cmi.interactions).length).toBe(1);
  const second = await received(page);
  expect(second.cmi.core.score.raw).toBe(String(Math.round(300 / SEED_PACK.items.length)));
  expect(second.cmi.suspend_data.length).toBeGreaterThan(first.cmi.suspend_data.length - 1);
  expect(broken).toEqual([]);
  await context.close();
});
