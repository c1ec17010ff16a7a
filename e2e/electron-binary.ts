/** The e2e electron project's binary, found without downloading (see scripts/electron-binary.mjs), or why it is skipped. */
import { ELECTRON_BINARY_VARIABLE, findElectronBinary as find } from '../scripts/electron-binary.mjs';

export type ElectronBinary = { path: string } | { skipReason: string };

export function findElectronBinary(): ElectronBinary {
  const binary = find();
  if ('path' in binary) return binary;
  return {
    skipReason: `electron project skipped: ${binary.missing} (set ${ELECTRON_BINARY_VARIABLE} to an Electron executable)`,
  };
}
