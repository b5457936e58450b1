import { mkdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DesignSchema, TextElementSchema, type Design } from '../../../main/core/index.js';
import { layoutText } from '../../../main/engine/layout/layout-text.js';
import { writePdf } from '../../../main/engine/output/pdf/write-pdf.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import type { TextRunItem } from '../../../main/engine/scene/types.js';
import { design, OUT_DIR, textEl } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const DIR = `${OUT_DIR}effects/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

const lettering = {
  id: 'title',
  type: 'text',
  text: '反诈小铺',
  box: { x: 10, y: 10, w: 180, h: 60 },
  size: { mode: 'fit', minMm: 10, maxMm: 40 },
  font: { family: 'ZCOOL QingKe HuangYou', weight: 400 },
  colour: 'banner-yellow',
  stroke: { colour: 'white', widthMm: 2 },
  outerStroke: { colour: 'rich-black', widthMm: 1.5 },
  shadow: { colour: 'rich-black', dxMm: 2, dyMm: 3 },
  gradient: {
    angleDeg: 0,
    stops: [
      { offset: 0, colour: '#FFF7A0' },
      { offset: 1, colour: { rgb: '#FF9900', cmyk: [0, 50, 100, 0] } },
    ],
  },
};

function poster(colourMode: 'rgb' | 'cmyk'): Design {
  return design({
    format: { widthMm: 200, heightMm: 100, colourMode },
    background: { type: 'colour', colour: 'print-red' },
    elements: [lettering],
  });
}

describe('text effects in the scene', () => {
  it('draws shadow, outer outline, outline and text in that order, the same glyphs each time', () => {
    const el = TextElementSchema.parse(lettering);
    const runs = layoutText(el).runs;
    const layers = runs.map((r) => [r.decoration ?? 'text', r.fill.rgb, r.stroke?.widthMm ?? 0]);
    expect(layers).toEqual([
      ['shadow', '#1A1A1A', 2 + 2 * 1.5],
      ['outline', '#1A1A1A', 2 + 2 * 1.5],
      ['outline', '#FFFFFF', 2],
      ['text', '#FFE600', 0],
    ]);
    const [shadow, , , text] = runs as [TextRunItem, TextRunItem, TextRunItem, TextRunItem];
    shadow.glyphs.forEach((g, i) => {
      expect(g.x - text.glyphs[i]!.x).toBeCloseTo(2, 9);
      expect(g.y - text.glyphs[i]!.y).toBeCloseTo(3, 9);
    });
    // The gradient runs over the text block, top to bottom.
    const lay = layoutText(el);
    expect(text.gradient).toMatchObject({ y1: lay.block.y, y2: lay.block.y + lay.block.h });
    expect(shadow.gradient).toBeUndefined();
  });

  it('colours words: per-word colours, goods words, rhyming ends (the more specific wins)', () => {
    const el = textEl({
      text: '白菜青菜油麦菜、莫给骗子当韭菜',
      box: { x: 0, y: 0, w: 348, h: 220 },
      colour: 'white',
      wordColours: [{ word: '骗子', colour: '#00FF00' }],
      emphasis: { goods: { colour: '#FFD0A0' }, rhymes: { colour: 'banner-yellow', scale: 1.2 } },
    });
    const l = layoutText(el);
    const byChar = l.runs.flatMap((r) => r.glyphs.map((g) => [g.text, r.fill.rgb, r.sizeMm / l.sizeMm] as const));
    const colour = (c: string) => byChar.filter(([t]) => t === c).map(([, rgb]) => rgb);
    expect(colour('白')).toEqual(['#FFD0A0']);
    expect(colour('骗')).toEqual(['#00FF00']);
    expect(colour('莫')).toEqual(['#FFFFFF']);
    // 菜 ends the first half (and 韭菜, a goods word, ends the second): yellow, 1.2× at both ends.
    const ends = byChar.filter(([, rgb]) => rgb === '#FFE600');
    expect(ends.map(([t, , k]) => [t, Number(k.toFixed(6))])).toEqual([
      ['菜', 1.2],
      ['菜', 1.2],
    ]);
    expect(byChar.filter(([t]) => t === '韭').map(([, rgb]) => rgb)).toEqual(['#FFD0A0']);
  });

  it('leaves designs without the new fields valid and unchanged', () => {
    const old = DesignSchema.parse({
      schema: 'campaign-studio/design',
      version: 1,
      format: { widthMm: 100, heightMm: 50 },
      elements: [
        { id: 't', type: 'text', text: '防骗', box: { x: 0, y: 0, w: 100, h: 50 }, size: { mode: 'fixed', mm: 10 } },
      ],
    });
    const t = old.elements[0]!;
    expect(t.type === 'text' && [t.stroke, t.outerStroke, t.shadow, t.gradient, t.emphasis]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(buildScene(old).scene.items.filter((i) => i.kind === 'text')).toHaveLength(1);
  });
});

describe('text effects in every writer', () => {
  it('SVG: silhouettes for the layers, a gradient clipped to the glyphs for the fill', () => {
    const svg = sceneToSvg(buildScene(poster('rgb')).scene);
    expect(svg).toMatch(/<linearGradient id="tg\d+" gradientUnits="userSpaceOnUse"/);
    expect(svg).toMatch(/<clipPath id="tc\d+" clipPathUnits="userSpaceOnUse"><use /);
    expect(svg).toMatch(/<rect [^>]*fill="url\(#tg\d+\)" clip-path="url\(#tc\d+\)" data-element="title"\/>/);
    expect(svg.match(/<g fill="#1A1A1A" stroke="#1A1A1A" stroke-width="[\d.]+" stroke-linejoin="round"/g)).toHaveLength(
      2,
    );
  });

  it('PDF (CMYK): vector layers in DeviceCMYK, a CMYK gradient, the text once, no images', async () => {
    const r = await writePdf([buildScene(poster('cmyk')).scene], `${DIR}effects-cmyk.pdf`);
    const pdf = PdfReader.open(r.path);
    expect(pdf.text(0).split('反诈小铺').length - 1).toBe(1);
    const content = pdf.content(0);
    expect(content).not.toContain('DeviceRGB');
    // Rich black for the shadow and outer outline, white for the outline: fill and stroke.
    expect(content).toContain('0.5 0.5 0.5 1 scn');
    expect(content).toContain('0.5 0.5 0.5 1 SCN');
    expect(content).toContain('0 0 0 0 SCN');
    const res = pdf.doc.findPage(0).getInheritable('Resources');
    const spaces: string[] = [];
    res.get('Pattern').forEach((p) => spaces.push(p.resolve().get('Shading').get('ColorSpace').asName()));
    expect(spaces).toEqual(['DeviceCMYK']);
    expect(res.get('XObject').isNull() || res.get('XObject').isDictionary()).toBe(true);
    let images = 0;
    if (res.get('XObject').isDictionary())
      res.get('XObject').forEach((x) => (images += x.resolve().get('Subtype').asName() === 'Image' ? 1 : 0));
    expect(images).toBe(0);
    // The text itself is real text in the display face, subset, searchable.
    expect(pdf.fonts().map((f) => [f.name.replace(/^[A-Z]{6}\+/, ''), f.subset, f.toUnicode])).toEqual([
      ['ZCOOLQingKeHuangYou-Regular', true, true],
    ]);
    pdf.close();
  });

  it('PDF: what a reader sees matches the layers (shadow below right, outline round the yellow)', async () => {
    const d = poster('rgb');
    const r = await writePdf([buildScene(d).scene], `${DIR}effects-rgb.pdf`, { cropMarks: false });
    const pdf = PdfReader.open(r.path);
    const ras = pdf.rasterise(0, 150, { box: 'TrimBox' });
    const lay = buildScene(d).text.get('title')!;
    // Somewhere inside the block there is yellow-to-orange fill, white outline and black shadow.
    let fill = 0;
    let white = 0;
    let black = 0;
    for (let y = lay.block.y; y < lay.block.y + lay.block.h + 4; y += 0.25)
      for (let x = lay.block.x; x < lay.block.x + lay.block.w + 4; x += 0.25) {
        const [r0, g0, b0] = ras.pixelAtMm(x, y);
        if (r0 > 240 && g0 > 140 && b0 < 170) fill++;
        else if (r0 > 245 && g0 > 245 && b0 > 245) white++;
        else if (r0 < 40 && g0 < 40 && b0 < 40) black++;
      }
    expect(fill).toBeGreaterThan(500);
    expect(white).toBeGreaterThan(100);
    expect(black).toBeGreaterThan(100);
    pdf.close();
  });
});
