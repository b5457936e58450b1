import { call, errorMessage, unwrap, upload, type Uploaded } from './api-client.js';
import { transport } from './transport.js';

/*
 * The library screen's calls beyond plain `call`: uploading many files, files out of
 * a drop (folders too), and "show in folder" (desktop) or the folder's path (browser mode).
 */

export interface UploadOutcome {
  uploaded: { up: Uploaded; file: File }[];
  failed: { name: string; reason: string }[];
}

/** Hands files to the main side, three at a time, in their order; a file that fails is reported by name and the rest go on. */
export async function uploadFiles(
  files: readonly File[],
  onProgress: (done: number) => void,
  signal?: AbortSignal,
): Promise<UploadOutcome> {
  const slots: ({ up: Uploaded; file: File } | { name: string; reason: string } | undefined)[] = new Array(
    files.length,
  );
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const i = next++;
      const file = files[i]!;
      try {
        slots[i] = { up: await upload(file), file };
      } catch (e) {
        slots[i] = { name: file.name, reason: errorMessage(e) };
      }
      onProgress(++done);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  const out: UploadOutcome = { uploaded: [], failed: [] };
  for (const s of slots) {
    if (s && 'up' in s) out.uploaded.push(s);
    else if (s) out.failed.push(s);
  }
  return out;
}

/** Names the file manager keeps in folders that are not material. */
const SYSTEM_FILE = /^(\.|thumbs\.db$|desktop\.ini$)/i;
export const isSystemFile = (name: string): boolean => SYSTEM_FILE.test(name);

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
}
interface FileEntry extends Entry {
  file(ok: (f: File) => void, fail: (e: unknown) => void): void;
}
interface DirEntry extends Entry {
  createReader(): { readEntries(ok: (entries: Entry[]) => void, fail: (e: unknown) => void): void };
}

async function walk(entry: Entry, out: File[], limit: number): Promise<void> {
  if (out.length >= limit || isSystemFile(entry.name)) return;
  if (entry.isFile) {
    out.push(await new Promise<File>((ok, fail) => (entry as FileEntry).file(ok, fail)));
    return;
  }
  if (!entry.isDirectory) return;
  const reader = (entry as DirEntry).createReader();
  // readEntries gives a batch at a time (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    for (const e of batch) await walk(e, out, limit);
  }
}

/** Every file of a drop, folders walked (hidden and system files left out), at most `limit`. */
export async function filesFromDrop(dt: DataTransfer, limit = 10_000): Promise<File[]> {
  const entries = Array.from(dt.items)
    .filter((i) => i.kind === 'file')
    .map((i) => (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length && entries.every((e) => e !== null)) {
    const out: File[] = [];
    for (const e of entries) await walk(e!, out, limit);
    return out;
  }
  return Array.from(dt.files)
    .filter((f) => !isSystemFile(f.name))
    .slice(0, limit);
}

/** The desktop app opens the file manager; browser mode cannot, so the caller shows `path` instead. */
export async function showInFolder(id?: string): Promise<{ opened: boolean; path: string }> {
  const desktop = transport.desktop;
  if (desktop) {
    const r = unwrap(await desktop.showLibraryFolder({ id }));
    return { opened: true, path: r.canceled ? '' : r.filePath };
  }
  const loc = await call('libraryLocation', { id });
  return { opened: false, path: loc.file ?? loc.folder };
}

/** "1.2 MB" */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
