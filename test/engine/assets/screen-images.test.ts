import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { prepareImage } from '../../../main/engine/assets/prepare.js';
import { SCREEN_IMAGE_PX, screenImages } from '../../../main/engine/assets/screen-images.js';
import { previewScene, rowPreview } from '../../../main/server/handlers/preview.js';
import { design } from '../../helpers/designs.js';

const photo = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();

describe('screen-sized images for the live preview', () => {
  it('shrinks a camera photo to the screen size but keeps its geometry', async () => {
    const img = await prepareImage('p', { mime: 'image/jpeg', data: (await photo(4000, 3000)).toString('base64') });
    const out = (await screenImages(new Map([['p', img]]))).get('p')!;
    expect(out).toMatchObject({ widthPx: 4000, heightPx: 3000, sha256: img.sha256, mime: 'image/jpeg' });
    expect(await sharp(out.data).metadata()).toMatchObject({ width: SCREEN_IMAGE_PX, height: 1536 });
  });

  it('leaves a small image as it is', async () => {
    const img = await prepareImage('s', { mime: 'image/jpeg', data: (await photo(800, 600)).toString('base64') });
    expect((await screenImages(new Map([['s', img]]))).get('s')).toBe(img);
  });

  it('previewSvg carries the small bitmap, placed in the print box', async () => {
    const big = (await photo(6000, 4000)).toString('base64');
    const d = design({
      assets: { photo: { mime: 'image/jpeg', data: big } },
      elements: [{ id: 'ph', type: 'image', asset: 'photo', box: { x: 10, y: 10, w: 100, h: 60 } }],
    });
    const { svg } = rowPreview(await previewScene(d));
    const href = /href="data:image\/jpeg;base64,([^"]+)"/.exec(svg)![1]!;
    expect(href.length).toBeLessThan(big.length / 4);
    expect(await sharp(Buffer.from(href, 'base64')).metadata()).toMatchObject({ width: SCREEN_IMAGE_PX });
    expect(svg).toMatch(/<image [^>]*width="[\d.]+" height="[\d.]+"/);
  });
});
