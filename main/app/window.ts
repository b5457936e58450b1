import type { BrowserWindow as BrowserWindowType, BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, webPreferencesFor } from './security.js';

/* The main window: one, hardened (security.ts), showing app://studio/index.html once painted. */

export const START_URL = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    title: '反诈物料工作室',
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: webPreferencesFor(preload),
  };
}

export function createMainWindow(
  BrowserWindow: new (o: BrowserWindowConstructorOptions) => BrowserWindowType,
  preload: string,
): BrowserWindowType {
  const win = new BrowserWindow(mainWindowOptions(preload));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(START_URL);
  return win;
}

/** Bring the window to the front (a second instance was started). */
export function focusWindow(win: BrowserWindowType): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
