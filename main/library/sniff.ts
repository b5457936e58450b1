import { StudioError } from '../core/index.js';

export type FileType = 'jpeg' | 'png' | 'webp' | 'tiff' | 'pdf';

export const MIME: Record<FileType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  tiff: 'image/tiff',
  pdf: 'application/pdf',
};
export const EXT: Record<FileType, string> = { jpeg: '.jpg', png: '.png', webp: '.webp', tiff: '.tif', pdf: '.pdf' };

/** Largest file we import (a print PDF of a big banner can be large; a photo is a few MB). */
export const MAX_IMPORT_BYTES = 500 * 1024 * 1024;

/** The type of a file by its first bytes (magic numbers) — never by its name. */
export function sniff(head: Buffer): FileType | 'svg' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  if (head.length >= 4 && (head.toString('latin1', 0, 4) === 'II*\0' || head.toString('latin1', 0, 4) === 'MM\0*'))
    return 'tiff';
  // PDF readers accept the header within the first 1 KB; so do we.
  if (head.subarray(0, 1024).includes('%PDF-', 0, 'latin1')) return 'pdf';
  const text = head
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (
    text.startsWith('<svg') ||
    ((text.startsWith('<?xml') || text.startsWith('<!doctype svg')) && text.includes('<svg'))
  )
    return 'svg';
  return null;
}

/** Check the content and say, in Chinese, what is wrong with a file we cannot take. */
export function detectType(data: Buffer, name: string): FileType {
  if (data.length === 0) throw new StudioError('bad-image', `${name}：文件为空`);
  if (data.length > MAX_IMPORT_BYTES) throw new StudioError('too-large', `${name}：文件超过 500 MB`);
  const t = sniff(data);
  if (t === 'svg') {
    throw new StudioError('bad-image', `${name}：不接受 SVG 文件`, [
      'SVG 可能引用外部文件或网址，素材库只收 JPEG、PNG、WebP、TIFF 和 PDF；请先导出为 PNG 或 PDF',
    ]);
  }
  if (!t)
    throw new StudioError('bad-image', `${name}：不是支持的文件类型（按内容判断，不看扩展名）`, [
      '素材库接受 JPEG、PNG、WebP、TIFF 和 PDF',
    ]);
  return t;
}
