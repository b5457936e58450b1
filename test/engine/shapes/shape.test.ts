import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DesignSchema,
  parseUnitPath,
  SHAPE_PRESET_NAMES,
  ShapeElementSchema,
  shapeOutline,
  type Design,
} from '../../../main/core/index.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import type { ShapeItem } from '../../../main/engine/scene/types.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { pngAndPdf } from '../../helpers/png-and-pdf.js';
import { diff } from '../../helpers/image-diff.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const out = (name: string) => join(OUT_DIR, `shape-${name}`);
const shape = (over: Record<string, unknown>) =>
  ShapeElementSchema.parse({ id: 's', type: 'shape', box: { x: 10, y: 20, w: 40, h: 30 }, fill: 'print-red', ...over });

/** Every preset once, on a sheet: a grid of 40 mm cells. */
function sheet(colourMode: 'rgb' | 'cmyk' = 'cmyk'): Design {
  return DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    name: '形状',
    format: { widthMm: 260, heightMm: 130, colourMode, dpi: 100 },
    background: { type: 'colour', colour: 'white' },
    elements: SHAPE_PRESET_NAMES.map((name, i) => ({
      id: `s-${name}`,
      type: 'shape',
      shape: name,
      box: { x: 5 + (i % 6) * 42, y: 5 + Math.floor(i / 6) * 42, w: 34, h: 30 },
      fill: i % 2 ? 'print-red' : 'police-blue',
      stroke: { colour: 'banner-yellow', widthMm: 1 },
      ...(name === 'custom' ? { path: 'M0 0 L100 0 L50 100 Z M40 20 L60 20 L50 40 Z' } : {}),
      ...(name === 'burst' ? { rotateDeg: 15 } : {}),
      ...(name === 'circle' ? { opacity: 0.5 } : {}),
    })),
  });
}

const items = (d: Design) => buildScene(d).scene.items.filter((i): i is ShapeItem => i.kind === 'shape');

describe('shape element: the schema', () => {
  it('takes every preset and refuses what cannot be drawn, in Chinese', () => {
    for (const name of SHAPE_PRESET_NAMES)
      if (name !== 'custom' && name !== 'line') expect(shape({ shape: name }).shape).toBe(name);
    expect(() => shape({ shape: 'heart' })).toThrow(/形状应为/);
    expect(() => shape({ shape: 'custom' })).toThrow(/自定义形状需要路径/);
    expect(() => shape({ shape: 'custom', path: 'm0 0 l10 10z' })).toThrow(/绝对坐标/);
    expect(() => shape({ shape: 'custom', path: 'M0 0 A5 5 0 0 1 10 10' })).toThrow(/绝对坐标/);
    expect(() => shape({ shape: 'line' })).toThrow(/线条需要描边/);
    expect(() => shape({ shape: 'burst', points: 2 })).toThrow(/至少 3 个/);
  });
});

describe('shape element: the geometry', () => {
  const pts = (over: Record<string, unknown>) =>
    shapeOutline(shape(over)).segments.flatMap((g) => (g.op === 'Z' ? [] : [g.p]));

  it('a burst has 2n corners on two radii, the first spike pointing up, and fills its box', () => {
    const p = pts({ shape: 'burst', points: 12, depth: 0.25, box: { x: 0, y: 0, w: 100, h: 100 } });
    expect(p).toHaveLength(24);
    expect(p[0]![0]).toBeCloseTo(50);
    expect(p[0]![1]).toBeCloseTo(0);
    const r = p.map(([x, y]) => Math.hypot(x - 50, y - 50));
    expect(r.filter((v) => Math.abs(v - 50) < 1e-6)).toHaveLength(12);
    expect(r.filter((v) => Math.abs(v - 37.5) < 1e-6)).toHaveLength(12);
  });

  it('a star defaults to five points; a scallop reaches its ellipse and no further', () => {
    expect(pts({ shape: 'star' })).toHaveLength(10);
    const { segments } = shapeOutline(shape({ shape: 'scallop', points: 24, box: { x: 0, y: 0, w: 100, h: 100 } }));
    let far = 0;
    let prev: [number, number] = [0, 0];
    for (const g of segments) {
      if (g.op === 'C')
        for (let t = 0; t <= 1; t += 0.05) {
          const u = 1 - t;
          const x = u ** 3 * prev[0] + 3 * u * u * t * g.c1[0] + 3 * u * t * t * g.c2[0] + t ** 3 * g.p[0];
          const y = u ** 3 * prev[1] + 3 * u * u * t * g.c1[1] + 3 * u * t * t * g.c2[1] + t ** 3 * g.p[1];
          far = Math.max(far, Math.hypot(x - 50, y - 50));
        }
      if (g.op !== 'Z') prev = g.p;
    }
    expect(far).toBeGreaterThan(49.5);
    expect(far).toBeLessThan(50.2);
  });

  it('turns about the box centre, clockwise', () => {
    const p = pts({ shape: 'star', rotateDeg: 90, box: { x: 0, y: 0, w: 100, h: 100 } });
    // The first point, up, turned a quarter clockwise points right.
    expect(p[0]![0]).toBeCloseTo(100);
    expect(p[0]![1]).toBeCloseTo(50);
  });

  it("a speech bubble's tail reaches the tip from the side it points out of", () => {
    const p = pts({ shape: 'speech', tail: { x: 0.2, y: 1.5 }, box: { x: 0, y: 0, w: 100, h: 50 } });
    expect(p).toContainEqual([20, 75]);
    const left = pts({ shape: 'speech', tail: { x: -0.3, y: 0.5 }, box: { x: 0, y: 0, w: 100, h: 50 } });
    expect(left).toContainEqual([-30, 25]);
  });

  it('the line is open and stroked only; the seal frame and custom paths are even-odd', () => {
    const line = shapeOutline(shape({ shape: 'line', stroke: { colour: 'black', widthMm: 1 } }));
    expect(line.closed).toBe(false);
    expect(shapeOutline(shape({ shape: 'seal' })).evenOdd).toBe(true);
  });

  it('a custom path is read in a 100 × 100 box stretched over the element, quadratics as cubics', () => {
    const segs = parseUnitPath('M0 0 H100 V50 Q50 100 0 50 Z', { x: 10, y: 20, w: 200, h: 10 })!;
    expect(segs.map((g) => g.op)).toEqual(['M', 'L', 'L', 'C', 'Z']);
    expect(segs[2]).toEqual({ op: 'L', p: [210, 25] });
    const c = segs[3] as { c1: number[]; p: number[] };
    expect(c.p).toEqual([10, 25]);
    expect(c.c1[0]).toBeCloseTo(10 + 2 * (100 + (2 / 3) * -50));
    expect(parseUnitPath('L0 0')).toBeNull();
  });
});

describe('shape element in every output', () => {
  it('the scene has one item per shape, bounded by its hull, and nothing for a shape with no paint', () => {
    const all = items(sheet());
    expect(all.map((i) => i.elementId)).toEqual(SHAPE_PRESET_NAMES.map((n) => `s-${n}`));
    const rect = all.find((i) => i.elementId === 's-rect')!;
    expect(rect.bounds).toEqual({ x: 5, y: 5, w: 34, h: 30 });
    const bare = DesignSchema.parse({
      ...sheet(),
      elements: [{ id: 'x', type: 'shape', shape: 'star', box: rect.bounds }],
    });
    expect(items(bare)).toEqual([]);
  });

  it('the SVG draws each as a path with round joins, its rule and opacity', () => {
    const svg = sceneToSvg(buildScene(sheet()).scene);
    expect(svg.match(/<path d="M[^"]*"[^>]*stroke-linejoin="round"/g)!.length).toBe(SHAPE_PRESET_NAMES.length);
    expect(svg).toContain('fill-rule="evenodd"');
    expect(svg).toContain(
      'fill-opacity="0.5" stroke="#FFE600" stroke-width="1" stroke-linejoin="round" stroke-opacity="0.5"',
    );
    expect(svg).toMatch(/fill="none" stroke="#FFE600"/); // the line
  });

  it('the print PDF draws them as vector paths in DeviceCMYK, filled and stroked, no image', async () => {
    const path = out('cmyk.pdf');
    await renderDesigns([sheet()], { out: path });
    const pdf = PdfReader.open(path);
    const content = pdf.content(0);
    expect(content).not.toContain('DeviceRGB');
    // 大红 M100 Y100 fills, 警察蓝 C100 M80 K10, the yellow Y100 outlines.
    expect(content).toContain('0 1 1 0 scn');
    expect(content).toContain('1 0.8 0 0.1 scn');
    expect(content).toContain('0 0 1 0 SCN');
    expect(content.match(/^B\*?$/gm)!.length).toBeGreaterThanOrEqual(SHAPE_PRESET_NAMES.length - 1);
    expect(content).toMatch(/^1 j$/m);
    expect(pdf.doc.findPage(0).getInheritable('Resources').get('XObject').isNull()).toBe(true);
    pdf.close();
  });

  it('the PDF, read by MuPDF, matches the PNG at the same dpi', async () => {
    const { png: a, pdf: r } = await pngAndPdf(sheet('rgb'), out('rgb'), 100);
    expect([r.width, r.height]).toEqual([a.info.width, a.info.height]);
    const m = diff(a.data, 3, r.data, 4, r.width, r.height);
    expect(m.mean, `mean ${m.mean.toFixed(3)}`).toBeLessThan(1);
    expect(m.badShare).toBeLessThan(0.003);
    // Ink where the shapes are: the burst's centre is blue, the star's is red.
    const px = (xMm: number, yMm: number) => {
      const i = 3 * (Math.round((yMm / 25.4) * 100) * a.info.width + Math.round((xMm / 25.4) * 100));
      return [a.data[i], a.data[i + 1], a.data[i + 2]];
    };
    expect(px(5 + 4 * 42 + 17, 20)).toEqual([0x00, 0x3a, 0x8c]);
    expect(px(5 + 5 * 42 + 17, 21)).toEqual([0xe6, 0x00, 0x12]);
  });

  it('on a round sticker, a scalloped ring in the cut margin is flagged; one inside the safe circle is not', async () => {
    const sticker = (w: number) =>
      DesignSchema.parse({
        schema: 'campaign-studio/design',
        version: 1,
        name: '贴纸',
        format: { widthMm: 40, heightMm: 40, bleedMm: 2, safeMm: 3, shape: 'circle' },
        elements: [
          {
            id: 'ring',
            type: 'shape',
            shape: 'scallop',
            box: { x: 20 - w / 2, y: 20 - w / 2, w, h: w },
            fill: 'print-red',
          },
        ],
      });
    const codes = async (w: number) => (await preflight(sticker(w))).findings.map((f) => f.code);
    expect(await codes(38)).toContain('cut-margin');
    expect(await codes(33.6)).not.toContain('cut-margin');
  });
});
