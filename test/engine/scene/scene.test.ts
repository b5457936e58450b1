import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage, prepareAssets } from '../../../main/engine/assets/prepare.js';
import { buildScene } from '../../../main/engine/scene/build-scene.js';
import { effectiveDpi, fitImage } from '../../../main/engine/scene/image-fit.js';
import { sceneToSvg } from '../../../main/engine/output/svg.js';
import { StudioError } from '../../../main/core/index.js';
import { design } from '../../helpers/designs.js';
import { jsQR } from '../../helpers/jsqr.js';

async function pngAsset(w: number, h: number, colour = '#3366CC'): Promise<{ mime: 'image/png'; data: string }> {
  const buf = await sharp({ create: { width: w, height: h, channels: 3, background: colour } })
    .png()
    .toBuffer();
  return { mime: 'image/png', data: buf.toString('base64') };
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('QR codes', () => {
  it('renders a code that a QR reader decodes back to its content', async () => {
    const content = 'https://www.gjfzzx.cn/?来源=反诈小铺';
    const d = design({
      format: { widthMm: 60, heightMm: 60 },
      elements: [{ id: 'qr', type: 'qr', box: { x: 5, y: 5, w: 50, h: 50 }, content }],
    });
    const { scene } = buildScene(d);
    const { data, info } = await sharp(Buffer.from(sceneToSvg(scene, { widthPx: 600, heightPx: 600 })))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    expect(code?.data).toBe(content);
  });

  it('refuses content too long for any QR version, naming the element', () => {
    const d = design({
      elements: [{ id: 'qr', type: 'qr', box: { x: 5, y: 5, w: 50, h: 50 }, content: '反'.repeat(1100), ecLevel: 'H' }],
    });
    expect(() => buildScene(d)).toThrow(/「二维码」的内容无法编码/);
  });
});

describe('images', () => {
  it('cover fills the box and clips; contain fits inside it', async () => {
    const img = await prepareImage('p', await pngAsset(400, 200));
    const cover = fitImage('e', img, { x: 0, y: 0, w: 100, h: 100 }, 'cover', undefined, 0);
    expect(cover.h).toBeCloseTo(100);
    expect(cover.w).toBeCloseTo(200);
    expect(cover.x).toBeCloseTo(-50);
    expect(cover.clip).toMatchObject({ x: 0, y: 0, w: 100, h: 100 });
    const contain = fitImage('e', img, { x: 0, y: 0, w: 100, h: 100 }, 'contain', undefined, 0);
    expect(contain).toMatchObject({ w: 100, h: 50, x: 0, y: 25 });
    expect(effectiveDpi(contain)).toBeCloseTo(400 / (100 / 25.4));
  });

  it('a crop shows only the chosen part of the source', async () => {
    const img = await prepareImage('p', await pngAsset(400, 200));
    const it = fitImage('e', img, { x: 10, y: 10, w: 50, h: 50 }, 'cover', { x: 0.5, y: 0, w: 0.5, h: 1 }, 0);
    // The right half (200×200 px) fills the 50 mm box: the whole source is 100 mm wide, shifted left by 50 mm.
    expect(it.w).toBeCloseTo(100);
    expect(it.x).toBeCloseTo(10 - 50);
  });

  it('rejects a corrupt, truncated or empty image with a message naming it', async () => {
    const good = Buffer.from((await pngAsset(300, 300)).data, 'base64');
    const cases = [Buffer.from('not an image at all'), good.subarray(0, good.length / 2), Buffer.alloc(0)];
    for (const buf of cases) {
      await expect(prepareImage('photo', { mime: 'image/png', data: buf.toString('base64') })).rejects.toSatisfy(
        (e: unknown) => e instanceof StudioError && e.code === 'bad-image' && e.message.includes('photo'),
      );
    }
  });

  it('rejects an image with too many pixels before decoding it', async () => {
    // A tiny PNG whose header claims 20000×20000 px (a decompression bomb): the header alone must stop it.
    const huge = Buffer.from(
      await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    huge.writeUInt32BE(20000, 16);
    huge.writeUInt32BE(20000, 20);
    huge.writeUInt32BE(crc32(huge.subarray(12, 29)), 29);
    // Too large, with its size and the limit — not "corrupt" (libvips' "Input image exceeds pixel limit").
    await expect(prepareImage('big', { mime: 'image/png', data: huge.toString('base64') })).rejects.toMatchObject({
      code: 'too-large',
      message: '图片「big」太大：20000×20000 像素，共 40000 万像素，上限 8000 万像素',
    });
  });

  it('an empty photo slot draws nothing and leaves a note', async () => {
    const d = design({
      elements: [{ id: 'photo', slot: 'photo', label: '现场照片', type: 'image', box: { x: 0, y: 0, w: 10, h: 10 } }],
    });
    const { scene } = buildScene(d, await prepareAssets(d));
    expect(scene.items.filter((i) => i.kind === 'image')).toHaveLength(0);
    expect(scene.notes[0]).toMatchObject({ kind: 'empty-slot', elementId: 'photo' });
  });
});

describe('background', () => {
  it('covers the bleed, and a 0° gradient runs top to bottom', () => {
    const d = design({
      format: { widthMm: 100, heightMm: 200, bleedMm: 3 },
      background: {
        type: 'linear-gradient',
        angleDeg: 0,
        stops: [
          { offset: 0, colour: '#FF0000' },
          { offset: 1, colour: '#0000FF' },
        ],
      },
    });
    const g = buildScene(d).scene.items[0]!;
    expect(g).toMatchObject({ kind: 'gradient', x: -3, y: -3, w: 106, h: 206 });
    if (g.kind === 'gradient') {
      expect(g.x1).toBeCloseTo(g.x2);
      expect(g.y1).toBeCloseTo(-3);
      expect(g.y2).toBeCloseTo(203);
    }
  });
});
