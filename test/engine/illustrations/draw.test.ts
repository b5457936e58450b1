import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DesignSchema, type Design } from '../../../main/core/index.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import type { VectorItem } from '../../../main/engine/scene/types.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { pngAndPdf } from '../../helpers/png-and-pdf.js';
import { diff } from '../../helpers/image-diff.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const out = (name: string) => join(OUT_DIR, `illustration-${name}`);

/** A sheet of pictures that use every feature the set has: curves from arcs, a rotated ellipse, even-odd holes, opacity. */
function sheet(over: Record<string, unknown> = {}, slogan = '鲫鱼草鱼多宝鱼、不做骗子的网中鱼'): Design {
  const pic = (id: string, illustration: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'illustration',
    box: { x, y, w: 40, h: 40 },
    illustration,
    ...extra,
  });
  return DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    name: '插图',
    format: { widthMm: 200, heightMm: 100, colourMode: 'cmyk', dpi: 100 },
    background: { type: 'colour', colour: 'white' },
    elements: [
      { id: 'slogan', type: 'text', box: { x: 5, y: 80, w: 190, h: 15 }, text: slogan, size: { mode: 'fixed', mm: 8 } },
      pic('follow', 'leafy-green', 5, 5, { follow: { element: 'slogan', index: 2 } }),
      pic('mushroom', 'brown-mushroom', 50, 5),
      pic('meat', 'cut-of-meat', 95, 5),
      pic('coin', 'coin', 140, 5, { flip: true }),
      pic('gold', 'shield', 5, 45, { colour: 'banner-yellow', opacity: 0.5 }),
    ],
    ...over,
  });
}

const vectors = (d: Design) => buildScene(d).scene.items.filter((i): i is VectorItem => i.kind === 'vector');

describe('illustration elements in the scene', () => {
  it('follow the goods of their text, counting round the goods words', () => {
    expect(vectors(sheet())[0]!.name).toBe('fish');
    expect(vectors(sheet({}, '乌鸡土鸡大公鸡、听说转账就挂机'))[0]!.name).toBe('rooster');
    // A text naming no goods the set has keeps the element's own picture.
    expect(vectors(sheet({}, '防骗'))[0]!.name).toBe('leafy-green');
  });

  it('fit their box, mirror, recolour and fade as asked', () => {
    const [, , , coin, gold] = vectors(sheet());
    expect(coin!.matrix[0]).toBeLessThan(0); // flipped: x runs right to left
    expect(coin!.bounds.x).toBeGreaterThanOrEqual(140 - 0.01);
    expect(coin!.bounds.x + coin!.bounds.w).toBeLessThanOrEqual(180 + 0.01);
    expect(new Set(gold!.shapes.map((s) => s.fill.rgb))).toEqual(new Set(['#FFE600']));
    expect(gold!.shapes.every((s) => s.opacity <= 0.5)).toBe(true);
  });

  it('a picture the set lacks is a note naming the element, not a crash', () => {
    const d = sheet();
    const broken = {
      ...d,
      elements: d.elements.map((e) => (e.id === 'meat' ? { ...e, illustration: 'unicorn-x' } : e)),
    };
    const { scene } = buildScene(broken as Design);
    expect(scene.notes).toContainEqual(expect.objectContaining({ elementId: 'meat', kind: 'empty-slot' }));
    expect(scene.notes[0]!.message).toContain('不在本软件的插图库中');
  });
});

describe('illustrations in every output', () => {
  it('are vector paths in the PDF (no image XObject), in DeviceCMYK in a print PDF', async () => {
    const path = out('cmyk.pdf');
    await renderDesigns([sheet()], { out: path });
    const pdf = PdfReader.open(path);
    const content = pdf.content(0);
    // Fill colours of the pictures: CMYK operands; no RGB anywhere; shapes as path fills.
    expect(content).toContain('/DeviceCMYK cs');
    expect(content).not.toContain('DeviceRGB');
    const shapes = vectors(sheet()).reduce((n, v) => n + v.shapes.length, 0);
    expect(content.match(/^f\*?$/gm)!.length).toBeGreaterThanOrEqual(shapes);
    const resources = pdf.doc.findPage(0).getInheritable('Resources');
    expect(resources.get('XObject').isNull()).toBe(true);
    // The fish's blue #00A6ED as CMYK: C100 M30 Y0 K7.1.
    expect(content).toContain('1 0.3 0 0.071 scn');
    pdf.close();
  });

  it('the PDF, read by MuPDF, matches the PNG at the same dpi', async () => {
    const d = sheet({ format: { widthMm: 200, heightMm: 100, colourMode: 'rgb', dpi: 100 } });
    const { png: a, pdf: r } = await pngAndPdf(d, out('rgb'), 100);
    expect([r.width, r.height]).toEqual([a.info.width, a.info.height]);
    // The pictures' part of the page (the slogan under them is the text writers' business).
    const rows = Math.floor((r.height * 78) / 100);
    const m = diff(a.data, 3, r.data, 4, r.width, rows);
    expect(m.mean, `mean ${m.mean.toFixed(3)}`).toBeLessThan(1.5);
    expect(m.badShare).toBeLessThan(0.003);
  });

  it('the preview SVG draws each picture as paths under one transform', () => {
    const svg = sceneToSvg(buildScene(sheet()).scene);
    expect(svg).toMatch(/<g transform="matrix\([-\d.]+ 0 0 [\d.]+ [\d.]+ [\d.]+\)" data-element="follow"><path d="M/);
    expect(svg).toContain('fill-rule="evenodd"');
    expect(svg).toContain('fill-opacity="0.5"');
    expect(svg).not.toContain('<image');
  });
});
