import { StudioError } from '../../core/index.js';
import type { SheetSize } from './sheets.js';

/*
 * Imposition (拼版): small pieces — stickers, tags, table cards, price strips — placed n-up on a
 * press sheet. Pure geometry, in mm, sheet top-left origin, y down. Each piece keeps its own bleed
 * (the cell is trim + bleed all round) and pieces sit `gapMm` apart bleed to bleed, so a cutter
 * that strays never cuts into the next piece's artwork. Pieces are laid in the order given, left
 * to right in rows (a row is as tall as its tallest piece), rows top to bottom, sheets in turn:
 * 12 stall stickers × 50 each fill the sheets design by design. The sheet is tried upright and
 * turned; the way that needs fewer sheets wins (upright on a tie).
 */

export interface ImposeItem {
  name: string;
  widthMm: number;
  heightMm: number;
  bleedMm: number;
  count: number;
  /** The trim's area when it is not the rectangle (a round or shaped piece), mm²: waste counts it. */
  areaMm2?: number;
}

export interface ImposeLayout {
  sheet: SheetSize;
  /** Between neighbouring pieces' bleed edges; default 3 mm. */
  gapMm?: number;
  /** Free border for grippers, marks and registration targets; default 10 mm (the label's side 14). */
  marginMm?: number;
}

/** One piece on a sheet: the item's index and where its trim's top-left corner lands. */
export interface Placement {
  item: number;
  x: number;
  y: number;
}

export interface ImposePlan {
  /** The sheet as used (upright or turned). */
  sheetWidthMm: number;
  sheetHeightMm: number;
  turned: boolean;
  gapMm: number;
  marginMm: number;
  /** The bottom border, wider: it carries the sheet label under the marks. */
  labelMarginMm: number;
  sheets: Placement[][];
  /** Share of the sheets' area not in any piece's trim, 0–100. */
  wastePct: number;
}

export const DEFAULT_GAP_MM = 3;
export const DEFAULT_MARGIN_MM = 10;
/** Room under the bottom crop marks for the sheet label. */
const LABEL_BAND_MM = 4;

/** Pieces in the order they are laid: each item's index `count` times. */
function sequence(items: readonly ImposeItem[]): number[] {
  return items.flatMap((it, i) => Array.from({ length: it.count }, () => i));
}

function layOut(
  items: readonly ImposeItem[],
  order: number[],
  w: number,
  h: number,
  gap: number,
  m: number,
  mb: number,
) {
  const left = m;
  const right = w - m;
  const top = m;
  const bottom = h - mb;
  const sheets: Placement[][] = [];
  let sheet: Placement[] = [];
  let x = left;
  let rowY = top;
  let rowH = 0;
  for (const i of order) {
    const it = items[i]!;
    const cw = it.widthMm + 2 * it.bleedMm;
    const ch = it.heightMm + 2 * it.bleedMm;
    if (cw > right - left + 1e-9 || ch > bottom - top + 1e-9) return null;
    if (x > left && x + cw > right + 1e-9) {
      rowY += rowH + gap;
      x = left;
      rowH = 0;
    }
    if (rowY + ch > bottom + 1e-9) {
      sheets.push(sheet);
      sheet = [];
      rowY = top;
      x = left;
      rowH = 0;
    }
    sheet.push({ item: i, x: x + it.bleedMm, y: rowY + it.bleedMm });
    x += cw + gap;
    rowH = Math.max(rowH, ch);
  }
  if (sheet.length) sheets.push(sheet);
  return sheets;
}

/** The block of pieces centred in the area between the borders, the same shift on every sheet. */
function centre(
  items: readonly ImposeItem[],
  sheets: Placement[][],
  w: number,
  h: number,
  m: number,
  mb: number,
): void {
  let x1 = 0;
  let y1 = 0;
  for (const s of sheets)
    for (const p of s) {
      const it = items[p.item]!;
      x1 = Math.max(x1, p.x + it.widthMm + it.bleedMm);
      y1 = Math.max(y1, p.y + it.heightMm + it.bleedMm);
    }
  const dx = (w - m - x1) / 2;
  const dy = (h - mb - y1) / 2;
  for (const s of sheets)
    for (const p of s) {
      p.x += dx;
      p.y += dy;
    }
}

export function planImposition(items: readonly ImposeItem[], layout: ImposeLayout): ImposePlan {
  const gap = layout.gapMm ?? DEFAULT_GAP_MM;
  const m = layout.marginMm ?? DEFAULT_MARGIN_MM;
  const mb = m + LABEL_BAND_MM;
  if (!(gap >= 0 && gap <= 50)) throw new StudioError('invalid-input', `间距 ${gap} mm 不合适：应在 0 到 50 毫米之间`);
  if (!(m >= 5 && m <= 50)) throw new StudioError('invalid-input', `页边 ${m} mm 不合适：应在 5 到 50 毫米之间`);
  const order = sequence(items);
  if (order.length === 0) throw new StudioError('invalid-input', '没有要拼版的物料（数量都为 0）');
  const { widthMm: sw, heightMm: sh } = layout.sheet;
  const tries = [
    { turned: false, w: sw, h: sh },
    { turned: true, w: sh, h: sw },
  ].flatMap((t) => {
    const sheets = layOut(items, order, t.w, t.h, gap, m, mb);
    return sheets ? [{ ...t, sheets }] : [];
  });
  const area = items.reduce((a, it) => a + (it.areaMm2 ?? it.widthMm * it.heightMm) * it.count, 0);
  const waste = (n: number) => 100 * (1 - area / (n * sw * sh));
  tries.sort((a, b) => a.sheets.length - b.sheets.length || Number(a.turned) - Number(b.turned));
  const best = tries[0];
  if (!best) {
    const big = items.find(
      (it) => it.count > 0 && !layOut([it], [0], sw, sh, gap, m, mb) && !layOut([it], [0], sh, sw, gap, m, mb),
    );
    throw new StudioError(
      'invalid-input',
      `「${big?.name ?? items[0]!.name}」（${big?.widthMm ?? 0}×${big?.heightMm ?? 0} mm 含出血）放不进 ${layout.sheet.label} 纸的可印区域`,
      ['请换更大的纸张（如 sra3 或自定义尺寸），或单独输出这件物料'],
    );
  }
  centre(items, best.sheets, best.w, best.h, m, mb);
  return {
    sheetWidthMm: best.w,
    sheetHeightMm: best.h,
    turned: best.turned,
    gapMm: gap,
    marginMm: m,
    labelMarginMm: mb,
    sheets: best.sheets,
    wastePct: Math.round(waste(best.sheets.length) * 10) / 10,
  };
}
