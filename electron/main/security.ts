/**
 * The security settings of the desktop shell, as plain functions so that unit tests check them
 * without an Electron binary; `index.ts` only wires them. Each follows an item of Electron's security
 * checklist (docs/security.md says which, and what checks it).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents, WindowOpenHandlerResponse } from 'electron';

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 860,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Sourcewise',
    backgroundColor: '#f7f5f0',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click opens a link in a new window; new windows are refused anyway, this refuses the click.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * Whether `url` is the app's own page. `appUrl` is the address the window was loaded from: the
 * built `index.html` as a file: URL, or the dev server during `npm run dev`.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  let candidate: URL;
  let app: URL;
  try {
    candidate = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === app.pathname;
  return candidate.origin === app.origin;
}

/**
 * The IPC sender check: a contract call is accepted only from the app's own window, its main frame
 * (not a subframe, not a frame that has gone), showing the app's own page.
 */
export function isTrustedSender(frame: { url: string } | null | undefined, mainFrame: unknown, appUrl: string): boolean {
  return frame !== null && frame !== undefined && frame === mainFrame && isAppUrl(frame.url, appUrl);
}

/** What a navigation event carries that the guard needs (Electron's event details have both). */
export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

/**
 * The handler for `will-navigate`, `will-frame-navigate` and `will-redirect`: the page may only go to
 * the app's own page (a hash change within it does not even raise these events). Anything else, a
 * link in pack text, a redirect, `location = …`, is refused; nothing is opened in a browser either.
 */
export function navigationGuard(appUrl: string): (event: NavigationEvent) => void {
  return (event) => {
    if (!isAppUrl(event.url, appUrl)) event.preventDefault();
  };
}

/** `setWindowOpenHandler`: the app never opens a second window (`window.open`, `target=_blank`, middle click). */
export function denyWindowOpen(): WindowOpenHandlerResponse {
  return { action: 'deny' };
}

/** `will-attach-webview`: the app has no `<webview>` (the tag is off too); any attempt is refused. */
export function refuseWebview(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** `setPermissionRequestHandler`: the app needs no permission (camera, notifications, …): every request is refused. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** `setPermissionCheckHandler` and `setDevicePermissionHandler`: every synchronous permission check says no. */
export function denyPermissionCheck(): boolean {
  return false;
}

type WebContentsEvents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Wires the guards on a web contents; called for every one the app creates (`web-contents-created`). */
export function hardenWebContents(contents: WebContentsEvents, appUrl: string): void {
  const guard = navigationGuard(appUrl);
  contents.setWindowOpenHandler(denyWindowOpen);
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-frame-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.on('will-attach-webview', (event) => refuseWebview(event));
}

/** Refuses every permission request and check on the session the window uses. */
export function hardenSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>,
): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}
