import { describe, expect, it } from 'vitest';
import { isAppUrl, windowOptions } from './security';

describe('window security', () => {
  it('isolates and sandboxes the renderer', () => {
    const prefs = windowOptions('/app/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it.each([
    ['file:///opt/app/out/renderer/index.html', 'file:///opt/app/out/renderer/index.html', true],
    ['file:///opt/app/out/renderer/index.html#results', 'file:///opt/app/out/renderer/index.html', true],
    ['file:///etc/passwd', 'file:///opt/app/out/renderer/index.html', false],
    ['https://example.com/', 'file:///opt/app/out/renderer/index.html', false],
    ['http://localhost:5173/src/x', 'http://localhost:5173/', true],
    ['http://localhost:5174/', 'http://localhost:5173/', false],
    // eslint-disable-next-line no-script-url -- the point is to refuse it
    ['javascript:alert(1)', 'file:///opt/app/out/renderer/index.html', false],
    ['not a url', 'file:///opt/app/out/renderer/index.html', false],
  ])('isAppUrl(%s) is %s', (url, app, expected) => {
    expect(isAppUrl(url, app)).toBe(expected);
  });
});
