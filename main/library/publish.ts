import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Design, SampleKind, SampleMetaInput } from '../core/index.js';
import { renderDesigns } from '../engine/render.js';
import type { Library } from './library.js';
import type { Sample } from '../core/index.js';
import { imageThumbnail } from './thumbnail.js';

const KIND: Record<string, SampleKind> = {
  banner: 'banner',
  'vertical-banner': 'banner',
  poster: 'poster',
  rollup: 'rollup',
  'x-stand': 'rollup',
  sticker: 'sticker',
  wechat: 'wechat',
};

/** The slogan of a design: its `slogan` slot, else its longest text. */
export function sloganOf(d: Design): string {
  const texts = d.elements.flatMap((e) => (e.type === 'text' ? [{ slot: e.slot, text: e.text }] : []));
  return (
    (texts.find((t) => t.slot === 'slogan') ?? texts.sort((a, b) => b.text.length - a.text.length)[0])?.text.replace(
      /\n/g,
      ' ',
    ) ?? ''
  );
}

/** What a design says about itself as a sample: title, kind, size and slogan, published today. */
export function designMeta(d: Design): SampleMetaInput {
  const px = d.format.pixels;
  const cm = (mm: number) => +(mm / 10).toFixed(1);
  return {
    title: d.name || '设计',
    kind: KIND[d.kind ?? ''] ?? 'other',
    format: px ? `${px.width}×${px.height} 像素` : `${cm(d.format.widthMm)}×${cm(d.format.heightMm)} cm`,
    widthMm: d.format.widthMm,
    heightMm: d.format.heightMm,
    publishedAt: new Date().toISOString().slice(0, 10),
    slogan: sloganOf(d),
  };
}

/** A PNG for WeChat and the thumbnail: 150 dpi at most and no more than 4,000 px on its long side. */
function pngDpi(d: Design): number {
  const longMm = Math.max(d.format.widthMm, d.format.heightMm);
  return Math.max(10, Math.min(150, (4000 / longMm) * 25.4));
}

/**
 * Publish a design: render its PDF and PNG, make a thumbnail and store all four with the design
 * in one sample. The renders go to the library's tmp/ folder first; the row commits last.
 */
export async function publishDesign(
  lib: Library,
  design: Design,
  meta: Partial<SampleMetaInput> = {},
): Promise<Sample> {
  const pdfPath = join(lib.blobs.tmp, `publish-${process.pid}-${Date.now()}.pdf`);
  const pngPath = pdfPath.replace(/\.pdf$/, '.png');
  try {
    await renderDesigns([design], { out: pdfPath, allowOverflow: true });
    const isScreen = Boolean(design.format.pixels);
    await renderDesigns([design], { out: pngPath, allowOverflow: true, ...(isScreen ? {} : { dpi: pngDpi(design) }) });
    const [pdf, png] = await Promise.all([fs.readFile(pdfPath), fs.readFile(pngPath)]);
    const thumb = await imageThumbnail(png, 'PNG');
    const name = design.name || '设计';
    return await lib.add({ ...designMeta(design), ...meta }, [
      {
        role: 'design',
        data: Buffer.from(JSON.stringify(design, null, 2)),
        mime: 'application/json',
        name: `${name}.json`,
      },
      { role: 'pdf', data: pdf, mime: 'application/pdf', name: `${name}.pdf` },
      { role: 'png', data: png, mime: 'image/png', name: `${name}.png` },
      { role: 'thumbnail', data: thumb.thumbnail, mime: 'image/jpeg', name: 'thumbnail.jpg' },
    ]);
  } finally {
    await fs.rm(pdfPath, { force: true });
    await fs.rm(pngPath, { force: true });
  }
}

/** Duplicate a published sample as a new editable design (the design JSON, renamed). */
export async function duplicateAsDesign(lib: Library, id: string): Promise<{ design: Design; from: Sample }> {
  const { DesignSchema, StudioError, parseOrThrow } = await import('../core/index.js');
  const from = lib.find(id);
  const f = from.files.find((x) => x.role === 'design');
  if (!f) throw new StudioError('invalid-input', `样本「${from.title}」是外部导入的文件，没有可编辑的设计`);
  const design = parseOrThrow(DesignSchema, JSON.parse((await lib.read(f.sha256)).toString('utf8')), '样本中的设计');
  return { design: { ...design, name: `${design.name}（副本）` }, from };
}
