import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialogChannel } from '../../main/app/channels.js';
import { createDialogs } from '../../main/app/dialogs.js';
import { FileAccess } from '../../main/app/files.js';
import { bindIpc } from '../../main/app/ipc.js';
import { createHandlers } from '../../main/server/handlers/index.js';
import { testContext } from '../helpers/context.js';
import { jpeg } from '../library/fixtures.js';
import { eventFrom, shell } from './electron-mock.js';

/*
 * 「在文件夹中显示」 on the desktop (issue #6): a dialog-style IPC method that opens the library's
 * folder, or selects a sample's main file in it, through electron's shell. The page names a
 * sample id, never a path; the sender is checked and the input parsed like every other channel.
 */
const ctx = testContext();
afterAll(() => ctx.dispose());
const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
const dialogs = createDialogs({
  dialog: dialog as any,
  window: () => null,
  files: new FileAccess(),
  downloads: ctx.downloads,
  assets: ctx.assets,
  shell,
  library: ctx.library,
});
const channels = new Map<string, (event: unknown, input?: unknown) => Promise<any>>();
bindIpc(
  { handle: (c: string, h: any) => void channels.set(c, h) } as any,
  createHandlers(ctx),
  dialogs,
  () => undefined,
  ctx.uploads,
);
const show = (event: unknown, input: unknown) => channels.get(dialogChannel('showLibraryFolder'))!(event, input);
const GOOD = eventFrom('app://studio/index.html');

beforeEach(() => vi.clearAllMocks());

describe('showLibraryFolder', () => {
  it('opens the library folder', async () => {
    expect(await show(GOOD, {})).toEqual({ ok: true, value: { canceled: false, filePath: ctx.libraryDir } });
    expect(shell.openPath).toHaveBeenCalledWith(ctx.libraryDir);
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it("selects a sample's main file (the imported original) in the file manager", async () => {
    const lib = await ctx.library.get();
    const data = await jpeg(20, 20);
    const s = await lib.add({ title: '鱼市照片', publishedAt: '2025-04-02' }, [
      { role: 'original', data, mime: 'image/jpeg', name: '鱼市.jpg' },
      { role: 'thumbnail', data, mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ]);
    const r = await show(GOOD, { id: s.id });
    expect(r).toEqual({ ok: true, value: { canceled: false, filePath: lib.blobs.path(s.files[0]!.sha256) } });
    expect(shell.showItemInFolder).toHaveBeenCalledWith(lib.blobs.path(s.files[0]!.sha256));
    const missing = await show(GOOD, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(missing.error.message).toMatch(/没有这个样本/);
  });

  it('refuses other senders and anything but a sample id (never a path)', async () => {
    expect(await show(eventFrom('https://evil.example/'), {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    for (const bad of [{ id: '/etc' }, { path: '/etc/passwd' }, { id: '../..' }]) {
      const r = await show(GOOD, bad);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(r.error.message).toMatch(/\p{Script=Han}/u);
    }
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('reports a folder the system cannot open', async () => {
    shell.openPath.mockResolvedValueOnce('Failed to open path');
    const r = await show(GOOD, {});
    expect(r).toMatchObject({ ok: false, error: { code: 'output-failed' } });
    expect(r.error.message).toMatch(/无法打开素材库文件夹/);
  });

  it('without a shell (tests, other hosts) it says so instead of failing oddly', async () => {
    const plain = createDialogs({
      dialog: dialog as any,
      window: () => null,
      files: new FileAccess(),
      downloads: ctx.downloads,
      assets: ctx.assets,
    });
    await expect(plain.showLibraryFolder({})).rejects.toThrow(/不能打开文件夹/);
  });
});
