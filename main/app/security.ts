import type { Session, WebContents, WebPreferences } from 'electron';

/*
 * Electron's security checklist, in one place: the window's web preferences, and what its web
 * contents and session refuse (navigation, new windows, webviews, permissions). main.ts applies
 * these to every web contents as it is created, so nothing can slip past by being made later.
 */

export const SCHEME = 'app';
/** The one origin the renderer is served from: app://studio/. */
export const APP_HOST = 'studio';
export const APP_ORIGIN = `${SCHEME}://${APP_HOST}`;

export const webPreferencesFor = (preload: string): WebPreferences => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
});

/** Links the user may open in their browser: https only, official anti-fraud sites only. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'www.gjfzzx.cn',
  'gjfzzx.cn',
  'www.mps.gov.cn',
  'www.12321.cn',
]);

export function isAllowedExternal(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      u.protocol === 'https:' &&
      u.username === '' &&
      u.password === '' &&
      u.port === '' &&
      EXTERNAL_HOSTS.has(u.hostname)
    );
  } catch {
    return false;
  }
}

/** Whether a URL is a page of our own renderer (app://studio/…). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * No navigation at all (the renderer is a single page), no new windows (an allowlisted https link
 * opens in the user's browser instead), no <webview>.
 */
export function hardenContents(contents: WebContents, openExternal: (url: string) => Promise<void>): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** Camera, microphone, notifications, geolocation, …: the studio needs none. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}
