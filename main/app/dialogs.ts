import { promises as fs } from 'node:fs';
import { basename } from 'node:path';
import type { BaseWindow, Dialog, Shell } from 'electron';
import { z } from 'zod';
import { DownloadIdSchema, MAX_DESIGN_TEXT_CHARS } from '../core/api.js';
import { SampleIdSchema } from '../core/api-library.js';
import { DESIGN_EXT, DESIGN_EXTS, isDesignFileName } from '../core/design-file.js';
import { StudioError } from '../core/index.js';
import { openDesign } from '../server/handlers/files.js';
import type { Downloads } from '../server/downloads.js';
import { primaryFile } from '../server/handlers/library.js';
import type { LibraryHost } from '../server/library-host.js';
import type { DialogName } from './channels.js';
import { readDesignFile, writeFileAtomic, type FileAccess } from './files.js';

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

export const DIALOG_INPUTS = {
  openDesignFile: z.object({}).strict(),
  saveDesignFile: z
    .object({
      /** The text saveDesign returned. */
      text: z.string().min(1).max(MAX_DESIGN_TEXT_CHARS, '设计文件过大（超过 64 MB）'),
      /** Save to this file without asking (保存): only a path this session opened or saved. */
      filePath: z.string().min(1).max(4096).optional(),
      /** The name offered in the dialog (另存为). */
      suggestedName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^\\/:*?"<>|\0]+$/, '文件名不能含 \\ / : * ? " < > |')
        .optional(),
    })
    .strict(),
  saveExportFile: z.object({ downloadId: DownloadIdSchema }).strict(),
  /** The library's folder in the file manager; with a sample's id, its main file selected there. */
  showLibraryFolder: z.object({ id: SampleIdSchema.optional() }).strict(),
} as const satisfies Record<DialogName, z.ZodType>;

export type DialogValue = { canceled: true } | { canceled: false; filePath: string; text?: string };

export interface DialogDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  /** The window the dialogs belong to (modal). */
  window: () => BaseWindow | null;
  files: FileAccess;
  downloads: Pick<Downloads, 'get'>;
  /** For showLibraryFolder: the file manager, and the library whose folder it shows. */
  shell?: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  library?: Pick<LibraryHost, 'get'>;
}

const withDesignExt = (name: string) =>
  isDesignFileName(name) ? name.replace(/\.json$/i, DESIGN_EXT) : `${name}${DESIGN_EXT}`;

export function createDialogs(deps: DialogDeps): Record<DialogName, (input: never) => Promise<DialogValue>> {
  const open = (opts: Electron.OpenDialogOptions) => {
    const w = deps.window();
    return w ? deps.dialog.showOpenDialog(w, opts) : deps.dialog.showOpenDialog(opts);
  };
  const save = (opts: Electron.SaveDialogOptions) => {
    const w = deps.window();
    return w ? deps.dialog.showSaveDialog(w, opts) : deps.dialog.showSaveDialog(opts);
  };
  return {
    async openDesignFile(_: z.infer<typeof DIALOG_INPUTS.openDesignFile>) {
      const r = await open({ title: '打开设计', filters: OPEN_FILTERS, properties: ['openFile'] });
      const picked = r.filePaths[0];
      if (r.canceled || !picked) return { canceled: true };
      const filePath = deps.files.grant(picked);
      return { canceled: false, filePath, text: await readDesignFile(filePath) };
    },
    async saveDesignFile({ text, filePath, suggestedName }: z.infer<typeof DIALOG_INPUTS.saveDesignFile>) {
      openDesign(text); // only a valid design is written (throws a StudioError naming the bad fields)
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
      await writeFileAtomic(granted, text);
      return { canceled: false, filePath: granted };
    },
    async saveExportFile({ downloadId }: z.infer<typeof DIALOG_INPUTS.saveExportFile>) {
      const hit = deps.downloads.get(downloadId);
      if (!hit) throw new StudioError('invalid-input', '找不到导出的文件（可能已过期），请重新导出');
      const ext = hit.fileName.slice(hit.fileName.lastIndexOf('.')).toLowerCase();
      const filter = EXPORT_FILTERS[ext === '.jpeg' ? '.jpg' : ext];
      const r = await save({
        title: '保存导出文件',
        defaultPath: basename(hit.fileName),
        ...(filter ? { filters: [filter] } : {}),
      });
      if (r.canceled || !r.filePath) return { canceled: true };
      await fs.copyFile(hit.path, r.filePath);
      return { canceled: false, filePath: r.filePath };
    },
    async showLibraryFolder({ id }: z.infer<typeof DIALOG_INPUTS.showLibraryFolder>) {
      // Only the library's own folder or a file inside it: the page names a sample, never a path.
      if (!deps.shell || !deps.library) throw new StudioError('invalid-input', '这里不能打开文件夹');
      const lib = await deps.library.get();
      if (id === undefined) {
        const problem = await deps.shell.openPath(lib.dir);
        if (problem) throw new StudioError('output-failed', `无法打开样本库文件夹 ${lib.dir}：${problem}`);
        return { canceled: false, filePath: lib.dir };
      }
      const sample = lib.get(id);
      if (!sample) throw new StudioError('invalid-input', '样本库中没有这个样本（可能已被彻底删除），请刷新后再试');
      const f = primaryFile(sample);
      const path = f ? lib.blobs.path(f.sha256) : lib.dir;
      deps.shell.showItemInFolder(path);
      return { canceled: false, filePath: path };
    },
  };
}
