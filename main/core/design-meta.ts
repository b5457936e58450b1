import type { Design } from './design/design.js';
import type { SampleKind, SampleMetaInput } from './library.js';

/* What a design says about itself as a library sample (publishing, batch publishing). */

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
export function sloganOf(d: Pick<Design, 'elements'>): string {
  const texts = d.elements.flatMap((e) => (e.type === 'text' ? [{ slot: e.slot, text: e.text }] : []));
  const slogan = texts.find((t) => t.slot === 'slogan') ?? texts.sort((a, b) => b.text.length - a.text.length)[0];
  return slogan?.text.replace(/\n/g, ' ') ?? '';
}

/** Title, kind, size and slogan, published today. */
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
