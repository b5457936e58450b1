import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { StudioError, systemReason } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';
import { withAtomicFile } from '../../../node/atomic.js';
import { addPage, setPageBoxes, type Doc, type DrawContext, type PdfImage } from './context.js';
import { drawScene } from './draw-scene.js';
import { drawCropMarks } from './marks.js';
import { documentScale, mediaSizeMm, planPage, scaledPath, type PagePlan } from './page-plan.js';
import { Paint } from './paint.js';
import { drawTile, planTiles, DEFAULT_OVERLAP_MM } from './tiling.js';

export interface PdfOptions {
  /** Default: scene.colourMode === 'cmyk'. */
  cmyk?: boolean;
  /** 转曲: glyphs as vector paths instead of text; no fonts are embedded. */
  outlineText?: boolean;
  /** Default: scene.bleedMm > 0. */
  bleed?: boolean;
  /** Default: scene.cropMarks && bleed. */
  cropMarks?: boolean;
  /** For pages with a side over 5,080 mm; default 'userunit'. */
  largePage?: 'userunit' | 'scale';
  /** Poster tiled over office sheets (trim only, no bleed or crop marks). */
  tile?: { sheet: 'a4' | 'a3'; overlapMm?: number };
  title?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface PdfResult {
  /** The file written: `outPath`, or with "-1比10" before the extension for a scaled file. */
  path: string;
  pages: number;
  /** 1, or 0.1 for a 1:10 file. */
  scale: number;
  /** The largest UserUnit of any page (1 when none is needed). */
  userUnit: number;
}

export const PDF_CREATOR = '反诈物料工作室 Campaign Studio';

interface PageJob {
  scene: Scene;
  userUnit: number;
  draw(ctx: DrawContext): void;
}

function pageSetup(scene: Scene, opts: PdfOptions): { bleed: boolean; cropMarks: boolean; cmyk: boolean } {
  const bleed = opts.bleed ?? scene.bleedMm > 0;
  return {
    bleed,
    cropMarks: opts.cropMarks ?? (scene.cropMarks && bleed),
    cmyk: opts.cmyk ?? scene.colourMode === 'cmyk',
  };
}

/** One scene on one page: media = trim + bleed (+ slug for crop marks), content clipped to the bleed. */
function drawPage(ctx: DrawContext, scene: Scene, plan: PagePlan): void {
  const { doc } = ctx;
  addPage(doc, plan.widthUnits, plan.heightUnits, plan.userUnit);
  setPageBoxes(doc, { TrimBox: plan.trimBox, BleedBox: plan.bleedBox });
  // pdfkit starts each page flipped to y down from the top-left; from here on we draw in mm.
  doc.scale(plan.unitsPerMm).translate(plan.originMm, plan.originMm);
  const b = plan.bleedMm;
  doc.save();
  doc.rect(-b, -b, scene.widthMm + 2 * b, scene.heightMm + 2 * b).clip();
  drawScene(ctx, scene);
  doc.restore();
  if (plan.cropMarks) drawCropMarks(doc, plan, ctx.paint.registration);
}

function planJobs(scenes: Scene[], opts: PdfOptions): { jobs: PageJob[]; scale: number } {
  const largePage = opts.largePage ?? 'userunit';
  if (opts.tile) {
    const { sheet, overlapMm = DEFAULT_OVERLAP_MM } = opts.tile;
    const jobs = scenes.flatMap((scene) => {
      const plan = planTiles(scene.widthMm, scene.heightMm, sheet, overlapMm);
      return plan.tiles.map((t): PageJob => ({ scene, userUnit: 1, draw: (ctx) => drawTile(ctx, scene, plan, t) }));
    });
    return { jobs, scale: 1 };
  }
  let largest = 0;
  for (const scene of scenes) {
    const { bleed, cropMarks } = pageSetup(scene, opts);
    const m = mediaSizeMm(scene, bleed, cropMarks);
    largest = Math.max(largest, m.w, m.h);
  }
  const scale = documentScale(largest, largePage);
  const jobs = scenes.map((scene): PageJob => {
    const plan = planPage(scene, { ...pageSetup(scene, opts), largePage, scale });
    return { scene, userUnit: plan.userUnit, draw: (ctx) => drawPage(ctx, scene, plan) };
  });
  return { jobs, scale };
}

/**
 * Writes scenes as a print PDF, one page per scene (or per sheet when tiling): vector shapes, real
 * subset-embedded text (or outlines), bleed and trim boxes, crop marks, RGB or CMYK. The file
 * appears only when complete; on any failure no partial or temporary file is left behind.
 */
export async function writePdf(scenes: Scene[], outPath: string, opts: PdfOptions = {}): Promise<PdfResult> {
  if (scenes.length === 0) throw new StudioError('output-failed', '没有可以输出的页面');
  for (const s of scenes) {
    if (!(s.widthMm > 0 && s.heightMm > 0)) throw new StudioError('output-failed', `页面「${s.name}」的尺寸无效`);
  }
  const { jobs, scale } = planJobs(scenes, opts);
  const path = scaledPath(outPath, scale);
  const title = opts.title ?? scenes[0]?.name ?? '';

  return withAtomicFile(path, async (af) => {
    const out = af.stream();
    const doc: Doc = new PDFDocument({
      autoFirstPage: false,
      compress: true,
      // UserUnit needs PDF 1.6.
      pdfVersion: '1.7',
      margin: 0,
      info: { Title: title, Creator: PDF_CREATOR, Producer: `${PDF_CREATOR} (PDFKit)` },
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
      pending: null,
    };
    try {
      for (const [i, job] of jobs.entries()) {
        if (writeError) break;
        const ctx: DrawContext = { ...base, paint: new Paint(pageSetup(job.scene, opts).cmyk) };
        try {
          job.draw(ctx);
        } catch (err) {
          if (err instanceof StudioError) throw err;
          throw new StudioError(
            'output-failed',
            `生成 PDF 第 ${i + 1} 页（${job.scene.name}）时出错，未输出文件`,
            ['请检查这一页的文字和图片；问题持续时请把设计文件发给维护人员'],
            { cause: err },
          );
        }
        opts.onProgress?.(i + 1, jobs.length);
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
    return { path, pages: jobs.length, scale, userUnit: Math.max(1, ...jobs.map((j) => j.userUnit)) };
  });
}
