import { createHash } from 'node:crypto';
import { PT_PER_MM } from '../../core/index.js';
import type { Face } from '../fonts/face.js';
import { addPage, drawImage, type DrawContext } from '../output/pdf/context.js';
import { labelFace, labelRun } from '../output/pdf/label.js';
import { writePdfDocument } from '../output/pdf/pdf-document.js';
import { drawTextRun } from '../output/pdf/text.js';
import { lineCells, ORDER_COLUMNS, orderMeta, type ProductionOrder } from './order-lines.js';
import { pngSize } from './png-size.js';

/*
 * The production order as a PDF a shop prints and signs: A4 landscape, a title and the job, unit,
 * contact and date, then a table — number, thumbnail, file, what it is, finished size, material,
 * finishing, quantity, notes — repeated header on each page, a page count and a receipt line.
 * Real text (searchable, copyable), RGB (an office document, not a print file).
 */

const PAGE = { w: 297, h: 210 };
const MARGIN = 12;
/** Column widths, mm; they fill the width between the margins (273 mm). */
const WIDTHS = [10, 26, 55, 42, 36, 18, 22, 18, 46];
const TEXT_MM = 3;
const LINE_MM = 4.4;
const PAD_MM = 2;
const THUMB_MM = 22;
const HEADER_H = 8;
const GREY = { rgb: '#666666' };
const DARK = { rgb: '#222222' };

/** A cell's text broken into lines no wider than `width` (by characters: file names and Chinese alike). */
export function wrap(text: string, face: Face, sizeMm: number, width: number): string[] {
  const k = sizeMm / face.unitsPerEm;
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      const next = line + ch;
      if (line && face.font.layout(next, []).advanceWidth * k > width) {
        lines.push(line);
        line = ch;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function text(ctx: DrawContext, s: string, x: number, y: number, size: number, face = labelFace(), fill = DARK) {
  if (s) drawTextRun(ctx, labelRun(s, x, y, size, face, fill));
}

function rule(ctx: DrawContext, x1: number, y1: number, x2: number, y2: number) {
  ctx.doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(0.2).stroke('#999999');
}

interface Row {
  cells: string[][];
  thumb?: Buffer;
  height: number;
}

function rowsOf(order: ProductionOrder): Row[] {
  const face = labelFace();
  return order.lines.map((line, i) => {
    const cells = lineCells(line, i + 1).map((c, k) => wrap(c, face, TEXT_MM, WIDTHS[k]! - 2 * PAD_MM));
    const tallest = Math.max(...cells.map((c) => c.length));
    const thumb = order.thumbnails[i];
    return {
      cells,
      ...(thumb ? { thumb } : {}),
      height: Math.max(THUMB_MM + 2 * PAD_MM, tallest * LINE_MM + 2 * PAD_MM),
    };
  });
}

function header(ctx: DrawContext, order: ProductionOrder, page: number, pages: number): number {
  const bold = labelFace(700);
  text(ctx, order.title, MARGIN, MARGIN + 6, 6.5, bold);
  const meta = orderMeta(order, '　　');
  text(ctx, meta, MARGIN, MARGIN + 12.5, 3.2, labelFace(), GREY);
  text(ctx, `第 ${page}/${pages} 页`, PAGE.w - MARGIN - 16, MARGIN + 6, 3.2, labelFace(), GREY);
  const top = MARGIN + 16;
  ctx.doc.rect(MARGIN, top, PAGE.w - 2 * MARGIN, HEADER_H).fill('#DCE6F2');
  let x = MARGIN;
  ORDER_COLUMNS.forEach((c, k) => {
    text(ctx, c, x + PAD_MM, top + 5.5, 3.2, bold);
    x += WIDTHS[k]!;
  });
  return top + HEADER_H;
}

function drawRow(ctx: DrawContext, row: Row, y: number): void {
  let x = MARGIN;
  row.cells.forEach((lines, k) => {
    lines.forEach((l, j) => text(ctx, l, x + PAD_MM, y + PAD_MM + 3 + j * LINE_MM, TEXT_MM));
    if (k === 1 && row.thumb) {
      const size = pngSize(row.thumb);
      const box = WIDTHS[1]! - 2 * PAD_MM;
      const s = Math.min(box / size.width, THUMB_MM / size.height);
      const w = size.width * s;
      const h = size.height * s;
      const sha256 = createHash('sha256').update(row.thumb).digest('hex');
      const img = {
        assetId: 'thumbnail',
        mime: 'image/png' as const,
        data: row.thumb,
        widthPx: size.width,
        heightPx: size.height,
        sha256,
      };
      drawImage(ctx, img, x + (WIDTHS[1]! - w) / 2, y + (row.height - h) / 2, w, h);
    }
    x += WIDTHS[k]!;
  });
  rule(ctx, MARGIN, y + row.height, PAGE.w - MARGIN, y + row.height);
}

/** Rows per page, in order, each page as full as its rows' heights allow. */
function paginate(rows: Row[]): Row[][] {
  const room = PAGE.h - MARGIN - 12 - (MARGIN + 16 + HEADER_H);
  const pages: Row[][] = [[]];
  let used = 0;
  for (const r of rows) {
    if (used + r.height > room && pages.at(-1)!.length) {
      pages.push([]);
      used = 0;
    }
    pages.at(-1)!.push(r);
    used += r.height;
  }
  return pages;
}

export async function writeOrderPdf(out: string, order: ProductionOrder): Promise<void> {
  const pages = paginate(rowsOf(order));
  await writePdfDocument(
    out,
    pages.map((rows, p) => ({
      name: `${order.title} 第 ${p + 1} 页`,
      cmyk: false,
      scenes: [],
      draw: (ctx: DrawContext) => {
        addPage(ctx.doc, PAGE.w * PT_PER_MM, PAGE.h * PT_PER_MM, 1);
        ctx.doc.scale(PT_PER_MM);
        let y = header(ctx, order, p + 1, pages.length);
        for (const r of rows) {
          drawRow(ctx, r, y);
          y += r.height;
        }
        if (p === pages.length - 1) {
          const total = order.lines.length;
          text(
            ctx,
            `共 ${total} 项。请按文件原尺寸输出，模切件按 CutContour 刀线（专色，独立图层）切割，勿缩放。`,
            MARGIN,
            y + 7,
            3.2,
          );
          text(ctx, '印刷厂收货确认：＿＿＿＿＿＿　　交货日期：＿＿＿＿＿＿', MARGIN, y + 14, 3.2);
        }
        text(ctx, '反诈物料工作室 生成', MARGIN, PAGE.h - MARGIN + 4, 2.6, labelFace(), GREY);
      },
    })),
    { title: order.title },
  );
}
