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
import { startWebServer, type RunningWebServer } from '../services/http/web-server';
import { PRIVATE_MKDIR } from '../services/store/private-files';
import { loadBackend } from './load-backend';

const here = import.meta.dirname;

async function main(): Promise<void> {
  const options = parseShellOptions(process.argv.slice(2));
  const dataDir = options.dataDir ?? defaultDataDir();
  await mkdir(dataDir, PRIVATE_MKDIR);
  const lock = await acquireDataLock(dataDir, 'browser');
  if (!lock.ok) {
    console.error(lock.message);
    process.exit(1);
  }
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
  const log = (message: string) => console.error(message);
  server = await startWebServer({
    // Set below, in the same turn as the address is printed: no call can come before it (a call needs
    // the token in the address).
    api: (method, input) => backend(method, input),
    rendererDir: join(here, '../renderer'),
    ...(options.port !== undefined ? { port: options.port } : {}),
    log,
  });
  console.log(`Sourcewise is running. Open this address in your browser:\n${server.url}`);
  console.log(`Data folder: ${dataDir}`);
  // Loaded once the address is out, on this thread, while the browser opens the page.
  const backend = loadBackend(
    {
      dataDir,
      packsDir: options.packsDir ?? join(here, '../../exercises'),
      playerDir: join(here, '../player'),
      appVersion: __APP_VERSION__,
      shell: 'browser',
    },
    log,
  );
}

main().catch((error: unknown) => {
  console.error(`Sourcewise could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
