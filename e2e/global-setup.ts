/**
 * Runs once before the e2e suite: says why the electron project is skipped, or gives Electron a
 * virtual display (Xvfb) on a Linux machine without one.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary';

export default async function globalSetup(): Promise<() => void> {
  const binary = findElectronBinary();
  if ('skipReason' in binary) {
    console.log(binary.skipReason);
    return () => {};
  }
  if (process.platform !== 'linux' || process.env.DISPLAY || !existsSync('/usr/bin/Xvfb')) return () => {};
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn('/usr/bin/Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  process.env.DISPLAY = display;
  await new Promise((resolve) => setTimeout(resolve, 500));
  return () => {
    xvfb.kill();
  };
}
