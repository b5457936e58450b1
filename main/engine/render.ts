import { extname } from 'node:path';
import { StudioError, type Design } from '../core/index.js';
import { prepareAssets } from './assets/prepare.js';
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
  onProgress?: (done: number, total: number) => void;
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

/** Designs → scenes, refusing any whose text cannot fit (unless explicitly allowed). */
export async function scenesFor(designs: readonly Design[], allowOverflow: boolean): Promise<Scene[]> {
  const scenes: Scene[] = [];
  for (const d of designs) {
    const { scene } = buildScene(d, await prepareAssets(d));
    const overflow = scene.notes.filter((n) => n.kind === 'overflow');
    if (overflow.length && !allowOverflow) {
      throw new StudioError('text-overflow', '文字放不下，没有输出文件', [
        ...overflow.map((n) => n.message),
        '请缩短文字、减小最小字号或放大文本框；确需超出时加 --allow-overflow',
      ]);
    }
    scenes.push(scene);
  }
  return scenes;
}

/** Render one design (or, for PDF, several as pages) to a file. */
export async function renderDesigns(designs: readonly Design[], req: RenderRequest): Promise<RenderResult> {
  if (designs.length === 0) throw new StudioError('invalid-input', '没有要输出的设计');
  const format = req.format ?? formatFromPath(req.out);
  if (req.dpi !== undefined && !(req.dpi > 0 && req.dpi <= 2400))
    throw new StudioError('invalid-input', `分辨率 ${req.dpi} 无效：应在 1 到 2400 dpi 之间`);
  if (!req.allowPlaceholder) refusePlaceholders(designs);
  const scenes = await scenesFor(designs, req.allowOverflow ?? false);
  const notes = scenes.flatMap((s) => s.notes.map((n) => n.message));
  const progress = req.onProgress ? { onProgress: req.onProgress } : {};
  // Each writer is loaded only when used: pdfkit and sharp each cost a tenth of a second to load.
  if (format === 'pdf') {
    const { writePdf } = await import('./output/pdf/write-pdf.js');
    const r = await writePdf(scenes, req.out, {
      ...(req.cmyk !== undefined ? { cmyk: req.cmyk } : {}),
      ...(req.outlineText ? { outlineText: true } : {}),
      ...(req.bleed !== undefined ? { bleed: req.bleed } : {}),
      ...(req.largePage ? { largePage: req.largePage } : {}),
      ...(req.tile ? { tile: req.tile } : {}),
      ...progress,
    });
    return { path: r.path, format, pages: r.pages, notes };
  }
  if (scenes.length > 1) throw new StudioError('invalid-input', '图片格式一次只能输出一个设计；多个设计请输出为 PDF');
  const { renderRaster } = await import('./output/raster/render-raster.js');
  const r = await renderRaster(scenes[0]!, req.out, {
    format,
    ...(req.dpi !== undefined ? { dpi: req.dpi } : {}),
    ...(req.widthPx !== undefined ? { widthPx: req.widthPx } : {}),
    ...(req.bleed !== undefined ? { bleed: req.bleed } : {}),
    ...progress,
  });
  return { path: r.path, format, pages: 1, widthPx: r.widthPx, heightPx: r.heightPx, dpi: r.dpi, notes };
}
