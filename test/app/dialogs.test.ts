import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDialogs } from '../../main/app/dialogs.js';
import { designFilesIn, FileAccess } from '../../main/app/files.js';
import type { Design, StudioDesign } from '../../main/core/index.js';
import { design } from '../helpers/designs.js';

const dir = mkdtempSync(join(tmpdir(), 'studio-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const text = JSON.stringify(design({ name: '横幅' }));
const exported = join(dir, 'job-out.pdf');
writeFileSync(exported, '%PDF-1.7 test');
const savedDesign = join(dir, 'outbox.csdesign');
writeFileSync(savedDesign, text);
/** What the main side's asset store would do with an opened file: its images by reference (none here). */
const assets = { ingest: async (d: Design) => ({ ...d, assets: {} }) as StudioDesign };

const dialog = { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() };
let files: FileAccess;
let d: ReturnType<typeof createDialogs>;
beforeEach(() => {
  vi.clearAllMocks();
  files = new FileAccess();
  const downloads = {
    get: (id: string) =>
      id === 'a'.repeat(32)
        ? { path: exported, fileName: '鱼市横幅.pdf' }
        : id === 'c'.repeat(32)
          ? { path: savedDesign, fileName: '横幅.csdesign' }
          : undefined,
  };
  d = createDialogs({ dialog: dialog as any, window: () => null, files, downloads, assets });
});
const call = (name: keyof typeof d, input: unknown) => (d[name] as (i: unknown) => Promise<any>)(input);

describe('native dialogs', () => {
  it('open: reads the picked file on the main side and grants its path; the page gets the design', async () => {
    const p = join(dir, 'a.json');
    writeFileSync(p, text);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [p] });
    expect(await call('openDesignFile', {})).toEqual({ canceled: false, filePath: p, design: JSON.parse(text) });
    expect(dialog.showOpenDialog.mock.calls[0]![0]).toMatchObject({ title: '打开设计', properties: ['openFile'] });
    expect(files.isGranted(p)).toBe(true);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await call('openDesignFile', {})).toEqual({ canceled: true });
  });

  it('save: asks where, writes the file saveDesign made, then saves there again without asking', async () => {
    const p = join(dir, 'saved.csdesign');
    const downloadId = 'c'.repeat(32);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: p });
    expect(await call('saveDesignFile', { downloadId, suggestedName: '鱼市横幅' })).toEqual({
      canceled: false,
      filePath: p,
    });
    expect(dialog.showSaveDialog.mock.calls[0]![0]).toMatchObject({
      defaultPath: '鱼市横幅.csdesign',
      filters: [{ extensions: ['csdesign'] }],
    });
    expect(readFileSync(p, 'utf8')).toBe(text);
    await call('saveDesignFile', { downloadId, filePath: p });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('save: refuses a path the user never picked, and a file that is not a saved design', async () => {
    const downloadId = 'c'.repeat(32);
    await expect(call('saveDesignFile', { downloadId, filePath: join(dir, 'elsewhere.json') })).rejects.toThrow(
      /另存为/,
    );
    await expect(call('saveDesignFile', { downloadId: 'a'.repeat(32) })).rejects.toThrow(/再保存一次/);
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('export: copies the finished file where the user says; unknown ids refused', async () => {
    const p = join(dir, 'out.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: p });
    expect(await call('saveExportFile', { downloadId: 'a'.repeat(32) })).toEqual({ canceled: false, filePath: p });
    expect(dialog.showSaveDialog.mock.calls[0]![0]).toMatchObject({
      defaultPath: '鱼市横幅.pdf',
      filters: [{ extensions: ['pdf'] }],
    });
    expect(readFileSync(p, 'utf8')).toBe('%PDF-1.7 test');
    await expect(call('saveExportFile', { downloadId: 'b'.repeat(32) })).rejects.toThrow(/重新导出/);
  });

  it('command line: existing .csdesign and .json files only', async () => {
    const p = join(dir, 'cli.json');
    const q = join(dir, '横幅.CSDESIGN');
    writeFileSync(p, text);
    writeFileSync(q, text);
    expect(
      await designFilesIn(['--flag', 'dist/main/app/main.js', 'cli.json', 'missing.json', 'notes.txt', p, q], dir),
    ).toEqual([p, q]);
  });
});
