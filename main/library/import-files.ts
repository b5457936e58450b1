import { promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { StudioError, systemReason, type Sample, type SampleMetaInput } from '../core/index.js';
import { createHash } from 'node:crypto';
import type { Library } from './library.js';
import { guessKind } from './guess-kind.js';
import { detectType, MAX_IMPORT_BYTES, MIME, sniff, type FileType } from './sniff.js';
import { thumbnailFor, type ImageInfo } from './thumbnail.js';

export interface ImportResult {
  sample: Sample;
  /** true when the same content was already in the library (nothing added). */
  duplicate: boolean;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The sample's size text: print size in cm for a PDF, pixels for an image. */
function formatText(type: FileType, info: ImageInfo): string {
  if (type !== 'pdf') return `${info.widthPx}×${info.heightPx} 像素`;
  const cm = (mm?: number) => Math.round((mm ?? 0) / 10);
  return `${cm(info.widthMm)}×${cm(info.heightMm)} cm，PDF ${info.pages ?? 1} 页`;
}

/**
 * Import one external file (JPEG, PNG, WebP, TIFF, PDF), checked by content, with a thumbnail.
 * Its kind is guessed from its size (a 6 m PDF is a banner, a 1080×1920 PNG a WeChat image);
 * `meta.kind` — the user's own choice — wins.
 */
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
    throw new StudioError('invalid-input', `无法读取 ${path}：${systemReason(e)}`, [], { cause: e });
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
      format: formatText(type, info),
      kind: guessKind(info),
      ...(info.widthMm && info.heightMm ? { widthMm: info.widthMm, heightMm: info.heightMm } : {}),
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

/** A file a folder import leaves out, and why (the user sees each one). */
export interface SkippedFile {
  path: string;
  reason: string;
}

/**
 * Files under a folder (recursively), sorted for a stable order, and what was left out: hidden
 * files and folders (names starting with a dot), links and other non-files, each with its reason.
 */
export async function listFiles(dir: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.name.startsWith('.')) skipped.push({ path: p, reason: e.isDirectory() ? '隐藏文件夹，未查看' : '隐藏文件' });
    else if (e.isDirectory()) {
      const sub = await listFiles(p);
      files.push(...sub.files);
      skipped.push(...sub.skipped);
    } else if (e.isFile()) files.push(p);
    else skipped.push({ path: p, reason: e.isSymbolicLink() ? '快捷方式（链接），未跟随' : '不是普通文件' });
  }
  files.sort();
  return { files, skipped };
}

/** Why a file of a folder is not even tried: not an image or PDF by its first bytes. */
async function skipReason(path: string): Promise<string | null> {
  let head: Buffer;
  try {
    const fh = await fs.open(path, 'r');
    try {
      const buf = Buffer.alloc(4096);
      const { bytesRead } = await fh.read(buf, 0, 4096, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return `无法读取：${systemReason(e)}`;
  }
  if (head.length === 0) return '文件为空';
  // SVG goes on, to be refused with its own message.
  return sniff(head) === null ? '不是图片或 PDF（按内容判断，素材库收 JPEG、PNG、WebP、TIFF 和 PDF）' : null;
}

/**
 * Import every supported file under a folder, each in its own transaction (a crash loses at most
 * the file in hand). Files that are not images or PDFs are skipped and named with the reason
 * (`skipped`); bad ones are reported through `onProgress` and counted as failed.
 */
export async function importFolder(
  lib: Library,
  dir: string,
  meta: Partial<SampleMetaInput> = {},
  onProgress?: (p: FolderProgress) => void,
): Promise<{ imported: number; duplicates: number; failed: number; skipped: SkippedFile[] }> {
  const listed = await listFiles(dir);
  const files: string[] = [];
  const skipped = [...listed.skipped];
  for (const f of listed.files) {
    const reason = await skipReason(f);
    if (reason) skipped.push({ path: f, reason });
    else files.push(f);
  }
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
