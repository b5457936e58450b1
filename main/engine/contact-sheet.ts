import {
  DesignSchema,
  KINDS,
  designFromTemplate,
  parseOrThrow,
  pxToMm,
  SCREEN_DPI,
  StudioError,
  type DesignInput,
  type Template,
} from '../core/index.js';
import { prepareAssets } from './assets/prepare.js';
import { renderRasterBuffer } from './output/raster/render-raster.js';
import { renderDesigns, type OutputFormat, type RenderResult } from './render.js';
import { buildScene } from './scene/build-scene.js';

/*
 * The contact sheet (模板一览): every template as a labelled thumbnail on one image, so a person
 * reviews the gallery at a glance. Each template is rendered small on its own; the sheet itself
 * is a design (the thumbnails embedded as images, the labels as text in the bundled fonts) drawn by
 * the same engine, so the Chinese labels need no other font.
 */

export interface ContactSheetOptions {
  out: string;
  format?: OutputFormat;
  /** Thumbnails per row (1–12), default 4. */
  columns?: number;
  /** Width of a thumbnail cell in pixels (120–1200), default 320. */
  cellPx?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ContactSheetResult extends RenderResult {
  templates: number;
}

/** A template this much wider than tall spans two cells; a 10 m banner in one cell would be a hairline. */
export const WIDE_ASPECT = 3;
/** From this aspect on, a template spans the whole row. */
export const VERY_WIDE_ASPECT = 8;

/** A design holds at most 500 elements: six per thumbnail and the heading. */
const MAX_TEMPLATES = 83;

export interface SheetCell {
  index: number;
  /** The cell's area for the thumbnail, px (the labels go below it). */
  x: number;
  y: number;
  w: number;
  h: number;
  /** The thumbnail itself: centred, bottom-aligned in the row. */
  thumb: { x: number; y: number; w: number; h: number };
}

export interface SheetPlan {
  widthPx: number;
  heightPx: number;
  margin: number;
  headerH: number;
  labelH: number;
  cells: SheetCell[];
}

/**
 * Where each thumbnail goes: cells of `cellPx` × 1.25 `cellPx`, left to right; wide formats span
 * two cells or the whole row; a row is as tall as its tallest thumbnail, labels line up under it.
 */
export function planContactSheet(
  sizes: readonly { widthMm: number; heightMm: number }[],
  columns: number,
  cellPx: number,
): SheetPlan {
  const margin = Math.round(cellPx / 8);
  const gap = Math.round(cellPx / 10);
  const cellH = Math.round(cellPx * 1.25);
  const labelH = Math.round(cellPx * 0.24);
  const headerH = Math.round(cellPx * 0.22);
  const rowW = columns * cellPx + (columns - 1) * gap;
  const spanW = (span: number) => span * cellPx + (span - 1) * gap;

  type Item = { index: number; col: number; span: number; w: number; h: number };
  const rows: Item[][] = [];
  let row: Item[] = [];
  let col = 0;
  sizes.forEach((f, index) => {
    const aspect = f.widthMm / f.heightMm;
    const span = Math.min(columns, aspect >= VERY_WIDE_ASPECT ? columns : aspect >= WIDE_ASPECT ? 2 : 1);
    if (col + span > columns) {
      rows.push(row);
      row = [];
      col = 0;
    }
    const areaW = spanW(span);
    const scale = Math.min(areaW / f.widthMm, cellH / f.heightMm);
    row.push({
      index,
      col,
      span,
      w: Math.max(1, Math.round(f.widthMm * scale)),
      h: Math.max(1, Math.round(f.heightMm * scale)),
    });
    col += span;
  });
  if (row.length) rows.push(row);

  const cells: SheetCell[] = [];
  let y = margin + headerH;
  for (const r of rows) {
    const h = Math.max(...r.map((it) => it.h));
    for (const it of r) {
      const x = margin + it.col * (cellPx + gap);
      const w = spanW(it.span);
      cells.push({
        index: it.index,
        x,
        y,
        w,
        h,
        thumb: { x: x + Math.round((w - it.w) / 2), y: y + h - it.h, w: it.w, h: it.h },
      });
    }
    y += h + labelH + gap;
  }
  return { widthPx: 2 * margin + rowW, heightPx: y - gap + margin, margin, headerH, labelH, cells };
}

const KIND_LABEL: Record<Template['kind'], string> = {
  banner: '横幅',
  'vertical-banner': '竖幅',
  poster: '海报',
  rollup: '易拉宝',
  'x-stand': 'X 展架',
  'table-card': '桌牌',
  sign: '摊位牌',
  sticker: '贴纸',
  tag: '吊牌价签',
  wechat: '微信图',
};

/**
 * Kind by kind (banners first, as in KINDS), the widest first within a kind, so wide banners that
 * share a row sit together; then by id.
 */
export function sheetOrder(templates: readonly Template[]): Template[] {
  const aspect = (t: Template) => t.format.widthMm / t.format.heightMm;
  return [...templates].sort(
    (a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || aspect(b) - aspect(a) || a.id.localeCompare(b.id),
  );
}

function sizeLabel(t: Template): string {
  const f = t.format;
  if (f.pixels) return `${f.pixels.width}×${f.pixels.height} 像素`;
  if (Math.max(f.widthMm, f.heightMm) < 100) return `${f.widthMm}×${f.heightMm} mm`;
  const cm = (mm: number) => String(Math.round(mm) / 10);
  return `${cm(f.widthMm)}×${cm(f.heightMm)} cm`;
}

/** Render every template small and lay them out, labelled, on one image (or PDF page). */
export async function renderContactSheet(
  all: readonly Template[],
  opts: ContactSheetOptions,
): Promise<ContactSheetResult> {
  const templates = sheetOrder(all);
  if (templates.length === 0) throw new StudioError('invalid-input', '没有模板可以排版');
  const columns = opts.columns ?? 4;
  const cellW = opts.cellPx ?? 320;
  if (!Number.isInteger(columns) || columns < 1 || columns > 12)
    throw new StudioError('invalid-input', `每行个数应为 1 到 12 的整数，收到 ${columns}`);
  if (!Number.isInteger(cellW) || cellW < 120 || cellW > 1200)
    throw new StudioError('invalid-input', `缩略图宽度应为 120 到 1200 像素的整数，收到 ${cellW}`);
  if (templates.length > MAX_TEMPLATES)
    throw new StudioError('invalid-input', `模板过多：一张一览图至多 ${MAX_TEMPLATES} 个，收到 ${templates.length} 个`);

  const plan = planContactSheet(
    templates.map((t) => t.format),
    columns,
    cellW,
  );
  const { labelH, margin, headerH } = plan;
  const mm = (px: number) => pxToMm(px, SCREEN_DPI);
  const box = (x: number, y: number, w: number, h: number) => ({ x: mm(x), y: mm(y), w: mm(w), h: mm(h) });
  const elements: DesignInput['elements'] = [
    {
      id: 'heading',
      type: 'text',
      box: box(margin, margin * 0.6, plan.widthPx - 2 * margin, headerH * 0.8),
      text: `反诈物料工作室 · 模板一览（${templates.length} 个）`,
      font: { family: 'Noto Sans SC', weight: 900 },
      size: { mode: 'fit', minMm: mm(headerH * 0.25), maxMm: mm(headerH * 0.5) },
      colour: '#1A1A1A',
      align: 'left',
      balance: false,
    },
  ];
  const assets: DesignInput['assets'] = {};

  let done = 0;
  for (const c of plan.cells) {
    const t = templates[c.index]!;
    const design = designFromTemplate(t);
    const { scene } = buildScene(design, await prepareAssets(design));
    // Rendered at twice the size shown and scaled down by the sheet's renderer: crisper small text.
    const { data } = await renderRasterBuffer(scene, { format: 'png', widthPx: c.thumb.w * 2 });
    const n = c.index;
    const align = c.w > cellW ? 'left' : 'center';
    const below = c.y + c.h + 4;
    elements.push(
      {
        id: `card-${n}`,
        type: 'rect',
        box: box(c.x - 6, c.y - 6, c.w + 12, c.h + labelH + 12),
        radiusMm: mm(6),
        fill: '#FFFFFF',
      },
      {
        id: `thumb-${n}`,
        type: 'image',
        box: box(c.thumb.x, c.thumb.y, c.thumb.w, c.thumb.h),
        asset: `t-${n}`,
        fit: 'contain',
      },
      {
        id: `edge-${n}`,
        type: 'rect',
        box: box(c.thumb.x, c.thumb.y, c.thumb.w, c.thumb.h),
        stroke: { colour: '#C8CDD4', widthMm: mm(1) },
      },
      {
        id: `id-${n}`,
        type: 'text',
        box: box(c.x, below, c.w, labelH * 0.36),
        text: t.id,
        font: { family: 'Noto Sans SC', weight: 700 },
        size: { mode: 'fit', minMm: mm(labelH * 0.12), maxMm: mm(labelH * 0.27) },
        colour: '#1A1A1A',
        align,
        balance: false,
      },
      {
        id: `title-${n}`,
        type: 'text',
        box: box(c.x, below + labelH * 0.36, c.w, labelH * 0.3),
        text: t.title,
        font: { family: 'Noto Sans SC', weight: 400 },
        size: { mode: 'fit', minMm: mm(labelH * 0.1), maxMm: mm(labelH * 0.2) },
        colour: '#333333',
        align,
        balance: false,
      },
      {
        id: `size-${n}`,
        type: 'text',
        box: box(c.x, below + labelH * 0.66, c.w, labelH * 0.28),
        text: `${KIND_LABEL[t.kind]}（${t.kind}） · ${sizeLabel(t)}`,
        font: { family: 'Noto Sans SC', weight: 400 },
        size: { mode: 'fit', minMm: mm(labelH * 0.1), maxMm: mm(labelH * 0.18) },
        colour: '#6B7280',
        align,
        balance: false,
      },
    );
    assets[`t-${n}`] = { mime: 'image/png', data: data.toString('base64'), name: `${t.id}.png` };
    opts.onProgress?.(++done, templates.length + 1);
  }
  const sheetW = plan.widthPx;
  const sheetH = plan.heightPx;

  const sheet = parseOrThrow(
    DesignSchema,
    {
      schema: 'campaign-studio/design',
      version: 1,
      name: '模板一览',
      format: {
        widthMm: mm(sheetW),
        heightMm: mm(sheetH),
        bleedMm: 0,
        safeMm: 0,
        dpi: SCREEN_DPI,
        colourMode: 'rgb',
        pixels: { width: sheetW, height: sheetH },
        viewingDistanceM: 0.5,
      },
      background: { type: 'colour', colour: '#E9ECF0' },
      elements,
      assets,
    } satisfies DesignInput,
    '模板一览',
  );

  const r = await renderDesigns([sheet], {
    out: opts.out,
    format: opts.format,
    allowOverflow: true,
  });
  opts.onProgress?.(templates.length + 1, templates.length + 1);
  return { ...r, templates: templates.length };
}
