import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/*
 * A stand-in for the `electron` module (its binary cannot be downloaded here, so the real one
 * throws on require). Tests do `vi.mock('electron', () => import('./electron-mock.js'))` and
 * inspect what the code under test did to these objects; resetElectron() between tests.
 */

export class FakeWebContents extends EventEmitter {
  send = vi.fn();
  openHandler: ((d: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = vi.fn((h: (d: { url: string }) => { action: string }) => {
    this.openHandler = h;
  });
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  minimized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  isMinimized = () => this.minimized;
  isDestroyed = () => false;
  constructor(readonly options: Record<string, any>) {
    super();
    BrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  lock = true;
  requestSingleInstanceLock = vi.fn(() => this.lock);
  quit = vi.fn();
  whenReady = vi.fn(() => Promise.resolve());
  /** A fresh temp folder per name, so the shell's library never lands in the real home. */
  getPath = vi.fn((name: string) => {
    fakePaths[name] ??= mkdtempSync(join(tmpdir(), `electron-mock-${name}-`));
    return fakePaths[name];
  });
}
const fakePaths: Record<string, string> = {};
export const app = new FakeApp();

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

class FakeSession extends EventEmitter {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
}
export const session = { defaultSession: new FakeSession() };

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, h);
  }),
};

export const Menu = { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() };
export const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn() };
export const shell = {
  openExternal: vi.fn(async () => undefined),
  showItemInFolder: vi.fn(),
  openPath: vi.fn(async (_path: string) => ''),
};
export const contextBridge = { exposeInMainWorld: vi.fn() };
export const ipcRenderer = {
  invoke: vi.fn(async (..._a: unknown[]) => ({ ok: true, value: null })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export function resetElectron(): void {
  app.removeAllListeners();
  app.lock = true;
  BrowserWindow.instances = [];
  session.defaultSession.removeAllListeners();
  ipcMain.handlers.clear();
  vi.clearAllMocks();
}

/** An IPC event as sent by a frame at `url` (a top frame unless `parent` is given). */
export const eventFrom = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
