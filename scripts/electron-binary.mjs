/**
 * Finds the Electron binary without ever downloading one (`require('electron')` would try to fetch it
 * from the internet). One environment variable names a binary you provide: ELECTRON_EXEC_PATH, the
 * path of the Electron executable itself, which electron-vite (`npm start`) reads too. Without it,
 * the binary is where the `electron` package puts it (`node_modules/electron/dist`, named by its
 * `path.txt`). Used by `npm start` (scripts/start.mjs), the e2e electron project and the bench.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ELECTRON_BINARY_VARIABLE = 'ELECTRON_EXEC_PATH';

const EXECUTABLES = { linux: 'electron', win32: 'electron.exe', darwin: 'Electron.app/Contents/MacOS/Electron' };

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string } | { missing: string }}
 */
export function findElectronBinary(env = process.env) {
  const given = env[ELECTRON_BINARY_VARIABLE];
  if (given)
    return isFile(given) ? { path: given } : { missing: `no Electron binary at ${given} (from ${ELECTRON_BINARY_VARIABLE})` };
  let packageDir;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLES[process.platform] ?? 'electron');
  const candidate = join(packageDir, 'dist', executable);
  return isFile(candidate) ? { path: candidate } : { missing: `no Electron binary at ${candidate}` };
}

/** @param {string} path */
function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
