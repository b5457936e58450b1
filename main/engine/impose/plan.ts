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
 *
 * Pieces may also be turned a quarter (unless the job forbids it: a material with a grain, a die
 * that must not turn). Each design takes the way round that fits more of it on a sheet, and the
 * band a sheet has left under its last full row takes pieces turned the other way when they fit
 * there (70 × 100 mm tags on A3: 9 upright, plus 2 turned under them). That plan is taken only when
 * it needs fewer sheets than every plan without turning, so a job turning cannot help looks as before.
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
  /** Pieces may be turned 90° to fit more; default true. */
  rotate?: boolean;
}

/** One piece on a sheet: the item's index and where its trim's top-left corner lands. */
export interface Placement {
  item: number;
  x: number;
  y: number;
  /** Turned a quarter clockwise: on the sheet its trim is as wide as the piece is tall (only set when true). */
  rotated?: boolean;
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

/** Where one item went: the sheets it is on (from 1) and how many of its pieces lie turned. */
export function itemPlacements(plan: ImposePlan, item: number): { sheets: number[]; rotated: number } {
  const sheets = plan.sheets.flatMap((s, n) => (s.some((p) => p.item === item) ? [n + 1] : []));
  const rotated = plan.sheets.reduce((n, s) => n + s.filter((p) => p.item === item && p.rotated).length, 0);
  return { sheets, rotated };
}

export const DEFAULT_GAP_MM = 3;
export const DEFAULT_MARGIN_MM = 10;
/** Room under the bottom crop marks for the sheet label. */
const LABEL_BAND_MM = 4;

/** Pieces in the order they are laid: each item's index `count` times. */
function sequence(items: readonly ImposeItem[]): number[] {
  return items.flatMap((it, i) => Array.from({ length: it.count }, () => i));
}

/** A piece's trim as it lies on the sheet: turned, it is as wide as it is tall. */
export function placedSize(
  it: { widthMm: number; heightMm: number },
  rotated: boolean | undefined,
): { w: number; h: number } {
  return rotated ? { w: it.heightMm, h: it.widthMm } : { w: it.widthMm, h: it.heightMm };
}

/** The area between a sheet's borders, mm (sheet top-left origin). */
interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const EPS = 1e-9;

/**
 * The pieces in rows on as many sheets as they need; null when one cannot go on a sheet at all.
 * `turn` (null: nothing turns) is each item's way round; with it, when a row no longer fits under
 * the last, the rest of that sheet is tried with every piece turned the other way.
 */
function layOut(
  items: readonly ImposeItem[],
  order: readonly number[],
  turn: readonly boolean[] | null,
  a: Area,
  gap: number,
): Placement[][] | null {
  const sheets: Placement[][] = [];
  let sheet: Placement[] = [];
  let x = a.left;
  let rowY = a.top;
  let rowH = 0;
  let band = false;
  for (const i of order) {
    const it = items[i]!;
    const cell = (turned: boolean) => {
      const rotated = turned && Math.abs(it.widthMm - it.heightMm) > EPS;
      const s = placedSize(it, rotated);
      return { rotated, w: s.w + 2 * it.bleedMm, h: s.h + 2 * it.bleedMm };
    };
    const main = turn?.[i] ?? false;
    const fits = (c: { w: number; h: number }, y: number) => c.w <= a.right - a.left + EPS && y + c.h <= a.bottom + EPS;
    if (!fits(cell(main), a.top)) return null;
    let c = cell(main !== band);
    if (x > a.left && x + c.w > a.right + EPS) {
      rowY += rowH + gap;
      x = a.left;
      rowH = 0;
    }
    if (!fits(c, rowY)) {
      const other = turn && !band && x === a.left ? cell(!main) : null;
      if (other && other.rotated !== c.rotated && fits(other, rowY)) {
        band = true;
        c = other;
      } else {
        sheets.push(sheet);
        sheet = [];
        rowY = a.top;
        x = a.left;
        rowH = 0;
        band = false;
        c = cell(main);
      }
    }
    sheet.push({ item: i, x: x + it.bleedMm, y: rowY + it.bleedMm, ...(c.rotated ? { rotated: true } : {}) });
    x += c.w + gap;
    rowH = Math.max(rowH, c.h);
  }
  if (sheet.length) sheets.push(sheet);
  return sheets;
}

/** How many of one item a sheet holds, laid `turned` (a band of the other way under them included). */
function perSheet(it: ImposeItem, turned: boolean, a: Area, gap: number): number {
  // Each piece holds its cell and a gap on two sides: no sheet holds more than this.
  const cell = (it.widthMm + 2 * it.bleedMm + gap) * (it.heightMm + 2 * it.bleedMm + gap);
  const cap = Math.floor(((a.right - a.left + gap) * (a.bottom - a.top + gap)) / cell) + 1;
  return layOut([it], Array<number>(cap).fill(0), [turned], a, gap)?.[0]?.length ?? 0;
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
      const { w: pw, h: ph } = placedSize(it, p.rotated);
      x1 = Math.max(x1, p.x + pw + it.bleedMm);
      y1 = Math.max(y1, p.y + ph + it.bleedMm);
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
  const area = (w: number, h: number): Area => ({ left: m, top: m, right: w - m, bottom: h - mb });
  const ways = [
    { turned: false, w: sw, h: sh },
    { turned: true, w: sh, h: sw },
  ];
  // In this order, so that on a tie the sheet stays upright and the pieces unturned.
  const tries = [false, ...(layout.rotate === false ? [] : [true])].flatMap((rotate) =>
    ways.flatMap((t) => {
      const a = area(t.w, t.h);
      const turn = rotate ? items.map((it) => perSheet(it, true, a, gap) > perSheet(it, false, a, gap)) : null;
      const sheets = layOut(items, order, turn, a, gap);
      return sheets ? [{ ...t, sheets }] : [];
    }),
  );
  const used = items.reduce((a, it) => a + (it.areaMm2 ?? it.widthMm * it.heightMm) * it.count, 0);
  const waste = (n: number) => 100 * (1 - used / (n * sw * sh));
  // Stable: the first of the fewest sheets.
  const best = tries.sort((a, b) => a.sheets.length - b.sheets.length)[0];
  if (!best) {
    const big = items.find((it) => it.count > 0 && ways.every((t) => !layOut([it], [0], null, area(t.w, t.h), gap)));
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
