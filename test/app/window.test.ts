import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { hardenContents, hardenSession, isAllowedExternal } from '../../main/app/security.js';
import { createMainWindow, focusWindow, START_URL } from '../../main/app/window.js';
import { BrowserWindow, FakeWebContents } from './electron-mock.js';

describe('main window', () => {
  const win = createMainWindow(BrowserWindow as any, '/app/preload.cjs') as unknown as BrowserWindow;

  it('has the security checklist in its webPreferences', () => {
    expect(win.options.webPreferences).toMatchObject({
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
    expect(win.options.show).toBe(false);
    expect(win.options.title).toBe('反诈物料工作室');
  });

  it('loads the renderer from app://studio and shows when painted', () => {
    expect(START_URL).toBe('app://studio/index.html');
    expect(win.loadURL).toHaveBeenCalledWith(START_URL);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('focusWindow restores a minimised window', () => {
    win.minimized = true;
    focusWindow(win as any);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });
});

describe('web contents and session hardening', () => {
  const prevented = (contents: EventEmitter, name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  };

  it('denies navigation, redirects and webviews', () => {
    const c = new FakeWebContents();
    hardenContents(c as any, async () => undefined);
    expect(prevented(c, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented(c, 'will-navigate', 'app://studio/other.html')).toBe(true);
    expect(prevented(c, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented(c, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every new window; opens only allowlisted https links outside', () => {
    const c = new FakeWebContents();
    const open = vi.fn(async () => undefined);
    hardenContents(c as any, open);
    for (const url of [
      'https://www.gjfzzx.cn/',
      'https://evil.example/',
      'http://www.gjfzzx.cn/',
      'file:///etc/passwd',
      'app://studio/x',
    ]) {
      expect(c.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(open.mock.calls).toEqual([['https://www.gjfzzx.cn/']]);
  });

  it('allowlist: https, exact host, no credentials or port', () => {
    expect(isAllowedExternal('https://www.gjfzzx.cn/page')).toBe(true);
    expect(isAllowedExternal('https://www.gjfzzx.cn.evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user@www.gjfzzx.cn/')).toBe(false);
    expect(isAllowedExternal('https://www.gjfzzx.cn:8443/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternal('not a url')).toBe(false);
  });

  it('refuses every permission request and check, and downloads', () => {
    const s = Object.assign(new EventEmitter(), {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
    });
    hardenSession(s as any);
    const handler = s.setPermissionRequestHandler.mock.calls[0]![0] as (
      w: unknown,
      p: string,
      cb: (b: boolean) => void,
    ) => void;
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      handler({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect((s.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect(prevented(s, 'will-download', {}, {})).toBe(true);
  });
});
