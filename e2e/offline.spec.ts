/**
 * The offline proof: walked through every screen and state (learner, class reports, studio), the app
 * asks nothing of any host but itself. Every request the page makes is intercepted (page and context
 * routes) and also watched as it goes out; only the app's own origin, and the `blob:` URLs it makes
 * for downloads, may pass. Anything else is aborted and recorded, and so is any attempt the page's
 * Content-Security-Policy stopped before it became a request (the CSP would hide such an attempt
 * from the routes), any WebSocket and any new window. The built renderer's files are checked for
 * remote URLs in build-output.spec.ts.
 */
import type { Page, Route } from '@playwright/test';
import { expect, test, waitUntilReady } from './fixtures';
import { PARTS, walk, WALK_PACKS_DIR } from './screens';

test.use({ packsDir: WALK_PACKS_DIR });

interface Watch {
  /** Requests to anywhere but the app: the walk must end with none. */
  foreign: Set<string>;
  /** Paths the app asked its own server for, to show the guard saw the traffic at all. */
  own: Set<string>;
}

/** Installed before the page is loaded again, so that the first load is watched too. */
async function watchEverything(page: Page, origin: string): Promise<Watch> {
  const watch: Watch = { foreign: new Set(), own: new Set() };
  const allowed = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
  const note = (url: string, method: string, type: string) => {
    if (allowed(url)) {
      if (url.startsWith(`${origin}/`)) watch.own.add(new URL(url).pathname);
    } else {
      watch.foreign.add(`${method} ${url} (${type})`);
    }
  };
  const guard = async (route: Route) => {
    const request = route.request();
    note(request.url(), request.method(), request.resourceType());
    if (allowed(request.url())) await route.fallback();
    else await route.abort('blockedbyclient');
  };
  const context = page.context();
  await context.route('**/*', guard);
  await page.route('**/*', guard);
  // Whatever slips past the routes (a service worker, a redirect) still shows up here.
  context.on('request', (request) => note(request.url(), request.method(), request.resourceType()));
  context.on('page', (other) => watch.foreign.add(`a new window opened at ${other.url()}`));
  page.on('websocket', (socket) => watch.foreign.add(`WebSocket ${socket.url()}`));
  // A remote load the CSP refused never becomes a request; the page's own report of it does.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy|Refused to (load|connect|frame)/i.test(text)) watch.foreign.add(`CSP: ${text}`);
  });
  return watch;
}

for (const part of PARTS) {
  test(`offline: the ${part} screens ask nothing of any host but the app itself`, async ({ app }) => {
    test.skip(app.shell === 'electron', 'browser mode: requests are intercepted by origin; downloads need no save dialog');
    test.setTimeout(120_000);
    const server = app.server!;
    expect(new URL(server.origin).hostname, 'browser mode serves on loopback').toBe('127.0.0.1');
    const page = app.page;
    const watch = await watchEverything(page, server.origin);
    // The first load happened before the routes existed: load again, watched (the token stays in this tab).
    await page.reload();

    const states: string[] = [];
    await walk(part, { page, server }, async (state) => {
      states.push(state);
    });

    expect(states.length, 'the walk reached its states').toBeGreaterThan(5);
    expect([...watch.own], 'the guard saw the app load its own page and call its backend').toEqual(
      expect.arrayContaining(['/', '/api/getAppInfo']),
    );
    expect(
      [...watch.own].some((path) => /^\/assets\/.+\.js$/.test(path)),
      'the page script was watched',
    ).toBe(true);
    expect([...watch.foreign], `requests to anywhere but ${server.origin}`).toEqual([]);
  });
}

test('offline: the watch itself catches a request elsewhere, and an attempt the CSP refuses', async ({ app }) => {
  test.skip(app.shell === 'electron', 'browser mode: requests are intercepted by origin');
  const page = app.page;
  const watch = await watchEverything(page, app.server!.origin);
  await page.reload();
  await waitUntilReady(page);
  // Refused by the page's CSP before it becomes a request: seen through the page's own report.
  await page.evaluate(() => fetch('https://remote.example/data.json').catch(() => undefined));
  // Not the CSP's to refuse (a navigation): stopped by the routes.
  await page.goto('https://remote.example/page').catch(() => undefined);
  await expect.poll(() => [...watch.foreign]).toContainEqual('GET https://remote.example/page (document)');
  expect([...watch.foreign]).toContainEqual(expect.stringMatching(/^CSP: .*remote\.example\/data\.json/));
});
