import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDesigns } from '../../../main/engine/render.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { OUT_DIR } from '../../helpers/designs.js';
import { rotated } from '../../helpers/rotated-design.js';

/*
 * Turned and hidden elements (issue #15): every item of a turned element carries its rotation
 * about the box's centre, the SVG wraps it in rotate(), the raster draws it turned; a hidden
 * element is in no output. The PDF matches the PNG (wysiwyg.test.ts, case "rotated").
 */
describe('rotation and hidden elements in the scene', () => {
  it('turns every item of an element about its box centre and leaves hidden ones out', () => {
    const { scene } = buildScene(rotated());
    expect(scene.items.some((it) => it.elementId === 'hidden')).toBe(false);
    const bar = scene.items.find((it) => it.elementId === 'bar')!;
    expect(bar.rotate).toEqual({ deg: 30, cx: 75, cy: 48 });
    expect(scene.items.filter((it) => it.elementId === 'slogan').every((it) => it.rotate?.deg === -12)).toBe(true);
    expect(sceneToSvg(scene)).toContain('<g transform="rotate(30 75 48)"><rect');
    const strip = scene.items.find((it) => it.elementId === 'strip')!;
    expect(strip).toMatchObject({ kind: 'shape', rotate: { deg: 90, cx: 75, cy: 74 } });
  });

  it('draws the turned bar where it lands, not where its upright box is', async () => {
    const out = join(OUT_DIR, 'rotation.png');
    await renderDesigns([rotated()], { out, dpi: 100 });
    const { data, info } = await sharp(out).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (xMm: number, yMm: number) => {
      const i = (Math.round((yMm / 25.4) * 100) * info.width + Math.round((xMm / 25.4) * 100)) * 3;
      return [data[i], data[i + 1], data[i + 2]];
    };
    // The bar turned 30° about its centre (75, 48): 30 mm left along it, (49, 33) is red…
    const [r, g] = at(75 - 30 * Math.cos(Math.PI / 6), 48 - 30 * Math.sin(Math.PI / 6)) as [number, number];
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
    // …and the upright box's right end is the cream ground again; nothing is black (hidden).
    expect(at(128, 48)).toEqual([255, 244, 214]);
    // The shape strip turned upright: green at (75, 62), cream where its flat box's left end was.
    expect(at(75, 62)).toEqual([0x2e, 0x8b, 0x3a]);
    expect(at(62, 74)).toEqual([255, 244, 214]);
  });
});
