import { extname } from 'node:path';
import { MAX_DPI, StudioError, type Design } from '../core/index.js';
import { prepareAssets, type AssetLoader } from './assets/prepare.js';
import { imagesAtDpi } from './assets/print-images.js';
import type { PdfOptions } from './output/pdf/write-pdf.js';
import { refusePlaceholders } from './preflight/placeholders.js';
import { buildScene } from './scene/build-scene.js';
import type { Scene } from './scene/types.js';

export type OutputFormat = 'pdf' | 'png' | 'jpeg' | 'webp';

export interface RenderRequest {
  out: string;
  format?: OutputFormat;
  dpi?: number;
  /** Raster width in pixels instead of a dpi; the height follows the page's proportions. */
  widthPx?: number;
  cmyk?: boolean;
  outlineText?: boolean;
  /** Render even when a text does not fit at its minimum size (it then spills out of its box). */
  allowOverflow?: boolean;
  /** Render even when a template sample is still in place (a proof, not for print). */
  allowPlaceholder?: boolean;
  bleed?: boolean;
  largePage?: PdfOptions['largePage'];
  tile?: PdfOptions['tile'];
  /** PDF: the die-cut line of round and rounded pieces (default on for those). */
  cutContour?: boolean;
  /** JPEG/WebP quality 1–100 (default 90). */
  quality?: number;
  onProgress?: (done: number, total: number) => void;
  /** The layout is done (scenes built, before the first strip or page): a step a progress bar can show. */
  onLayout?: () => void;
}

export interface RenderResult {
  path: string;
  format: OutputFormat;
  pages: number;
  widthPx?: number;
  heightPx?: number;
  dpi?: number;
  /** Notes from layout that did not stop the render (font substitution, empty photo slot). */
  notes: string[];
}

const EXT: Record<string, OutputFormat> = {
  '.pdf': 'pdf',
  '.png': 'png',
  '.jpg': 'jpeg',
  '.jpeg': 'jpeg',
  '.webp': 'webp',
};

export function formatFromPath(path: string): OutputFormat {
  const f = EXT[extname(path).toLowerCase()];
  if (!f)
    throw new StudioError('invalid-input', `无法从文件名 ${path} 判断输出格式`, [
      '请用 .pdf、.png、.jpg 或 .webp 结尾，或用 --format 指定',
    ]);
  return f;
}

/** What to do about text that does not fit, in the studio and on the command line. */
export const OVERFLOW_HINT =
  '请缩短文字、在“样式”中减小最小字号，或拖动文本框把它放大；确需超出时在导出窗口勾选「允许文字超出」（命令行加 --allow-overflow）';

/** Designs → scenes, refusing any whose text cannot fit (unless explicitly allowed). */
export async function scenesFor(
  designs: readonly Design[],
  allowOverflow: boolean,
  load?: AssetLoader,
): Promise<Scene[]> {
  const scenes: Scene[] = [];
  for (const d of designs) {
    const { scene } = buildScene(d, await prepareAssets(d, load));
    const overflow = scene.notes.filter((n) => n.kind === 'overflow');
    if (overflow.length && !allowOverflow) {
      throw new StudioError('text-overflow', '文字放不下，没有输出文件', [
        ...overflow.map((n) => n.message),
        OVERFLOW_HINT,
      ]);
    }
    scenes.push(scene);
  }
  return scenes;
}

/** Where and how to write scenes: everything of a RenderRequest but the choice of designs. */
export type RenderTarget = Omit<RenderRequest, 'allowOverflow' | 'allowPlaceholder'>;

/**
 * Built scenes → one file: the PDF (a page per scene) or an image (one scene). The scene is the
 * expensive, shared part; callers that need two outputs of one design (publishing: PDF and PNG)
 * or that built it already (batch rows) build it once and call this for each file.
 */
export async function renderScenes(scenes: readonly Scene[], target: RenderTarget): Promise<RenderResult> {
  if (scenes.length === 0) throw new StudioError('invalid-input', '没有要输出的设计');
  const format = target.format ?? formatFromPath(target.out);
  if (target.dpi !== undefined && !(target.dpi > 0 && target.dpi <= MAX_DPI))
    throw new StudioError('invalid-input', `分辨率 ${target.dpi} 无效：应在 1 到 ${MAX_DPI} dpi 之间`);
  const notes = scenes.flatMap((s) => s.notes.map((n) => n.message));
  // Each writer is loaded only when used: pdfkit and sharp each cost a tenth of a second to load.
  if (format === 'pdf') {
    const { writePdf } = await import('./output/pdf/write-pdf.js');
    const r = await writePdf([...scenes], target.out, target);
    return { path: r.path, format, pages: r.pages, notes };
  }
  if (scenes.length > 1) throw new StudioError('invalid-input', '图片格式一次只能输出一个设计；多个设计请输出为 PDF');
  const [{ renderRaster }, { planRaster }] = await Promise.all([
    import('./output/raster/render-raster.js'),
    import('./output/raster/strip-plan.js'),
  ]);
  const { dpi } = planRaster(scenes[0]!, target);
  const r = await renderRaster(await imagesAtDpi(scenes[0]!, dpi), target.out, { ...target, format });
  return { path: r.path, format, pages: 1, widthPx: r.widthPx, heightPx: r.heightPx, dpi: r.dpi, notes };
}

/** Render one design (or, for PDF, several as pages) to a file. */
export async function renderDesigns(
  designs: readonly Design[],
  req: RenderRequest,
  load?: AssetLoader,
): Promise<RenderResult> {
  if (designs.length === 0) throw new StudioError('invalid-input', '没有要输出的设计');
  if (!req.allowPlaceholder) refusePlaceholders(designs);
  const scenes = await scenesFor(designs, req.allowOverflow ?? false, load);
  req.onLayout?.();
  return renderScenes(scenes, req);
}
