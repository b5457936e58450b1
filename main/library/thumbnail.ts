import { StudioError } from '../core/index.js';
import { checkPixels } from '../core/image-size.js';
import { MAX_IMAGE_PIXELS } from '../core/limits.js';
import type { FileType } from './sniff.js';

/** Thumbnails fit in this square; JPEG on white, small enough for a grid of hundreds. */
export const THUMB_PX = 400;

export interface ImageInfo {
  widthPx: number;
  heightPx: number;
  thumbnail: Buffer;
  pages?: number;
  /** A PDF's first page (UserUnit applied); an image's stamped resolution, if any. */
  widthMm?: number;
  heightMm?: number;
  dpi?: number;
}

async function loadSharp() {
  return (await import('sharp')).default;
}

function bad(name: string, why: string, cause?: unknown): StudioError {
  return new StudioError('bad-image', `${name}：${why}`, [], { cause });
}

/**
 * Check an image from its header (pixel count, before any decoding, so a 16,000×16,000 PNG bomb
 * costs nothing) and then decode it fully into a thumbnail, which also finds truncated files.
 */
export async function imageThumbnail(data: Buffer, name: string): Promise<ImageInfo> {
  const sharp = await loadSharp();
  let w: number, h: number;
  let dpi: number | undefined;
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata();
    if (!meta.width || !meta.height) throw new Error('no size');
    w = meta.width;
    h = meta.height;
    dpi = meta.density;
  } catch (e) {
    throw bad(name, '文件已损坏或不是图片', e);
  }
  checkPixels(`图片「${name}」`, w, h);
  try {
    const thumbnail = await sharp(data, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      failOn: 'truncated',
      sequentialRead: true,
    })
      .rotate()
      .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80, mozjpeg: false })
      .toBuffer();
    return { widthPx: w, heightPx: h, thumbnail, ...(dpi ? { dpi } : {}) };
  } catch (e) {
    throw bad(name, '解码失败，文件可能不完整或已损坏', e);
  }
}

/** A PDF: must end with %%EOF (a truncated download does not) and open in MuPDF; page 1 becomes the thumbnail. */
export async function pdfThumbnail(data: Buffer, name: string): Promise<ImageInfo> {
  const tail = data.subarray(Math.max(0, data.length - 2048)).toString('latin1');
  if (!tail.includes('%%EOF')) throw bad(name, 'PDF 文件不完整（缺少文件尾 %%EOF），可能只复制了一部分');
  let png: Uint8Array;
  let pages: number;
  let wPt: number, hPt: number;
  try {
    const mupdf = await import('mupdf');
    const doc = mupdf.Document.openDocument(data, 'application/pdf');
    try {
      pages = doc.countPages();
      if (pages < 1) throw new Error('没有页面');
      const page = doc.loadPage(0);
      const [x0, y0, x1, y1] = page.getBounds();
      wPt = x1 - x0;
      hPt = y1 - y0;
      if (!(wPt > 0 && hPt > 0)) throw new Error('页面尺寸无效');
      const s = Math.min((2 * THUMB_PX) / Math.max(wPt, hPt), 4);
      const pix = page.toPixmap([s, 0, 0, s, 0, 0], mupdf.ColorSpace.DeviceRGB, false, true);
      png = pix.asPNG();
      pix.destroy();
      page.destroy();
    } finally {
      doc.destroy();
    }
  } catch (e) {
    throw bad(name, 'PDF 无法打开，文件可能已损坏', e);
  }
  const sharp = await loadSharp();
  const thumbnail = await sharp(Buffer.from(png))
    .resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
  // MuPDF applies a page's UserUnit (our banners over 5 m carry one): points are true points.
  const mm = (pt: number) => Math.round(((pt * 25.4) / 72) * 10) / 10;
  return { widthPx: Math.round(wPt), heightPx: Math.round(hPt), widthMm: mm(wPt), heightMm: mm(hPt), thumbnail, pages };
}

export function thumbnailFor(type: FileType, data: Buffer, name: string): Promise<ImageInfo> {
  return type === 'pdf' ? pdfThumbnail(data, name) : imageThumbnail(data, name);
}
