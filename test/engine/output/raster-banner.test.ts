import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRaster } from '../../../main/engine/output/raster/render-raster.js';
import { extendToEdges } from '../../../main/engine/output/raster/edges.js';
import { planRaster, RSVG_MAX_PX } from '../../../main/engine/output/raster/strip-plan.js';
import { renderTile } from '../../../main/engine/output/raster/strips.js';
import { simpleBanner } from '../../helpers/raster-fixtures.js';

const dir = join(import.meta.dirname, '..', '..', '.out', 'raster');
beforeAll(() => mkdirSync(dir, { recursive: true }));

/** A region of a big image file as RGB. */
async function region(path: string, left: number, top: number, width: number, height: number): Promise<Buffer> {
  return sharp(path, { limitInputPixels: false }).extract({ left, top, width, height }).raw().toBuffer();
}

const RED = [0xe6, 0x00, 0x12];
const WHITE = [255, 255, 255];
const isColour = (b: Buffer, i: number, c: number[]): boolean =>
  b[i] === c[0] && b[i + 1] === c[1] && b[i + 2] === c[2];

describe('raster writer: wider than librsvg can draw', () => {
  it('renders the 6 m banner at 150 dpi (35,434 px) as PNG with no seam at the tile edge', async () => {
    const s = simpleBanner();
    const path = join(dir, 'banner-150.png');
    const r = await renderRaster(s, path, { format: 'png', dpi: 150 });
    expect([r.widthPx, r.heightPx]).toEqual([35434, 4134]);
    expect(r.widthPx).toBeGreaterThan(RSVG_MAX_PX);
    const m = await sharp(path, { limitInputPixels: false }).metadata();
    expect([m.width, m.height, m.channels, m.density]).toEqual([35434, 4134, 3, 150]);

    // The band across the seam (tile edge at x = 32,000) equals the same band drawn as one piece
    // (cut on libvips' 2000 px grid, as a single pass would be if librsvg allowed one).
    const plan = planRaster(s, { dpi: 150 });
    const seam = plan.tiles[1]!.x0;
    expect(seam).toBe(32000);
    const [x0, x1] = [seam - 2000, seam + 2000];
    const got = await region(path, x0, 0, x1 - x0, r.heightPx);
    const want = await renderTile(extendToEdges(s, plan), plan, x0, x1, 0, r.heightPx);
    expect(got.equals(want)).toBe(true);

    // ...and it is not blank: red ground above and below, white glyph strokes in between, on
    // both sides of the seam; every pixel is red, white or an anti-aliased mix of the two.
    let red = 0,
      white = 0;
    for (let i = 0; i < got.length; i += 3) {
      if (isColour(got, i, RED)) red++;
      else if (isColour(got, i, WHITE)) white++;
      else expect(got[i]).toBeGreaterThan(0xe0); // red channel never drops: no black or blank tiles
    }
    expect(red).toBeGreaterThan(0.3 * (got.length / 3));
    expect(white).toBeGreaterThan(0.05 * (got.length / 3));
    const rowBytes = (x1 - x0) * 3;
    const mid = 2067 * rowBytes;
    const whiteLeft = [...Array(2000).keys()].some((x) => isColour(got, mid + x * 3, WHITE));
    const whiteRight = [...Array(2000).keys()].some((x) => isColour(got, mid + (2000 + x) * 3, WHITE));
    expect([whiteLeft, whiteRight]).toEqual([true, true]);

    // The right edge is drawn (red), not padding or transparency: the last column is only 7 %
    // on the page, and the ground carries on into it (no pale hairline).
    const edge = await region(path, r.widthPx - 3, 0, 3, 50);
    for (let i = 0; i < edge.length; i += 3) expect(isColour(edge, i, RED)).toBe(true);
  });

  it('renders a JPEG wider than 32,767 px by compositing tiles', async () => {
    const s = simpleBanner(6000, 120);
    const path = join(dir, 'banner-wide.jpg');
    const r = await renderRaster(s, path, { format: 'jpeg', dpi: 140 });
    expect(r.widthPx).toBeGreaterThan(RSVG_MAX_PX);
    const m = await sharp(path, { limitInputPixels: false }).metadata();
    expect([m.format, m.width, m.height, m.density]).toEqual(['jpeg', r.widthPx, r.heightPx, 140]);
    const seam = planRaster(s, { dpi: 140 }).tiles[1]!.x0;
    const got = await region(path, seam - 2000, 0, r.widthPx - (seam - 2000), r.heightPx);
    const plan = planRaster(s, { dpi: 140 });
    const want = await renderTile(extendToEdges(s, plan), plan, seam - 2000, r.widthPx, 0, r.heightPx);
    let sum = 0;
    for (let i = 0; i < got.length; i++) sum += Math.abs(got[i]! - want[i]!);
    expect(sum / got.length).toBeLessThan(3); // JPEG noise only, no seam or blank tile
  });
});
