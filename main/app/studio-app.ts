import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
  type BrowserWindow as Win,
} from 'electron';
import { appRoot } from '../engine/paths.js';
import { createStudioContext, type StudioContext } from '../server/context.js';
import { createHandlers } from '../server/handlers/index.js';
import { consoleLogger, type Logger } from '../server/handlers/result.js';
import { defaultLibraryDir } from '../server/library-host.js';
import { createResources } from '../server/resources.js';
import { COMMAND_CHANNEL, type StudioCommand } from './channels.js';
import { createDialogs, openDesignPath } from './dialogs.js';
import { designFilesIn, FileAccess } from './files.js';
import { bindIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { createProtocolHandler, PRIVILEGED_SCHEME } from './protocol.js';
import { hardenContents, hardenSession, SCHEME } from './security.js';
import { createMainWindow, focusWindow } from './window.js';

/*
 * Wires the shell together. Order matters: the scheme is registered as privileged and the single
 * instance lock taken synchronously, before `ready`; everything else once Electron is ready.
 */

export interface StudioAppOptions {
  argv?: readonly string[];
  cwd?: string;
  rendererDir?: string;
  preload?: string;
  /** The sample library's folder; default <Documents>/反诈物料工作室/素材库. */
  libraryDir?: string;
  log?: Logger;
}

export interface StudioApp {
  /** Resolves once the window exists (undefined if another instance already runs). */
  ready: Promise<Win | undefined>;
  /** Queue or send a command to the renderer. */
  send(command: StudioCommand): void;
}

const here = dirname(fileURLToPath(import.meta.url));

export function startStudioApp(opts: StudioAppOptions = {}): StudioApp {
  const log = opts.log ?? consoleLogger;
  protocol.registerSchemesAsPrivileged([PRIVILEGED_SCHEME]);

  let win: Win | undefined;
  let loaded = false;
  const pending: StudioCommand[] = [];
  const send = (command: StudioCommand): void => {
    if (win && loaded && !win.isDestroyed()) win.webContents.send(COMMAND_CHANNEL, command);
    else pending.push(command);
  };
  const files = new FileAccess();
  let context: (ctx: StudioContext) => void;
  const contextReady = new Promise<StudioContext>((resolve) => (context = resolve));
  const openFiles = async (argv: readonly string[], cwd: string): Promise<void> => {
    for (const path of await designFilesIn(argv, cwd)) {
      try {
        const filePath = files.grant(path);
        send({ command: 'open-file', filePath, design: await openDesignPath(filePath, (await contextReady).assets) });
      } catch (err) {
        dialog.showErrorBox('无法打开设计文件', err instanceof Error ? err.message : String(err));
      }
    }
  };

  if (!app.requestSingleInstanceLock()) {
    // The first instance gets our arguments through 'second-instance' and opens the files.
    app.quit();
    return { ready: Promise.resolve(undefined), send };
  }
  app.on('second-instance', (_event, argv, cwd) => {
    if (win) focusWindow(win);
    void openFiles(argv.slice(1), cwd);
  });

  app.on('web-contents-created', (_event, contents) => hardenContents(contents, (url) => shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(() => {
    const ctx = createStudioContext({
      log,
      libraryDir: opts.libraryDir ?? defaultLibraryDir(app.getPath('documents')),
      assetsDir: join(app.getPath('userData'), 'images'),
    });
    context(ctx);
    app.on('will-quit', () => void ctx.close());
    hardenSession(session.defaultSession);
    protocol.handle(
      SCHEME,
      createProtocolHandler(opts.rendererDir ?? join(appRoot(), 'renderer', 'dist'), createResources(ctx)),
    );
    const dialogs = createDialogs({
      dialog,
      window: () => win ?? null,
      files,
      downloads: ctx.downloads,
      assets: ctx.assets,
      shell,
      library: ctx.library,
    });
    bindIpc(ipcMain, createHandlers(ctx), dialogs, log, ctx.uploads);
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate((command) => send({ command }))));
    win = createMainWindow(BrowserWindow, opts.preload ?? join(here, 'preload.cjs'));
    win.webContents.on('did-finish-load', () => {
      loaded = true;
      for (const c of pending.splice(0)) send(c);
    });
    win.on('closed', () => {
      win = undefined;
      loaded = false;
    });
    void openFiles((opts.argv ?? process.argv).slice(1), opts.cwd ?? process.cwd());
    return win;
  });
  return { ready, send };
}
