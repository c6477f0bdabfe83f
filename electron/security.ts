/**
 * The desktop window's security settings in one place, so tests can check them (issue #8) and
 * main.ts applies them. Follows Electron's security checklist.
 */
import type {
  BrowserWindowConstructorOptions,
  Session,
  Shell,
  WebContents,
  WebPreferences,
} from 'electron';
import { APP_ORIGIN } from './ipc';

export function windowPreferences(preload: string, packaged: boolean): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: !packaged,
  };
}

/** The app window: its size, and the preferences above. */
export function appWindowOptions(
  preload: string,
  packaged: boolean,
): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 1024,
    minHeight: 640,
    title: 'SOC Desk',
    show: false,
    webPreferences: windowPreferences(preload, packaged),
  };
}

/** Hosts external links may open in the user's browser (https only): the vendors' sites. */
export const EXTERNAL_ALLOWLIST = [
  'jp.security.ntt',
  'www.iij.ad.jp',
  'www.tokiomarine-nichido.co.jp',
];

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      EXTERNAL_ALLOWLIST.includes(url.hostname)
    );
  } catch {
    return false;
  }
}

/** The one way to open a link outside the app. */
export function openExternalSafely(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  // The one call site, behind the https allow-list just above.
  void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return true;
}

/** No permission (camera, notifications, geolocation, …) is ever granted to web content. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Denies new windows and navigation away from the app; external links go through the helper. */
export function guardWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(shell, url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
