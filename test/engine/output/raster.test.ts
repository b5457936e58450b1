import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { StudioError } from '../../../main/core/index.js';
import { renderRaster, renderRasterBuffer } from '../../../main/engine/output/raster/render-raster.js';
import { extendToEdges } from '../../../main/engine/output/raster/edges.js';
import { pixelRegionMm, planRaster } from '../../../main/engine/output/raster/strip-plan.js';
import { renderStrips, renderTile } from '../../../main/engine/output/raster/strips.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { diff } from '../../helpers/image-diff.js';
import { mixedScene } from '../../helpers/raster-fixtures.js';
import type { Scene, SceneItem } from '../../../main/engine/scene/types.js';
import { background, face, RED, scene, textRun, WHITE, YELLOW } from '../../helpers/scene-fixtures.js';

const dir = join(import.meta.dirname, '..', '..', '.out', 'raster');
const out = (name: string): string => join(dir, name);
beforeAll(() => mkdirSync(dir, { recursive: true }));

const rawOf = async (
  input: string | Buffer,
): Promise<{ data: Buffer; width: number; height: number; channels: number }> => {
  const { data, info } = await sharp(input, { limitInputPixels: false }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
};

/** XResolution and YResolution (tags 0x011A, 0x011B, RATIONAL) from IFD0 of an EXIF block. */
function exifResolution(exif: Buffer): [number, number] | undefined {
  const t = exif.indexOf('MM\0*') >= 0 ? exif.indexOf('MM\0*') : exif.indexOf('II*\0');
  if (t < 0) return undefined;
  const le = exif[t] === 0x49;
  const u16 = (o: number): number => (le ? exif.readUInt16LE(t + o) : exif.readUInt16BE(t + o));
  const u32 = (o: number): number => (le ? exif.readUInt32LE(t + o) : exif.readUInt32BE(t + o));
  const ifd = u32(4);
  const res: number[] = [];
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    if (u16(e) === 0x011a || u16(e) === 0x011b) res.push(u32(u32(e + 8)) / u32(u32(e + 8) + 4));
  }
  return res.length === 2 ? [res[0]!, res[1]!] : undefined;
}

async function rejection(p: Promise<unknown>): Promise<StudioError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StudioError) return e;
    throw e;
  }
  throw new Error('expected a StudioError');
}

/** How many bytes of two equal-length buffers differ, and by how much at most. */
function byteDiff(a: Uint8Array, b: Uint8Array): { n: number; worst: number } {
  let n = 0;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (d) {
      n++;
      worst = Math.max(worst, d);
    }
  }
  return { n, worst };
}

describe('raster writer: PNG', () => {
  it('writes an opaque 8-bit RGB PNG of ceil(mm/25.4×dpi) pixels with the dpi in pHYs', async () => {
    const s = mixedScene();
    const r = await renderRaster(s, out('mixed.png'), { format: 'png', dpi: 300 });
    expect([r.widthPx, r.heightPx, r.dpi]).toEqual([Math.ceil((120 / 25.4) * 300), Math.ceil((80 / 25.4) * 300), 300]);
    const m = await sharp(out('mixed.png')).metadata();
    expect([m.format, m.width, m.height, m.channels, m.depth, m.hasAlpha, m.density]).toEqual([
      'png',
      r.widthPx,
      r.heightPx,
      3,
      'uchar',
      false,
      300,
    ]);
    expect(r.bytes).toBe(readFileSync(out('mixed.png')).length);
    // pHYs holds pixels per metre: 300 dpi = 11811 px/m
    const file = readFileSync(out('mixed.png'));
    const at = file.indexOf('pHYs');
    expect(file.readUInt32BE(at + 4)).toBe(11811);
    expect(file[at + 12]).toBe(1);
    // a small thumbnail to look at
    await sharp(out('mixed.png')).resize(600).png().toFile(out('mixed-thumb.png'));
  });

  it('renders a screen format at exactly its pixel size, stamped 96 dpi', async () => {
    const base = mixedScene((1080 * 25.4) / 96, (1920 * 25.4) / 96, {
      bleedMm: 0,
      pixels: { width: 1080, height: 1920 },
    });
    const { data, info } = await renderRasterBuffer(base, { format: 'png' });
    const m = await sharp(data).metadata();
    expect([info.widthPx, info.heightPx, m.width, m.height, m.density]).toEqual([1080, 1920, 1080, 1920, 96]);
  });

  it('strips and tiles give the same pixels as one librsvg pass of the whole image', async () => {
    // 4725 × 709 px at 300 dpi: three tiles on the 2000 px grid, 97-row strips; a line, the
    // gradient and a run of big glyphs cross every seam.
    const wide = mixedScene(400, 60);
    wide.items.push(
      textRun('莫给骗子当韭菜', {
        x: 120,
        y: 45,
        sizeMm: 36,
        face: face(900),
        fill: WHITE,
        stroke: { colour: YELLOW, widthMm: 0.8 },
      }),
    );
    const flat = { ...wide, items: wide.items.filter((i) => i.kind !== 'gradient') };
    for (const bleed of [false, true]) {
      for (const s of [flat, wide]) {
        const plan = planRaster(s, { dpi: 300, bleed, maxStripPx: 97 });
        expect(plan.tiles.length).toBe(3);
        const single = await renderTile(extendToEdges(s, plan), plan, 0, plan.widthPx, 0, plan.heightPx);
        const striped = await renderRasterBuffer(s, { format: 'png', dpi: 300, bleed, maxStripPx: 97 });
        expect(striped.info.strips).toBeGreaterThanOrEqual(Math.ceil(plan.heightPx / 97));
        const got = await rawOf(striped.data);
        expect([got.width, got.height, got.channels]).toEqual([plan.widthPx, plan.heightPx, 3]);
        if (s === flat) {
          // Byte-identical: each tile is the whole image's SVG under an integer pixel translation,
          // cut where libvips cuts a single pass anyway.
          expect(got.data.equals(single)).toBe(true);
        } else {
          // Gradients may move by 1/255 on a few pixels: cairo fits a gradient to the area it
          // draws, and a strip is a different area than a single pass's 2000 px tile.
          const { n, worst } = byteDiff(got.data, single);
          expect(worst).toBeLessThanOrEqual(1);
          expect(n / single.length).toBeLessThan(1e-4);
        }
      }
    }
  });

  it('fills plain ground directly and still matches one librsvg pass', async () => {
    // A wide page, mostly ground: a slogan and a QR-like path in the middle third, so whole
    // strips and the columns either side are filled without librsvg. The ground is a red
    // rectangle, then a top-to-bottom gradient (sampled once per row).
    const base = scene({ name: 'ground', widthMm: 1000, heightMm: 300, bleedMm: 3, colourMode: 'rgb' });
    const qr: SceneItem = {
      kind: 'path',
      elementId: 'qr',
      d: 'M480 200H500V220H480ZM505 200H515V210H505Z',
      fill: WHITE,
    };
    const slogan = textRun('莫给骗子当韭菜', { x: 380, y: 150, sizeMm: 34, face: face(900), fill: WHITE });
    const gradient: SceneItem = {
      kind: 'gradient',
      elementId: 'bg',
      x: -3,
      y: -3,
      w: 1006,
      h: 306,
      x1: 500,
      y1: -3,
      x2: 500,
      y2: 303,
      stops: [
        { offset: 0, colour: RED },
        { offset: 1, colour: { rgb: '#7A0010' } },
      ],
    };
    for (const ground of [background(base, RED), gradient]) {
      const s: Scene = { ...base, items: [ground, slogan, qr] };
      for (const bleed of [false, true]) {
        const plan = planRaster(s, { dpi: 150, bleed, maxStripPx: 64 }); // 5906 px wide: 3 grid tiles
        let drawn = 0;
        for await (const st of renderStrips(extendToEdges(s, plan), plan)) drawn += st.drawnPx;
        expect(drawn).toBeGreaterThan(0);
        expect(drawn).toBeLessThan(0.35 * plan.widthPx * plan.heightPx);
        const single = await renderTile(extendToEdges(s, plan), plan, 0, plan.widthPx, 0, plan.heightPx);
        const got = await rawOf((await renderRasterBuffer(s, { format: 'png', dpi: 150, bleed, maxStripPx: 64 })).data);
        if (ground.kind === 'rect') {
          expect(got.data.equals(single)).toBe(true);
        } else {
          // librsvg fits a gradient to each area it draws, so its own tiles disagree by 1/255 here
          // and there; the rows sampled for the ground may too.
          const { n, worst } = byteDiff(got.data, single);
          expect(worst).toBeLessThanOrEqual(1);
          expect(n / single.length).toBeLessThan(0.02);
        }
      }
    }
  });

  it('matches the SVG of the same region drawn in one piece', async () => {
    // sceneToSvg of the pixel grid's region at the same size: the preview path. It rounds
    // coordinates to 0.001 mm, so anti-aliased edges may differ a little; nothing else.
    const s = mixedScene();
    const r = await renderRasterBuffer(s, { format: 'png', dpi: 150 });
    const plan = planRaster(s, { dpi: 150 });
    const svg = sceneToSvg(s, {
      region: pixelRegionMm(plan, 0, plan.widthPx, 0, plan.heightPx),
      widthPx: plan.widthPx,
      heightPx: plan.heightPx,
    });
    const preview = await sharp(Buffer.from(svg)).flatten({ background: '#FFFFFF' }).raw().toBuffer();
    const got = await rawOf(r.data);
    const d = diff(got.data, 3, preview, 3, r.info.widthPx, r.info.heightPx);
    expect(d.mean).toBeLessThan(0.2);
    expect(d.badShare).toBeLessThan(0.001);
  });

  it('reports progress once per strip', async () => {
    const calls: [number, number][] = [];
    const r = await renderRasterBuffer(mixedScene(), {
      format: 'png',
      dpi: 300,
      maxStripPx: 200,
      onProgress: (d, t) => calls.push([d, t]),
    });
    expect(calls.length).toBe(r.info.strips);
    expect(calls).toEqual(calls.map((_, i) => [i + 1, r.info.strips]));
  });

  it('a buffer render equals the file render, and refuses more than maxPixels', async () => {
    const s = mixedScene();
    const f = await renderRaster(s, out('same.png'), { format: 'png', dpi: 100 });
    const b = await renderRasterBuffer(s, { format: 'png', dpi: 100 });
    expect(b.data.equals(readFileSync(f.path))).toBe(true);
    const e = await rejection(renderRasterBuffer(s, { format: 'png', dpi: 300, maxPixels: 1_000_000 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/1418 × 945/);
  });
});

describe('raster writer: JPEG and WebP', () => {
  it('stamps the dpi in JPEG and WebP and keeps the picture', async () => {
    const s = mixedScene();
    const png = await rawOf((await renderRasterBuffer(s, { format: 'png', dpi: 150 })).data);
    for (const format of ['jpeg', 'webp'] as const) {
      const r = await renderRaster(s, out(`mixed.${format}`), { format, dpi: 150, quality: 92 });
      const m = await sharp(r.path).metadata();
      expect([m.format, m.width, m.height]).toEqual([format, r.widthPx, r.heightPx]);
      // JPEG: sharp reads the density back (JFIF); WebP keeps it only in EXIF, which sharp does not report.
      if (format === 'jpeg') expect(m.density).toBe(150);
      expect(m.exif && exifResolution(m.exif)).toEqual([150, 150]);
      const got = await rawOf(r.path);
      const d = diff(got.data, got.channels, png.data, 3, png.width, png.height);
      // Lossy: compression noise only. WebP always halves the colour resolution (4:2:0), so a few
      // pixels on sharp red/white/yellow edges differ a lot; JPEG is written 4:4:4.
      expect(d.mean).toBeLessThan(2.5);
      expect(d.badShare).toBeLessThan(format === 'jpeg' ? 0.002 : 0.01);
    }
  });

  it('refuses a WebP over 16,383 px with a way out, and leaves no file', async () => {
    const wide = scene({ widthMm: 3000, heightMm: 100, bleedMm: 0, items: [] });
    const path = out('too-wide.webp');
    rmSync(path, { force: true });
    const e = await rejection(renderRaster(wide, path, { format: 'webp', dpi: 150 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/17717 × 591/);
    expect(e.message).toMatch(/PNG/);
    expect(existsSync(path)).toBe(false);
  });

  it('checks quality and format', async () => {
    const s = mixedScene();
    expect((await rejection(renderRasterBuffer(s, { format: 'jpeg', quality: 0 }))).code).toBe('invalid-input');
    expect((await rejection(renderRasterBuffer(s, { format: 'gif' as 'png' }))).code).toBe('invalid-input');
  });
});

describe('raster writer: no partial output', () => {
  const own = join(dir, 'failures'); // a folder of its own: other tests write beside `dir` meanwhile
  beforeAll(() => mkdirSync(own, { recursive: true }));
  const temps = (): string[] => readdirSync(own).filter((f) => f.includes('.tmp-'));

  for (const format of ['png', 'jpeg'] as const) {
    it(`a ${format} render that fails part-way leaves the old file untouched and no temporary file`, async () => {
      const path = join(own, `keep.${format}`);
      writeFileSync(path, 'the previous file');
      const boom = new Error('stopped by the test');
      let seen = 0;
      const p = renderRaster(mixedScene(), path, {
        format,
        dpi: 300,
        maxStripPx: 128,
        onProgress: () => {
          if (++seen === 2 || format === 'jpeg') throw boom;
        },
      });
      await expect(p).rejects.toThrow();
      expect(readFileSync(path, 'utf8')).toBe('the previous file');
      expect(temps()).toEqual([]);
    });
  }

  it('fails with a clear message when the folder does not exist', async () => {
    const e = await rejection(
      renderRaster(mixedScene(), join(dir, 'no-such-dir', 'x.png'), { format: 'png', dpi: 50 }),
    );
    expect(e.code).toBe('output-failed');
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });
});
