/**
 * `npm run web`: the app in any browser, for machines without the desktop shell, for development and
 * for the e2e suite. Prints the address to open; the data folder is the desktop app's unless
 * `--data-dir DIR` says otherwise.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseShellOptions } from '../services/args';
import { acquireDataLock } from '../services/store/data-lock';
import { defaultDataDir } from '../services/config';
import type { Backend } from '../services/backend';
import { startWebServer, type RunningWebServer } from '../services/http/web-server';
import { PRIVATE_MKDIR } from '../services/store/private-files';

const here = import.meta.dirname;
/**
 * How long the backend waits for a page to fetch its script before loading anyway. Long enough that a
 * browser opened by hand or by a script (a new profile or context takes a second on a busy machine)
 * fetches the page first: loading the backend blocks this process for 100 ms or more, and a page
 * whose HTML request falls into that wait starts that much later.
 */
const BACKEND_LOAD_DELAY_MS = 2000;

async function main(): Promise<void> {
  const options = parseShellOptions(process.argv.slice(2));
  const dataDir = options.dataDir ?? defaultDataDir();
  await mkdir(dataDir, PRIVATE_MKDIR);
  const lock = await acquireDataLock(dataDir, 'browser');
  if (!lock.ok) {
    console.error(lock.message);
    process.exit(1);
  }
  let backendReady!: (backend: Backend | Promise<Backend>) => void;
  const backend = new Promise<Backend>((resolve) => (backendReady = resolve));
  // Set before anything can take a while, so that Ctrl+C or SIGTERM from now on releases the lock.
  let server: RunningWebServer | undefined = undefined;
  const stop = () => {
    void (server?.close() ?? Promise.resolve()).then(() => {
      lock.release();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  let loading = false;
  const loadBackend = () => {
    if (loading) return;
    loading = true;
    backendReady(
      import('../services/backend').then(({ Backend }) => {
        const ready = new Backend({
          dataDir,
          packsDir: options.packsDir ?? join(here, '../../exercises'),
          playerDir: join(here, '../player'),
          appVersion: __APP_VERSION__,
          shell: 'browser',
        });
        void ready.prepare();
        return ready;
      }),
    );
  };
  // The backend's code is loaded once the page's script has been sent, or a call arrives, or soon after
  // start when neither comes: loading it blocks this process for tens of milliseconds, which would hold
  // up the page and its script; the browser parses and runs the script meanwhile.
  const loadSoon = setTimeout(loadBackend, BACKEND_LOAD_DELAY_MS);
  server = await startWebServer({
    api: backend,
    rendererDir: join(here, '../renderer'),
    ...(options.port !== undefined ? { port: options.port } : {}),
    log: (message) => console.error(message),
    onBackendWanted: () => {
      clearTimeout(loadSoon);
      loadBackend();
    },
  });
  console.log(`Sourcewise is running. Open this address in your browser:\n${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  await backend;
}

main().catch((error: unknown) => {
  console.error(`Sourcewise could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
