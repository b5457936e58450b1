import { MAX_DPI, MM_PER_INCH, SCREEN_DPI, StudioError, pxCover } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';
import { pageRegion, type SvgRegion } from '../svg.js';

/** librsvg/cairo refuse any image surface over this many pixels a side. */
export const RSVG_MAX_PX = 32_767;
/**
 * libvips renders an SVG in 2000 px square tiles of its own (svgload's TILE_SIZE), each one a
 * librsvg pass clipped to it. Cutting our tiles on that grid keeps a striped render byte-identical
 * to a single pass: cairo re-derives edges it clips on the left/right of a surface (a few levels
 * of anti-aliasing change), so a cut anywhere else would differ where a single pass has no cut.
 * Cuts across rows are exact anywhere (only gradients may move by 1/255: cairo fits a gradient
 * to the area drawn).
 */
export const SVG_TILE_GRID_PX = 2000;
/** Tiles are cut at most this wide: the largest multiple of the grid under the librsvg limit. */
export const TILE_MAX_PX = Math.floor(RSVG_MAX_PX / SVG_TILE_GRID_PX) * SVG_TILE_GRID_PX;
/** Refuse outputs over ~2 gigapixels: hours of work and files nobody can open. */
export const MAX_TOTAL_PIXELS = 2_000_000_000;
/**
 * Pixels per strip (all tiles of it together). Measured on 2 cores: ~2.5 MP strips (512 rows of A2
 * at 300 dpi) beat both small strips (librsvg parse + vips pipeline set-up per strip) and big ones
 * (fresh memory per strip: page faults dominate on this VM class).
 */
export const STRIP_TARGET_PX = 2_600_000;
export const STRIP_MIN_ROWS = 16;

export interface TileRect {
  /** Pixel columns [x0, x1) of the image. */
  x0: number;
  x1: number;
}

export interface StripRect {
  index: number;
  /** Pixel rows [y0, y1) of the image. */
  y0: number;
  y1: number;
}

export interface RasterPlan {
  widthPx: number;
  heightPx: number;
  /** Density written into the file (px per inch). */
  dpi: number;
  /** The page area drawn, mm (trim, or trim + bleed). Pixel (0,0) starts at its top-left corner. */
  region: SvgRegion;
  /**
   * Pixels per mm on each axis: dpi / 25.4 exactly, so every pixel lands where it does in the PDF
   * rasterised at the same dpi. The size is rounded up, so the last row and column may be only
   * partly on the page (edges.ts continues the ground into them). A screen format's exact pixel
   * size may scale each axis by a hair differently.
   */
  kx: number;
  ky: number;
  /**
   * Width rendered per row: widthPx rounded up to a multiple of 4 so rows are 4-byte aligned for
   * the row filter. The extra 0-3 columns are drawn (right of the page) and then dropped.
   */
  paddedWidthPx: number;
  rowsPerStrip: number;
  tiles: TileRect[];
  strips: StripRect[];
}

export interface PlanOptions {
  dpi?: number;
  widthPx?: number;
  bleed?: boolean;
  /** Cap for strip height (rows) and tile width (px; rounded down to the 2000 px grid, at least 2000). */
  maxStripPx?: number;
}

function invalid(msg: string): StudioError {
  return new StudioError('invalid-input', msg);
}

export function checkDpi(dpi: number): void {
  if (!Number.isFinite(dpi) || dpi <= 0) throw invalid(`分辨率（dpi）应为正数，收到 ${dpi}`);
  if (dpi > MAX_DPI) throw invalid(`分辨率 ${dpi} dpi 过高：最高 ${MAX_DPI} dpi`);
}

/** Pixel size, density and the cut into strips and tiles, all on whole-pixel boundaries. */
export function planRaster(scene: Scene, opts: PlanOptions = {}): RasterPlan {
  const bleed = opts.bleed ?? false;
  const region = pageRegion(scene, bleed);
  if (!(region.w > 0 && region.h > 0)) throw invalid(`页面尺寸无效：${region.w} × ${region.h} mm`);
  if (opts.dpi !== undefined && opts.widthPx !== undefined) throw invalid('dpi 与像素宽度（widthPx）只能指定其一');

  let widthPx: number, heightPx: number, dpi: number, kx: number, ky: number;
  if (opts.widthPx !== undefined) {
    const w = opts.widthPx;
    if (!Number.isInteger(w) || w < 1) throw invalid(`像素宽度应为正整数，收到 ${w}`);
    dpi = (w / region.w) * MM_PER_INCH;
    if (dpi > MAX_DPI) throw invalid(`像素宽度 ${w} 相当于 ${Math.round(dpi)} dpi，过高：最高 ${MAX_DPI} dpi`);
    widthPx = w;
    heightPx = pxCover(region.h, dpi);
    kx = ky = w / region.w;
  } else if (opts.dpi === undefined && scene.pixels && (!bleed || scene.bleedMm === 0)) {
    // A screen format: exactly its pixel size, however the mm size was rounded.
    widthPx = scene.pixels.width;
    heightPx = scene.pixels.height;
    dpi = SCREEN_DPI;
    kx = widthPx / region.w;
    ky = heightPx / region.h;
  } else {
    dpi = opts.dpi ?? (scene.pixels ? SCREEN_DPI : scene.dpi);
    checkDpi(dpi);
    widthPx = pxCover(region.w, dpi);
    heightPx = pxCover(region.h, dpi);
    kx = ky = dpi / MM_PER_INCH;
  }
  const total = widthPx * heightPx;
  if (total > MAX_TOTAL_PIXELS) {
    throw new StudioError(
      'too-large',
      `图片过大：${widthPx} × ${heightPx} 像素（约 ${(total / 1e8).toFixed(1)} 亿像素），上限约 20 亿像素；请降低分辨率，或改出 PDF`,
    );
  }

  const paddedWidthPx = Math.ceil(widthPx / 4) * 4;
  const cap = opts.maxStripPx;
  if (cap !== undefined && (!Number.isInteger(cap) || cap < 4))
    throw invalid(`maxStripPx 应为不小于 4 的整数，收到 ${cap}`);
  const tileMax =
    cap === undefined
      ? TILE_MAX_PX
      : Math.min(TILE_MAX_PX, Math.max(SVG_TILE_GRID_PX, Math.floor(cap / SVG_TILE_GRID_PX) * SVG_TILE_GRID_PX));
  const tiles: TileRect[] = [];
  for (let x0 = 0; x0 < paddedWidthPx; x0 += tileMax) tiles.push({ x0, x1: Math.min(paddedWidthPx, x0 + tileMax) });

  let rowsPerStrip = Math.max(STRIP_MIN_ROWS, Math.floor(STRIP_TARGET_PX / paddedWidthPx));
  rowsPerStrip = Math.min(rowsPerStrip, RSVG_MAX_PX, cap ?? Infinity, heightPx);
  // Even strips: no thin last strip that costs a whole librsvg pass for a few rows.
  const n = Math.ceil(heightPx / rowsPerStrip);
  rowsPerStrip = Math.ceil(heightPx / n);
  const strips: StripRect[] = [];
  for (let i = 0, y0 = 0; y0 < heightPx; i++, y0 += rowsPerStrip)
    strips.push({ index: i, y0, y1: Math.min(heightPx, y0 + rowsPerStrip) });

  return { widthPx, heightPx, dpi, region, kx, ky, paddedWidthPx, rowsPerStrip, tiles, strips };
}

/** The page area (mm) under pixel columns [x0,x1) and rows [y0,y1). */
export function pixelRegionMm(plan: RasterPlan, x0: number, x1: number, y0: number, y1: number): SvgRegion {
  return {
    x: plan.region.x + x0 / plan.kx,
    y: plan.region.y + y0 / plan.ky,
    w: (x1 - x0) / plan.kx,
    h: (y1 - y0) / plan.ky,
  };
}

/** Rows of ground alone go in strips up to this many times the usual height (they cost no drawing). */
const GROUND_STRIP_FACTOR = 4;

/**
 * Re-cut the strips along bands of ink (content.ts inkBands): rows with nothing but the ground
 * become strips of their own, and each band is cut evenly into strips of at most rowsPerStrip.
 * Without bands (no page-wide ground) the plan is returned as it is.
 */
export function cutAlongBands(
  plan: RasterPlan,
  bands: readonly (readonly [number, number])[] | null,
  maxStripPx?: number,
): RasterPlan {
  if (!bands) return plan;
  const strips: StripRect[] = [];
  const even = (a: number, b: number, most: number): void => {
    if (b <= a) return;
    const n = Math.ceil((b - a) / most);
    const h = Math.ceil((b - a) / n);
    for (let y = a; y < b; y += h) strips.push({ index: strips.length, y0: y, y1: Math.min(b, y + h) });
  };
  const groundMost = Math.min(plan.rowsPerStrip * GROUND_STRIP_FACTOR, maxStripPx ?? Infinity, RSVG_MAX_PX);
  let y = 0;
  for (const [a, b] of bands) {
    even(y, Math.max(y, a), groundMost);
    even(Math.max(y, a), b, plan.rowsPerStrip);
    y = Math.max(y, b);
  }
  even(y, plan.heightPx, groundMost);
  return { ...plan, rowsPerStrip: Math.max(...strips.map((s) => s.y1 - s.y0)), strips };
}
