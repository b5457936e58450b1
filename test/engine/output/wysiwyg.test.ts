import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { designFromTemplate, type Design } from '../../../main/core/index.js';
import { filledTemplate } from '../../helpers/profile.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { getTemplate } from '../../../main/engine/templates.js';
import { design, OUT_DIR } from '../../helpers/designs.js';
import { diff } from '../../helpers/image-diff.js';
import { rotated } from '../../helpers/rotated-design.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

/** A design with what the templates lack: vertical text, outlined text, an ellipse, a line. */
function mixed(): Design {
  return design({
    format: { widthMm: 150, heightMm: 100 },
    background: {
      type: 'linear-gradient',
      angleDeg: 90,
      stops: [
        { offset: 0, colour: '#FFF4D6' },
        { offset: 1, colour: '#FFD98A' },
      ],
    },
    elements: [
      {
        id: 'v',
        type: 'text',
        text: '转账汇款多核实，拨96110。',
        writing: 'vertical',
        box: { x: 115, y: 5, w: 30, h: 90 },
        size: { mode: 'fit', minMm: 4, maxMm: 12 },
        font: { family: 'Noto Serif SC', weight: 900 },
        colour: '#9B0000',
      },
      {
        id: 'h',
        type: 'text',
        text: '陌生来电不轻信',
        box: { x: 5, y: 10, w: 100, h: 30 },
        size: { mode: 'fit', minMm: 4, maxMm: 20 },
        font: { family: 'Noto Sans SC', weight: 900 },
        colour: '#FFE600',
        stroke: { colour: '#C8102E', widthMm: 1.6 },
        letterSpacing: 0.1,
      },
      {
        id: 'e',
        type: 'ellipse',
        box: { x: 10, y: 50, w: 40, h: 30 },
        fill: '#0B4DB3',
        stroke: { colour: '#002766', widthMm: 1 },
      },
      {
        id: 'r',
        type: 'rect',
        box: { x: 60, y: 50, w: 45, h: 30 },
        radiusMm: 6,
        fill: 'white',
        stroke: { colour: 'print-red', widthMm: 0.8 },
      },
      {
        id: 'l',
        type: 'line',
        from: { x: 5, y: 92 },
        to: { x: 105, y: 92 },
        stroke: { colour: '#333333', widthMm: 0.5 },
      },
      {
        id: 't',
        type: 'text',
        text: 'App 下载',
        box: { x: 60, y: 50, w: 45, h: 30 },
        size: { mode: 'fixed', mm: 7 },
        font: { family: 'Noto Sans SC', weight: 400 },
        colour: 'rich-black',
      },
    ],
  });
}

/** Display type with every text effect: double stroke, drop shadow, gradient, emphasis, word colour. */
function effects(): Design {
  return design({
    format: { widthMm: 150, heightMm: 100 },
    background: { type: 'colour', colour: 'print-red' },
    elements: [
      {
        id: 'title',
        type: 'text',
        text: '反诈小铺',
        box: { x: 8, y: 4, w: 100, h: 26 },
        size: { mode: 'fit', minMm: 6, maxMm: 22 },
        font: { family: 'ZCOOL QingKe HuangYou', weight: 400 },
        colour: 'banner-yellow',
        stroke: { colour: 'white', widthMm: 1.2 },
        outerStroke: { colour: 'rich-black', widthMm: 0.8 },
        shadow: { colour: 'rich-black', dxMm: 1.2, dyMm: 1.2 },
      },
      {
        id: 'slogan',
        type: 'text',
        text: '鲫鱼草鱼多宝鱼、不做骗子的网中鱼',
        box: { x: 8, y: 34, w: 100, h: 34 },
        size: { mode: 'fit', minMm: 4, maxMm: 14 },
        font: { family: 'Ma Shan Zheng', weight: 400 },
        colour: 'white',
        emphasis: { rhymes: { colour: 'banner-yellow', scale: 1.2 }, goods: { colour: '#FFD0A0' } },
      },
      {
        id: 'gradient',
        type: 'text',
        text: '乌鸡土鸡大公鸡、听说转账就挂机',
        box: { x: 8, y: 70, w: 100, h: 26 },
        size: { mode: 'fit', minMm: 4, maxMm: 12 },
        font: { family: 'ZCOOL KuaiLe', weight: 400 },
        colour: 'banner-yellow',
        gradient: {
          angleDeg: 0,
          stops: [
            { offset: 0, colour: '#FFF7A0' },
            { offset: 1, colour: '#FF9900' },
          ],
        },
        stroke: { colour: '#7A0000', widthMm: 0.6 },
        wordColours: [{ word: '转账', colour: 'white' }],
      },
      {
        id: 'column',
        type: 'text',
        text: '白菜青菜油麦菜、莫给骗子当韭菜',
        writing: 'vertical',
        box: { x: 114, y: 4, w: 32, h: 92 },
        size: { mode: 'fit', minMm: 4, maxMm: 12 },
        font: { family: 'ZCOOL KuaiLe', weight: 400 },
        colour: 'white',
        shadow: { colour: '#7A0000', dxMm: 0.6, dyMm: 0.6 },
      },
    ],
  });
}

/** Name, design, dpi, and for real text a looser bound where the page is mostly small text edges. */
const cases: [string, () => Design, number, { mean: number; bad: number }?][] = [
  ['poster-a2-red', () => filledTemplate('poster-a2-red'), 100],
  // A phone poster of four lines of 43 mm type, a speech bubble and the tips: text edges over a third
  // of the page (measured: mean 1.63, 1.0 % of pixels).
  ['wechat-1080x1920-blue', () => filledTemplate('wechat-1080x1920-blue'), 96, { mean: 2, bad: 0.014 }],
  ['banner-red-600x70', () => designFromTemplate(getTemplate('banner-red-600x70')), 25],
  ['mixed', mixed, 150],
  // Four lines of outlined, shadowed display type on a 150 mm page: edges everywhere.
  ['effects', effects, 150, { mean: 2.5, bad: 0.03 }],
  ['rotated', rotated, 150],
];

async function compare(d: Design, png: string, pdf: string, dpi: number) {
  const page = PdfReader.open(pdf).rasterise(0, dpi, { box: 'TrimBox' });
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  // Both round the trim up to whole pixels. A part-covered last row or column is painted in full
  // in our PNG (no pale hairline at a banner's edge) and anti-aliased by MuPDF, so the comparison
  // stops before it.
  expect(Math.abs(page.width - info.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(page.height - info.height)).toBeLessThanOrEqual(1);
  const whole = (mm: number) => Math.floor((mm / 25.4) * dpi + 1e-6);
  const w = Math.min(page.width, info.width, whole(d.format.widthMm));
  const h = Math.min(page.height, info.height, whole(d.format.heightMm));
  return diff(data, 3, page.data, 4, w, h, info.width, page.width);
}

describe('WYSIWYG: the PDF, read by a real PDF reader (MuPDF), matches the PNG at the same dpi', () => {
  for (const [name, make, dpi, textBound] of cases) {
    it(name, async () => {
      const d = make();
      const png = join(OUT_DIR, `wysiwyg-${name}.png`);
      const pdf = join(OUT_DIR, `wysiwyg-${name}.pdf`);
      const outlined = join(OUT_DIR, `wysiwyg-${name}-outlined.pdf`);
      await renderDesigns([d], { out: png, dpi });
      await renderDesigns([d], { out: pdf, cmyk: false });
      await renderDesigns([d], { out: outlined, cmyk: false, outlineText: true });
      // Geometry: with text as outlines both renderers fill the same paths. Tolerance: cairo and
      // MuPDF anti-alias edges a few levels apart; a shape or glyph moved by a fraction of a pixel
      // already turns its edge pixels "visibly different" (> 64 levels).
      const geo = await compare(d, png, outlined, dpi);
      expect(geo.mean, `outlined: mean difference ${geo.mean.toFixed(3)}/255`).toBeLessThan(0.6);
      expect(geo.badShare, `outlined: visibly different pixels ${geo.badShare}`).toBeLessThan(0.001);
      // Real text: MuPDF draws glyphs from its glyph cache on a sub-pixel grid, so text edges may
      // move by up to a third of a pixel against the exact outlines: on a text-heavy page that turns
      // up to ~1 % of pixels (one side of each stroke) "visibly different". Glyph positions in the PDF
      // are checked exactly (to 0.01 mm) by pdf-write.test.ts.
      const txt = await compare(d, png, pdf, dpi);
      expect(txt.mean, `text: mean difference ${txt.mean.toFixed(3)}/255`).toBeLessThan(textBound?.mean ?? 1.5);
      expect(txt.badShare, `text: visibly different pixels ${txt.badShare}`).toBeLessThan(textBound?.bad ?? 0.012);
    });
  }
});
