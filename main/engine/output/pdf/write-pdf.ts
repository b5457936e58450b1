import { StudioError } from '../../../core/index.js';
import { isDieCut, trimPath } from '../../scene/trim-shape.js';
import type { Scene } from '../../scene/types.js';
import { addPage, setPageBoxes, type DrawContext } from './context.js';
import { drawCutContours } from './cut-contour.js';
import { drawScene } from './draw-scene.js';
import { drawCropMarks } from './marks.js';
import { documentScale, mediaSizeMm, planPage, scaledPath, type PagePlan } from './page-plan.js';
import { writePdfDocument, type PdfPage } from './pdf-document.js';
import { drawTile, planTiles, DEFAULT_OVERLAP_MM } from './tiling.js';

export { PDF_CREATOR } from './pdf-document.js';

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
  /**
   * The die-cut line (CutContour spot colour, its own layer) on the trim of round and rounded
   * pieces; default: on for those (scene/trim-shape.ts `isDieCut`), never on tiled sheets.
   */
  cutContour?: boolean;
  /** Name the CMYK profile as the output intent of a CMYK file (default true). */
  outputIntent?: boolean;
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

interface PageJob {
  scene: Scene;
  userUnit: number;
  draw(ctx: DrawContext): void;
}

function pageSetup(
  scene: Scene,
  opts: PdfOptions,
): { bleed: boolean; cropMarks: boolean; cmyk: boolean; cutContour: boolean } {
  const bleed = opts.bleed ?? scene.bleedMm > 0;
  return {
    bleed,
    cropMarks: opts.cropMarks ?? (scene.cropMarks && bleed),
    cmyk: opts.cmyk ?? scene.colourMode === 'cmyk',
    cutContour: opts.cutContour ?? isDieCut(scene),
  };
}

/** One scene on one page: media = trim + bleed (+ slug for crop marks), content clipped to the bleed. */
function drawPage(ctx: DrawContext, scene: Scene, plan: PagePlan, cutContour: boolean): void {
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
  if (cutContour) drawCutContours(doc, [{ path: trimPath(scene), dx: 0, dy: 0 }]);
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
    const setup = pageSetup(scene, opts);
    const plan = planPage(scene, { ...setup, largePage, scale });
    return { scene, userUnit: plan.userUnit, draw: (ctx) => drawPage(ctx, scene, plan, setup.cutContour) };
  });
  return { jobs, scale };
}

/**
 * Writes scenes as a print PDF, one page per scene (or per sheet when tiling): vector shapes, real
 * subset-embedded text (or outlines), bleed and trim boxes, crop marks, the die-cut line, RGB or
 * CMYK (photos converted too, with the profile as output intent). The file appears only when
 * complete; on any failure no partial or temporary file is left behind.
 */
export async function writePdf(scenes: Scene[], outPath: string, opts: PdfOptions = {}): Promise<PdfResult> {
  if (scenes.length === 0) throw new StudioError('output-failed', '没有可以输出的页面');
  for (const s of scenes) {
    if (!(s.widthMm > 0 && s.heightMm > 0)) throw new StudioError('output-failed', `页面「${s.name}」的尺寸无效`);
  }
  const { jobs, scale } = planJobs(scenes, opts);
  const path = scaledPath(outPath, scale);
  const pages = jobs.map((job): PdfPage => ({
    name: job.scene.name,
    cmyk: pageSetup(job.scene, opts).cmyk,
    scenes: [job.scene],
    draw: job.draw,
  }));
  await writePdfDocument(path, pages, {
    title: opts.title ?? scenes[0]?.name ?? '',
    outlineText: opts.outlineText ?? false,
    outputIntent: opts.outputIntent ?? true,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  return { path, pages: jobs.length, scale, userUnit: Math.max(1, ...jobs.map((j) => j.userUnit)) };
}
