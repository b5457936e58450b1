import { promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { StudioError, type Sample, type SampleMetaInput } from '../core/index.js';
import { createHash } from 'node:crypto';
import type { Library } from './library.js';
import { detectType, MAX_IMPORT_BYTES, MIME, sniff } from './sniff.js';
import { thumbnailFor } from './thumbnail.js';

export interface ImportResult {
  sample: Sample;
  /** true when the same content was already in the library (nothing added). */
  duplicate: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Import one external file (JPEG, PNG, WebP, TIFF, PDF), checked by content, with a thumbnail. */
export async function importFile(
  lib: Library,
  path: string,
  meta: Partial<SampleMetaInput> = {},
): Promise<ImportResult> {
  const name = basename(path);
  let data: Buffer;
  try {
    const st = await fs.stat(path);
    if (!st.isFile()) throw new StudioError('invalid-input', `${path} 不是文件`);
    if (st.size > MAX_IMPORT_BYTES) throw new StudioError('too-large', `${name}：文件超过 500 MB`);
    data = await fs.readFile(path);
  } catch (e) {
    if (e instanceof StudioError) throw e;
    throw new StudioError('invalid-input', `无法读取 ${path}`, [String((e as Error).message)]);
  }
  const type = detectType(data, name);
  const sha = createHash('sha256').update(data).digest('hex');
  const existing = lib.findByFile(sha, 'original');
  if (existing) return { sample: existing, duplicate: true };
  const info = await thumbnailFor(type, data, name);
  const st = await fs.stat(path);
  const sample = await lib.add(
    {
      title: basename(name, extname(name)) || name,
      publishedAt: st.mtime.toISOString().slice(0, 10) || today(),
      format: type === 'pdf' ? `PDF ${info.pages ?? 1} 页` : `${info.widthPx}×${info.heightPx} 像素`,
      kind: type === 'pdf' ? 'poster' : 'wechat',
      ...meta,
    },
    [
      { role: 'original', data, mime: MIME[type], name },
      { role: 'thumbnail', data: info.thumbnail, mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ],
  );
  return { sample, duplicate: false };
}

export interface FolderProgress {
  done: number;
  total: number;
  path: string;
  result?: ImportResult;
  error?: StudioError;
}

/** Files under a folder (recursively, hidden ones skipped), sorted for a stable order. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out.sort();
}

/**
 * Import every supported file under a folder, each in its own transaction (a crash loses at most
 * the file in hand). Files that are not images or PDFs are skipped silently; bad ones are reported
 * and skipped. Two files are prepared at a time (sharp decodes on the thread pool).
 */
export async function importFolder(
  lib: Library,
  dir: string,
  meta: Partial<SampleMetaInput> = {},
  onProgress?: (p: FolderProgress) => void,
): Promise<{ imported: number; duplicates: number; failed: number; skipped: number }> {
  const all = await listFiles(dir);
  const files: string[] = [];
  let skipped = 0;
  for (const f of all) {
    const fh = await fs.open(f, 'r');
    const head = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(head, 0, 4096, 0).finally(() => fh.close());
    const t = sniff(head.subarray(0, bytesRead));
    if (t === null) skipped++;
    else files.push(f); // SVG goes on, to be refused with a message
  }
  let done = 0;
  const counts = { imported: 0, duplicates: 0, failed: 0, skipped };
  for (const path of files) {
    try {
      const result = await importFile(lib, path, meta);
      if (result.duplicate) counts.duplicates++;
      else counts.imported++;
      onProgress?.({ done: ++done, total: files.length, path, result });
    } catch (e) {
      if (!(e instanceof StudioError)) throw e;
      if (e.code === 'output-failed') throw e; // disk full and the like: stop, do not skip
      counts.failed++;
      onProgress?.({ done: ++done, total: files.length, path, error: e });
    }
  }
  return counts;
}
