import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMAND_CHANNEL, apiChannel } from '../../main/app/channels.js';
import { startStudioApp } from '../../main/app/studio-app.js';
import { DesignSchema } from '../../main/core/index.js';
import { design } from '../helpers/designs.js';
import {
  app,
  BrowserWindow,
  eventFrom,
  FakeWebContents,
  ipcMain,
  Menu,
  protocol,
  resetElectron,
  session,
} from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const dir = mkdtempSync(join(tmpdir(), 'studio-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = JSON.stringify(design({ name: '菜场横幅' }));
const file = join(dir, '菜场横幅.csdesign');
writeFileSync(file, text);
const quiet = () => undefined;

beforeEach(() => resetElectron());
afterEach(() => void app.emit('will-quit'));

async function started(argv: string[] = ['electron', 'main.js']) {
  const s = startStudioApp({ argv, cwd: dir, rendererDir: join(dir, 'dist'), preload: '/p/preload.cjs', log: quiet });
  const win = (await s.ready) as unknown as BrowserWindow;
  return { s, win };
}
const sent = (win: BrowserWindow) =>
  win.webContents.send.mock.calls.filter((c) => c[0] === COMMAND_CHANNEL).map((c) => c[1]);

describe('the desktop shell', () => {
  it('registers app:// as privileged before ready, then wires protocol, session, IPC, menu and window', async () => {
    const { win } = await started();
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(
      app.whenReady.mock.invocationCallOrder[0]!,
    );
    expect(protocol.registerSchemesAsPrivileged.mock.calls[0]![0]).toEqual([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(ipcMain.handlers.has(apiChannel('checkSlogan'))).toBe(true);
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      sandbox: true,
      contextIsolation: true,
    });
  });

  it('hardens every web contents created', async () => {
    await started();
    const c = new FakeWebContents();
    app.emit('web-contents-created', {}, c);
    expect(c.setWindowOpenHandler).toHaveBeenCalled();
    expect(c.listenerCount('will-navigate')).toBe(1);
  });

  it('the IPC handlers answer the window and refuse others', async () => {
    await started();
    const h = ipcMain.handlers.get(apiChannel('checkSlogan'))!;
    expect(await h(eventFrom('app://studio/index.html'), { text: '乌鸡土鸡大公鸡、听说转账就挂机' })).toMatchObject({
      ok: true,
    });
    expect(await h(eventFrom('https://evil.example/'), { text: '乌鸡土鸡大公鸡、听说转账就挂机' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('opens a design file given on the command line once the renderer has loaded', async () => {
    const { win } = await started(['electron', 'main.js', '--inspect', file, join(dir, 'missing.json')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent(win)).toEqual([]); // not yet loaded: queued
    win.webContents.emit('did-finish-load');
    await vi.waitFor(() =>
      expect(sent(win)).toEqual([
        { command: 'open-file', filePath: file, design: DesignSchema.parse(JSON.parse(text)) },
      ]),
    );
  });

  it('menu commands reach the renderer', async () => {
    const { win } = await started();
    win.webContents.emit('did-finish-load');
    const template = Menu.buildFromTemplate.mock.calls[0]![0] as any[];
    const save = template[0].submenu.find((i: any) => i.label === '保存');
    save.click();
    expect(sent(win)).toEqual([{ command: 'save' }]);
  });

  it('a second instance focuses the window and opens its file', async () => {
    const { win } = await started();
    win.webContents.emit('did-finish-load');
    win.minimized = true;
    app.emit('second-instance', {}, ['campaign-studio', file], dir);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    await vi.waitFor(() =>
      expect(sent(win)).toEqual([
        { command: 'open-file', filePath: file, design: DesignSchema.parse(JSON.parse(text)) },
      ]),
    );
  });

  it('when another instance holds the lock, quits without a window', async () => {
    app.lock = false;
    const { win } = await started(['electron', 'main.js', file]);
    expect(win).toBeUndefined();
    expect(app.quit).toHaveBeenCalled();
    expect(BrowserWindow.instances).toHaveLength(0);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
