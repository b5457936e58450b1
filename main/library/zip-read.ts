import { createHash } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Entry, ZipFile } from 'yauzl';
import { StudioError, systemReason } from '../core/index.js';

/** Limits on what we extract from a zip (bundle or backup) — a USB stick's file is untrusted. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, per entry (only checked past 1 MB: tiny files compress well). */
  maxRatio: number;
}
export const DEFAULT_LIMITS: ZipLimits = { maxEntries: 50_000, maxTotalBytes: 20 * 1024 ** 3, maxRatio: 200 };

export interface ExtractedEntry {
  name: string;
  path: string;
  size: number;
  sha256: string;
}

function refuse(zip: string, why: string, cause?: unknown): StudioError {
  return new StudioError('invalid-input', `文件包 ${zip} 不安全或已损坏，未导入任何内容：${why}`, [], { cause });
}

/** Decode an entry name: UTF-8 when flagged or valid, else GBK (what Chinese Windows zippers write). */
export async function decodeName(raw: Buffer, flags: number): Promise<string> {
  if (flags & 0x800) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    const iconv = (await import('iconv-lite')).default;
    return iconv.decode(raw, 'gbk');
  }
}

/** A name we will write under the staging folder: relative, no `..`, no drive, no control characters. */
export function safeName(name: string): string | null {
  if (!name || name.length > 1024 || /[\u0000-\u001f]/.test(name) || name.includes('\\')) return null;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null;
  const parts = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  return parts.some((p) => p === '' || p === '.' || p === '..') ? null : name;
}

/**
 * Extract every file of a zip into `staging` (which must be empty), refusing the whole archive at
 * the first unsafe entry: absolute or `..` paths, symlinks, duplicate names, encrypted entries,
 * too many entries, too many bytes or a suspicious compression ratio, sizes that lie.
 */
export async function extractZip(
  zipPath: string,
  staging: string,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<ExtractedEntry[]> {
  const yauzl = await import('yauzl');
  const zip = await new Promise<ZipFile>((ok, fail) =>
    yauzl.open(
      zipPath,
      { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true },
      (e, z) => (e ? fail(refuse(zipPath, '不是 zip 文件，或文件不完整', e)) : ok(z)),
    ),
  );
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse(zipPath, `条目过多（${zip.entryCount}，上限 ${limits.maxEntries}）`);
  }
  const out: ExtractedEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  try {
    await new Promise<void>((ok, fail) => {
      zip.on('error', (e: Error) => fail(e instanceof StudioError ? e : refuse(zipPath, 'zip 结构损坏', e)));
      zip.on('end', ok);
      zip.on('entry', (entry: Entry) => {
        void (async () => {
          const name = await decodeName(
            (entry as unknown as { fileNameRaw: Buffer }).fileNameRaw,
            entry.generalPurposeBitFlag,
          );
          const safe = safeName(name);
          if (!safe) throw refuse(zipPath, `不安全的路径「${name}」`);
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (mode === 0o120000) throw refuse(zipPath, `包含符号链接「${name}」`);
          if (entry.isEncrypted()) throw refuse(zipPath, `包含加密条目「${name}」`);
          const key = safe.normalize('NFC').toLowerCase();
          if (seen.has(key)) throw refuse(zipPath, `文件名重复「${name}」`);
          seen.add(key);
          if (safe.endsWith('/')) return zip.readEntry();
          total += entry.uncompressedSize;
          if (total > limits.maxTotalBytes)
            throw refuse(zipPath, `解压后总大小超过上限 ${Math.round(limits.maxTotalBytes / 1024 ** 2)} MB`);
          if (
            entry.uncompressedSize > 1024 ** 2 &&
            entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio
          ) {
            throw refuse(
              zipPath,
              `「${name}」压缩比异常（${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}:1），疑似压缩炸弹`,
            );
          }
          const dest = join(staging, 'f', String(out.length));
          await fs.mkdir(dirname(dest), { recursive: true });
          const stream = await new Promise<NodeJS.ReadableStream>((res, rej) =>
            zip.openReadStream(entry, (e, s) => (e ? rej(refuse(zipPath, `「${name}」无法解压`, e)) : res(s))),
          );
          const h = createHash('sha256');
          let n = 0;
          const counter = new Transform({
            transform(chunk: Buffer, _enc, cb) {
              n += chunk.length;
              if (n > entry.uncompressedSize) return cb(refuse(zipPath, `「${name}」实际大小超出声明`));
              h.update(chunk);
              cb(null, chunk);
            },
          });
          try {
            await pipeline(stream, counter, createWriteStream(dest, { flags: 'wx' }));
          } catch (e) {
            throw e instanceof StudioError ? e : refuse(zipPath, `「${name}」解压失败，文件包可能不完整`, e);
          }
          out.push({ name: safe, path: dest, size: n, sha256: h.digest('hex') });
          zip.readEntry();
        })().catch((e: unknown) => {
          zip.close();
          fail(e);
        });
      });
      zip.readEntry();
    });
  } catch (e) {
    if (e instanceof StudioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new StudioError('output-failed', '磁盘已满，文件包未导入，素材库保持原样');
    throw refuse(zipPath, typeof code === 'string' ? systemReason(e) : '解压时出错', e);
  }
  return out;
}
