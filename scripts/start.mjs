#!/usr/bin/env node
/**
 * `npm start`: builds the app and opens it in Electron, after checking that there is an Electron
 * binary to open it with (without downloading one). Without a binary it says so in plain words, how
 * to provide one, and how to use the app now, and exits with status 1: no build, no stack trace.
 * Arguments after `npm start --` go to the app (e.g. `--data-dir=DIR`).
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ELECTRON_BINARY_VARIABLE, findElectronBinary } from './electron-binary.mjs';

const binary = findElectronBinary();
if ('missing' in binary) {
  process.stderr.write(
    [
      `Sourcewise cannot open its desktop window: the Electron binary is missing (${binary.missing}).`,
      `To use an Electron 45 binary you provide, set ${ELECTRON_BINARY_VARIABLE} to its executable:`,
      `  ${ELECTRON_BINARY_VARIABLE}=/path/to/electron npm start`,
      'To use Sourcewise now, in your web browser: npm run web',
      '',
    ].join('\n'),
  );
  process.exitCode = 1;
} else {
  // electron-vite reads the same variable, so it opens the binary found here.
  const env = { ...process.env, [ELECTRON_BINARY_VARIABLE]: binary.path };
  const root = join(import.meta.dirname, '..');
  const cli = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  for (const args of [['build'], ['preview', '--', ...process.argv.slice(2)]]) {
    const { status } = spawnSync(process.execPath, [cli, ...args], { cwd: root, env, stdio: 'inherit' });
    if (status !== 0) {
      process.exitCode = status ?? 1;
      break;
    }
  }
}
