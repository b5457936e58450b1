import { PT_PER_MM, StudioError } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';
import { addPage, type DrawContext } from './context.js';
import { drawScene } from './draw-scene.js';
import { drawRegistrationCrosses, drawTicks } from './marks.js';
import { drawLabel } from './label.js';

/** Office sheets, portrait, mm. */
export const SHEETS = { a4: [210, 297], a3: [297, 420] } as const satisfies Record<string, readonly [number, number]>;
export type SheetName = keyof typeof SHEETS;
/** What an office printer cannot print at the sheet's edges. */
export const SHEET_MARGIN_MM = 10;
export const DEFAULT_OVERLAP_MM = 10;

/** One sheet's part of the poster, in poster mm (trim origin); row and col count from 1. */
export interface Tile {
  row: number;
  col: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TilePlan {
  sheetWidthMm: number;
  sheetHeightMm: number;
  landscape: boolean;
  rows: number;
  cols: number;
  overlapMm: number;
  tiles: Tile[];
}

/** How many sheets of printable length `p` cover `len`, each overlapping the next by `o`. */
const count = (len: number, p: number, o: number): number => Math.max(1, Math.ceil((len - o) / (p - o) - 1e-9));

/**
 * Splits a poster over office sheets in the orientation that needs fewer of them (portrait on a
 * tie). Tiles step by (printable − overlap); the last row and column take what is left.
 */
export function planTiles(
  widthMm: number,
  heightMm: number,
  sheet: SheetName,
  overlapMm = DEFAULT_OVERLAP_MM,
): TilePlan {
  const [sw, sh] = SHEETS[sheet];
  const printable = Math.min(sw, sh) - 2 * SHEET_MARGIN_MM;
  if (!(overlapMm >= 0 && overlapMm <= printable / 2)) {
    throw new StudioError('invalid-input', `拼贴重叠宽度应在 0 到 ${printable / 2} 毫米之间（现为 ${overlapMm}）`);
  }
  if (!(widthMm > 0 && heightMm > 0)) throw new StudioError('invalid-input', '拼贴的页面尺寸无效');
  const options = [false, true].map((landscape) => {
    const [w, h] = landscape ? [sh, sw] : [sw, sh];
    const pw = w - 2 * SHEET_MARGIN_MM;
    const ph = h - 2 * SHEET_MARGIN_MM;
    const cols = count(widthMm, pw, overlapMm);
    const rows = count(heightMm, ph, overlapMm);
    return { landscape, w, h, pw, ph, cols, rows };
  });
  const [portrait, landscapeOpt] = options as [(typeof options)[0], (typeof options)[0]];
  const best = landscapeOpt.cols * landscapeOpt.rows < portrait.cols * portrait.rows ? landscapeOpt : portrait;
  const tiles: Tile[] = [];
  for (let r = 0; r < best.rows; r++) {
    for (let c = 0; c < best.cols; c++) {
      const x = c * (best.pw - overlapMm);
      const y = r * (best.ph - overlapMm);
      tiles.push({
        row: r + 1,
        col: c + 1,
        x,
        y,
        w: Math.min(best.pw, widthMm - x),
        h: Math.min(best.ph, heightMm - y),
      });
    }
  }
  return {
    sheetWidthMm: best.w,
    sheetHeightMm: best.h,
    landscape: best.landscape,
    rows: best.rows,
    cols: best.cols,
    overlapMm,
    tiles,
  };
}

/**
 * Alignment points of a tile, in poster mm: the centres of its overlap corners, which its
 * neighbour prints at the same poster position, so the sheets line up cross on cross.
 */
export function alignmentPoints(plan: TilePlan, t: Tile): [number, number][] {
  const o = plan.overlapMm;
  if (o < 2) return [];
  const x1 = t.x + t.w;
  const y1 = t.y + t.h;
  const xs: number[] = [];
  const ys: number[] = [];
  if (t.col > 1) xs.push(t.x + o / 2);
  if (t.col < plan.cols) xs.push(x1 - o / 2);
  if (t.row > 1) ys.push(t.y + o / 2);
  if (t.row < plan.rows) ys.push(y1 - o / 2);
  const pts = new Map<string, [number, number]>();
  const add = (x: number, y: number): void => void pts.set(`${x.toFixed(3)},${y.toFixed(3)}`, [x, y]);
  for (const x of xs) for (const y of [t.y + o / 2, y1 - o / 2]) add(x, y);
  for (const y of ys) for (const x of [t.x + o / 2, x1 - o / 2]) add(x, y);
  return [...pts.values()];
}

export function tileLabel(plan: TilePlan, t: Tile): string {
  return `第 ${t.row} 行 第 ${t.col} 列（共 ${plan.rows}×${plan.cols} 张）`;
}

/** Draws one sheet: its part of the poster clipped to the printable area, alignment marks, label. */
export function drawTile(ctx: DrawContext, scene: Scene, plan: TilePlan, t: Tile): void {
  const { doc, paint } = ctx;
  const m = SHEET_MARGIN_MM;
  const o = plan.overlapMm;
  addPage(doc, plan.sheetWidthMm * PT_PER_MM, plan.sheetHeightMm * PT_PER_MM, 1);
  doc.scale(PT_PER_MM);
  // Poster mm → sheet mm.
  const dx = m - t.x;
  const dy = m - t.y;
  doc.save();
  doc.rect(m, m, t.w, t.h).clip();
  doc.translate(dx, dy);
  drawScene(ctx, scene);
  doc.restore();

  const crosses = alignmentPoints(plan, t).map(([x, y]): [number, number] => [x + dx, y + dy]);
  drawRegistrationCrosses(doc, crosses, paint.registration, Math.min(4, o * 0.4));

  // Ticks in the margin where each overlap strip starts and ends: glue and cut lines.
  const ticks: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const vx: number[] = [];
  const hy: number[] = [];
  if (t.col > 1) vx.push(m + o);
  if (t.col < plan.cols) vx.push(m + t.w - o);
  if (t.row > 1) hy.push(m + o);
  if (t.row < plan.rows) hy.push(m + t.h - o);
  for (const x of vx)
    ticks.push({ x1: x, y1: m - 4, x2: x, y2: m - 1 }, { x1: x, y1: m + t.h + 1, x2: x, y2: m + t.h + 4 });
  for (const y of hy)
    ticks.push({ x1: m - 4, y1: y, x2: m - 1, y2: y }, { x1: m + t.w + 1, y1: y, x2: m + t.w + 4, y2: y });
  drawTicks(doc, o > 0 ? ticks : [], paint.registration);

  drawLabel(ctx, tileLabel(plan, t), m, plan.sheetHeightMm - 3.5, 3);
}
