import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { DesignSchema, type Design } from '../../../main/core/index.js';
import { preflight } from '../../../main/engine/preflight/preflight.js';
import { imposeDesigns } from '../../../main/engine/impose/impose.js';
import { SHEETS } from '../../../main/engine/impose/sheets.js';
import { renderDesigns } from '../../../main/engine/render.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { offsetOutlines } from '../../../main/engine/scene/contour.js';
import { trimArea } from '../../../main/engine/scene/trim-shape.js';
import type { VectorItem } from '../../../main/engine/scene/types.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { PdfReader } from '../../helpers/pdf-reader.js';

const DIR = `${OUT_DIR}print/`;
beforeAll(() => mkdirSync(DIR, { recursive: true }));

/** A sticker shaped like a fish: cut 3 mm round the picture, the jingle on the fish. */
function fishSticker(over: { offsetMm?: number; element?: string; textBox?: Record<string, number> } = {}): Design {
  return DesignSchema.parse({
    schema: 'campaign-studio/design',
    version: 1,
    kind: 'sticker',
    name: '鱼形贴纸',
    format: {
      widthMm: 70,
      heightMm: 60,
      bleedMm: 2,
      safeMm: 2,
      dpi: 300,
      colourMode: 'cmyk',
      viewingDistanceM: 0.5,
      shape: 'contour',
      contour: { element: over.element ?? 'fish', offsetMm: over.offsetMm ?? 3 },
    },
    background: { type: 'colour', colour: 'white' },
    elements: [
      { id: 'fish', type: 'illustration', box: { x: 5, y: 5, w: 60, h: 50 }, illustration: 'fish' },
      {
        id: 'slogan',
        type: 'text',
        box: over.textBox ?? { x: 18, y: 24, w: 30, h: 10 },
        text: '鲫鱼鲜',
        font: { family: 'Noto Sans SC', weight: 900 },
        size: { mode: 'fit', minMm: 3, maxMm: 8 },
        colour: 'white',
        balance: false,
      },
    ],
  });
}

/** Signed distance from a point to a closed polygon's edges (no sign: the nearest edge). */
function edgeDistance(p: [number, number], poly: [number, number][]): number {
  let best = Infinity;
  for (let i = 0; i < poly.length; i++) {
    const [ax, ay] = poly[i]!;
    const [bx, by] = poly[(i + 1) % poly.length]!;
    const t = Math.max(
      0,
      Math.min(1, ((p[0] - ax) * (bx - ax) + (p[1] - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2 || 1)),
    );
    best = Math.min(best, Math.hypot(p[0] - ax - t * (bx - ax), p[1] - ay - t * (by - ay)));
  }
  return best;
}

describe('a die-cut line along an illustration (shape: contour)', () => {
  it('offsets a circle outward by exactly the offset (within a tenth of a millimetre)', () => {
    // A 20 mm disc drawn as four Béziers, centred at (30, 30).
    const k = 0.5523 * 10;
    const d = `M40 30C40 ${30 + k} ${30 + k} 40 30 40C${30 - k} 40 20 ${30 + k} 20 30C20 ${30 - k} ${30 - k} 20 30 20C${30 + k} 20 40 ${30 - k} 40 30Z`;
    const item: VectorItem = {
      kind: 'vector',
      elementId: 'disc',
      name: 'disc',
      matrix: [1, 0, 0, 1, 0, 0],
      bounds: { x: 20, y: 20, w: 20, h: 20 },
      shapes: [{ d, fill: { rgb: '#000000', cmyk: [0, 0, 0, 100] }, opacity: 1, evenOdd: false }],
    } as VectorItem;
    const [three, five] = offsetOutlines(item, [3, 5]);
    for (const [ring, r] of [
      [three!, 13],
      [five!, 15],
    ] as const) {
      expect(ring.length).toBeGreaterThan(16);
      for (const [x, y] of ring) expect(Math.abs(Math.hypot(x - 30, y - 30) - r)).toBeLessThan(0.1);
    }
  });

  it('the scene carries the cut and the bleed outline round the fish, every point the offset from its ink', () => {
    const { scene } = buildScene(fishSticker());
    expect(scene.shape).toBe('contour');
    const { trim, bleed } = scene.contour!;
    expect(trim.length).toBeGreaterThan(20);
    const fish = scene.items.find((it): it is VectorItem => it.kind === 'vector')!;
    // The cut never comes nearer the fish's ink than the offset, and lies within the picture's box grown by it.
    const xs = trim.map((p) => p[0]);
    const ys = trim.map((p) => p[1]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(fish.bounds.x - 3.1);
    expect(Math.max(...xs)).toBeLessThanOrEqual(fish.bounds.x + fish.bounds.w + 3.1);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(fish.bounds.y - 3.1);
    expect(Math.max(...ys)).toBeLessThanOrEqual(fish.bounds.y + fish.bounds.h + 3.1);
    // The bleed outline is 2 mm (the bleed) beyond the cut everywhere.
    for (const p of bleed.filter((_, i) => i % 5 === 0)) expect(Math.abs(edgeDistance(p, trim) - 2)).toBeLessThan(0.15);
  });

  it('a missing picture: a note, and the cut falls back to the rectangle', () => {
    const built = buildScene(fishSticker({ element: 'nothing' }));
    expect(built.scene.contour).toBeUndefined();
    expect(built.scene.notes.some((n) => n.message.includes('nothing'))).toBe(true);
  });

  it('PDF: the CutContour path is the traced outline, in its layer; PNG transparent outside the bleed outline', async () => {
    const design = fishSticker();
    const { scene } = buildScene(design);
    const out = `${DIR}fish-contour.pdf`;
    await renderDesigns([design], { out, allowPlaceholder: true });
    const content = PdfReader.open(out).content(0);
    const start = content.indexOf('/OC /OcCut BDC');
    expect(start).toBeGreaterThanOrEqual(0);
    const block = content.slice(start, content.indexOf('EMC', start));
    const lines = block.split('\n').filter((l) => / [ml]$/.test(l.trim()));
    expect(lines.length).toBe(scene.contour!.trim.length);
    const [x, y] = lines[0]!.trim().split(/\s+/).map(Number);
    expect(x).toBeCloseTo(scene.contour!.trim[0]![0], 2);
    expect(y).toBeCloseTo(scene.contour!.trim[0]![1], 2);

    const png = `${DIR}fish-contour.png`;
    await renderDesigns([design], { out: png, allowPlaceholder: true });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const pxPerMm = info.width / 70;
    const alpha = (mmX: number, mmY: number) =>
      data[(Math.round(mmY * pxPerMm) * info.width + Math.round(mmX * pxPerMm)) * 4 + 3];
    expect(alpha(0.5, 0.5)).toBe(0); // a corner of the sheet, far from the fish
    expect(alpha(35, 30)).toBe(255); // the fish's body
  });

  it('preflight: text reaching out of the cut line is flagged', async () => {
    const inside = (await preflight(fishSticker())).findings;
    expect(inside.filter((f) => f.code === 'cut-margin')).toEqual([]);
    const outside = (await preflight(fishSticker({ textBox: { x: 2, y: 1, w: 30, h: 5 } }))).findings;
    expect(outside.some((f) => f.code === 'cut-margin' && f.elementId === 'slogan')).toBe(true);
  });

  it('imposed: each fish carries its traced cut line, and waste counts the area of the fish, not its rectangle', async () => {
    const design = fishSticker();
    const { scene } = buildScene(design);
    const area = trimArea(scene);
    expect(area).toBeLessThan(70 * 60 * 0.8);
    expect(area).toBeGreaterThan(60 * 50 * 0.5);
    const out = `${DIR}fish-imposed.pdf`;
    const r = await imposeDesigns({ items: [{ design, count: 6 }], sheet: SHEETS.a3, out, allowPlaceholder: true });
    expect(r.sheets).toBe(1);
    expect(r.wastePct).toBeCloseTo(100 * (1 - (6 * area) / (297 * 420)), 1);
    const content = PdfReader.open(out).content(0);
    const start = content.indexOf('/OC /OcCut BDC');
    const cut = content.slice(start, content.indexOf('EMC', start));
    expect(cut.match(/ m\n/g)).toHaveLength(6);
    expect(cut.match(/ l\n/g)).toHaveLength(6 * (scene.contour!.trim.length - 1));
  });

  it('imposed turned: a fish lying on its side has its traced cut turned with it (bounding box h × w)', async () => {
    const design = fishSticker();
    const { scene } = buildScene(design);
    const box = (pts: readonly (readonly [number, number])[]) => {
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      return { w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    };
    const trim = box(scene.contour!.trim);
    const out = `${DIR}fish-imposed-turned.pdf`;
    // SRA3: 20 fish a sheet upright (70 × 60 with bleed: 4 × 5 on the turned sheet); 5 upright and
    // 18 turned below them make 23.
    const r = await imposeDesigns({ items: [{ design, count: 23 }], sheet: SHEETS.sra3, out, allowPlaceholder: true });
    expect(r).toMatchObject({ sheets: 1, perSheet: [23] });
    expect(r.items[0]!.rotated).toBe(18);
    const content = PdfReader.open(out).content(0);
    const start = content.indexOf('/OC /OcCut BDC');
    const cut = content.slice(start, content.indexOf('EMC', start));
    const loops = cut
      .split(/\n(?=[-\d.]+ [-\d.]+ m\n)/)
      .slice(1)
      .map((sub) =>
        [...sub.matchAll(/^([-\d.]+) ([-\d.]+) [ml]$/gm)].map((m) => [Number(m[1]), Number(m[2])] as const),
      );
    expect(loops).toHaveLength(23);
    const sizes = loops.map(box);
    expect(sizes.filter((b) => Math.abs(b.w - trim.h) < 0.01 && Math.abs(b.h - trim.w) < 0.01)).toHaveLength(18);
    expect(sizes.filter((b) => Math.abs(b.w - trim.w) < 0.01 && Math.abs(b.h - trim.h) < 0.01)).toHaveLength(5);
    expect(r.wastePct).toBeCloseTo(100 * (1 - (23 * trimArea(scene)) / (320 * 450)), 1);
  });
});
