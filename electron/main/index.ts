/**
 * The desktop shell: one window, one backend, the IPC transport. Kept thin: everything that is not
 * Electron glue lives in src/services and src/shared.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseShellOptions } from '../../src/services/args';
import { Backend } from '../../src/services/backend';
import { acquireDataLock } from '../../src/services/store/data-lock';
import { registerContract } from './ipc';
import { hardenSession, hardenWebContents, isTrustedSender, windowOptions } from './security';
import { PRIVATE_MKDIR } from '../../src/services/store/private-files';

const here = import.meta.dirname;
const options = parseShellOptions(process.argv.slice(1));
if (options.dataDir) {
  mkdirSync(options.dataDir, PRIVATE_MKDIR);
  app.setPath('userData', options.dataDir);
}

app.enableSandbox();

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href;
let mainWindow: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  console.error('Sourcewise is already running; switching to its window.');
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every web contents the app creates: no navigation away, no new windows, no webviews.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, rendererUrl));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  // Electron's lock keeps out a second desktop app; this one also keeps out browser mode and other tools.
  const lock = await acquireDataLock(app.getPath('userData'), 'desktop');
  if (!lock.ok) {
    dialog.showErrorBox('Sourcewise is already running', lock.message);
    app.quit();
    return;
  }
  app.on('will-quit', () => lock.release());

  hardenSession(session.defaultSession);

  const backend = new Backend({
    dataDir: app.getPath('userData'),
    // Relative to this file, not app.getAppPath(): the same whether started as `electron .` or `electron out/main/index.js`.
    packsDir: options.packsDir ?? join(here, '../../exercises'),
    playerDir: join(here, '../player'),
    appVersion: app.getVersion(),
    shell: 'desktop',
  });
  // Read while the window loads, so that the first screen's calls find the data ready.
  void backend.prepare();
  const window = new BrowserWindow(windowOptions(join(here, '../preload/index.cjs')));
  mainWindow = window;
  registerContract(ipcMain, backend, (event) => isTrustedSender(event.senderFrame, window.webContents.mainFrame, rendererUrl));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = undefined;
  });
  void window.loadURL(rendererUrl);
}
