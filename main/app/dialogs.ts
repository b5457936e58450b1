import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { BaseWindow, Dialog, Shell } from 'electron';
import type { DialogInput } from '../core/api-dialogs.js';
import type { DialogName, DialogValue, OpenedValue } from '../core/bridge.js';
import { DESIGN_EXT, DESIGN_EXTS, isDesignFileName } from '../core/design-file.js';
import { StudioError, type StudioDesign } from '../core/index.js';
import { readDesignFile } from '../engine/load-design.js';
import { withAtomicFile } from '../node/atomic.js';
import type { AssetStore } from '../server/assets.js';
import type { Downloads } from '../server/downloads.js';
import { primaryFile } from '../server/handlers/library.js';
import type { LibraryHost } from '../server/library-host.js';
import type { FileAccess } from './files.js';

/*
 * The native open/save dialogs, each behind its own IPC method whose input is parsed here like
 * the API's. The renderer never names a path it was not given: saving to an existing path needs
 * that path to have come from a dialog or the command line (FileAccess).
 */

/** Open offers new and older (.json) designs; save writes .csdesign only. */
const OPEN_FILTERS = [{ name: '反诈物料设计文件', extensions: DESIGN_EXTS.map((e) => e.slice(1)) }];
const SAVE_FILTERS = [{ name: '反诈物料设计文件', extensions: [DESIGN_EXT.slice(1)] }];
const EXPORT_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.pdf': { name: 'PDF 文件', extensions: ['pdf'] },
  '.png': { name: 'PNG 图片', extensions: ['png'] },
  '.jpg': { name: 'JPEG 图片', extensions: ['jpg', 'jpeg'] },
  '.webp': { name: 'WebP 图片', extensions: ['webp'] },
  '.zip': { name: 'ZIP 压缩包', extensions: ['zip'] },
  '.csv': { name: 'CSV 表格', extensions: ['csv'] },
};

export interface DialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialogs belong to (modal). */
  window: () => BaseWindow | null;
  files: FileAccess;
  downloads: Pick<Downloads, 'get'>;
  /** Where an opened file's images are kept (the page edits the design by reference). */
  assets: Pick<AssetStore, 'ingest'>;
  /** For showLibraryFolder: the file manager, and the library whose folder it shows. */
  shell?: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  library?: Pick<LibraryHost, 'get'>;
}

const withDesignExt = (name: string) =>
  isDesignFileName(name) ? name.replace(/\.json$/i, DESIGN_EXT) : `${name}${DESIGN_EXT}`;

/** A design file from disk as the page edits it: checked, its images kept on the main side. */
export async function openDesignPath(path: string, assets: Pick<AssetStore, 'ingest'>): Promise<StudioDesign> {
  return assets.ingest(await readDesignFile(path));
}

/** A finished file copied to where the user chose, atomically (a failed copy leaves the old file). */
async function copyOut(from: string, to: string): Promise<void> {
  await withAtomicFile(to, (f) => fs.copyFile(from, f.tempPath));
}

/** Each dialog's implementation, its input parsed already (ipc.ts). */
export type Dialogs = {
  [D in DialogName]: (input: DialogInput<D>) => Promise<D extends 'openDesignFile' ? OpenedValue : DialogValue>;
};

export function createDialogs(deps: DialogDeps): Dialogs {
  const open = (opts: Electron.OpenDialogOptions) => {
    const w = deps.window();
    return w ? deps.dialog.showOpenDialog(w, opts) : deps.dialog.showOpenDialog(opts);
  };
  const save = (opts: Electron.SaveDialogOptions) => {
    const w = deps.window();
    return w ? deps.dialog.showSaveDialog(w, opts) : deps.dialog.showSaveDialog(opts);
  };
  return {
    async openDesignFile() {
      const r = await open({ title: '打开设计', filters: OPEN_FILTERS, properties: ['openFile'] });
      const picked = r.filePaths[0];
      if (r.canceled || !picked) return { canceled: true };
      const filePath = deps.files.grant(picked);
      return { canceled: false, filePath, design: await openDesignPath(filePath, deps.assets) };
    },
    async saveDesignFile({ downloadId, filePath, suggestedName }) {
      // Only a file saveDesign wrote (checked by the schema, images embedded) is saved.
      const hit = deps.downloads.get(downloadId);
      if (!hit || !isDesignFileName(hit.fileName))
        throw new StudioError('invalid-input', '找不到要保存的设计文件（可能已过期），请再保存一次');
      let target = filePath;
      if (target !== undefined && !deps.files.isGranted(target)) {
        throw new StudioError('invalid-input', '只能保存到本次打开或保存过的文件：请用「另存为」选择位置');
      }
      if (target === undefined) {
        const r = await save({
          title: '保存设计',
          defaultPath: withDesignExt(suggestedName ?? '未命名设计'),
          filters: SAVE_FILTERS,
        });
        if (r.canceled || !r.filePath) return { canceled: true };
        target = r.filePath;
      }
      const granted = deps.files.grant(target);
      await copyOut(hit.path, granted);
      return { canceled: false, filePath: granted };
    },
    async saveExportFile({ downloadId }) {
      const hit = deps.downloads.get(downloadId);
      if (!hit) throw new StudioError('invalid-input', '找不到导出的文件（可能已过期），请重新导出');
      const ext = hit.fileName.slice(hit.fileName.lastIndexOf('.')).toLowerCase();
      const filter = EXPORT_FILTERS[ext === '.jpeg' ? '.jpg' : ext];
      const r = await save({
        title: '保存导出文件',
        defaultPath: basename(hit.fileName),
        filters: filter && [filter],
      });
      if (r.canceled || !r.filePath) return { canceled: true };
      await copyOut(hit.path, r.filePath);
      return { canceled: false, filePath: r.filePath };
    },
    async showLibraryFolder({ id }) {
      // Only the library's own folder or a file inside it: the page names a sample, never a path.
      if (!deps.shell || !deps.library) throw new StudioError('invalid-input', '这里不能打开文件夹');
      const lib = await deps.library.get();
      if (id === undefined) {
        const problem = await deps.shell.openPath(lib.dir);
        if (problem) throw new StudioError('output-failed', `无法打开素材库文件夹 ${lib.dir}：${problem}`);
        return { canceled: false, filePath: lib.dir };
      }
      const sample = lib.get(id);
      if (!sample) throw new StudioError('invalid-input', '素材库中没有这个样本（可能已被彻底删除），请刷新后再试');
      const f = primaryFile(sample);
      const path = f ? lib.blobs.path(f.sha256) : lib.dir;
      deps.shell.showItemInFolder(path);
      return { canceled: false, filePath: path };
    },
  };
}
