import { describe, expect, it } from 'vitest';
import { StudioError } from '../../../main/core/index.js';
import { planRaster, RSVG_MAX_PX } from '../../../main/engine/output/raster/strip-plan.js';
import { scene } from '../../helpers/scene-fixtures.js';

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof StudioError ? e.code : `not a StudioError: ${String(e)}`;
  }
  return undefined;
};

describe('raster plan: pixel size, density, strips and tiles', () => {
  it('sizes the image as ceil(mm / 25.4 × dpi) on each axis', () => {
    const a2 = planRaster(scene({ widthMm: 420, heightMm: 594 }), { dpi: 300 });
    expect([a2.widthPx, a2.heightPx, a2.dpi]).toEqual([4961, 7016, 300]);
    const banner = planRaster(scene({ widthMm: 6000, heightMm: 700 }), { dpi: 150 });
    expect([banner.widthPx, banner.heightPx]).toEqual([35434, 4134]);
    // bleed adds 2 × 3 mm
    const withBleed = planRaster(scene({ widthMm: 420, heightMm: 594, bleedMm: 3 }), { dpi: 300, bleed: true });
    expect([withBleed.widthPx, withBleed.heightPx]).toEqual([
      Math.ceil((426 / 25.4) * 300),
      Math.ceil((600 / 25.4) * 300),
    ]);
    expect(withBleed.region).toEqual({ x: -3, y: -3, w: 426, h: 600 });
  });

  it('defaults to the scene dpi, or the exact pixel size of a screen format at 96 dpi', () => {
    expect(planRaster(scene({ widthMm: 100, heightMm: 50, dpi: 200 })).dpi).toBe(200);
    const wechat = scene({
      widthMm: (1080 * 25.4) / 96,
      heightMm: (1920 * 25.4) / 96,
      bleedMm: 0,
      pixels: { width: 1080, height: 1920 },
    });
    const p = planRaster(wechat);
    expect([p.widthPx, p.heightPx, p.dpi]).toEqual([1080, 1920, 96]);
    expect(planRaster(wechat, { dpi: 192 }).widthPx).toBe(2160);
  });

  it('takes an exact width instead of a dpi', () => {
    const p = planRaster(scene({ widthMm: 420, heightMm: 594 }), { widthPx: 1000 });
    expect(p.widthPx).toBe(1000);
    expect(p.heightPx).toBe(Math.ceil((594 * 1000) / 420 - 1e-6));
    expect(p.dpi).toBeCloseTo((1000 / 420) * 25.4, 9);
    expect(codeOf(() => planRaster(scene(), { widthPx: 10.5 }))).toBe('invalid-input');
    expect(codeOf(() => planRaster(scene(), { widthPx: 100, dpi: 72 }))).toBe('invalid-input');
  });

  it('rejects bad densities and outputs over ~2 gigapixels', () => {
    for (const dpi of [0, -10, Number.NaN, Number.POSITIVE_INFINITY, 2401])
      expect(codeOf(() => planRaster(scene(), { dpi }))).toBe('invalid-input');
    expect(codeOf(() => planRaster(scene({ widthMm: 100, heightMm: 100 }), { dpi: 2400 }))).toBeUndefined();
    expect(codeOf(() => planRaster(scene(), { dpi: 2400 }))).toBe('too-large'); // A2: 39,685 × 56,126 px
    expect(codeOf(() => planRaster(scene({ widthMm: 6000, heightMm: 700 }), { dpi: 600 }))).toBe('too-large');
  });

  it('cuts whole-pixel strips and tiles that cover the image exactly, tiles within the librsvg limit', () => {
    const banner = planRaster(scene({ widthMm: 6000, heightMm: 700 }), { dpi: 150 });
    expect(banner.paddedWidthPx % 4).toBe(0);
    expect(banner.tiles.map((t) => [t.x0, t.x1])).toEqual([
      [0, 32000],
      [32000, 35436],
    ]);
    for (const p of [banner, planRaster(scene(), { dpi: 300, maxStripPx: 97 })]) {
      expect(p.tiles.every((t) => t.x1 - t.x0 <= RSVG_MAX_PX)).toBe(true);
      expect(p.tiles[0]!.x0).toBe(0);
      p.tiles.slice(1).forEach((t, i) => expect(t.x0).toBe(p.tiles[i]!.x1));
      expect(p.tiles.at(-1)!.x1).toBe(p.paddedWidthPx);
      expect(p.strips[0]!.y0).toBe(0);
      p.strips.slice(1).forEach((s, i) => expect(s.y0).toBe(p.strips[i]!.y1));
      expect(p.strips.at(-1)!.y1).toBe(p.heightPx);
      expect(p.strips.every((s) => s.y1 - s.y0 <= p.rowsPerStrip && Number.isInteger(s.y0))).toBe(true);
    }
    // the test hook caps strip rows; tiles stay on libvips' 2000 px SVG tile grid
    const capped = planRaster(scene(), { dpi: 300, maxStripPx: 97 });
    expect(capped.rowsPerStrip).toBeLessThanOrEqual(97);
    expect(capped.tiles.map((t) => t.x0)).toEqual([0, 2000, 4000]);
  });
});
