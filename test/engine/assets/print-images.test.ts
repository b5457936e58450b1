import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../../../main/engine/assets/prepare.js';
import { imagesAtDpi } from '../../../main/engine/assets/print-images.js';
import { renderDesigns, scenesFor } from '../../../main/engine/render.js';
import { design, OUT_DIR } from '../../helpers/designs.js';
import { plainPhoto } from '../../helpers/photos.js';

/* Photos resampled once to what a raster output draws of them (librsvg decodes per strip). */
describe('photos at the output resolution', () => {
  const poster = async () => {
    const data = (await plainPhoto(4000, 3000)).toString('base64');
    return design({
      format: { widthMm: 200, heightMm: 150, dpi: 100 },
      assets: { p: { mime: 'image/jpeg', data } },
      elements: [{ id: 'ph', type: 'image', asset: 'p', box: { x: 0, y: 0, w: 200, h: 150 } }],
    });
  };

  it('holds no more pixels than the dpi draws; smaller photos and other items stay as they are', async () => {
    const [scene] = await scenesFor([await poster()], false);
    const at = await imagesAtDpi(scene!, 100);
    const img = at.items.find((i) => i.kind === 'image')!;
    expect(img.kind === 'image' && [img.image.widthPx, img.image.heightPx]).toEqual([788, 591]);
    expect(img.kind === 'image' && (await sharp(img.image.data).metadata()).width).toBe(788);
    expect(await imagesAtDpi(scene!, 600)).toStrictEqual(scene);
    const small = await prepareImage('s', { mime: 'image/jpeg', data: (await plainPhoto(100, 75)).toString('base64') });
    expect(small.widthPx).toBe(100);
  });

  it('the PNG shows the same photo, drawn from the smaller copy', async () => {
    const out = join(OUT_DIR, 'print-images.png');
    await renderDesigns([await poster()], { out, dpi: 100 });
    const { data, info } = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([788, 591]);
    const mid = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
    expect(Math.abs(data[mid]! - 200)).toBeLessThan(6);
    expect(Math.abs(data[mid + 1]! - 30)).toBeLessThan(6);
  });
});
