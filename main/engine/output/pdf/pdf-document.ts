import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { StudioError, systemReason } from '../../../core/index.js';
import { withAtomicFile } from '../../../node/atomic.js';
import type { PreparedImage } from '../../assets/prepare.js';
import type { Scene } from '../../scene/types.js';
import { cmykImages, type CmykImage } from './cmyk-images.js';
import type { Doc, DrawContext, PdfImage } from './context.js';
import { addOutputIntent, cmykProfile } from './output-intent.js';
import { Paint } from './paint.js';

export const PDF_CREATOR = '反诈物料工作室 Campaign Studio';

/** One page of a document: what it draws, and in which colour space. */
export interface PdfPage {
  /** For messages: the design (or sheet) on the page. */
  name: string;
  cmyk: boolean;
  /** The scenes it draws (their photos are converted to CMYK first on a CMYK page). */
  scenes: readonly Scene[];
  draw(ctx: DrawContext): void;
}

export interface PdfDocumentOptions {
  title: string;
  /** 转曲: glyphs as vector paths instead of text; no fonts are embedded. */
  outlineText?: boolean;
  /** Name the CMYK profile as the output intent when any page is CMYK (default true). */
  outputIntent?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const photosOf = (page: PdfPage): PreparedImage[] =>
  page.scenes.flatMap((s) => s.items.flatMap((it) => (it.kind === 'image' ? [it.image] : [])));

function pageError(i: number, page: PdfPage, err: unknown): StudioError {
  if (err instanceof StudioError) return err;
  return new StudioError(
    'output-failed',
    `生成 PDF 第 ${i + 1} 页（${page.name}）时出错，未输出文件`,
    ['请检查这一页的文字和图片；问题持续时请把设计文件发给维护人员'],
    { cause: err },
  );
}

/**
 * Writes pages as one PDF: the document set-up every print file shares (PDF 1.7, no default
 * font, compressed), CMYK photos and the output intent for CMYK pages, and a file that appears
 * only when complete — on any failure no partial or temporary file is left behind.
 */
export async function writePdfDocument(
  path: string,
  pages: readonly PdfPage[],
  opts: PdfDocumentOptions,
): Promise<void> {
  const cmyk = pages.some((p) => p.cmyk);
  const icc = cmyk && opts.outputIntent !== false ? await cmykProfile() : undefined;
  const converted = new Map<string, CmykImage>();
  await withAtomicFile(path, async (af) => {
    const out = af.stream();
    const doc: Doc = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      // UserUnit needs PDF 1.6.
      pdfVersion: '1.7',
      margin: 0,
      info: { Title: opts.title, Creator: PDF_CREATOR, Producer: `${PDF_CREATOR} (PDFKit)` },
      displayTitle: true,
      // No default Helvetica: every text is set in a registered face, and loading pdfkit's standard
      // font metrics costs start-up time for nothing.
      font: null,
    } as unknown as PDFKit.PDFDocumentOptions);
    let writeError: unknown;
    out.on('error', (err) => (writeError ??= err));
    doc.on('error', (err: unknown) => (writeError ??= err));
    doc.pipe(out);
    const base = {
      doc,
      outlineText: opts.outlineText ?? false,
      fonts: new Set<string>(),
      images: new Map<string, PdfImage>(),
      cmykImages: converted,
      pending: null,
    };
    try {
      if (icc) addOutputIntent(doc, icc);
      for (const [i, page] of pages.entries()) {
        if (writeError) break;
        const ctx: DrawContext = { ...base, paint: new Paint(page.cmyk) };
        try {
          // A page's photos are converted just before it is drawn (and once per file).
          if (page.cmyk) {
            const fresh = photosOf(page).filter((img) => !converted.has(img.sha256));
            for (const [sha, img] of await cmykImages(fresh)) converted.set(sha, img);
          }
          page.draw(ctx);
        } catch (err) {
          throw pageError(i, page, err);
        }
        opts.onProgress?.(i + 1, pages.length);
        // Let the file stream drain between pages.
        await new Promise((r) => setImmediate(r));
      }
      if (writeError) out.destroy();
      else doc.end();
      await finished(out).catch((err: unknown) => (writeError ??= err));
    } catch (err) {
      doc.unpipe(out);
      out.destroy();
      await finished(out).catch(() => undefined);
      throw err;
    }
    if (writeError) {
      const why = typeof (writeError as { code?: unknown }).code === 'string' ? systemReason(writeError) : '写入时出错';
      throw new StudioError('output-failed', `无法写入 PDF 文件 ${path}：${why}`, [], { cause: writeError });
    }
  });
}
