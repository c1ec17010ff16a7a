/**
 * Finds an Electron binary without ever downloading one: `require('electron')` would try to fetch it
 * from the internet, so this reads the package's own layout (and ELECTRON_OVERRIDE_DIST_PATH) instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronBinary = { path: string } | { skipReason: string };

const EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export function findElectronBinary(): ElectronBinary {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : (EXECUTABLE[process.platform] ?? 'electron');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? join(override, executable) : join(packageDir, 'dist', executable);
  if (existsSync(candidate)) return { path: candidate };
  return {
    skipReason: `electron project skipped: no Electron binary at ${candidate} (set ELECTRON_OVERRIDE_DIST_PATH to a folder that holds one)`,
  };
}
