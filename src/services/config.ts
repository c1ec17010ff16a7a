/**
 * Where the backend keeps and finds things. Built once by each entry point (Electron main, the
 * browser-mode server, the command line, tests) and handed to the services.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Sourcewise';

export interface BackendConfig {
  /** The per-user folder that holds progress. Tests always pass a fresh temporary folder. */
  dataDir: string;
  /** The folder of content packs shipped with the app (`exercises/`). */
  packsDir: string;
  appVersion: string;
  /** The built one-file player (`out/player/`), for pack exports as HTML; absent, exporting as HTML is refused. */
  playerDir?: string;
  shell: 'desktop' | 'browser';
  /** The instructor passphrase's scrypt cost; production's unless a test passes `TEST_SCRYPT_COST`. */
  scryptCost?: number;
}

/**
 * The folder Electron's `app.getPath('userData')` returns for this app, so that browser mode and the
 * desktop app share one store on one machine.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}
