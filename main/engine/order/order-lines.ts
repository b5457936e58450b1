import {
  OrderLineSchema,
  parseOrThrow,
  type Format,
  type Kind,
  type OrderLine,
  type ProductionDefault,
  type ProductionDefaults,
} from '../../core/index.js';

/*
 * The production order (制作单): one line per print file — what it is, its finished size, the
 * material and finishing (the kind's defaults from templates/kits/production.json unless the
 * caller says otherwise), how many, and anything the shop must know (an imposed sheet's count of
 * pieces, the cut line). Shared by the PDF and the XLSX writers, and by every kit.
 */

export interface ProductionOrder {
  /** 制作单 — 反诈小铺套装 */
  title: string;
  /** The event or job, e.g. 列东菜市场 反诈小铺. */
  job: string;
  /** Who orders: the unit's full name and a phone. */
  unit: string;
  contact: string;
  /** YYYY-MM-DD. */
  date: string;
  lines: OrderLine[];
  /** A small PNG per line (same order), when one could be drawn. */
  thumbnails: (Buffer | undefined)[];
}

/** A print file as the order describes it. */
export interface OrderPiece {
  file: string;
  title: string;
  kind: Kind;
  widthMm: number;
  heightMm: number;
  shape?: Format['shape'];
  quantity: number;
  /** Pieces imposed n-up: the line counts sheets. */
  imposed?: {
    sheets: number;
    sheetLabel: string;
    sheetWidthMm: number;
    sheetHeightMm: number;
    pieces: number;
    designs: number;
  };
  /** Overrides of the kind's defaults. */
  material?: ProductionDefault['material'];
  finishing?: ProductionDefault['finishing'];
  note?: string;
}

const cm = (mm: number) => `${Math.round(mm) / 10}`.replace(/\.0$/, '');

/** Finished size as a shop writes it: 60×80 cm, 直径 5 cm (round), 6×5 cm 异形 (cut along a picture). */
export function sizeText(widthMm: number, heightMm: number, shape: Format['shape'] = 'rect'): string {
  if (shape === 'circle' && Math.abs(widthMm - heightMm) < 0.05) return `直径 ${cm(widthMm)} cm`;
  if (shape === 'contour') return `${cm(widthMm)}×${cm(heightMm)} cm 以内，异形`;
  return `${cm(widthMm)}×${cm(heightMm)} cm`;
}

const FALLBACK: ProductionDefault = { material: '铜版纸', finishing: [], unit: '张', note: '' };

export function orderLine(piece: OrderPiece, defaults: ProductionDefaults): OrderLine {
  const d = defaults.kinds[piece.kind] ?? FALLBACK;
  const each = sizeText(piece.widthMm, piece.heightMm, piece.shape);
  const im = piece.imposed;
  const line = im
    ? {
        size: `${im.sheetLabel}（${im.sheetWidthMm}×${im.sheetHeightMm} mm）拼版`,
        quantity: im.sheets,
        unit: '张',
        note: [`每件成品 ${each}，${im.designs} 款共 ${im.pieces} 件`, piece.note ?? d.note].filter(Boolean).join('；'),
      }
    : { size: each, quantity: piece.quantity, unit: d.unit, note: piece.note ?? d.note };
  return parseOrThrow(
    OrderLineSchema,
    {
      file: piece.file,
      title: piece.title,
      material: piece.material ?? d.material,
      finishing: piece.finishing ?? d.finishing,
      ...line,
    },
    `制作单「${piece.title}」一行`,
  );
}

/** The columns of the order, in both the PDF and the XLSX. */
export const ORDER_COLUMNS = ['序号', '缩略图', '文件名', '物料', '成品尺寸', '材质', '工艺', '数量', '备注'] as const;

/** A line's cells as text (the thumbnail column is drawn separately). */
export function lineCells(line: OrderLine, n: number): string[] {
  return [
    String(n),
    '',
    line.file,
    line.title,
    line.size,
    line.material,
    line.finishing.join('、') || '—',
    `${line.quantity} ${line.unit}`,
    line.note,
  ];
}

/** The line under the title: job, unit, phone, date. */
export function orderMeta(order: ProductionOrder, gap: string): string {
  return [
    `任务：${order.job}`,
    `单位：${order.unit}`,
    order.contact ? `联系电话：${order.contact}` : '',
    `日期：${order.date}`,
  ]
    .filter(Boolean)
    .join(gap);
}
